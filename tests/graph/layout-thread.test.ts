/**
 * The cores' layout on a worker thread (what the pipeline does for a large graph) gives the very
 * coordinates of the layout on the calling thread. The worker runs compiled code: these tests use
 * dist/graph/layout-worker.js (`npx tsc -p tsconfig.json` first; `npm test` builds it).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { foldGraph } from '../../src/graph/fold.js';
import { assignLayout, coreJob, placeNodes, planLayout } from '../../src/graph/layout.js';
import { layoutCores, type CorePositions } from '../../src/graph/layout-core.js';
import { CoreLayoutThread } from '../../src/graph/layout-thread.js';
import { positions, sampleGraph } from '../fixtures/layout-graph.js';

const WORKER = fileURLToPath(new URL('../../dist/graph/layout-worker.js', import.meta.url));

const bits = (p: CorePositions) => [Buffer.from(p.xs.buffer).toString('hex'), Buffer.from(p.ys.buffer).toString('hex')];

describe('CoreLayoutThread', () => {
  it.skipIf(!existsSync(WORKER))('lays out the cores on a worker thread to the bit as on this thread', async () => {
    const inThread = sampleGraph();
    assignLayout(inThread);
    const graph = sampleGraph();
    const plan = planLayout(foldGraph(graph));
    const thread = CoreLayoutThread.start({ workerFile: WORKER, minWork: 0 })!;
    const cores = await thread.layout(plan);
    expect(thread.ranOnThread).toBe(true);
    expect(bits(cores)).toEqual(bits(layoutCores(coreJob(plan))));
    placeNodes(graph, plan, cores);
    expect([...positions(graph)]).toEqual([...positions(inThread)]);
  });

  it('lays out on this thread when the worker cannot start', async () => {
    const plan = planLayout(foldGraph(sampleGraph()));
    const thread = CoreLayoutThread.start({ workerFile: '/nonexistent/layout-worker.js', minWork: 0 })!;
    const cores = await thread.layout(plan);
    expect(thread.ranOnThread).toBe(false);
    expect(bits(cores)).toEqual(bits(layoutCores(coreJob(plan))));
  });

  it.skipIf(!existsSync(WORKER))('keeps a small job on this thread', async () => {
    const plan = planLayout(foldGraph(sampleGraph()));
    const thread = CoreLayoutThread.start({ workerFile: WORKER })!;
    const cores = await thread.layout(plan);
    expect(thread.ranOnThread).toBe(false);
    expect(bits(cores)).toEqual(bits(layoutCores(coreJob(plan))));
  });
});
