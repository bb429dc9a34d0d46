import { mkdir, readdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Doc, Report } from '../types.js';
import { inputBytesUpTo, readDocuments } from '../ingest/index.js';
import type { IngestOptions } from '../ingest/index.js';
import type { KnowledgeOptions } from '../knowledge/knowledge.js';
import type { DocExtraction } from '../extract/model.js';
import { Merger } from '../resolve/merge.js';
import { inferPublicationDates } from '../resolve/anchor.js';
import { buildGraph, styleGraph, type KnowledgeGraph } from '../graph/build.js';
import { assignMetrics } from '../graph/metrics.js';
import { foldGraph } from '../graph/fold.js';
import { coreJob, placeNodes, planLayout } from '../graph/layout.js';
import { layoutCores } from '../graph/layout-core.js';
import { CoreLayoutThread, type CoreLayoutOptions } from '../graph/layout-thread.js';
import { OutputBatch } from '../util/atomic.js';
import { writeGexf } from '../export/gexf.js';
import { writeGraphJson } from '../export/json.js';
import { writeEventsCsv } from '../export/events-csv.js';
import { DocumentsJson } from '../export/documents-json.js';
import { ExtractionCache, hashFiles } from './cache.js';
import type { WorkerResult } from './worker.js';
import { ExtractionPool } from './pool.js';
import { readActorFile } from '../knowledge/lexicon.js';
import { readSupplement } from '../knowledge/gazetteer.js';
import { readEventLexiconFiles } from '../knowledge/event-lexicon.js';

export interface BuildOptions extends KnowledgeOptions {
  inputs: string[];
  outDir: string;
  ingest?: IngestOptions;
  /** Called after each document, for progress display. */
  onDocument?: (doc: Doc, done: number) => void;
  /** Called with the batch as soon as it exists, so a signal handler can abort it. */
  onBatch?: (batch: OutputBatch) => void;
  /** Extraction threads; 1 extracts on the main thread. Default: the number of cores. */
  workers?: number;
  /** Folder of the incremental cache; false disables it. Default: <outDir>/.newsgraph-cache. */
  cacheDir?: string | false;
  /** Keep events no report dates (default: dropped; their sentences stay as evidence elsewhere). */
  undatedEvents?: boolean;
  /** Date undated articles by the dated events their own news matched (default true). */
  inferDates?: boolean;
}

export interface BuildSummary {
  documents: number;
  actors: number;
  places: number;
  events: number;
  edges: number;
  words: number;
  seconds: number;
  files: string[];
  /** Documents whose extraction came from the cache. */
  cached: number;
  /** Events left out because no report dates them (0 with undatedEvents). */
  undatedEventsLeftOut: number;
  /** Documents with no publication date, given or inferred. */
  undatedDocuments: number;
  /** Where the time went, stage by stage, in order (reading and extraction overlap: one stage). */
  stages: StageTime[];
}

export interface StageTime {
  stage: string;
  seconds: number;
}

/** Successive laps of one clock: each call records the time since the previous one. */
function stopwatch(): { lap: (stage: string) => void; stages: StageTime[] } {
  const stages: StageTime[] = [];
  let last = process.hrtime.bigint();
  return {
    stages,
    lap: (stage) => {
      const now = process.hrtime.bigint();
      stages.push({ stage, seconds: Number(now - last) / 1e9 });
      last = now;
    },
  };
}

const DATA_FILES = ['lexicon/actors.json', 'lexicon/cues.json', 'lexicon/events.json', 'gazetteer/places.json', 'gazetteer/stopnames.json', 'ingest/furniture.json', 'ingest/fields.json', 'lexicon/institutions.json', 'models/ner.json'].map(
  (f) => fileURLToPath(new URL(`../../data/${f}`, import.meta.url)),
);
// Fewer uncached documents than this are extracted on the main thread: starting threads (each
// loads the gazetteer) costs more than it saves.
const MIN_DOCS_FOR_WORKERS = 24;
const DOCS_PER_TASK = 32;
// A cache pack larger than this (a few hundred articles' extractions) marks a rebuild of a
// corpus large enough for the pool.
const REBUILD_PACK_BYTES = 1 << 20;

