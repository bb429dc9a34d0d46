import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/knowledge/knowledge.js';

describe('actor refs carry the branch a state force is', () => {
  const kb = loadKnowledgeBase();
  it("gives a country's air force its role, for the merger to type what it does", () => {
    expect(kb.stateOf('SY', 'air force')?.role).toBe('air force');
    expect(kb.stateOf('SY', 'army')?.role).not.toBe('air force');
  });
  it('gives no role to a government', () => {
    expect(kb.stateOf('SY', 'government')?.role).not.toBe('air force');
  });
});
