import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect, freshDatabase, simpulCli } from './harness.ts';

const BIN = path.resolve(import.meta.dirname, '../bin/simpul.js');

/** Runs the CLI (compiled once per run, see cli-bundle.ts; `bin` runs bin/simpul.js under tsx instead). */
function simpul(args: string[], env: NodeJS.ProcessEnv, bin = simpulCli()) {
  const r = spawnSync(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('simpul CLI arguments', () => {
  const env = { SIMPUL_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'simpul-cli-')) };
  afterAll(() => fs.rmSync(env.SIMPUL_DATA_DIR, { recursive: true, force: true }));

  it('--help lists every command and exits 0, from bin/simpul.js (tsx) as from the compiled CLI', () => {
    const r = simpul(['--help'], env, BIN);
    expect(r.status, r.stderr).toBe(0);
    for (const cmd of ['init', 'migrate', 'serve', 'user', 'cooperative', 'audit']) expect(r.stdout).toContain(cmd);
    expect(simpul(['--help'], env).stdout).toBe(r.stdout);
  });

  it('--help works on a subcommand', () => {
    const r = simpul(['user', 'add', '--help'], env);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--full-name');
  });

  it('an unknown command exits 2 with a one-line error', () => {
    const r = simpul(['terbang'], env);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toMatch(/unknown command 'terbang'/);
  });

  it('a missing required option exits 2', () => {
    const r = simpul(['cooperative', 'add', '--code', 'X1'], env);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--name/);
  });

  it('a bad port exits 2 naming the argument', () => {
    const r = simpul(['serve', '--port', 'delapan'], env);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('error: --port: "delapan" is not a port number');
  });
});

describeEachDialect('simpul CLI against a database', (dialect) => {
  let env: NodeJS.ProcessEnv;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const fresh = await freshDatabase(dialect);
    drop = fresh.drop;
    env = { SIMPUL_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'simpul-cli-')), SIMPUL_DATABASE_URL: fresh.target };
  });
  afterAll(async () => {
    await drop();
    fs.rmSync(env.SIMPUL_DATA_DIR ?? '', { recursive: true, force: true });
  });

  it('init creates a 0600 key file and a first admin, and a second init changes nothing', () => {
    const first = simpul(['init', '--admin-password', 'admin-password-1'], env);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('First admin: admin');
    const keyFile = path.join(env.SIMPUL_DATA_DIR ?? '', 'simpul.key');
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    const key = fs.readFileSync(keyFile, 'utf8');
    const second = simpul(['init'], env);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('Already initialised');
    expect(fs.readFileSync(keyFile, 'utf8')).toBe(key);
  });

  it('adds and lists cooperatives and users as JSON', () => {
    expect(simpul(['cooperative', 'add', '--code', 'ksp01', '--name', 'KSP Sejahtera', '--type', 'ksp'], env).status).toBe(0);
    const added = simpul(['user', 'add', '--username', 'andi', '--full-name', 'Andi', '--role', 'petugas', '--cooperative', 'KSP01'], env);
    expect(added.status, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/Password \(shown once\): \S{16}/);
    const coops = JSON.parse(simpul(['cooperative', 'list', '--json'], env).stdout);
    expect(coops).toEqual([expect.objectContaining({ code: 'KSP01', name: 'KSP Sejahtera' })]);
    const users = JSON.parse(simpul(['user', 'list', '--json'], env).stdout);
    expect(users.map((u: { username: string }) => u.username)).toEqual(['admin', 'andi']);
  });

  it('refuses a duplicate cooperative code and an unknown cooperative with exit 1', () => {
    const dup = simpul(['cooperative', 'add', '--code', 'KSP01', '--name', 'Lagi'], env);
    expect(dup.status).toBe(1);
    expect(dup.stderr.trim()).toBe('error: Cooperative code "KSP01" is already taken.');
    const unknown = simpul(['user', 'add', '--username', 'x1', '--full-name', 'X', '--role', 'petugas', '--cooperative', 'NOPE'], env);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('Unknown cooperative "NOPE"');
  });

  it('disables a user', () => {
    expect(simpul(['user', 'disable', 'andi'], env).status).toBe(0);
    const users = JSON.parse(simpul(['user', 'list', '--json'], env).stdout);
    expect(users.find((u: { username: string }) => u.username === 'andi').disabled).toBe(true);
  });

  it('audit verify passes on the intact chain', () => {
    const r = simpul(['audit', 'verify'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/intact: \d+ entries/);
  });

  it('migrate reports nothing pending', () => {
    const r = simpul(['migrate'], env);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`${dialect}: \\d+ applied, 0 pending`));
  });
});
