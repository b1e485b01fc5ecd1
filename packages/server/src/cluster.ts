import cluster, { type Worker } from 'node:cluster';
import os from 'node:os';
import type { Logger } from 'pino';

/**
 * Several server processes on one port (node:cluster): one Node process serves on one core,
 * so `--workers N` / SIMPUL_WORKERS=N lets a machine's other cores answer requests too. The
 * processes are stateless — sessions, keys and every record are in the database and the key
 * file — so any worker may answer any request. The primary process only starts the workers,
 * hands them connections (round robin), restarts one that dies, and stops them on a signal.
 */

/** The worker count asked for: a whole number ≥ 1, or `auto` for one per core. */
export function parseWorkers(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (value === 'auto') return Math.max(1, os.availableParallelism());
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 64 ? n : undefined;
}

/** Set in each worker's environment: its index 0…N-1 (a replacement keeps the index). */
const WORKER_INDEX = 'SIMPUL_WORKER_INDEX';

/** True in a worker the cluster started; false in a single-process server or the primary. */
export function isServerWorker(): boolean {
  return cluster.isWorker;
}

/** Worker 0 (or a single-process server) runs once-per-server duties, such as the close-of-day timer. */
export function isFirstWorker(env: NodeJS.ProcessEnv = process.env): boolean {
  return !cluster.isWorker || env[WORKER_INDEX] === '0';
}

/** A worker that dies this soon after starting is not restarted again and again. */
const QUICK_DEATH_MS = 5_000;

/**
 * Starts `count` workers (each re-runs this command and serves) and resolves with the URL once
 * every one listens. A worker that exits while the cluster runs is replaced, unless it died
 * within seconds of starting (a broken configuration): then the primary stops all and exits 1.
 * SIGTERM/SIGINT are passed to the workers, which finish their requests and close; the
 * primary exits once all have.
 */
export function startWorkers(count: number, host: string, logger: Logger): Promise<string> {
  return new Promise((resolve, reject) => {
    const started = new Map<Worker, { index: number; at: number }>();
    let listening = 0;
    let url: string | undefined;
    let stopping = false;
    const fork = (index: number) => started.set(cluster.fork({ [WORKER_INDEX]: String(index) }), { index, at: Date.now() });
    const stopAll = (code: number) => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
      const force = setTimeout(() => process.exit(1), 15_000);
      force.unref();
      const done = () => {
        if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(code);
      };
      cluster.on('exit', done);
      done();
    };
    cluster.on('listening', (_worker, address) => {
      listening++;
      if (listening === count && !url) {
        url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`;
        resolve(url);
      }
    });
    cluster.on('exit', (worker, code, signal) => {
      const info = started.get(worker);
      started.delete(worker);
      if (stopping || !info) return;
      logger.error({ worker: info.index, code, signal }, 'server worker exited');
      if (!url || Date.now() - info.at < QUICK_DEATH_MS) {
        reject(new Error(`server worker ${info.index} exited (${signal ?? code}) while starting`));
        stopAll(1);
        return;
      }
      fork(info.index);
    });
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.on(signal, () => {
        if (stopping) process.exit(1);
        logger.info({ signal }, 'shutting down the workers');
        stopAll(0);
      });
    }
    for (let i = 0; i < count; i++) fork(i);
  });
}
