// Small helpers shared by the benchmark scripts: running a child node process that prints one
// JSON line, summary statistics, and formatting.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Runs `node [nodeArgs] script [args]` and resolves with the JSON object the child printed as its
 * last stdout line. stderr is collected (not shown) and included in the error on failure.
 */
export function runJsonChild(script, args = [], { nodeArgs = [], cwd = REPO, timeoutMs = 30 * 60_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, script, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s) => (stderr += s));
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const last = stdout.trim().split('\n').pop() ?? '';
      if (code !== 0) {
        reject(new Error(`${script} ${args.join(' ')} exited with ${signal ?? code}: ${stderr.trim().split('\n').slice(-8).join('\n')}`));
        return;
      }
      try {
        resolve(JSON.parse(last));
      } catch {
        reject(new Error(`${script} printed no JSON result; stderr: ${stderr.trim().slice(-2000)}`));
      }
    });
  });
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** min / median / max and the spread (max − min) as a share of the median. */
export function spread(values) {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const med = median(values);
  return { runs: values.map((v) => round(v, 3)), min: round(min, 3), median: round(med, 3), max: round(max, 3), spreadPct: round(((max - min) / med) * 100, 1) };
}

export function round(value, digits = 2) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** 1234567 → "1,234,567" */
export function grouped(value) {
  return typeof value === 'number' ? Math.round(value).toLocaleString('en-US') : String(value);
}

/** Whitespace-delimited word count: the same rule as the pipeline's DocExtraction.words. */
export function countWords(text) {
  let words = 0;
  for (let i = 0, inWord = false; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/**
 * The first `limit` records of a JSONL file (all when `skip` drops none), copied to `dest`;
 * `copies` times over, each line of copy k written as `rewrite(line, k)`.
 */
export async function copyJsonl(source, dest, { limit = Infinity, skip = () => false, copies = 1, rewrite = (line) => line } = {}) {
  const out = createWriteStream(dest);
  let kept = 0;
  let index = 0;
  for (let copy = 0; copy < copies; copy++) {
    index = 0;
    for await (const line of createInterface({ input: createReadStream(source), crlfDelay: Infinity })) {
      if (!line.trim()) continue;
      if (index >= limit) break;
      if (!skip(index)) {
        if (!out.write(`${rewrite(line, copy)}\n`)) await once(out, 'drain');
        kept++;
      }
      index++;
    }
  }
  await new Promise((resolve, reject) => {
    out.once('error', reject);
    out.end(resolve);
  });
  return { kept, total: Math.min(index, limit) };
}
