import { parentPort } from 'node:worker_threads';
import { layoutCores, type CoreJob } from './layout-core.js';

/**
 * The worker thread of CoreLayoutThread (layout-thread.ts): started while the graph is still being
 * built, so that graphology and FA2 are loaded by the time the job comes; lays out its cores, hands
 * the positions back (transferred, not copied) and ends.
 */
parentPort!.once('message', (job: CoreJob) => {
  const positions = layoutCores(job);
  parentPort!.postMessage(positions, [positions.xs.buffer as ArrayBuffer, positions.ys.buffer as ArrayBuffer]);
});
