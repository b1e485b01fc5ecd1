import { Command } from 'commander';
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

/** Serves the API and web app until SIGTERM; returns the URL once listening. */
export async function serveInstance(cmd: Command, port: number, host: string): Promise<string> {
  const logger = createLogger({ dataDir: dataDir() });
  const services = await openInstance({ db: dbOption(cmd), logger });
  const running = await startServer(services, port, host);
  closeOnSignals(running, services);
  // Close of day runs once per business day inside the server (skipped when already run).
  if (process.env.SIMPUL_CLOSE_OF_DAY !== 'off') startCloseOfDayTimer(services);
  logger.info({ url: running.url, dialect: services.db.dialect }, 'Simpul is listening');
  return running.url;
}

export function serveCommand(): Command {
  return new Command('serve')
    .description('Serve the API and the web app')
    .option('--port <port>', 'port to listen on', process.env.PORT ?? '3000')
    .option('--host <host>', 'address to bind (0.0.0.0 to serve the network)', process.env.SIMPUL_HOST ?? '127.0.0.1')
    .action(async (opts: { port: string; host: string }, cmd: Command) => {
      await serveInstance(cmd, parsePort(opts.port), opts.host);
      await new Promise(() => {}); // run until a signal closes the process
    });
}
