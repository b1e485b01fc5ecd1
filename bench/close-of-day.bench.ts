/**
 * Close of day, end to end: `simpul close-of-day` as a real child process over a SQLite
 * workspace of 1,000,000 active loans (200 cooperatives, 500,000 members, ~12-instalment
 * schedules, their repayments), on this machine.
 *
 *   npx tsx bench/close-of-day.bench.ts [--quick]     (--quick: 20,000 loans)
 *
 * Two runs are measured on the same data: the first close of a month (every loan's state
 * is written and every account furnished to the registry for the new month), and the next
 * day (states written again, only the accounts whose figures changed re-furnished).
 * Target (issue 4): 1,000,000 loans in under 30 s on SQLite (≥ 33,334 loans/s).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { addDays, buildSchedule, DEFAULT_ALLOCATION_ORDER, NO_PENALTY } from '../packages/domain/src/index.ts';
import { encryptField } from '../packages/server/src/config/field-crypto.ts';
import { deriveKeys, keyedHash } from '../packages/server/src/config/keys.ts';
import { seededRandom, syntheticPerson, bloraDistricts } from '../packages/server/src/modules/registry/synthetic.ts';
import { emit, progress, quick } from './lib.ts';

const LOANS = quick ? 20_000 : 1_000_000;
const COOPS = 200;
const DATE = '2026-11-02';
const BIN = path.resolve(import.meta.dirname, '../packages/server/bin/simpul.js');
const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const NOW = '2026-11-01T00:00:00.000Z';

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

/** Cooperatives, one product each, members with encrypted NIKs, loans and their repayments. */
function populate(file: string, masterKey: Buffer): void {
  const keys = deriveKeys(masterKey);
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const rng = seededRandom(4);
  const districts = bloraDistricts();
  db.transaction(() => {
    const coop = db.prepare("insert into cooperatives (code, name, type, created_at) values (?, ?, 'ksp', ?)");
    const product = db.prepare(`insert into loan_products (cooperative_id, code, name, method, rate_percent, rate_period, frequency, min_tenor, max_tenor, min_amount, max_amount,
      installment_multiple, penalty_rule, allocation_order, classification_preset, created_at, updated_at) values (?, 'UMUM', 'Pinjaman Umum', 'flat', 1.5, 'month', 'monthly', 1, 36, 100000, 50000000, 1000, ?, ?, 'cooperative_4', ?, ?)`);
    for (let c = 1; c <= COOPS; c++) {
      coop.run(`B${c}`, `Koperasi ${c}`, NOW);
      product.run(c, JSON.stringify(NO_PENALTY), JSON.stringify(DEFAULT_ALLOCATION_ORDER), NOW, NOW);
    }
  })();
  const member = db.prepare(`insert into members (cooperative_id, member_no, full_name, name_search, birth_date, sex, nik_enc, nik_index, joined_on, created_at, updated_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, '2020-01-01', ?, ?)`);
  const loan = db.prepare(`insert into loans (cooperative_id, member_id, product_id, loan_no, status, amount, tenor, rate_percent, rate_period, method, frequency, installment_multiple,
    penalty_rule, allocation_order, classification_preset, purpose, collateral, applied_at, disbursed_on, schedule, installment_amount, maturity_on, outstanding_principal, created_at, updated_at)
    values (?, ?, ?, ?, 'active', ?, ?, 1.5, 'month', 'flat', 'monthly', 1000, ?, ?, 'cooperative_4', 'modal usaha', '[]', ?, ?, ?, ?, ?, ?, ?, ?)`);
  const repayment = db.prepare("insert into repayments (cooperative_id, loan_id, paid_on, amount, channel, receipt_no, created_at) values (?, ?, ?, ?, 'cash', ?, ?)");
  const schedules = new Map<string, { json: string; dues: { date: string; total: number }[]; first: number; last: string }>();
  const penalty = JSON.stringify(NO_PENALTY);
  const order = JSON.stringify(DEFAULT_ALLOCATION_ORDER);
  const members = LOANS / 2;
  let loanId = 0;
  for (let start = 0; start < members; start += 10_000) {
    db.transaction(() => {
      for (let m = start; m < Math.min(members, start + 10_000); m++) {
        const coopId = (m % COOPS) + 1;
        const p = syntheticPerson(rng, m, districts);
        const nik = `${p.nik.slice(0, 12)}${String((m % 9999) + 1).padStart(4, '0')}`;
        const memberId = Number(member.run(coopId, `A${m}`, p.fullName, p.fullName.toLowerCase(), p.birthDate, Number(nik.slice(6, 8)) > 40 ? 'F' : 'M', encryptField(keys, nik), keyedHash(keys.blindIndex, `${nik}:${m}`), NOW, NOW).lastInsertRowid);
        for (let k = 0; k < 2; k++) {
          const amount = (2 + Math.floor(rng() * 40)) * 500_000;
          const tenor = [6, 12, 18, 24][Math.floor(rng() * 4)] ?? 12;
          const disbursed = addDays(DATE, -(1 + Math.floor(rng() * 360)));
          const key = `${amount}:${tenor}:${disbursed}`;
          let s = schedules.get(key);
          if (!s) {
            const sch = buildSchedule({ principal: amount, ratePercent: 1.5, ratePeriod: 'month', tenor, method: 'flat', frequency: 'monthly', startDate: disbursed, multiple: 1000 });
            s = { json: JSON.stringify(sch.installments), dues: sch.installments.map((i) => ({ date: i.dueDate, total: i.total })), first: sch.installments[0]?.total ?? 0, last: sch.installments.at(-1)?.dueDate ?? disbursed };
            schedules.set(key, s);
          }
          loanId = Number(loan.run(coopId, memberId, coopId, `L${m}-${k}`, amount, tenor, penalty, order, `${disbursed}T01:00:00.000Z`, disbursed, s.json, s.first, s.last, amount, NOW, NOW).lastInsertRowid);
          // 85 % pay every due instalment, 10 % miss the latest one or two, 5 % stopped after a few.
          const due = s.dues.filter((d) => d.date < DATE);
          const r = rng();
          const paid = r < 0.85 ? due.length : r < 0.95 ? Math.max(0, due.length - 1 - Math.floor(rng() * 2)) : Math.min(due.length, Math.floor(rng() * 3));
          for (let i = 0; i < paid && i < s.dues.length - 1; i++) {
            const d = s.dues[i];
            if (d) repayment.run(coopId, loanId, d.date, d.total, `R${loanId}-${i}`, NOW);
          }
        }
      }
    })();
    if (start % 100_000 === 0) progress(`populated ${Math.min(members, start + 10_000) * 2} loans`);
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

// SIMPUL_BENCH_KEEP=1 keeps the populated database (its folder is printed), for profiling runs of the CLI on it.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'simpul-bench-cod-'));
try {
  const master = randomBytes(32);
  const env: NodeJS.ProcessEnv = { ...process.env, SIMPUL_DATA_DIR: dir, SIMPUL_KEY: master.toString('base64') };
  delete env.SIMPUL_DATABASE_URL;
  const file = path.join(dir, 'simpul.sqlite');
  simpul(['migrate', '--db', file], env);
  const populating = performance.now();
  populate(file, master);
  progress(`populated ${LOANS} loans in ${((performance.now() - populating) / 1000).toFixed(0)} s`);
  if (process.env.SIMPUL_BENCH_KEEP) {
    // The book before any close of day, and its key: the CLI can be rerun (profiled) on a copy.
    fs.copyFileSync(file, path.join(dir, 'before.sqlite'));
    fs.writeFileSync(path.join(dir, 'key.b64'), master.toString('base64'));
  }
  for (const [name, date] of [['first close of a month (all loans furnished)', DATE], ['next day (changed accounts furnished)', addDays(DATE, 1)]] as const) {
    const run = simpul(['close-of-day', '--db', file, '--date', date, '--json'], env);
    const result = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as { loans: number; furnished: number; rejected: number; failed: number };
    if (result.loans !== LOANS || result.failed !== 0 || result.rejected !== 0) throw new Error(`unexpected result ${run.stdout}`);
    const seconds = run.ms / 1000;
    progress(`${name}: ${LOANS} loans in ${seconds.toFixed(1)} s (CPU ${run.cpuSeconds?.toFixed(1) ?? '?'} s, load ${os.loadavg()[0]?.toFixed(1)}), ${result.furnished} furnished, peak ${run.maxRssMb?.toFixed(0) ?? '?'} MB`);
    emit({ suite: 'close-of-day', name: `${name}: loans/s`, value: Math.round(LOANS / seconds), unit: 'loans/s', target: '≥ 33,334 loans/s (1 M in < 30 s)', targetMet: LOANS / seconds >= 33_334, database: 'sqlite', dataSize: `${LOANS.toLocaleString('en')} active loans`, runs: [seconds] });
    if (run.maxRssMb !== undefined) emit({ suite: 'close-of-day', name: `${name}: peak memory`, value: Math.round(run.maxRssMb), unit: 'MB', database: 'sqlite', dataSize: `${LOANS.toLocaleString('en')} active loans` });
  }
} finally {
  if (process.env.SIMPUL_BENCH_KEEP) progress(`kept ${dir}`);
  else fs.rmSync(dir, { recursive: true, force: true });
}
