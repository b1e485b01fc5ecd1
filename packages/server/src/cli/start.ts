import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { WEB_DIST } from '../instance.ts';
import { isServerWorker } from '../cluster.ts';
import { parsePort, serveInstance, workersOption, WORKERS_HELP } from './serve.ts';
import { CommandError } from './errors.ts';
import { demoSignIns, initWithDemo } from './demo.ts';

/** Builds the web app when it has not been built yet (first `npm start`). */
export function ensureWebBuilt(): void {
  if (fs.existsSync(path.join(WEB_DIST, 'index.html'))) return;
  process.stdout.write('Building the web app (first start only)…\n');
  const root = path.resolve(WEB_DIST, '../../..');
  const result = spawnSync('npm', ['run', 'build', '-w', '@simpul/web'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new CommandError('Building the web app failed (see above)');
}

export function startCommand(): Command {
  return new Command('start')
    .description('What `npm start` runs: initialise on first run, build the web app if missing, serve')
    .option('--port <port>', 'port to listen on', process.env.PORT ?? '3000')
    .option('--host <host>', 'address to bind', process.env.SIMPUL_HOST ?? '127.0.0.1')
    .option('--workers <n>', WORKERS_HELP, process.env.SIMPUL_WORKERS ?? '1')
    .action(async (opts: { port: string; host: string; workers: string }, cmd: Command) => {
      const port = parsePort(opts.port);
      const workers = workersOption(opts.workers);
      // A server worker re-runs this command: the primary has initialised, built and printed.
      if (isServerWorker()) {
        await serveInstance(cmd, port, opts.host, workers);
        await new Promise(() => {});
      }
      // A brand-new instance gets its first admin and the demo district together, so there is
      // something to look at (SIMPUL_DEMO=off: empty); all or nothing, see initWithDemo.
      const { init, demo } = await initWithDemo(cmd);
      ensureWebBuilt();
      const url = await serveInstance(cmd, port, opts.host, workers);
      const lines = [``, `Simpul berjalan di / is running at ${url.replace('127.0.0.1', 'localhost')}`];
      if (init.admin) {
        lines.push(`Masuk sebagai / sign in as: ${init.admin.username}`, `Kata sandi / password (shown once): ${init.admin.password}`);
        if (demo) lines.push('', demoSignIns(demo));
      } else {
        lines.push('Masuk dengan akun yang sudah dibuat / sign in with an existing account (simpul user list).');
      }
      process.stdout.write(`${lines.join('\n')}\n\n`);
      await new Promise(() => {});
    });
}
