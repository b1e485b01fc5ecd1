import { serve, type ServerType } from '@hono/node-server';
import { createApp } from './http/app.ts';
import type { Services } from './http/context.ts';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Starts the HTTP server on loopback (or `host`) and resolves once it listens. */
export function startServer(services: Services, port: number, host = '127.0.0.1'): Promise<RunningServer> {
  const app = createApp(services);
  return new Promise((resolve, reject) => {
    let server: ServerType | undefined = undefined;
    server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
      const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${info.port}`;
      resolve({
        url,
        close: () =>
          new Promise<void>((done) => {
            server?.close(() => done());
            // Keep-alive sockets would hold close() open; end idle ones now.
            if (server && 'closeIdleConnections' in server) server.closeIdleConnections();
          }),
      });
    });
    server.once('error', reject);
  });
}

/**
 * Stops taking new connections on SIGTERM/SIGINT, lets requests in flight finish, closes
 * the database and exits 0. A second signal exits at once.
 */
export function closeOnSignals(running: RunningServer, services: Services): void {
  let closing = false;
  const stop = async (signal: string) => {
    if (closing) process.exit(1);
    closing = true;
    services.logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await running.close();
    await services.db.close();
    services.logger.flush?.();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}
