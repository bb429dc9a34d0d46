import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildVocabulary, documentContext, FeatureBuffer, normalizeWord, sentenceAttributes, staticFeatures, WordMemo, wordShape } from '../../src/knowledge/ner/features.js';
import { FeatureTable } from '../../src/knowledge/ner/feature-table.js';
import { decodeModel, encodeModel } from '../../src/knowledge/ner/model-file.js';
import { Decoder, PerceptronTrainer, type TrainingSentence } from '../../src/knowledge/ner/perceptron.js';
import { bioSpans, parseConll, scoreTagging, toBio } from '../../src/knowledge/ner/conll.js';
import { nerTokenize } from '../../src/knowledge/ner/tokenize.js';
import { DEFAULT_NER_MODEL, extentOf, NerTagger } from '../../src/knowledge/ner/tagger.js';
import { seededRandom } from '../../src/util/random.js';
import { loadKnowledgeBase } from '../../src/knowledge/knowledge.js';
import { knownNameClasses, type NameKnowledge } from '../../src/knowledge/ner/name-knowledge.js';

const TAGS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'];

/** A tiny corpus of our own: "W T" pairs, tags after a slash. */
function corpus(lines: string[]): TrainingSentence[] {
  return lines.map((line, doc) => {
    const tokens: { text: string }[] = [];
    const tags: string[] = [];
    for (const part of line.split(' ')) {
      const [w, t] = part.split('/');
      tokens.push({ text: w! });
      tags.push(t ?? 'O');
    }
    return { tokens, tags, doc };
  });
}

const TINY = corpus([
  'Officials/O said/O Maria/B-PER Lindqvist/I-PER met/O Tomas/B-PER Berg/I-PER in/O Oslo/B-LOC ./O',
  'The/O Nordic/B-ORG Fisheries/I-ORG Council/I-ORG said/O on/O Monday/O it/O would/O meet/O in/O Bergen/B-LOC ./O',
  'Anna/B-PER Holm/I-PER ,/O a/O spokeswoman/O for/O Statoil/B-ORG ,/O flew/O to/O Stavanger/B-LOC ./O',
  'Police/O in/O Tromso/B-LOC arrested/O Erik/B-PER Dahl/I-PER on/O Tuesday/O ./O',
  'Talks/O between/O Norway/B-LOC and/O Sweden/B-LOC ended/O ,/O Lars/B-PER Moen/I-PER said/O ./O',
]);

/** A knowledge base of our own: a few towns, one body, some given names. */
const TOWNS = ['Oslo', 'Bergen', 'Stavanger', 'Tromso', 'Narvik', 'Bodo', 'Alta'];
const KNOWLEDGE: NameKnowledge = {
  findNames(text) {
    const out = [];
    for (const [name, kind, type] of [...TOWNS.map((t) => [t, 'place', 'city'] as const), ['Nordic Fisheries Council', 'actor', 'organization'] as const]) {
      for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) out.push({ start: at, end: at + name.length, surface: name, candidates: [{ kind, id: name, type }] });
    }
    return out.sort((a, b) => a.start - b.start);
  },
  isGivenName: (w) => ['maria', 'tomas', 'anna', 'erik', 'lars', 'ingrid'].includes(w.toLowerCase()),
};

function train(sentences: TrainingSentence[], epochs: number, seed = 3, knowledge?: NameKnowledge) {
  const random = seededRandom(seed);
  const shuffle = <T>(items: T[]) => {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
  };
  const vocab = buildVocabulary(sentences.map((s) => s.tokens), 1);
  const trainer = new PerceptronTrainer(sentences, { tags: TAGS, vocab, minFeatureCount: 1, shuffle, knowledge });
  for (let e = 0; e < epochs; e++) trainer.epoch();
  return trainer;
}

