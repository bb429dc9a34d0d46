import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';
import type { Diagnostic, Doc } from '../../src/types.js';
import { readDocuments, type IngestOptions } from '../../src/ingest/index.js';

const fixtureDirs: string[] = [];
// Registered in each test file that imports these helpers (vitest loads modules per file).
afterAll(() => {
  for (const dir of fixtureDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder holding the given files (string or bytes), removed after the file's tests. */
export function fixtureDir(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ingest-'));
  fixtureDirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return dir;
}

export async function readAll(inputs: string[], options: IngestOptions = {}): Promise<{ docs: Doc[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const docs: Doc[] = [];
  for await (const doc of readDocuments(inputs, options, (d) => diagnostics.push(d))) docs.push(doc);
  return { docs, diagnostics };
}

/** A paragraph of real-looking prose, so that the cleaner treats it as article text. */
export const PROSE = [
  'The Syrian army said on Sunday that its troops had entered the eastern districts of the city after heavy fighting with militants.',
  'Local sources reported that dozens of families fled towards the countryside as the clashes spread to the old market.',
  'A spokesman for the monitoring group said the death toll was likely to rise because many of the wounded were in serious condition.',
];
