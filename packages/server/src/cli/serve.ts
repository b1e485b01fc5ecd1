import { Command } from 'commander';
import { isFirstWorker, isServerWorker, parseWorkers, startWorkers } from '../cluster.ts';
import { dataDir } from '../config/env.ts';
import { openInstance } from '../instance.ts';
import { createLogger } from '../logging.ts';
import { startCloseOfDayTimer } from '../modules/portfolio/close-of-day.timer.ts';
import { closeOnSignals, startServer } from '../server.ts';
import { dbOption } from './context.ts';
import { UsageError } from './errors.ts';

export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port: "${value}" is not a port number`);
  return port;
}

/** `--workers` (or SIMPUL_WORKERS): how many server processes; 1 serves in this process. */
export function workersOption(value: string): number {
  const n = parseWorkers(value);
  if (n === undefined) throw new UsageError(`--workers: "${value}" must be a whole number from 1 to 64, or auto`);
  return n;
}

export const WORKERS_HELP = 'server processes sharing the port, one per core at most (auto: one per core)';

/**
 * Serves the API and web app until SIGTERM; returns the URL once listening. With workers > 1
 * this process migrates the database once, then starts the workers (src/cluster.ts); each
 * worker runs this command again and serves here as a single process would.
 */
export async function serveInstance(cmd: Command, port: number, host: string, workers = 1): Promise<string> {
  const logger = createLogger({ dataDir: dataDir() });
  if (workers > 1 && !isServerWorker()) {
    const services = await openInstance({ db: dbOption(cmd), logger });
    const dialect = services.db.dialect;
    await services.db.close();
    const url = await startWorkers(workers, host, logger);
    logger.info({ url, dialect, workers }, 'Simpul is listening');
    return url;
  }
  const services = await openInstance({ db: dbOption(cmd), logger });
  const running = await startServer(services, port, host);
  closeOnSignals(running, services);
  // Close of day runs once per business day inside the server (skipped when already run),
  // from one worker only.
  if (process.env.SIMPUL_CLOSE_OF_DAY !== 'off' && isFirstWorker()) startCloseOfDayTimer(services);
  if (!isServerWorker()) logger.info({ url: running.url, dialect: services.db.dialect }, 'Simpul is listening');
  return running.url;
}

export function serveCommand(): Command {
  return new Command('serve')
    .description('Serve the API and the web app')
    .option('--port <port>', 'port to listen on', process.env.PORT ?? '3000')
    .option('--host <host>', 'address to bind (0.0.0.0 to serve the network)', process.env.SIMPUL_HOST ?? '127.0.0.1')
    .option('--workers <n>', WORKERS_HELP, process.env.SIMPUL_WORKERS ?? '1')
    .action(async (opts: { port: string; host: string; workers: string }, cmd: Command) => {
      await serveInstance(cmd, parsePort(opts.port), opts.host, workersOption(opts.workers));
      await new Promise(() => {}); // run until a signal closes the process
    });
}
