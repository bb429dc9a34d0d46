import { readFileSync } from 'node:fs';
import { documentContext, sentenceAttributes, WordMemo, type DocumentContext } from './features.js';
import { decodeModel, type LoadedModel, type ModelFile } from './model-file.js';
import type { DocumentNames, NameKnowledge } from './name-knowledge.js';
import { Decoder } from './perceptron.js';
import { nerTokenize, type NerToken } from './tokenize.js';

/**
 * The named-entity tagger: a text span in, the names in it out (PER, ORG, LOC, MISC), read by the
 * perceptron of data/models/ner.json (trained by `npm run train:ner` on CoNLL-2003).
 */

export type NerType = 'PER' | 'ORG' | 'LOC' | 'MISC';

export interface NerSpan {
  type: NerType;
  start: number;
  end: number;
  /** Index of its first token, and its token count. */
  first: number;
  tokens: number;
  /** The smallest margin of its tokens' tags over the next best tag (in weight units): how sure the tagger is. */
  margin: number;
  /** Each token's margin, for a reader that trims the span ("The" of "The National Bank"). */
  margins: number[];
  /**
   * How sure the tagger is that its words make one name, whatever its type: the lead of its first
   * tag over O, and the margins of the tags after it (over O, or a new name starting). "Deportivo
   * Coruna" is surely one name (309 on "Coruna") though the tagger doubts between ORG and LOC (7).
   */
  extent: number;
}

export const DEFAULT_NER_MODEL = new URL('../../../data/models/ner.json', import.meta.url);

export class NerTagger {
  private readonly decoder: Decoder;
  private readonly types: (NerType | undefined)[];
  private readonly begins: boolean[];
  private readonly memo: WordMemo;

  /** `knowledge`: the names the model was trained to read beside it (see its settings.knownNames). */
  constructor(
    readonly model: LoadedModel,
    private readonly knowledge?: NameKnowledge,
  ) {
    this.memo = new WordMemo(model.vocab);
    // The model comes from the weights file (int16 steps): its scores may be summed per word.
    this.decoder = new Decoder(model, this.memo);
    this.types = model.tags.map((t) => (t === 'O' ? undefined : (t.slice(2) as NerType)));
    this.begins = model.tags.map((t) => t.startsWith('B-'));
  }

  static load(file: URL | string = DEFAULT_NER_MODEL, knowledge?: NameKnowledge): NerTagger {
    return new NerTagger(decodeModel(JSON.parse(readFileSync(file, 'utf8')) as ModelFile), knowledge);
  }

  tokenize(text: string, from = 0, to = text.length): NerToken[] {
    return nerTokenize(text, from, to, this.model.abbreviations);
  }

  /** A document's context: pass it with each of its sentences, in order. */
  documentContext(sentences: Iterable<readonly { text: string }[]>): DocumentContext {
    return documentContext(sentences);
  }

  /** Tag ids of the tokens (one sentence). */
  tagIds(tokens: readonly { text: string; start?: number }[], doc?: DocumentContext, found?: DocumentNames): Int32Array {
    return this.decoder.decode(sentenceAttributes(tokens, this.model.vocab, doc, this.memo, this.knowledge, found));
  }

  /** Tag names of the tokens (one sentence). */
  tag(tokens: readonly { text: string }[], doc?: DocumentContext): string[] {
    const ids = this.tagIds(tokens, doc);
    const out: string[] = [];
    for (let i = 0; i < ids.length; i++) out.push(this.model.tags[ids[i]!]!);
    return out;
  }

  /** The names in one sentence, text[from, to), with their offsets in `text`. */
  spans(text: string, from = 0, to = text.length): NerSpan[] {
    const tokens = this.tokenize(text, from, to);
    return this.spansOfTokens(tokens);
  }

  /** `found`: the names the knowledge base's matcher found over the whole text the tokens come from, so they are not matched again. */
  spansOfTokens(tokens: readonly NerToken[], doc?: DocumentContext, found?: DocumentNames): NerSpan[] {
    const ids = this.tagIds(tokens, doc, found);
    const out: NerSpan[] = [];
    let open: NerSpan | undefined;
    // A name ends in a name word ("Luiz Inacio Lula da Silva won" is cut after Silva), and a
    // person's name holds no lower-case word but its particles: "X met Y and Z" is three people.
    const close = (span: NerSpan): void => {
      const end = span.first + span.tokens;
      let from = span.first;
      for (let k = span.first; k <= end; k++) {
        const cut = k === end || (k > from && span.type === 'PER' && LOWER_WORD.test(tokens[k]!.text));
        if (!cut) continue;
        let last = k - 1;
        while (last > from && ALL_LOWER.test(tokens[last]!.text)) last--;
        if (last >= from && !ALL_LOWER.test(tokens[last]!.text) && !LOWER_WORD.test(tokens[from]!.text)) {
          // a piece is as sure as its own words
          const margins = span.margins.slice(from - span.first, last - span.first + 1);
          out.push({ ...span, start: tokens[from]!.start, end: tokens[last]!.end, first: from, tokens: last - from + 1, margins, margin: Math.min(...margins), extent: extentOf(this.decoder.overOutside[from]!, margins) });
        }
        from = k + 1;
      }
    };
    for (let i = 0; i < ids.length; i++) {
      const type = this.types[ids[i]!];
      if (open && (type === undefined || this.begins[ids[i]!] || type !== open.type)) {
        close(open);
        open = undefined;
      }
      if (type === undefined) continue;
      const tok = tokens[i]!;
      const margin = this.decoder.margins[i]!;
      if (open) {
        open.end = tok.end;
        open.tokens++;
        open.margin = Math.min(open.margin, margin);
        open.margins.push(margin);
      } else open = { type, start: tok.start, end: tok.end, first: i, tokens: 1, margin, margins: [margin], extent: 0 };
    }
    if (open) close(open);
    return out;
  }
}

/** A span's extent (see NerSpan): its first token's lead over O, and its other tokens' margins. */
export function extentOf(firstLead: number, margins: readonly number[]): number {
  let out = firstLead;
  for (let k = 1; k < margins.length; k++) out = Math.min(out, margins[k]!);
  return out;
}

const ALL_LOWER = /^\p{Ll}+$/u;
/** A word in lower-case letters only ("won", "said") that is no particle of a name. */
const LOWER_WORD = /^(?!(?:da|das|de|del|della|di|do|dos|du|van|von|der|den|ter|bin|ibn|al|el|la|le)$)\p{Ll}+$/u;