describe('NER features', () => {
  it('normalises words and shapes', () => {
    expect(normalizeWord('Paris')).toBe('paris');
    expect(normalizeWord('1996-08-30')).toBe('0000-00-00');
    expect(wordShape('Paris')).toBe('Xx');
    expect(wordShape('U.S.')).toBe('X.X.');
    expect(wordShape('1996-08-30')).toBe('d-d-d');
    expect(wordShape('McDonald')).toBe('XxXx');
    expect(wordShape('Ösel')).toBe('Xx');
  });

  it('gives a token its word, neighbour, shape, affix and document features', () => {
    const tokens = [{ text: 'Officials' }, { text: 'met' }, { text: 'Berg' }, { text: '.' }];
    const vocab = buildVocabulary([tokens, [{ text: 'officials' }]], 1);
    const doc = documentContext([tokens, [{ text: 'officials' }]]);
    const s = sentenceAttributes(tokens, vocab, doc);
    expect(s.word[0]).toBe(vocab.words.get('officials'));
    expect(s.lowerElsewhere[0]).toBe(1);
    expect(s.lowerElsewhere[2]).toBe(0);
    const buf = new FeatureBuffer();
    staticFeatures(s, 2, buf);
    const keys = new Set<string>();
    for (let f = 0; f < buf.count; f++) keys.add(`${buf.k1[f]}:${buf.k2[f]}`);
    expect(keys.size).toBe(buf.count); // no feature twice
    // The word before, and the one after, are features of "Berg".
    expect(keys.has(`2:${vocab.words.get('met')}`)).toBe(true);
    expect(keys.has(`3:${vocab.words.get('.')}`)).toBe(true);
    // Same input, same features.
    const again = new FeatureBuffer();
    staticFeatures(sentenceAttributes(tokens, vocab, doc), 2, again);
    expect(Array.from(again.k1.subarray(0, again.count))).toEqual(Array.from(buf.k1.subarray(0, buf.count)));
  });

  it('tokenises as CoNLL does', () => {
    const text = "Smith's U.S. unit doesn't sell 3,000 shares, Acme Corp. said.";
    const toks = nerTokenize(text, 0, text.length, new Set(['Corp.'])).map((t) => t.text);
    expect(toks).toEqual(['Smith', "'s", 'U.S.', 'unit', 'does', "n't", 'sell', '3,000', 'shares', ',', 'Acme', 'Corp.', 'said', '.']);
  });
});

describe('feature table', () => {
  it('maps keys to rows and grows', () => {
    const t = new FeatureTable(2);
    for (let i = 0; i < 5000; i++) expect(t.add(i * 7, i % 13)).toBe(i);
    for (let i = 0; i < 5000; i++) expect(t.get(i * 7, i % 13)).toBe(i);
    expect(t.get(1, 1)).toBe(-1);
    expect(t.add(7, 1)).toBe(1);
  });
});

describe('averaged perceptron', () => {
  it('fits a tiny training set', () => {
    const trainer = train(TINY, 10);
    const model = trainer.model(trainer.averaged());
    const decoder = new Decoder(model);
    for (const s of TINY) {
      const got = Array.from(decoder.decode(sentenceAttributes(s.tokens, model.vocab)), (id) => TAGS[id]);
      expect(got).toEqual(s.tags);
    }
  });

  it('reads what the knowledge base knows of a word it never saw in training', () => {
    const tokens = [{ text: 'Ingrid' }, { text: 'Sand' }, { text: 'visited' }, { text: 'the' }, { text: 'Nordic' }, { text: 'Fisheries' }, { text: 'Council' }, { text: 'in' }, { text: 'Narvik' }];
    const known = knownNameClasses(KNOWLEDGE, tokens);
    // A given name (bit 4); a body over three tokens (kind 5: first token, then inside); a city (kind 2).
    expect(Array.from(known)).toEqual([16, 0, 0, 0, 10, 11, 11, 0, 4]);
    // Trained with the knowledge, the tagger types towns and given names it never saw.
    const trainer = train(TINY, 10, 3, KNOWLEDGE);
    const tagger = new NerTagger(decodeModel(encodeModel(trainer.model(trainer.averaged()), { about: 't', data: { name: 't', citation: 't', files: [] }, settings: {}, dev: {} }, [], 1e-6)), KNOWLEDGE);
    for (const s of TINY) expect(tagger.tag(s.tokens)).toEqual(s.tags);
    expect(tagger.tag([{ text: 'Police' }, { text: 'in' }, { text: 'Alta' }, { text: 'arrested' }, { text: 'Ingrid' }, { text: 'Vik' }, { text: '.' }])).toEqual(['O', 'O', 'B-LOC', 'O', 'B-PER', 'I-PER', 'O']);
  });

  it('trains deterministically and survives the weights file', () => {
    const meta = { about: 'test', data: { name: 't', citation: 't', files: [] }, settings: {}, dev: {} };
    const a = encodeModel(train(TINY, 4).model(train(TINY, 4).averaged()), meta, [], 0.01);
    const b = encodeModel(train(TINY, 4).model(train(TINY, 4).averaged()), meta, [], 0.01);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    // Decoded, the model tags as before quantisation.
    const trainer = train(TINY, 10);
    const weights = trainer.averaged();
    const loaded = decodeModel(encodeModel(trainer.model(weights), meta, ['Corp.'], 1e-6));
    const tagger = new NerTagger(loaded);
    for (const s of TINY) expect(tagger.tag(s.tokens)).toEqual(s.tags);
  });
});

