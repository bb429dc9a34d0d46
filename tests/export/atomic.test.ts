import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isProcessAlive, OutputBatch, removeStaleTemps, writeFileAtomic } from '../../src/util/atomic.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'newsgraph-atomic-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => stream.write(text, (error) => (error ? reject(error) : resolve())));
}

describe('writeFileAtomic', () => {
  it('replaces the file and leaves no temp file behind', async () => {
    const path = join(dir, 'graph.json');
    writeFileSync(path, 'old');
    await writeFileAtomic(path, 'new content');
    expect(readFileSync(path, 'utf8')).toBe('new content');
    await writeFileAtomic(path, new Uint8Array([104, 105]));
    expect(readFileSync(path, 'utf8')).toBe('hi');
    expect(readdirSync(dir)).toEqual(['graph.json']);
  });

  it('creates missing folders', async () => {
    const path = join(dir, 'a', 'b', 'file.txt');
    await writeFileAtomic(path, 'x');
    expect(readFileSync(path, 'utf8')).toBe('x');
  });

  it('leaves the old file and no temp when the write fails', async () => {
    const path = join(dir, 'graph.json');
    writeFileSync(path, 'old');
    await expect(writeFileAtomic(path, 42 as never)).rejects.toThrow();
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['graph.json']);
  });
});

