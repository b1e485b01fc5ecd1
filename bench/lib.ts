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

/** Reads the CPU time of a PostgreSQL database's backends; see pgServerCpu. */
export interface ServerCpu {
  /** CPU milliseconds its backends have used so far (each backend from its start). */
  read(): Promise<number>;
  /** Reads every `ms` until stopped: backends that end between two readings take their ticks with them. */
  sample(ms: number): { stop(): Promise<void> };
  close(): Promise<void>;
}

/**
 * CPU time used by the PostgreSQL backends serving database `url` (every connection to it),
 * read from /proc: the server runs on this machine, as the benchmark's does. Where its
 * processes are not visible (another host or container) every reading is 0, and a figure
 * that adds it says so by its unit. A backend that ends between two readings keeps its last.
 */
export async function pgServerCpu(url: string): Promise<ServerCpu> {
  const watcher = new pg.Client({ connectionString: url });
  await watcher.connect();
  const own = (await watcher.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid;
  const visible = own !== undefined && fs.existsSync(`/proc/${own}/stat`);
  const seen = new Map<number, number>();
  const read = async () => {
    if (!visible) return 0;
    const { rows } = await watcher.query<{ pid: number }>('select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()');
    for (const { pid } of rows) {
      try {
        // After "pid (name) ": state is field 3 of proc(5), utime 14 and stime 15.
        const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
        seen.set(pid, (Number(fields[11]) + Number(fields[12])) * (1000 / CLOCK_TICKS_PER_SECOND));
      } catch {
        // ended meanwhile: its last reading stays
      }
    }
    let total = 0;
    for (const ms of seen.values()) total += ms;
    return total;
  };
  return {
    read,
    sample(ms) {
      let last = Promise.resolve(0);
      const timer = setInterval(() => {
        last = last.then(read, read);
      }, ms);
      return {
        async stop() {
          clearInterval(timer);
          await last.catch(() => 0);
        },
      };
    },
    close: () => watcher.end(),
  };
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
