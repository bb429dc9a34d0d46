import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { coreJob, type LayoutPlan } from './layout.js';
import { coreWork, jobBuffers, layoutCores, type CorePositions } from './layout-core.js';

/**
 * Less FA2 work than this (see coreWork) is done on the calling thread, where it takes a few tens
 * of milliseconds at most: not worth a round trip to another thread.
 */
export const MIN_WORK_FOR_THREAD = 2e6;

// Compiled (dist/): the worker sits beside this file. From the sources (vitest) there is no
// compiled worker to start, so the layout stays on the calling thread.
const WORKER_FILE = import.meta.url.endsWith('.js') ? fileURLToPath(new URL('./layout-worker.js', import.meta.url)) : undefined;

export interface CoreLayoutOptions {
  /** The worker module; default: the compiled one beside this file, if there is one. */
  workerFile?: string;
  /** FA2 work (coreWork) from which the thread is used; default MIN_WORK_FOR_THREAD. */
  minWork?: number;
}

/**
 * A thread for the cores' layout (layoutCores), started ahead of the graph: starting it and
 * loading graphology and FA2 into it takes 60-80 ms, which the graph's resolution hides. Given
 * the plan, it lays out the cores while the caller goes on (the pipeline computes the metrics
 * meanwhile); a small job is laid out on the calling thread instead and the thread ended. The
 * same code on the same arrays either way: the positions are the same, to the bit.
 */
export class CoreLayoutThread {
  private worker: Worker | undefined;
  private ended = false;
  /** Whether the positions came from the thread (false: laid out here, a small job or a failed thread). */
  ranOnThread = false;

  private constructor(
    file: string,
    private readonly minWork: number,
  ) {
    this.worker = new Worker(file);
    // A thread that fails before it is given its job (it could not load) is noticed then.
    this.worker.on('error', () => undefined);
    this.worker.once('exit', () => (this.ended = true));
  }

  /** A started thread, or undefined where there is no compiled worker (running from the sources). */
  static start(options: CoreLayoutOptions = {}): CoreLayoutThread | undefined {
    const file = options.workerFile ?? WORKER_FILE;
    return file ? new CoreLayoutThread(file, options.minWork ?? MIN_WORK_FOR_THREAD) : undefined;
  }

  /** The cores' positions; the thread is used at most once. */
  layout(plan: LayoutPlan): Promise<CorePositions> {
    const worker = this.worker;
    this.worker = undefined;
    const job = coreJob(plan);
    if (!worker || this.ended || coreWork(job) < this.minWork) {
      void worker?.terminate();
      return Promise.resolve(layoutCores(job));
    }
    return new Promise((resolve) => {
      let settled = false;
      // A thread that failed or fails costs time, never the layout: its job (handed over, so
      // gone from here) is made again and laid out on this thread.
      const fallBack = () => {
        if (settled) return;
        settled = true;
        resolve(layoutCores(coreJob(plan)));
      };
      worker.once('message', (positions: CorePositions) => {
        settled = true;
        this.ranOnThread = true;
        resolve(positions);
      });
      worker.once('error', fallBack);
      worker.once('exit', fallBack);
      worker.postMessage(job, jobBuffers(job));
    });
  }

  /** Ends a thread that was never given its job (a build that failed, an empty graph). */
  close(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
