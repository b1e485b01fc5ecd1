/**
 * Loan-engine benchmark: schedules per second, loan states per second and the time to
 * classify 1,000,000 loan states.
 *
 *   npx tsx bench/engine.bench.ts [--quick]
 *
 * Prints one JSON line per figure on stdout (median of 3 runs with --quick, 5 otherwise);
 * progress goes to stderr. Loans come from a seeded generator, so every run measures the
 * same mix. Each figure stands beside a floor measured in the same run: a bare loop over the
 * same inputs doing the least work the figure could, so a loaded machine shows in both.
 * Targets: classification < 2 s for 1 M states (the brief); ≥ 10,000 schedules/s (a
 * 100,000-loan import rebuilt in 10 s); ≥ 5,000 states/s (a district's ~100,000 loans
 * re-evaluated nightly in 20 s).
 */
import { performance } from 'node:perf_hooks';
import {
  addDays,
  buildSchedule,
  classify,
  COOPERATIVE_4,
  FREQUENCIES,
  loanStateOn,
  OJK_BANK,
} from '../packages/domain/src/index.ts';
import type { ClassificationOverrides, Frequency, LoanTerms, Payment, PenaltyRule, Schedule } from '../packages/domain/src/index.ts';

import { emit, floorOf, median, quick } from './lib.ts';

const RUNS = quick ? 3 : 5;

/** mulberry32: a tiny seeded PRNG, so the benchmark data is reproducible. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('empty choice');
  return item;
}

const TENORS: Readonly<Record<Frequency, readonly number[]>> = {
  daily: [30, 60, 100, 120],
  weekly: [10, 25, 50],
  fortnightly: [6, 12, 26],
  monthly: [6, 12, 18, 24, 36],
};

function randomTerms(random: () => number): LoanTerms {
  const frequency = pick(random, FREQUENCIES);
  const tenor = pick(random, TENORS[frequency]);
  const withGrace = random() < 0.2;
  return {
    principal: 500_000 + Math.floor(random() * 99) * 500_000,
    ratePercent: pick(random, [0.75, 1, 1.25, 1.5, 2, 2.5]),
    ratePeriod: 'month',
    tenor,
    method: pick(random, ['flat', 'effective', 'annuity'] as const),
    frequency,
    startDate: addDays('2023-01-01', Math.floor(random() * 365)),
    gracePrincipal: withGrace ? Math.min(2, tenor - 1) : 0,
    graceInterest: withGrace && random() < 0.5 ? 1 : 0,
    ...(random() < 0.3 ? { multiple: 1000 } : {}),
  };
}

/** A repayment history: most instalments on time, some late, some partial, some missed. */
function randomPayments(random: () => number, schedule: Schedule): Payment[] {
  const payments: Payment[] = [];
  const stopAt = Math.floor(random() * (schedule.installments.length + 1));
  for (const row of schedule.installments.slice(0, stopAt)) {
    const roll = random();
    if (roll < 0.1 || row.total === 0) continue;
    const late = roll < 0.3 ? 1 + Math.floor(random() * 40) : 0;
    const amount = roll < 0.4 ? Math.max(1, Math.floor(row.total / 2)) : row.total;
    payments.push({ date: addDays(row.dueDate, late), amount });
  }
  return payments;
}

interface Figure {
  readonly name: string;
  readonly unit: string;
  readonly target: string;
  readonly met: (value: number) => boolean;
  readonly dataSize: string;
  readonly run: () => number;
  /**
   * The floor, in the figure's unit: a bare loop over the same inputs doing the least work
   * the figure's could (what this machine does at best right now), measured beside each run.
   */
  readonly floor: { readonly what: string; readonly run: () => number };
}

function report(figure: Figure): void {
  const runs: number[] = [];
  const floors: number[] = [];
  for (let run = 1; run <= RUNS; run++) {
    floors.push(figure.floor.run());
    const value = figure.run();
    runs.push(Number(value.toPrecision(4)));
    process.stderr.write(`  ${figure.name} run ${run}/${RUNS}: ${value.toPrecision(4)} ${figure.unit} (floor ${floors.at(-1)?.toPrecision(4)})\n`);
  }
  const value = Number(median(runs).toPrecision(4));
  emit({
    suite: 'engine', name: figure.name, value, unit: figure.unit, target: figure.target, targetMet: figure.met(value), runs, dataSize: figure.dataSize,
    ...floorOf(value, median(floors), figure.floor.what, figure.unit),
  });
}

let checksum = 0;