/**
 * Input under which one thread (this one) is faster than a pool, per extra core: each pool
 * thread loads its own knowledge base and warms up its own JIT, about 3 s of CPU. Measured on 2
 * cores: 300, 1,000, 2,000 and 4,000 Reuters articles (0.3-3.8 MB) took 2.4 / 3.8-4.1 / 4.6-4.9 /
 * 6.1 s on one thread against 3.4 / 5.0 / 5.6-5.7 / 6.6-7.2 s with two; all 19,043 (27 MB) 18-19 s
 * against 13-16 s.
 */
const ONE_THREAD_INPUT_BYTES = 4 << 20;

/** Threads for extraction when --workers is not given: the cores, or one for a small input. */
async function defaultWorkers(inputs: string[]): Promise<number> {
  const cores = availableParallelism();
  if (cores <= 1) return 1;
  const limit = ONE_THREAD_INPUT_BYTES / (cores - 1);
  return (await inputBytesUpTo(inputs, limit)) < limit ? 1 : cores;
}

/** Problems in the user's own knowledge files, reported once by the main thread (the workers stay quiet). */
function validateUserFiles(options: KnowledgeOptions, report: Report): void {
  for (const f of options.lexicons ?? []) readActorFile(f, report);
  for (const f of options.gazetteers ?? []) readSupplement(f, report);
  if (options.triggers?.length) readEventLexiconFiles(options.triggers, report);
}

/**
 * The folders of src/ whose code shapes what the cache keeps (cleaning and extraction): every
 * module a worker's extraction imports lies in one of them (tests/build/cache-key.test.ts).
 */
export const EXTRACTION_CODE_DIRS = ['extract', 'nlp', 'ingest', 'knowledge', 'util'] as const;

/** Everything that shapes an extraction: data files, user files and the extraction code itself. */
async function knowledgeHash(options: KnowledgeOptions): Promise<string> {
  const codeDir = fileURLToPath(new URL('../', import.meta.url));
  const code: string[] = [];
  for (const sub of EXTRACTION_CODE_DIRS) {
    try {
      for (const f of (await readdir(codeDir + sub, { recursive: true })).sort()) if (f.endsWith('.js') || f.endsWith('.ts')) code.push(`${codeDir}${sub}/${f}`);
    } catch {
      // running from sources without that folder: nothing to hash
    }
  }
  return hashFiles([...DATA_FILES, ...(options.lexicons ?? []), ...(options.gazetteers ?? []), ...(options.triggers ?? []), ...code], 'newsgraph-extraction-v1');
}

// From this many documents on, a thread for the layout is started before the graph is built (see
// CoreLayoutThread); a smaller graph's layout takes a few milliseconds on this thread.
const MIN_DOCS_FOR_LAYOUT_THREAD = 200;

interface GraphOptions {
  undatedEvents?: boolean;
  lap?: (stage: string) => void;
  layout?: CoreLayoutOptions;
  /** Threads the build may use besides this one's (--workers); default: the machine's cores. */
  threads?: number;
  /** Told how many undated events were left out. */
  onUndatedLeftOut?: (count: number) => void;
}

/** Graph from extractions: resolution across documents, metrics, styling, layout. */
export async function graphFromExtractions(extractions: DocExtraction[], options: GraphOptions = {}): Promise<KnowledgeGraph> {
  const merger = new Merger();
  for (const x of extractions) merger.add(x);
  return graphFromMerger(merger, options);
}

/**
 * Graph from the extractions a merger was given (see graphFromExtractions). The layout's
 * force-directed part needs only the graph's structure: on a large graph it runs on a worker
 * thread while this one computes the metrics and styles.
 */
export async function graphFromMerger(merger: Merger, options: GraphOptions = {}): Promise<KnowledgeGraph> {
  const lap = options.lap ?? (() => {});
  // With one core (or one worker asked for) there is nothing to overlap: the thread would only add its start.
  const overlap = merger.documentCount >= MIN_DOCS_FOR_LAYOUT_THREAD && Math.min(options.threads ?? Infinity, availableParallelism()) > 1;
  const thread = overlap ? CoreLayoutThread.start(options.layout) : undefined;
  try {
    const merged = merger.result();
    // An event nobody dates cannot sit on a timeline or be told apart from its repeats; unless
    // asked for, it is left out (its sentences remain evidence on its actors and places).
    if (!options.undatedEvents) {
      const dated = merged.events.filter((e) => e.dateVotes.size > 0);
      options.onUndatedLeftOut?.(merged.events.length - dated.length);
      merged.events = dated;
    }
    lap('merge');
    const graph = buildGraph(merged);
    lap('graph');
    // Folded once: the layout's structure and the metrics' graph.
    const folded = foldGraph(graph);
    const plan = graph.order > 0 ? planLayout(folded) : undefined;
    const cores = plan ? (thread?.layout(plan) ?? Promise.resolve(layoutCores(coreJob(plan)))) : undefined;
    assignMetrics(graph, folded);
    styleGraph(graph);
    lap('metrics');
    if (plan) placeNodes(graph, plan, await cores!);
    lap('layout');
    return graph;
  } finally {
    thread?.close();
  }
}