describe('decoding with per-word sums', () => {
  it('gives the tags and margins of the plain decoder, also when the word memo starts over', () => {
    const meta = { about: 'test', data: { name: 't', citation: 't', files: [] }, settings: {}, dev: {} };
    const trainer = train(TINY, 10, 3, KNOWLEDGE);
    const model = decodeModel(encodeModel(trainer.model(trainer.averaged()), meta, [], 1e-6));
    // Sentences of our own beside the training ones: unseen words, one-word and headline sentences.
    const extra = ['Ingrid Sand of the Nordic Fisheries Council flew to Narvik on Friday .', 'Oslo', 'TALKS IN BERGEN END WITH NO DEAL', 'Erik Dahl and Maria Berg met officials in Alta , police said .'];
    const docs = [...TINY.map((s) => s.tokens), ...extra.map((t) => t.split(' ').map((text) => ({ text })))];
    // More word forms than the sums first have room for.
    docs.push(Array.from({ length: 3000 }, (_, k) => ({ text: k % 7 ? `Word${k}` : 'and' })));
    // A memo of 12 forms starts over every sentence or two.
    for (const limit of [100_000, 12]) {
      const plain = new Decoder(model);
      const memo = new WordMemo(model.vocab, limit);
      const summed = new Decoder(model, memo);
      const plainDoc = documentContext(docs);
      const summedDoc = documentContext(docs);
      for (const tokens of docs) {
        const a = plain.decode(sentenceAttributes(tokens, model.vocab, plainDoc, undefined, KNOWLEDGE));
        const aMargins = Array.from(plain.margins.subarray(0, tokens.length));
        const b = summed.decode(sentenceAttributes(tokens, model.vocab, summedDoc, memo, KNOWLEDGE));
        expect(Array.from(b)).toEqual(Array.from(a));
        expect(Array.from(summed.margins.subarray(0, tokens.length))).toEqual(aMargins);
      }
      if (limit === 12) expect(memo.resets).toBeGreaterThan(3);
    }
  });
});