function schedulesFigure(): Figure {
  const random = seeded(1);
  const count = quick ? 20_000 : 100_000;
  const terms = Array.from({ length: count }, () => randomTerms(random));
  return {
    name: 'schedules_per_second', unit: 'schedules/s', target: '> 10000', met: (v) => v > 10_000,
    dataSize: `${count.toLocaleString('en-US')} schedules (flat/effective/annuity, all frequencies)`,
    run: () => {
      const started = performance.now();
      for (const t of terms) checksum += buildSchedule(t).totals.total;
      return count / ((performance.now() - started) / 1000);
    },
    floor: {
      what: 'bare loop: one row object per instalment, flat interest, no dates or rounding',
      run: () => {
        const started = performance.now();
        for (const t of terms) {
          const rows = [];
          const interest = (t.principal * t.ratePercent) / 100;
          for (let k = 1; k <= t.tenor; k++) rows.push({ number: k, principal: t.principal / t.tenor, interest, total: t.principal / t.tenor + interest });
          checksum += rows.length;
        }
        return count / ((performance.now() - started) / 1000);
      },
    },
  };
}

function statesFigure(): Figure {
  const random = seeded(2);
  const count = quick ? 5_000 : 20_000;
  const rule: PenaltyRule = { kind: 'per_day', basis: 'percent', value: 0.1, graceDays: 3 };
  const loans = Array.from({ length: count }, () => {
    const schedule = buildSchedule(randomTerms(random));
    const last = schedule.installments.at(-1)?.dueDate ?? schedule.terms.startDate;
    return { schedule, payments: randomPayments(random, schedule), asOf: addDays(last, Math.floor(random() * 120) - 60) };
  });
  return {
    name: 'loan_states_per_second', unit: 'states/s', target: '> 5000', met: (v) => v > 5000,
    dataSize: `${count.toLocaleString('en-US')} loans with repayment histories and a per-day penalty`,
    run: () => {
      const started = performance.now();
      for (const loan of loans) checksum += loanStateOn(loan.schedule, loan.payments, { asOf: loan.asOf, penaltyRule: rule }).daysPastDue;
      return count / ((performance.now() - started) / 1000);
    },
    floor: {
      what: 'bare loop: payments summed, instalments due by the date counted',
      run: () => {
        const started = performance.now();
        for (const loan of loans) {
          let paid = 0;
          for (const p of loan.payments) paid += p.amount;
          let due = 0;
          for (const row of loan.schedule.installments) if (row.dueDate <= loan.asOf) due += row.total;
          checksum += due > paid ? 1 : 0;
        }
        return count / ((performance.now() - started) / 1000);
      },
    },
  };
}

function classifyFigure(): Figure {
  const random = seeded(3);
  const count = 1_000_000;
  const dpd = new Int32Array(count);
  const frequency = new Uint8Array(count);
  const special = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    dpd[i] = random() < 0.8 ? 0 : Math.floor(random() * 400);
    frequency[i] = Math.floor(random() * 4);
    special[i] = random() < 0.01 ? 1 : random() < 0.02 ? 2 : 0;
  }
  const inCourt: ClassificationOverrides = { inCourt: true };
  const restructured: ClassificationOverrides = { restructured: { capClass: 3, onTimeInstallmentsSince: 1, required: 3 } };
  return {
    name: 'classify_1m_loan_states', unit: 's', target: '< 2', met: (v) => v < 2,
    dataSize: '1,000,000 states',
    run: () => {
      const started = performance.now();
      for (let i = 0; i < count; i++) {
        const kind = special[i];
        const overrides = kind === 1 ? inCourt : kind === 2 ? restructured : undefined;
        const policy = i & 1 ? COOPERATIVE_4 : OJK_BANK;
        checksum += classify(dpd[i] ?? 0, FREQUENCIES[frequency[i] ?? 3] ?? 'monthly', policy, overrides).class;
      }
      return (performance.now() - started) / 1000;
    },
    floor: {
      what: 'bare loop: days past due compared with the monthly thresholds',
      run: () => {
        const started = performance.now();
        for (let i = 0; i < count; i++) {
          const d = dpd[i] ?? 0;
          checksum += d <= 0 ? 1 : d <= 90 ? 2 : d <= 120 ? 3 : d <= 180 ? 4 : 5;
        }
        return (performance.now() - started) / 1000;
      },
    },
  };
}

process.stderr.write(`engine bench (${quick ? 'quick' : 'full'}, ${RUNS} runs each)\n`);
for (const make of [schedulesFigure, statesFigure, classifyFigure]) report(make());
process.stderr.write(`checksum ${checksum}\n`);
