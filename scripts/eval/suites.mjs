// @ts-check
// What `npm run eval` builds and which of ../shared/eval's scorers judge each build. A suite's
// figures are reported as "<suite>.<scorer>.<figure>" (scorer: the script's name without .py).

/**
 * @typedef {'score' | 'score_events' | 'score_ner' | 'sanity' | 'gexf_check'} Scorer
 * @typedef {{
 *   name: string,
 *   what: string,
 *   input: (ctx: { shared: string, repo: string, work: string }) => Promise<string> | string,
 *   scorers: Array<{ scorer: Scorer, gold?: string }>,
 * }} Suite
 */

/** @type {Suite[]} */
export const SUITES = [
  {
    name: 'sample',
    what: 'the five Palmyra articles against their hand annotation',
    input: ({ repo }) => `${repo}/data/corpus/palmyra`,
    scorers: [{ scorer: 'score', gold: 'palmyra-seeds.json' }, { scorer: 'gexf_check' }],
  },
  {
    name: 'fakes-dev',
    what: '12 FA-KES articles (attacks, statements), every event annotated',
    input: ({ shared }) => `${shared}/eval/gold/fakes-dev.csv`,
    scorers: [{ scorer: 'score_events', gold: 'fakes-dev.json' }, { scorer: 'score', gold: 'fakes-dev.json' }],
  },
  {
    name: 'fakes-control',
    what: '12 FA-KES articles (captures, withdrawals, battles), every event annotated',
    input: ({ shared }) => `${shared}/eval/gold/fakes-control.csv`,
    scorers: [{ scorer: 'score_events', gold: 'fakes-control.json' }, { scorer: 'score', gold: 'fakes-control.json' }],
  },
  {
    name: 'conll-dev',
    what: 'CoNLL-2003 dev, 216 Reuters documents: names',
    input: ({ work }) => `${work}/conll-dev/texts`,
    scorers: [{ scorer: 'score_ner', gold: 'conll-dev/conll-dev-gold.jsonl' }],
  },
  {
    name: 'fakes',
    what: 'all 804 FA-KES articles: structural health',
    input: ({ shared }) => `${shared}/corpus/fakes/FA-KES-Dataset.csv`,
    scorers: [{ scorer: 'sanity' }, { scorer: 'gexf_check' }],
  },
  {
    name: 'reuters-3000',
    what: 'the first 3,000 Reuters-21578 articles: structural health',
    input: ({ work }) => `${work}/reuters-3000.jsonl`,
    scorers: [{ scorer: 'sanity' }, { scorer: 'gexf_check' }],
  },
];
