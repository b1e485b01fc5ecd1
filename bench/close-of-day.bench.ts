/**
 * Close of day, end to end: `simpul close-of-day` as a real child process over a workspace
 * of 1,000,000 active loans (200 cooperatives, 500,000 members, 6–24-instalment monthly
 * schedules with due dates spread over the month), on this machine — on SQLite, and on
 * PostgreSQL when SIMPUL_BENCH_PG_URL names a server.
 *
 * The book is a district's, not an easier one: most members pay every instalment on its due
 * date, recorded that day (the repayments due on 1 and 2 Nov are written just before those
 * days' closes, as a cooperative recording repayments daily would have them); 7 % are one or
 * two instalments behind; and a stopped share that varies by cooperative (2–10 %, 6 % on
 * average, so several cooperatives are above 5 % NPL) paid a few instalments and no more,
 * some of them past maturity. Loans paying on time mature after the bench's dates (a loan
 * paid off would be settled, not active). The share in arrears and the share derived by
 * each run are printed and carried in each figure's data size.
 *
 *   npx tsx bench/close-of-day.bench.ts [--quick] [--loans=N] [--only=sqlite|postgres]   (--quick: 5,000 loans)
 *
 * Three runs on the same data: the first close ever (31 Oct: every loan derived, written and
 * furnished), then the ones the target is about — the first close of a month (1 Nov: every
 * registry account needs the new month's row) and an ordinary next day (2 Nov). Close of day
 * derives only the loans whose state can have moved (in arrears, an instalment falling due,
 * touched since the last run); the others keep their state and, on a new month, have their
 * registry rows rolled forward in SQL.
 * Target (issue 4): 1,000,000 loans in under 30 s on SQLite (≥ 33,334 loans/s).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { addDays, buildSchedule, DEFAULT_ALLOCATION_ORDER, NO_PENALTY } from '../packages/domain/src/index.ts';
import { encryptField } from '../packages/server/src/config/field-crypto.ts';
import { deriveKeys, keyedHash } from '../packages/server/src/config/keys.ts';
import { seededRandom, syntheticPerson, bloraDistricts } from '../packages/server/src/modules/registry/synthetic.ts';
import { emit, freshPgDatabase, pgServerCpu, progress, quick } from './lib.ts';

const loansArg = process.argv.find((a) => a.startsWith('--loans='))?.slice('--loans='.length);
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const LOANS = loansArg ? Number(loansArg) : quick ? 5_000 : 1_000_000;
const COOPS = 200;
/** The last run's date: repayments are dated up to it. */
const DATE = '2026-11-02';
const RUNS = [
  ['first close ever (every loan derived and furnished)', '2026-10-31', false],
  ['first close of a month (every account rolled into the month)', '2026-11-01', true],
  ['next day (changed loans derived and furnished)', '2026-11-02', true],
] as const;
const BIN = path.resolve(import.meta.dirname, '../packages/server/bin/simpul.js');
const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const NOW = '2026-10-01T00:00:00.000Z';

