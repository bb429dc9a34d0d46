import { Piscina } from 'piscina';
import type { Doc } from '../types.js';
import type { WorkerResult } from './worker.js';

/**
 * Extraction threads that grow with the work. Each thread imports the extraction code and
 * loads the knowledge base (about 2 s of CPU, V8's helper threads included, and 75 MB), then runs
 * slower for its first few hundred documents while the JIT warms up (about 1 s more; see
 * `npm run bench`), so a rebuild that finds a few new documents among thousands served from the
 * cache is best left to one thread: a second would pay all that only to compete with the main
 * thread's reading. The pool starts with `initial` threads and adds one,
 * up to `max`, whenever every thread already has a backlog.
 *
 * Each thread is its own one-thread piscina pool, so that growth is decided here rather than by
 * piscina, which spawns a thread for any queued task (and a loading thread always has a queue).
 */
export class ExtractionPool {
  private readonly threads: Array<{ pool: Piscina; pending: number }> = [];
  private tasks = 0;

  constructor(
    private readonly filename: string,
    private readonly workerData: unknown,
    private readonly max: number,
    initial: number,
    /** Tasks a thread may hold before another thread is started. */
    private readonly backlog = 6,
  ) {
    for (let i = 0; i < Math.min(Math.max(initial, 1), max); i++) this.addThread();
  }

  get size(): number {
    return this.threads.length;
  }

  /** Whether any batch was ever given to the pool. */
  get used(): boolean {
    return this.tasks > 0;
  }

  /** Extracts a batch of documents on the least busy thread; results in input order. */
  async run(docs: Doc[]): Promise<WorkerResult[]> {
    let thread = this.threads[0]!;
    for (const t of this.threads) if (t.pending < thread.pending) thread = t;
    if (thread.pending >= this.backlog && this.threads.length < this.max) thread = this.addThread();
    thread.pending++;
    this.tasks++;
    try {
      return (await thread.pool.run(docs)) as WorkerResult[];
    } finally {
      thread.pending--;
    }
  }

  async destroy(): Promise<void> {
    await Promise.all(this.threads.splice(0).map((t) => t.pool.destroy()));
  }

  private addThread(): { pool: Piscina; pending: number } {
    const thread = {
      pool: new Piscina({ filename: this.filename, minThreads: 1, maxThreads: 1, idleTimeout: Infinity, workerData: this.workerData }),
      pending: 0,
    };
    this.threads.push(thread);
    return thread;
  }
}