describe('tagged spans', () => {
  it('end in a name word: a trailing lower-case word is cut, a particle inside is kept', () => {
    // trained on a label that runs over a verb, as the real model sometimes tags one
    const noisy = corpus(['Officials/O said/O Maria/B-PER Lindqvist/I-PER won/I-PER ./O', 'Ana/B-PER da/I-PER Silva/I-PER spoke/O ./O']);
    const trainer = train([...TINY, ...noisy], 10);
    const meta = { about: 'test', data: { name: 't', citation: 't', files: [] }, settings: {}, dev: {} };
    const tagger = new NerTagger(decodeModel(encodeModel(trainer.model(trainer.averaged()), meta, [], 1e-6)));
    const text = 'Officials said Maria Lindqvist won . Ana da Silva spoke .';
    const tokens = tagger.tokenize(text);
    expect(tagger.tag(tokens).slice(2, 5)).toEqual(['B-PER', 'I-PER', 'I-PER']); // the model's own reading
    const spans = tagger.spansOfTokens(tokens);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['Maria Lindqvist', 'Ana da Silva']);
    // a cut span is as sure as the words it keeps
    for (const s of spans) {
      expect(s.margins).toHaveLength(s.tokens);
      expect(s.margin).toBe(Math.min(...s.margins));
    }
  });

  it('say how surely their words make one name, apart from how surely they are typed', () => {
    const trainer = train(TINY, 10);
    const meta = { about: 'test', data: { name: 't', citation: 't', files: [] }, settings: {}, dev: {} };
    const tagger = new NerTagger(decodeModel(encodeModel(trainer.model(trainer.averaged()), meta, [], 1e-6)));
    const tokens = tagger.tokenize('The Nordic Fisheries Council met Anna Holm in Bergen .');
    for (const s of tagger.spansOfTokens(tokens)) {
      // its first tag's lead over O is at least its margin over every other tag
      expect(s.extent).toBeGreaterThanOrEqual(s.margin);
      expect(s.extent).toBeLessThanOrEqual(Math.min(...s.margins.slice(1), Infinity));
    }
    expect(extentOf(5, [1, 40, 30])).toBe(5);
    expect(extentOf(50, [1, 40, 30])).toBe(30);
    expect(extentOf(50, [1])).toBe(50);
  });
});

describe('CoNLL reading and scores', () => {
  it('reads IOB1 as BIO and scores mentions', () => {
    const s = parseConll('-DOCSTART- -X- O O\n\nPeter NNP B-NP I-PER\nBlackburn NNP I-NP I-PER\nin IN O O\nBonn NNP B-NP I-LOC\n');
    expect(s).toHaveLength(1);
    expect(s[0]!.tags).toEqual(['B-PER', 'I-PER', 'O', 'B-LOC']);
    expect(toBio(['I-ORG', 'I-LOC'])).toEqual(['B-ORG', 'B-LOC']);
    expect(bioSpans(['B-PER', 'I-PER', 'O', 'B-LOC'])).toEqual(['0:2:PER', '3:4:LOC']);
    const sc = scoreTagging([['B-PER', 'I-PER', 'O', 'B-LOC']], [['B-PER', 'I-PER', 'O', 'B-ORG']]);
    expect(sc.mentionF1).toBeCloseTo(0.5);
    expect(sc.untypedF1).toBe(1);
    expect(sc.tokenAccuracy).toBe(0.75);
  });
});

describe.skipIf(!existsSync(DEFAULT_NER_MODEL))('the trained model (data/models/ner.json)', () => {
  // As the pipeline runs it: with the knowledge base's names beside it.
  const tagger = loadKnowledgeBase().ner!;
  const names = (text: string) => tagger.spans(text).map((s) => `${s.type}:${text.slice(s.start, s.end)}`);

  it('says where it comes from', () => {
    const file = JSON.parse(readFileSync(DEFAULT_NER_MODEL, 'utf8')) as { data: { citation: string }; settings: { epochs: number } };
    expect(file.data.citation).toMatch(/Tjong Kim Sang/);
    expect(file.settings.epochs).toBeGreaterThan(0);
  });

  it('tags people and places in sentences it never saw', () => {
    expect(names('Officials said Bertil Haugland met Keir Thorne in Oslo.')).toEqual(['PER:Bertil Haugland', 'PER:Keir Thorne', 'LOC:Oslo']);
    expect(names("The talks ended on Friday, said Ngozi Adeyemi, the group's deputy director.")).toContain('PER:Ngozi Adeyemi');
    expect(names('Shares of Halvorsen Shipping Corp. fell 3 percent in Frankfurt on Tuesday.')).toEqual(['ORG:Halvorsen Shipping Corp.', 'LOC:Frankfurt']);
  });
});
