import { describe, expect, it } from 'vitest';
import { EVENT_TYPE_NAMES, EVENT_TYPES, eventTypeInfo, isEventType } from '../../src/knowledge/event-types.js';
import { TYPE_COLORS } from '../../src/graph/style.js';
import { eventLabel } from '../../src/graph/build.js';
import { compileTriggerLexicon } from '../../src/knowledge/trigger-lexicon.js';
import { readEventLexiconFiles } from '../../src/knowledge/event-lexicon.js';

describe('the event-type registry', () => {
  it('gives every type a family, ACLED types, a label and a colour of its own', () => {
    const colours = new Set<string>();
    for (const t of EVENT_TYPE_NAMES) {
      const info = eventTypeInfo(t);
      expect(info.family, t).toMatch(/^[a-z]+$/);
      expect(info.acled, t).toMatch(/^(?:Battles|Explosions\/Remote violence|Violence against civilians|Strategic developments|Protests|Riots)$/);
      expect(info.acledSub.length, t).toBeGreaterThan(0);
      expect(info.agentless.length, t).toBeGreaterThan(0);
      expect(info.color, t).toMatch(/^#[0-9a-f]{6}$/);
      colours.add(info.color);
    }
    expect(colours.size).toBe(EVENT_TYPE_NAMES.length);
    expect(isEventType('battle')).toBe(true);
    expect(isEventType('picnic')).toBe(false);
    expect(isEventType('toString')).toBe(false);
  });

  it('is what the extractor, the labels and the palette read', () => {
    const lex = compileTriggerLexicon(readEventLexiconFiles());
    for (const t of EVENT_TYPE_NAMES) {
      expect(lex.typeDefaults.get(t)?.acled).toBe(EVENT_TYPES[t].acled);
      expect(TYPE_COLORS[t]).toBe(EVENT_TYPES[t].color);
    }
    // a lexicon file may still override a type's ACLED sub-type, and never add an unknown type
    const warnings: string[] = [];
    const custom = compileTriggerLexicon({ types: { arrest: { sub: 'Abduction/forced disappearance' }, picnic: {} } }, (d) => warnings.push(d.message));
    expect(custom.typeDefaults.get('arrest')).toEqual({ acled: 'Strategic developments', sub: 'Abduction/forced disappearance' });
    expect(warnings.join()).toMatch(/unknown event type "picnic"/);
    expect(eventLabel('withdrawal', 'ISIL', 'Palmyra', undefined, undefined)).toBe(`ISIL ${EVENT_TYPES.withdrawal.verb} Palmyra`);
    expect(eventLabel('statement', 'Russia', 'Moscow', undefined, undefined)).toBe('Russia statement in Moscow');
  });
});
