import fs from 'node:fs';
import pg from 'pg';

/** One measured figure, as every benchmark prints it: one JSON line on stdout. */
export interface Figure {
  suite: string;
  name: string;
  value: number;
  unit: string;
  target?: string;
  targetMet?: boolean;
  database?: 'sqlite' | 'postgres';
  dataSize?: string;
  /** The same timing as a ratio to a floor measured in the same run (noise-resistant): value ÷ floor. */
  ratioToFloor?: number;
  floor?: string;
  runs?: number[];
}

export const quick = process.argv.includes('--quick');

/**
 * The seconds this suite may take, set by bench/run.ts (SIMPUL_BENCH_BUDGET_SECONDS) from its
 * share of the quick mode's 3 minutes; undefined in a full run or when a suite runs alone.
 * A suite picks its quick sizes to fit it; run.ts reports any suite that overran.
 */
export const budgetSeconds = process.env.SIMPUL_BENCH_BUDGET_SECONDS ? Number(process.env.SIMPUL_BENCH_BUDGET_SECONDS) : undefined;

/** `full` in a full run, `quickValue` with --quick: the one place a suite states both sizes. */
export function sized<T>(full: T, quickValue: T): T {
  return quick ? quickValue : full;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function emit(figure: Figure): void {
  process.stdout.write(`${JSON.stringify(figure)}\n`);
}

const started = performance.now();

/** A line on stderr, with the seconds since the suite started: where a suite's time goes. */
export function progress(message: string): void {
  process.stderr.write(`  [${((performance.now() - started) / 1000).toFixed(1)} s] ${message}\n`);
}

/** This process's CPU time so far (user + system), in milliseconds. */
export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Wall and CPU milliseconds of each run of `work`. */
export interface Runs {
  wall: number[];
  cpu: number[];
}

/**
 * Runs `work` `runs` times and times each: wall milliseconds, and CPU milliseconds of this
 * process plus, when `serverCpu` is given, of the database server's processes working for it
 * (PostgreSQL runs the queries out of process: without its share the CPU figure would be the
 * client's only).
 */
export async function timeRuns(runs: number, work: () => unknown, serverCpu?: () => Promise<number>): Promise<Runs> {
  const result: Runs = { wall: [], cpu: [] };
  for (let i = 0; i < runs; i++) {
    const server = serverCpu ? await serverCpu() : 0;
    const [wall, cpu] = [performance.now(), cpuMs()];
    await work();
    const [wallAfter, cpuAfter] = [performance.now(), cpuMs()];
    result.wall.push(wallAfter - wall);
    result.cpu.push(cpuAfter - cpu + (serverCpu ? (await serverCpu()) - server : 0));
  }
  return result;
}

/**
 * A figure's ratio to its floor (value ÷ floor, both in the same unit, measured in the same
 * run), rounded for the table: a time 3.2 × its floor's, or a rate 0.41 of its floor's.
 */
export function ratio(value: number, floor: number): number {
  return Number((value / floor).toPrecision(3));
}

/** The floor fields of a figure: `{ ratioToFloor, floor }`, with what the floor is and its own value. */
export function floorOf(value: number, floor: number, what: string, unit: string): Pick<Figure, 'ratioToFloor' | 'floor'> {
  const shown = floor >= 100 ? Math.round(floor).toLocaleString('en') : Number(floor.toPrecision(3)).toLocaleString('en');
  return { ratioToFloor: ratio(value, floor), floor: `${what}, ${shown} ${unit}` };
}

const CLOCK_TICKS_PER_SECOND = 100; // Linux USER_HZ

/** Reads the CPU time of a PostgreSQL server; see pgServerCpu. */
export interface ServerCpu {
  /** CPU milliseconds the server's processes have used so far (since the server started). */
  read(): Promise<number>;
  close(): Promise<void>;
}

/** proc(5) stat fields after "pid (comm) ": state is [0], so utime (14) is [11], stime [12], cutime [13], cstime [14]; ppid (4) is [1]. */
function statFields(pid: number): string[] {
  return fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
}

/** A process's own CPU ticks, and with `reaped` also those of its children that have ended and been waited for. */
function ticks(fields: readonly string[], reaped: boolean): number {
  const own = Number(fields[11]) + Number(fields[12]);
  return reaped ? own + Number(fields[13]) + Number(fields[14]) : own;
}

/** The postmaster's child processes (backends, I/O workers, checkpointer, autovacuum...). */
function childrenOf(pid: number): number[] {
  try {
    return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(' ').filter(Boolean).map(Number);
  } catch {
    // a kernel without CONFIG_PROC_CHILDREN: look for them by parent
    return fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number).filter((child) => {
      try {
        return Number(statFields(child)[1]) === pid;
      } catch {
        return false;
      }
    });
  }
}

/**
 * CPU time used by the PostgreSQL server behind `url`, all of its processes, read from /proc:
 * the postmaster's own and its reaped children's (cutime + cstime: every backend that has
 * ended, such as a CLI's connections once it has exited), plus its live children's. The
 * figure is the whole server's — every database on it, and its I/O workers and background
 * writers, which do part of a query's reads and writes — so on a shared machine point
 * SIMPUL_BENCH_PG_URL at a server of your own. The server runs on this machine, as the
 * benchmark's does; where its processes are not visible (another host or container) every
 * reading is 0, and a figure that adds it says so by its unit.
 */
export async function pgServerCpu(url: string): Promise<ServerCpu> {
  const watcher = new pg.Client({ connectionString: url });
  await watcher.connect();
  const own = (await watcher.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid;
  const postmaster = own !== undefined && fs.existsSync(`/proc/${own}/stat`) ? Number(statFields(own)[1]) : undefined;
  const read = async () => {
    if (postmaster === undefined) return 0;
    let total = 0;
    for (const child of childrenOf(postmaster)) {
      try {
        total += ticks(statFields(child), false);
      } catch {
        // ended meanwhile: once reaped it is in the postmaster's cutime
      }
    }
    total += ticks(statFields(postmaster), true);
    return total * (1000 / CLOCK_TICKS_PER_SECOND);
  };
  return { read, close: () => watcher.end() };
}

/**
 * A fresh, empty database `name` on the benchmark's PostgreSQL server (SIMPUL_BENCH_PG_URL),
 * dropped first if a previous run left it; its URL, or undefined when no server is named.
 */
export async function freshPgDatabase(name: string): Promise<string | undefined> {
  const base = process.env.SIMPUL_BENCH_PG_URL;
  if (!base) return undefined;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}