/** A worker's result with its extraction parsed (the JSON text kept for the cache). */
function parsed(r: WorkerResult): { x: DocExtraction; json?: string } | { error: string } {
  return 'json' in r ? { x: JSON.parse(r.json) as DocExtraction, json: r.json } : r;
}

function jsonLine(doc: Doc): string {
  const rec: Record<string, unknown> = { id: doc.id, title: doc.title };
  if (doc.date) rec.date = doc.date;
  if (doc.url) rec.url = doc.url;
  rec.text = doc.text;
  return JSON.stringify(rec);
}

export async function buildCorpus(options: BuildOptions, report: Report): Promise<BuildSummary> {
  const started = process.hrtime.bigint();
  const clock = stopwatch();
  // The extraction code (compromise, chrono) and the knowledge base are loaded on this thread only
  // if it extracts (a small input, or one worker): about 2 s of CPU that a build on the pool,
  // or a rebuild served from the cache, never spends here.
  let extractHere: ((doc: Doc) => DocExtraction) | undefined;
  const localExtractor = async () => {
    if (!extractHere) {
      const [{ extractDocument }, { loadKnowledgeBase }] = await Promise.all([import('../extract/document.js'), import('../knowledge/knowledge.js')]);
      const kb = loadKnowledgeBase(options, report);
      extractHere = (doc) => extractDocument(doc, kb);
    }
    return extractHere;
  };
  await mkdir(options.outDir, { recursive: true });
  const batch = new OutputBatch(options.outDir);
  options.onBatch?.(batch);
  let cache: ExtractionCache | undefined;
  let pool: ExtractionPool | undefined;
  let texts: DocumentsJson | undefined;
  try {
    // Article texts for documents.json (the viewer opens them), written in id order at the end;
    // past a budget they spill to sorted runs beside the outputs.
    const docsOut = batch.stream('documents.json');
    texts = new DocumentsJson(() => batch.scratchPath('documents-run'));
    // only a large build spills: the runs of a large build that was killed go now, whatever this one does
    batch.removeKilledTemps('documents-run');
    // Each extraction is folded into the merge as it arrives and then dropped: memory follows the
    // graph, not the corpus. An undated article's extraction waits aside (see date inference below).
    let merger: Merger | undefined = new Merger();
    const heldUndated = new Map<string, DocExtraction>();
    let words = 0;
    let cachedCount = 0;
    let done = 0;
    const cacheDir = options.cacheDir === false ? undefined : (options.cacheDir ?? `${options.outDir}/.newsgraph-cache`);
    const workers = Math.max(1, options.workers ?? (await defaultWorkers(options.inputs)));
    const workerFile = fileURLToPath(new URL('./worker.js', import.meta.url));
    const canPool = workers > 1 && workerFile.endsWith('.js');
    const startPool = (threads: number): ExtractionPool => {
      validateUserFiles(options, report);
      const workerData = { lexicons: options.lexicons ?? [], gazetteers: options.gazetteers ?? [], triggers: options.triggers ?? [] };
      return new ExtractionPool(workerFile, workerData, workers, threads);
    };
    // A cache holding a large earlier build means a rebuild, which nearly always brings a few new
    // articles: one thread starts loading the knowledge base now, while the cache is read, rather
    // than at the first new article (its load, about 1.5 s, is what a rebuild waits for).
    if (canPool && cacheDir !== undefined && (await ExtractionCache.packBytes(cacheDir)) > REBUILD_PACK_BYTES) pool = startPool(1);
    cache = cacheDir === undefined ? undefined : await ExtractionCache.open(cacheDir, await knowledgeHash(options));
    // A cache that cannot be written (read-only folder, a file in the way) costs speed, never documents.
    let cacheWritable = true;
    const cacheProblem = (error: unknown) => {
      cacheWritable = false;
      report({ level: 'warning', source: { file: cacheDir! }, message: `cannot write the extraction cache (${error instanceof Error ? error.message : String(error)}); going on without it` });
    };
    if (cache?.writeProblem) cacheProblem(cache.writeProblem);
    const remember = async (key: string | undefined, x: DocExtraction, json?: string) => {
      if (!key || !cacheWritable) return;
      try {
        await cache!.set(key, x, json);
      } catch (error) {
        cacheProblem(error);
      }
    };
    const inflight = new Set<Promise<void>>();
    const finish = (doc: Doc, x: DocExtraction) => {
      if (undated.has(doc.id)) heldUndated.set(doc.id, x);
      else merger!.add(x);
      words += x.words;
      done++;
      options.onDocument?.(doc, done);
    };

    // Uncached documents wait here until it is clear whether the input is large enough for the
    // pool; the pool's threads load the knowledge base, the main thread then never has to.
    const waiting: Array<{ doc: Doc; key: string | undefined }> = [];
    // A document that breaks extraction is reported and skipped; the build goes on.
    const failed = (doc: Doc, error: unknown) =>
      report({ level: 'error', source: doc.source, message: `extraction failed: ${error instanceof Error ? error.message : String(error)}` });
    // Documents go to the pool in batches: one is ~1-3 ms of work, less than a message round trip.
    let batchOfDocs: Array<{ doc: Doc; key: string | undefined }> = [];
    const submitBatch = async (): Promise<void> => {
      if (!pool || batchOfDocs.length === 0) return;
      const items = batchOfDocs;
      batchOfDocs = [];
      const task: Promise<void> = pool.run(items.map((i) => i.doc)).then(
        async (results) => {
          for (let i = 0; i < items.length; i++) {
            const r = results[i]!;
            const p = parsed(r);
            if ('x' in p) {
              await remember(items[i]!.key, p.x, p.json);
              finish(items[i]!.doc, p.x);
            } else failed(items[i]!.doc, p.error);
          }
        },
        (error) => items.forEach((i) => failed(i.doc, error)),
      );
      const tracked = task.finally(() => inflight.delete(tracked));
      inflight.add(tracked);
      // Bounded in-flight work: memory follows the graph, not the corpus.
      if (inflight.size >= workers * 4) await Promise.race(inflight);
    };
    const extractOne = async (doc: Doc, key: string | undefined): Promise<void> => {
      if (!pool) {
        try {
          const x = (await localExtractor())(doc);
          await remember(key, x);
          finish(doc, x);
        } catch (error) {
          failed(doc, error);
        }
        return;
      }
      batchOfDocs.push({ doc, key });
      if (batchOfDocs.length >= DOCS_PER_TASK) await submitBatch();
    };

    /** Extracts documents on the pool (in batches) or on this thread; results in order. */
    const extractAll = async (docs: Doc[]): Promise<Array<{ x: DocExtraction; json?: string } | { error: string }>> => {
      if (docs.length === 0) return [];
      if (!pool) {
        const extract = await localExtractor();
        return docs.map((doc) => {
          try {
            return { x: extract(doc) };
          } catch (error) {
            return { error: error instanceof Error ? error.message : String(error) };
          }
        });
      }
      const tasks: Array<Promise<WorkerResult[]>> = [];
      for (let i = 0; i < docs.length; i += DOCS_PER_TASK) tasks.push(pool.run(docs.slice(i, i + DOCS_PER_TASK)));
      return (await Promise.all(tasks)).flat().map(parsed);
    };

    // Undated articles are kept (few, as a rule) to be extracted again once their date is inferred.
    const undated = new Map<string, Doc>();
    let read = 0;
    let undatedDocuments = 0;
    // With a cache, articles an earlier build cleaned are not cleaned again.
    const ingest = cache ? { ...options.ingest, cleaned: cache.cleanedTexts() } : (options.ingest ?? {});
    for await (const doc of readDocuments(options.inputs, ingest, report)) {
      read++;
      await texts.add(doc.id, jsonLine(doc));
      if (!doc.date) undatedDocuments++;
      if (!doc.date && options.inferDates !== false) undated.set(doc.id, doc);
      const key = cache?.keyOf(doc);
      const hit = key ? await cache!.get(key) : undefined;
      if (hit) {
        cachedCount++;
        finish(doc, hit);
      } else if (pool || !canPool) await extractOne(doc, key);
      else waiting.push({ doc, key });
      // Once the input is more than a handful of documents and any needs extracting, the pool
      // starts, so its threads load the knowledge base while this thread goes on reading (in a
      // rebuild, while it serves the cache). Few misses so far: one thread, more as work backs up.
      if (!pool && waiting.length > 0 && read > MIN_DOCS_FOR_WORKERS) {
        pool = startPool(waiting.length > MIN_DOCS_FOR_WORKERS ? workers : 1);
        for (const w of waiting.splice(0)) await extractOne(w.doc, w.key);
      }
    }
    // documents.json needs only the texts, all read by now: it is written while the pool finishes
    // (in a rebuild this thread would otherwise wait for the few new extractions).
    const textsWritten = texts.write(docsOut);
    textsWritten.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
    // A small input never started the pool: extract what waited on this thread.
    for (const w of waiting.splice(0)) await extractOne(w.doc, w.key);
    await submitBatch();
    await Promise.all(inflight);
    // A thread started for a rebuild that found nothing new stops loading now, not after the outputs.
    if (pool && !pool.used) {
      await pool.destroy();
      pool = undefined;
    }
    clock.lap(cache ? 'read, cache, extract' : 'read, extract');
    await textsWritten;
    clock.lap('documents.json (rest)');

    if (undated.size) {
      const anchors = inferPublicationDates(merger.eventsWith([...heldUndated.values()]));
      const redo: Array<{ id: string; doc: Doc; key: string | undefined }> = [];
      for (const id of heldUndated.keys()) {
        const day = anchors.get(id);
        const doc = day ? undated.get(id) : undefined;
        if (!doc || !day) continue;
        undatedDocuments--;
        const dated: Doc = { ...doc, date: day, datePrecision: 'day', dateSource: 'inferred' };
        const key = cache?.keyOf(dated);
        const hit = key ? await cache!.get(key) : undefined;
        if (hit) heldUndated.set(id, hit);
        else redo.push({ id, doc: dated, key });
      }
      // Extracted again on the pool when there is one (its threads hold the knowledge base).
      const results = await extractAll(redo.map((r) => r.doc));
      for (let j = 0; j < redo.length; j++) {
        const r = results[j]!;
        if ('error' in r) {
          report({ level: 'warning', source: redo[j]!.doc.source, message: `extraction with the inferred date ${redo[j]!.doc.date} failed (${r.error}); the article stays undated` });
          continue;
        }
        await remember(redo[j]!.key, r.x, r.json);
        heldUndated.set(redo[j]!.id, r.x);
      }
      undated.clear();
      clock.lap('date inference');
    }
    for (const x of heldUndated.values()) merger.add(x);
    heldUndated.clear();
    await pool?.destroy();
    pool = undefined;
    const documentCount = done;
    let undatedEventsLeftOut = 0;
    const graph = await graphFromMerger(merger, {
      undatedEvents: options.undatedEvents === true,
      lap: clock.lap,
      threads: workers,
      onUndatedLeftOut: (n) => (undatedEventsLeftOut = n),
    });
    // The graph holds what the exports need: the merge's tallies can go, so the collector stops
    // tracing them while the files are written.
    merger = undefined;
    await writeGexf(graph, batch.stream('graph.gexf'), { title: `newsgraph: ${documentCount} documents` });
    clock.lap('graph.gexf');
    await writeGraphJson(graph, batch.stream('graph.json'));
    clock.lap('graph.json');
    await writeEventsCsv(graph, batch.stream('events.csv'));
    await batch.commit();
    clock.lap('events.csv, commit');
    if (cache && cacheWritable) {
      await cache.commit().catch(cacheProblem);
      clock.lap('cache');
    }

    let actors = 0;
    let places = 0;
    let events = 0;
    graph.forEachNode((_k, a) => {
      if (a.kind === 'actor') actors++;
      else if (a.kind === 'place') places++;
      else events++;
    });
    return {
      documents: documentCount,
      actors,
      places,
      events,
      edges: graph.size,
      words,
      seconds: Number(process.hrtime.bigint() - started) / 1e9,
      files: batch.files,
      cached: cachedCount,
      undatedEventsLeftOut,
      undatedDocuments,
      stages: clock.stages,
    };
  } catch (error) {
    await batch.abort();
    await pool?.destroy().catch(() => undefined);
    await texts?.dispose();
    // What this build extracted stays in its journal for the next one.
    await cache?.close();
    throw error;
  }
}