describe('OutputBatch', () => {
  it('writes only temp names until commit, then renames every file', async () => {
    writeFileSync(join(dir, 'graph.gexf'), 'old gexf');
    const batch = new OutputBatch(dir);
    const stream = batch.stream('graph.gexf');
    await write(stream, '<gexf>');
    await batch.writeFile('graph.json', '{"nodes":[]}');
    await write(stream, '</gexf>');
    // Midway: the previous outputs are intact and the new ones exist only under temp names.
    expect(readFileSync(join(dir, 'graph.gexf'), 'utf8')).toBe('old gexf');
    expect(existsSync(join(dir, 'graph.json'))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual([`.graph.gexf.${process.pid}.tmp`, `.graph.json.${process.pid}.tmp`, 'graph.gexf']);
    await batch.commit();
    expect(readFileSync(join(dir, 'graph.gexf'), 'utf8')).toBe('<gexf></gexf>');
    expect(readFileSync(join(dir, 'graph.json'), 'utf8')).toBe('{"nodes":[]}');
    expect(readdirSync(dir).sort()).toEqual(['graph.gexf', 'graph.json']);
    expect(batch.files).toEqual([join(dir, 'graph.gexf'), join(dir, 'graph.json')]);
  });

  it('abort() (as from a SIGTERM handler) removes the temps and keeps the old files', async () => {
    writeFileSync(join(dir, 'graph.gexf'), 'old gexf');
    const batch = new OutputBatch(dir);
    const stream = batch.stream('graph.gexf');
    await write(stream, 'half a file');
    await batch.writeFile('events.csv', 'a,b\r\n');
    await batch.abort();
    expect(readdirSync(dir)).toEqual(['graph.gexf']);
    expect(readFileSync(join(dir, 'graph.gexf'), 'utf8')).toBe('old gexf');
    await expect(batch.commit()).rejects.toThrow(/aborted/);
    expect(() => batch.stream('other.txt')).toThrow(/aborted/);
  });

  it('supports files in sub-folders and refuses names outside the folder', async () => {
    const batch = new OutputBatch(dir);
    await batch.writeFile('viewer/index.html', '<html>');
    expect(() => batch.stream('../escape.txt')).toThrow(/not a file name/);
    expect(() => batch.stream('/etc/passwd')).toThrow(/not a file name/);
    await expect(batch.writeFile('viewer/index.html', 'again')).rejects.toThrow(/already/);
    await batch.commit();
    expect(readFileSync(join(dir, 'viewer', 'index.html'), 'utf8')).toBe('<html>');
    expect(readdirSync(join(dir, 'viewer'))).toEqual(['index.html']);
  });

  it('fails the commit, and removes the temps, when a stream errored', async () => {
    writeFileSync(join(dir, 'graph.gexf'), 'old gexf');
    const batch = new OutputBatch(dir);
    const stream = batch.stream('graph.gexf');
    await write(stream, 'partial');
    stream.emit('error', new Error('disk full'));
    await expect(batch.commit()).rejects.toThrow('disk full');
    expect(readdirSync(dir)).toEqual(['graph.gexf']);
    expect(readFileSync(join(dir, 'graph.gexf'), 'utf8')).toBe('old gexf');
  });
});

describe('OutputBatch scratch files', () => {
  it('are hidden temp names, removed by commit() and by abort()', async () => {
    for (const end of ['commit', 'abort'] as const) {
      const batch = new OutputBatch(dir);
      const a = batch.scratchPath('documents-run');
      const b = batch.scratchPath('documents-run');
      expect(a).not.toBe(b);
      writeFileSync(a, 'run 1');
      writeFileSync(b, 'run 2');
      expect(readdirSync(dir).every((f) => /^\.[^/]+\.\d+(?:\.\d+)?\.tmp$/.test(f))).toBe(true);
      await write(batch.stream('out.txt'), 'output');
      await batch[end]();
      expect(readdirSync(dir)).toEqual(end === 'commit' ? ['out.txt'] : []);
      rmSync(join(dir, 'out.txt'), { force: true });
    }
  });
});

/** The id of a process that has ended (ids are reused only after the kernel wraps around). */
function endedProcessId(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  const pid = Number(child.stdout);
  expect(isProcessAlive(pid)).toBe(false);
  return pid;
}

describe('temps left by a killed process', () => {
  it('are removed by the next batch writing the same names; live and other files are kept', async () => {
    const dead = endedProcessId();
    const left = [`.graph.gexf.${dead}.tmp`, `.documents-run.${dead}.3.tmp`, `.graph.json.${dead}.1.tmp`];
    const kept = [
      `.graph.gexf.${process.pid}.7.tmp`, // this process's own (another batch's)
      `.graph.gexf.${process.ppid}.tmp`, // a live process's
      `.notes.txt.${dead}.tmp`, // a name this batch does not write
      'graph.gexf.123.tmp', // not hidden: not ours
    ];
    for (const name of [...left, ...kept]) writeFileSync(join(dir, name), 'x');
    const batch = new OutputBatch(dir);
    batch.stream('graph.gexf');
    batch.scratchPath('documents-run');
    expect(readdirSync(dir).filter((f) => left.includes(f))).toEqual([`.graph.json.${dead}.1.tmp`]);
    await batch.writeFile('graph.json', '{}');
    await batch.commit();
    expect(readdirSync(dir).sort()).toEqual([...kept, 'graph.gexf', 'graph.json'].sort());
  });

  it('removeStaleTemps matches the exact prefix and reports what it removed', () => {
    const dead = endedProcessId();
    for (const name of [`extractions.jsonl.${dead}.tmp`, `extractions.jsonl.bak.${dead}.tmp`, `extractions.jsonl.${dead}.tmp.old`]) {
      writeFileSync(join(dir, name), 'x');
    }
    expect(removeStaleTemps(dir, 'extractions.jsonl.')).toEqual([`extractions.jsonl.${dead}.tmp`]);
    expect(removeStaleTemps(join(dir, 'missing'), 'x.')).toEqual([]);
  });
});

describe('OutputBatch in a process killed by SIGTERM', () => {
  const repo = fileURLToPath(new URL('../../', import.meta.url));
  const compiled = mkdtempSync(join(tmpdir(), 'newsgraph-atomic-js-'));
  afterAll(() => rmSync(compiled, { recursive: true, force: true }));

  // Compile atomic.ts alone so a plain node child process can use it.
  function compile(): boolean {
    writeFileSync(join(compiled, 'package.json'), '{"type":"module"}');
    const tsc = join(repo, 'node_modules', '.bin', 'tsc');
    const args = ['--ignoreConfig', join(repo, 'src/util/atomic.ts'), '--outDir', compiled, '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node', '--skipLibCheck'];
    const result = spawnSync(tsc, args, { cwd: repo, encoding: 'utf8' });
    return result.status === 0 && existsSync(join(compiled, 'atomic.js'));
  }

  const child = `
    import { OutputBatch } from './atomic.js';
    const [dir, mode] = process.argv.slice(2);
    const batch = new OutputBatch(dir);
    if (mode === 'abort') process.on('SIGTERM', () => batch.abort().then(() => process.exit(143)));
    const stream = batch.stream('graph.gexf');
    stream.write('half of the new file', () => console.log('ready'));
    setInterval(() => undefined, 1000);
  `;

  async function killMidway(mode: 'abort' | 'no-handler'): Promise<void> {
    writeFileSync(join(compiled, 'child.mjs'), child);
    const proc = spawn(process.execPath, [join(compiled, 'child.mjs'), dir, mode], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => proc.stdout.once('data', () => resolve()));
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill('SIGTERM');
    await exited;
  }

  it('leaves the previous output intact, and abort() from the handler removes the temp', async () => {
    if (!compile()) {
      console.warn('skipped: SIGTERM test (could not compile src/util/atomic.ts with tsc)');
      return;
    }
    writeFileSync(join(dir, 'graph.gexf'), 'old gexf');
    await killMidway('no-handler');
    expect(readFileSync(join(dir, 'graph.gexf'), 'utf8')).toBe('old gexf');
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toHaveLength(1);
    rmSync(join(dir, readdirSync(dir).find((name) => name.endsWith('.tmp'))!));

    await killMidway('abort');
    expect(readdirSync(dir)).toEqual(['graph.gexf']);
    expect(readFileSync(join(dir, 'graph.gexf'), 'utf8')).toBe('old gexf');
  });
});
