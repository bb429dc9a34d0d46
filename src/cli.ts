import { readFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import cliProgress from 'cli-progress';
import type { Diagnostic } from './types.js';
import { InputError } from './ingest/index.js';
import { buildCorpus } from './build/pipeline.js';
import type { OutputBatch } from './util/atomic.js';

const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function where(d: Diagnostic): string {
  let s = d.source.file;
  if (d.source.line) s += `:${d.source.line}`;
  if (d.source.record) s += ` (record ${d.source.record})`;
  return s;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return n;
}

function isoDay(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
    throw new InvalidArgumentError('expected a date as YYYY-MM-DD');
  return value;
}

class UsageFailure extends Error {}

export async function main(argv: string[]): Promise<number> {
  let exitCode = EXIT_OK;
  const program = new Command('newsgraph')
    .description('Turn news articles into a knowledge graph of actors, places and events (GEXF for Gephi, JSON for the viewer).')
    .version(version(), '-V, --version')
    .showHelpAfterError('(run newsgraph --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });

  program
    .command('build')
    .description('read articles (files, folders, globs, or - for stdin) and write graph.gexf, graph.json, events.csv and documents.json')
    .argument('<inputs...>', '.txt .md .html .json .jsonl .csv files, folders (recursive), globs, or - for standard input')
    .option('-o, --out <dir>', 'output folder', 'out')
    .option('--lexicon <file>', 'extra actor lexicon (JSON, same shape as data/lexicon/actors.json); repeatable', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--gazetteer <file>', 'extra places (JSON, same shape as data/gazetteer/places.json); repeatable', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--triggers <file>', 'extra event triggers (JSON, same shape as data/lexicon/events.json); repeatable', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--date <YYYY-MM-DD>', 'publication date for every document (overrides what the documents say)', isoDay)
    .option('--text-field <name>', 'JSON field / CSV column holding the article text')
    .option('--title-field <name>', 'JSON field / CSV column holding the title')
    .option('--date-field <name>', 'JSON field / CSV column holding the publication date')
    .option('--id-field <name>', 'JSON field / CSV column holding the document id')
    .option('--url-field <name>', 'JSON field / CSV column holding the URL')
    .option('--max-chars <n>', 'truncate longer articles (with a warning)', positiveInt)
    .addOption(new Option('--workers <n>', 'worker threads for extraction (default: the number of cores, or one for an input under 4 MB per extra core)').argParser(positiveInt))
    .option('--cache-dir <dir>', 'incremental cache folder (default: <out>/.newsgraph-cache)')
    .option('--no-cache', 'extract every document again')
    .option('--no-infer-dates', 'leave undated articles undated (by default one whose own news matches an event dated articles report takes that date)')
    .option('--undated-events', 'keep events that no report dates (left out by default)')
    .option('--strict', 'exit with status 1 when any document had to be skipped or repaired')
    .option('-q, --quiet', 'print only errors and the summary line')
    .option('--no-progress', 'no progress bar')
    .option('--timings', 'print where the time went, stage by stage (to stderr)')
    .action(async (inputs: string[], opts: Record<string, unknown>) => {
      exitCode = await runBuild(inputs, opts);
    });

  program
    .command('view')
    .description('serve the viewer and a built graph folder on http://127.0.0.1')
    .argument('[dir]', 'folder holding graph.json (from newsgraph build)', 'out')
    .option('-p, --port <n>', 'port (0 = any free port)', (v: string) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('expected a port 0-65535');
      return n;
    }, 5173)
    .option('--host <host>', 'interface to bind (use 0.0.0.0 to share on your network)', '127.0.0.1')
    .action(async (dir: string, opts: { port: number; host: string }) => {
      exitCode = await runView(dir, opts);
    });

  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT_OK;
      return EXIT_USAGE;
    }
    if (error instanceof UsageFailure || error instanceof InputError) {
      process.stderr.write(`newsgraph: ${error.message}\n`);
      return EXIT_USAGE;
    }
    process.stderr.write(`newsgraph: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_FAILED;
  }
  return exitCode;
}

async function runBuild(inputs: string[], opts: Record<string, unknown>): Promise<number> {
  const quiet = opts.quiet === true;
  let warnings = 0;
  let errors = 0;
  const showProgress = opts.progress !== false && !quiet && process.stderr.isTTY === true;
  const bar = showProgress
    ? new cliProgress.SingleBar(
        { format: 'newsgraph |{bar}| {value} documents  {doc}', stream: process.stderr, hideCursor: true, clearOnComplete: true },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  const report = (d: Diagnostic) => {
    if (d.level === 'error') errors++;
    else warnings++;
    if (quiet && d.level !== 'error') return;
    const line = `newsgraph: ${d.level}: ${where(d)}: ${d.message}\n`;
    // Over a live progress bar: clear its line first so the warning stays readable.
    process.stderr.write(bar ? `\r\x1b[K${line}` : line);
  };

  // A killed build leaves the previous outputs in place: abort the batch, then exit.
  let batch: OutputBatch | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    bar?.stop();
    process.stderr.write(`newsgraph: ${signal}: build stopped, previous outputs kept\n`);
    void (batch?.abort() ?? Promise.resolve()).finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const fields: Record<string, string> = {};
  for (const f of ['text', 'title', 'date', 'id', 'url']) {
    const v = opts[`${f}Field`];
    if (typeof v === 'string') fields[f] = v;
  }
  bar?.start(0, 0, { doc: '' });
  try {
    const summary = await buildCorpus(
      {
        inputs,
        outDir: String(opts.out),
        lexicons: opts.lexicon as string[],
        gazetteers: opts.gazetteer as string[],
        triggers: opts.triggers as string[],
        ingest: {
          fields,
          ...(typeof opts.date === 'string' ? { dateOverride: opts.date } : {}),
          ...(typeof opts.maxChars === 'number' ? { maxChars: opts.maxChars } : {}),
          stdin: process.stdin,
        },
        ...(typeof opts.workers === 'number' ? { workers: opts.workers } : {}),
        ...(opts.cache === false ? { cacheDir: false as const } : typeof opts.cacheDir === 'string' ? { cacheDir: opts.cacheDir } : {}),
        undatedEvents: opts.undatedEvents === true,
        inferDates: opts.inferDates !== false,
        onBatch: (b) => (batch = b),
        onDocument: (doc, done) => {
          if (bar) {
            bar.setTotal(Math.max(done, bar.getTotal()));
            bar.update(done, { doc: doc.id.slice(0, 40) });
          }
        },
      },
      report,
    );
    bar?.stop();
    process.stdout.write(
      `newsgraph: ${summary.documents} documents, ${summary.actors} actors, ${summary.places} places, ${summary.events} events, ` +
        `${summary.edges} edges in ${summary.seconds.toFixed(1)} s → ${String(opts.out)}/` +
        (warnings ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : '') +
        '\n',
    );
    // Not a warning (nothing is wrong with the input), but the reason a pasted article shows no events.
    if (summary.undatedEventsLeftOut > 0 && !quiet) {
      const n = summary.undatedEventsLeftOut;
      const docs = summary.undatedDocuments;
      process.stderr.write(
        `newsgraph: note: ${n} event${n === 1 ? '' : 's'} with no date left out` +
          (docs > 0 ? ` (${docs} document${docs === 1 ? ' has' : 's have'} no publication date)` : '') +
          '; give --date YYYY-MM-DD or --undated-events to keep them\n',
      );
    }
    if (opts.timings) {
      for (const { stage, seconds } of summary.stages) process.stderr.write(`  ${stage.padEnd(22)} ${seconds.toFixed(2).padStart(7)} s\n`);
    }
    if (summary.documents === 0) {
      process.stderr.write('newsgraph: no readable documents in the inputs\n');
      return EXIT_FAILED;
    }
    if (opts.strict && (warnings > 0 || errors > 0)) return EXIT_FAILED;
    return errors > 0 ? EXIT_FAILED : EXIT_OK;
  } finally {
    bar?.stop();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}

async function runView(dir: string, opts: { port: number; host: string }): Promise<number> {
  const { serveViewer } = await import('./view/server.js');
  const server = await serveViewer({ graphDir: dir, host: opts.host, port: opts.port });
  process.stdout.write(`newsgraph: viewing ${dir} at ${server.url}  (Ctrl-C to stop)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => void server.close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return EXIT_OK;
}
