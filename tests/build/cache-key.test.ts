/**
 * The extraction cache is keyed by the code that extracts: a module the worker imports but the key
 * leaves out would let a rebuild serve extractions of old code as if new.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXTRACTION_CODE_DIRS } from '../../src/build/pipeline.js';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'(\.{1,2}\/[^']+)'/g;

/** Every module of src/ reachable by relative imports from `entry`. */
function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = resolve(dirname(file), m[1]!.replace(/\.js$/, '.ts'));
      if (existsSync(target)) visit(target);
    }
  };
  visit(entry);
  return seen;
}

describe('the extraction cache key', () => {
  it('covers every module a worker extraction imports', () => {
    const modules = [...reachable(join(SRC, 'build/worker.ts')), ...reachable(join(SRC, 'extract/document.ts'))];
    const folders = new Set(modules.map((f) => relative(SRC, f).split('/')[0]!).filter((f) => !f.endsWith('.ts')));
    expect(folders.has('knowledge')).toBe(true); // the walk finds what it should
    const outside = [...folders].filter((f) => f !== 'build' && !(EXTRACTION_CODE_DIRS as readonly string[]).includes(f));
    expect(outside).toEqual([]);
  });
});