/** Runs the CLI; wall time, and (with /usr/bin/time) peak memory and CPU seconds (user + system), which a loaded machine distorts less. */
function simpul(args: string[], env: NodeJS.ProcessEnv): { ms: number; maxRssMb: number | undefined; cpuSeconds: number | undefined; stdout: string } {
  const started = performance.now();
  const argv = TIME ? ['-f', 'maxrss=%M cpu=%U+%S', process.execPath, BIN, ...args] : [BIN, ...args];
  const r = spawnSync(TIME ?? process.execPath, argv, { env, encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`simpul ${args.join(' ')} failed: ${r.stderr}`);
  const rss = /maxrss=(\d+)/.exec(r.stderr)?.[1];
  const cpu = /cpu=([\d.]+)\+([\d.]+)/.exec(r.stderr);
  return { ms, maxRssMb: rss ? Number(rss) / 1024 : undefined, cpuSeconds: cpu ? Number(cpu[1]) + Number(cpu[2]) : undefined, stdout: r.stdout };
}

/** Where the generated book goes: SQLite through prepared statements, PostgreSQL through COPY. */
interface Sink {
  coop(id: number): void;
  member(values: unknown[]): void;
  loan(values: unknown[]): void;
  repayment(values: unknown[]): void;
  /** Called every 10,000 members: write what is buffered. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/** What populate generated beside the book: the repayments of later days, and how many loans are in arrears on the last date. */
interface Book {
  /** Repayments recorded on each run's date after the first (before that day's close). */
  later: Map<string, unknown[][]>;
  inArrears: number;
}

const MEMBER_COLUMNS = 'id, cooperative_id, member_no, full_name, name_search, birth_date, sex, nik_enc, nik_index, joined_on, created_at, updated_at';
const LOAN_COLUMNS = `id, cooperative_id, member_id, product_id, loan_no, status, amount, tenor, rate_percent, rate_period, method, frequency, installment_multiple,
  penalty_rule, allocation_order, classification_preset, purpose, collateral, applied_at, disbursed_on, schedule, installment_amount, maturity_on, outstanding_principal, created_at, updated_at`;
const REPAYMENT_COLUMNS = 'cooperative_id, loan_id, paid_on, amount, channel, receipt_no, created_at';

function productValues(c: number): unknown[] {
  return [c, 'UMUM', 'Pinjaman Umum', 'flat', 1.5, 'month', 'monthly', 1, 36, 100000, 50000000, 1000, JSON.stringify(NO_PENALTY), JSON.stringify(DEFAULT_ALLOCATION_ORDER), 'cooperative_4', NOW, NOW];
}
const PRODUCT_COLUMNS = 'cooperative_id, code, name, method, rate_percent, rate_period, frequency, min_tenor, max_tenor, min_amount, max_amount, installment_multiple, penalty_rule, allocation_order, classification_preset, created_at, updated_at';

function sqliteSink(file: string): Sink {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const marks = (columns: string) => columns.split(',').map(() => '?').join(', ');
  const coop = db.prepare("insert into cooperatives (id, code, name, type, created_at) values (?, ?, ?, 'ksp', ?)");
  const product = db.prepare(`insert into loan_products (id, ${PRODUCT_COLUMNS}) values (?, ${marks(PRODUCT_COLUMNS)})`);
  const member = db.prepare(`insert into members (${MEMBER_COLUMNS}) values (${marks(MEMBER_COLUMNS)})`);
  const loan = db.prepare(`insert into loans (${LOAN_COLUMNS}) values (${marks(LOAN_COLUMNS)})`);
  const repayment = db.prepare(`insert into repayments (${REPAYMENT_COLUMNS}) values (${marks(REPAYMENT_COLUMNS)})`);
  db.exec('BEGIN');
  return {
    coop(c) {
      coop.run(c, `B${c}`, `Koperasi ${c}`, NOW);
      product.run(c, ...productValues(c));
    },
    member: (v) => member.run(...v),
    loan: (v) => loan.run(...v),
    repayment: (v) => repayment.run(...v),
    async flush() {
      db.exec('COMMIT');
      db.exec('BEGIN');
    },
    async close() {
      db.exec('COMMIT');
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  };
}

/** One value in COPY's text format (the generated values hold no tabs, newlines or backslashes). */
const copyValue = (v: unknown) => (v === null ? '\\N' : String(v));

async function pgSink(url: string): Promise<Sink> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const buffers = { members: [] as string[], loans: [] as string[], repayments: [] as string[] };
  const line = (v: unknown[]) => `${v.map(copyValue).join('\t')}\n`;
  const copy = async (table: string, columns: string, lines: string[]) => {
    if (lines.length === 0) return;
    await pipeline(Readable.from([lines.join('')]), client.query(copyFrom(`copy ${table} (${columns.replace(/\s+/g, ' ')}) from stdin`)));
    lines.length = 0;
  };
  const coops: number[] = [];
  return {
    coop: (c) => coops.push(c),
    member: (v) => buffers.members.push(line(v.slice(1))),
    loan: (v) => buffers.loans.push(line(v.slice(1))),
    repayment: (v) => buffers.repayments.push(line(v)),
    async flush() {
      for (const c of coops.splice(0)) {
        // Identity columns: a fresh database numbers the rows 1, 2, … in the order written, as the generator does.
        await client.query("insert into cooperatives (code, name, type, created_at) values ($1, $2, 'ksp', $3)", [`B${c}`, `Koperasi ${c}`, NOW]);
        const values = productValues(c);
        await client.query(`insert into loan_products (${PRODUCT_COLUMNS}) values (${values.map((_, i) => `$${i + 1}`).join(', ')})`, values);
      }
      await copy('members', MEMBER_COLUMNS.replace(/^id, /, ''), buffers.members);
      await copy('loans', LOAN_COLUMNS.replace(/^id, /, ''), buffers.loans);
      await copy('repayments', REPAYMENT_COLUMNS, buffers.repayments);
    },
    async close() {
      await client.query('analyze');
      await client.end();
    },
  };
}

/** Cooperatives, one product each, members with encrypted NIKs, loans and their repayments. */
async function populate(sink: Sink, masterKey: Buffer): Promise<Book> {
  const firstRun = RUNS[0][1];
  const book: Book = { later: new Map(RUNS.slice(1).map(([, date]) => [date, []])), inArrears: 0 };
  const keys = deriveKeys(masterKey);
  const rng = seededRandom(4);
  const districts = bloraDistricts();
  for (let c = 1; c <= COOPS; c++) sink.coop(c);
  const schedules = new Map<string, { json: string; dues: { date: string; total: number }[]; first: number; last: string }>();
  const penalty = JSON.stringify(NO_PENALTY);
  const order = JSON.stringify(DEFAULT_ALLOCATION_ORDER);
  const members = LOANS / 2;
  let loanId = 0;
  for (let m = 0; m < members; m++) {
    const coopId = (m % COOPS) + 1;
    const p = syntheticPerson(rng, m, districts);
    const nik = `${p.nik.slice(0, 12)}${String((m % 9999) + 1).padStart(4, '0')}`;
    const memberId = m + 1;
    sink.member([memberId, coopId, `A${m}`, p.fullName, p.fullName.toLowerCase(), p.birthDate, Number(nik.slice(6, 8)) > 40 ? 'F' : 'M', encryptField(keys, nik), keyedHash(keys.blindIndex, `${nik}:${m}`), '2020-01-01', NOW, NOW]);
    for (let k = 0; k < 2; k++) {
      const amount = (2 + Math.floor(rng() * 40)) * 500_000;
      const tenor = [6, 12, 18, 24][Math.floor(rng() * 4)] ?? 12;
      // On time (most), one or two behind (7 %), or stopped (2–10 % by cooperative: 2, 4, 6, 8, 10 %).
      const r = rng();
      const stoppedShare = 0.02 * (1 + (coopId % 5));
      const payer = r < stoppedShare ? 'stopped' : r < stoppedShare + 0.07 ? 'behind' : 'on time';
      // Disbursed by 30 Oct: open on every run's date. Loans being repaid mature after the last
      // run (tenor months less ten days at most); stopped ones may be up to a year old.
      const span = payer === 'stopped' ? 360 : Math.min(360, tenor * 30 - 10);
      const disbursed = addDays(DATE, -(3 + Math.floor(rng() * (span - 3))));
      const key = `${amount}:${tenor}:${disbursed}`;
      let s = schedules.get(key);
      if (!s) {
        const sch = buildSchedule({ principal: amount, ratePercent: 1.5, ratePeriod: 'month', tenor, method: 'flat', frequency: 'monthly', startDate: disbursed, multiple: 1000 });
        s = { json: JSON.stringify(sch.installments), dues: sch.installments.map((i) => ({ date: i.dueDate, total: i.total })), first: sch.installments[0]?.total ?? 0, last: sch.installments.at(-1)?.dueDate ?? disbursed };
        schedules.set(key, s);
      }
      loanId += 1;
      sink.loan([loanId, coopId, memberId, coopId, `L${m}-${k}`, 'active', amount, tenor, 1.5, 'month', 'flat', 'monthly', 1000, penalty, order, 'cooperative_4', 'modal usaha', '[]', `${disbursed}T01:00:00.000Z`, disbursed, s.json, s.first, s.last, amount, NOW, NOW]);
      // On time: every instalment due by the last run, on its due date (those after the first
      // run written before their day's close). Behind: the latest one or two unpaid by the first
      // run, and nothing paid on the later days. Stopped: a few paid, then nothing.
      const due = s.dues.filter((d) => d.date <= DATE);
      const dueByFirst = s.dues.filter((d) => d.date <= firstRun).length;
      const paid = payer === 'on time' ? due.length : payer === 'behind' ? Math.max(0, dueByFirst - 1 - Math.floor(rng() * 2)) : Math.min(due.length, Math.floor(rng() * 3));
      if (paid < due.length) book.inArrears++;
      for (let i = 0; i < paid; i++) {
        const d = s.dues[i];
        if (!d) continue;
        const values = [coopId, loanId, d.date, d.total, 'cash', `R${loanId}-${i}`, NOW];
        const later = book.later.get(d.date);
        if (later) later.push(values);
        else sink.repayment(values);
      }
    }
    if ((m + 1) % 10_000 === 0 || m + 1 === members) {
      await sink.flush();
      if ((m + 1) % 100_000 === 0) progress(`populated ${(m + 1) * 2} loans`);
    }
  }
  await sink.close();
  return book;
}

/** Records the repayments of `date` (made on that day, before its close), as the cooperatives' tellers would. */
async function recordRepayments(database: 'sqlite' | 'postgres', db: string, rows: readonly unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  if (database === 'sqlite') {
    const sqlite = new SQLite(db);
    const insert = sqlite.prepare(`insert into repayments (${REPAYMENT_COLUMNS}) values (${REPAYMENT_COLUMNS.split(',').map(() => '?').join(', ')})`);
    sqlite.transaction(() => { for (const v of rows) insert.run(...v); })();
    sqlite.close();
    return;
  }
  const client = new pg.Client({ connectionString: db });
  await client.connect();
  try {
    await pipeline(Readable.from([rows.map((v) => `${v.map(copyValue).join('\t')}\n`).join('')]), client.query(copyFrom(`copy repayments (${REPAYMENT_COLUMNS}) from stdin`)));
  } finally {
    await client.end();
  }
}

/** The three runs on one populated database (`--db` a file or a URL); PostgreSQL's own CPU is added to the CLI's. */
async function measure(database: 'sqlite' | 'postgres', db: string, env: NodeJS.ProcessEnv, book: Book): Promise<void> {
  const server = database === 'postgres' ? await pgServerCpu(db) : undefined;
  const arrears = `${((100 * book.inArrears) / LOANS).toFixed(1)} % in arrears`;
  progress(`${database}: the book has ${book.inArrears} loans (${arrears}) behind on ${DATE}`);
  try {
    for (const [name, date, target] of RUNS) {
      await recordRepayments(database, db, book.later.get(date) ?? []);
      const serverBefore = server ? await server.read() : 0;
      const run = simpul(['close-of-day', '--db', db, '--date', date, '--json'], env);
      const serverCpu = server ? ((await server.read()) - serverBefore) / 1000 : 0;
      const result = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as { loans: number; derived: number; furnished: number; rejected: number; failed: number };
      if (result.loans !== LOANS || result.failed !== 0 || result.rejected !== 0) throw new Error(`unexpected result ${run.stdout}`);
      const seconds = run.ms / 1000;
      const cpu = run.cpuSeconds === undefined ? undefined : run.cpuSeconds + serverCpu;
      progress(`${database} ${name} (${date}): ${LOANS} loans in ${seconds.toFixed(1)} s (CPU ${cpu?.toFixed(1) ?? '?'} s${server ? ` incl. PostgreSQL ${serverCpu.toFixed(1)} s` : ''}, load ${os.loadavg()[0]?.toFixed(1)}), ${result.derived} derived, ${result.furnished} furnished, peak ${run.maxRssMb?.toFixed(0) ?? '?'} MB`);
      const dataSize = `${LOANS.toLocaleString('en')} active loans (${arrears}; ${((100 * result.derived) / LOANS).toFixed(1)} % derived by this run)`;
      emit({ suite: 'close-of-day', name: `${name}: loans/s`, value: Math.round(LOANS / seconds), unit: 'loans/s', ...(target ? { target: '≥ 33,334 loans/s (1 M in < 30 s)', targetMet: LOANS / seconds >= 33_334 } : {}), database, dataSize, runs: [seconds] });
      if (cpu !== undefined) emit({ suite: 'close-of-day', name: `${name}: CPU`, value: Number(cpu.toFixed(1)), unit: database === 'postgres' ? 's CPU (CLI + PostgreSQL)' : 's CPU', database, dataSize });
      if (run.maxRssMb !== undefined) emit({ suite: 'close-of-day', name: `${name}: peak memory`, value: Math.round(run.maxRssMb), unit: 'MB', database, dataSize });
    }
  } finally {
    await server?.close();
  }
}

// SIMPUL_BENCH_KEEP=1 keeps the populated database (its folder is printed), for profiling runs of the CLI on it.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'simpul-bench-cod-'));
try {
  const master = randomBytes(32);
  const env: NodeJS.ProcessEnv = { ...process.env, SIMPUL_DATA_DIR: dir, SIMPUL_KEY: master.toString('base64'), SIMPUL_LOG_LEVEL: 'warn' };
  delete env.SIMPUL_DATABASE_URL;
  if (only !== 'postgres') {
    const file = path.join(dir, 'simpul.sqlite');
    simpul(['migrate', '--db', file], env);
    const populating = performance.now();
    const book = await populate(sqliteSink(file), master);
    progress(`sqlite: populated ${LOANS} loans in ${((performance.now() - populating) / 1000).toFixed(0)} s`);
    if (process.env.SIMPUL_BENCH_KEEP) {
      // The book before any close of day, and its key: the CLI can be rerun (profiled) on a copy.
      fs.copyFileSync(file, path.join(dir, 'before.sqlite'));
      fs.writeFileSync(path.join(dir, 'key.b64'), master.toString('base64'));
      fs.writeFileSync(path.join(dir, 'later-repayments.json'), JSON.stringify(Object.fromEntries(book.later)));
    }
    await measure('sqlite', file, env, book);
    if (!process.env.SIMPUL_BENCH_KEEP) fs.rmSync(file, { force: true });
  }
  const url = only === 'sqlite' ? undefined : await freshPgDatabase('bench_close_of_day');
  if (url) {
    simpul(['migrate', '--db', url], env);
    const populating = performance.now();
    const book = await populate(await pgSink(url), master);
    progress(`postgres: populated ${LOANS} loans in ${((performance.now() - populating) / 1000).toFixed(0)} s`);
    if (process.env.SIMPUL_BENCH_KEEP) {
      // The book before any close of day (database bench_close_of_day_before), its key and the later days' repayments: the CLI can be rerun (profiled) on a copy.
      const admin = new pg.Client({ connectionString: process.env.SIMPUL_BENCH_PG_URL });
      await admin.connect();
      await admin.query('drop database if exists bench_close_of_day_before with (force)');
      await admin.query('create database bench_close_of_day_before template bench_close_of_day');
      await admin.end();
      fs.writeFileSync(path.join(dir, 'key.b64'), master.toString('base64'));
      fs.writeFileSync(path.join(dir, 'later-repayments.json'), JSON.stringify(Object.fromEntries(book.later)));
    }
    try {
      await measure('postgres', url, env, book);
    } finally {
      if (!process.env.SIMPUL_BENCH_KEEP) {
        const admin = new pg.Client({ connectionString: process.env.SIMPUL_BENCH_PG_URL });
        await admin.connect();
        await admin.query('drop database if exists bench_close_of_day with (force)');
        await admin.end();
      }
    }
  }
} finally {
  if (process.env.SIMPUL_BENCH_KEEP) progress(`kept ${dir} (and PostgreSQL databases bench_close_of_day and bench_close_of_day_before, if one was used)`);
  else fs.rmSync(dir, { recursive: true, force: true });
}
