import { addMonthsClamped, endOfMonth } from '@simpul/domain';
import { businessDate } from '../../config/env.ts';
import type { Services } from '../../http/context.ts';
import { addCooperative } from '../cooperatives/cooperatives.service.ts';
import { recordMonthEnd, runCloseOfDay } from '../portfolio/close-of-day.ts';
import type { PersonRecord } from './book-writer.ts';
import { seedDemoBook } from './demo.book.ts';
import { bloraPeople, planCooperatives, type DemoCooperativePlan } from './demo.district.ts';
import { createDemoUsers, demoAccounts, type DemoAccount } from './demo.users.ts';
import { recoveryDemoStep } from '../recovery/recovery.demo.ts';
import { supervisionDemoStep } from '../supervision/supervision.demo.ts';

/**
 * The demo district: a realistic Kabupaten Blora from a fixed seed — cooperatives in its real
 * kecamatan, members with valid synthetic NIKs, 24 months of loans and repayments (good,
 * late and bad payers; a few cooperatives above the 5 % NPL line), members borrowing at two
 * or three cooperatives at once, demo users for every role, then the month-end history and
 * today's close of day, so the registry holds 24 months of history.
 *
 * The demo is a list of steps run in order. Another module extends it by adding its own step
 * (`addDemoStep`) before the closing steps, as recovery's cases for the bad loans do.
 */

export interface DemoOptions {
  seed: number;
  cooperatives: number;
  /** Members per cooperative (borrowers from other cooperatives come on top). */
  members: number;
}

export const DEFAULT_DEMO: DemoOptions = { seed: 2026, cooperatives: 12, members: 150 };

/** Shares of a cooperative's members who also borrow at one more cooperative (and, every other one, two more). */
const STACKED_SHARE = 0.08;

export interface DemoContext {
  services: Services;
  options: DemoOptions;
  today: string;
  plans: DemoCooperativePlan[];
  /** Cooperative code → id, once created. */
  cooperatives: Map<string, number>;
  /** Each cooperative's members (by code), and the NIKs of members at several cooperatives. */
  members: Map<string, PersonRecord[]>;
  stacked: Set<string>;
  accounts: DemoAccount[];
  totals: { members: number; loans: number; repayments: number };
  log: (line: string) => void;
}

export interface DemoStep {
  name: string;
  run(ctx: DemoContext): Promise<void>;
}

/** Who belongs where: each cooperative's own people, plus the stacked borrowers of its neighbours. */
function assignMembers(ctx: DemoContext): void {
  const { cooperatives: n, members, seed } = ctx.options;
  const people = bloraPeople(n * members, seed);
  const own = ctx.plans.map((_, i) => people.slice(i * members, (i + 1) * members));
  const lists = own.map((list) => [...list]);
  own.forEach((list, i) => {
    list.slice(0, Math.ceil(members * STACKED_SHARE)).forEach((person, k) => {
      ctx.stacked.add(person.nik);
      const others = k % 2 === 0 && n > 2 ? [i + 1, i + 2] : [i + 1];
      for (const j of others) if (n > 1) lists[j % n]?.push(person);
    });
  });
  ctx.plans.forEach((plan, i) => ctx.members.set(plan.code, lists[i] ?? []));
}

const district: DemoStep = {
  name: 'district',
  async run(ctx) {
    if ((await ctx.services.db.db.selectFrom('cooperatives').select('id').where('code', '=', ctx.plans[0]?.code ?? '').executeTakeFirst()) !== undefined) {
      throw new Error(`The demo district is already loaded (cooperative ${ctx.plans[0]?.code} exists)`);
    }
    for (const plan of ctx.plans) {
      const coop = await addCooperative(ctx.services, null, { code: plan.code, name: plan.name, type: plan.name.startsWith('KSU') ? 'ksu' : plan.name.startsWith('KSPPS') ? 'kspps' : 'ksp', kecamatanCode: plan.kecamatan.code });
      ctx.cooperatives.set(plan.code, coop.id);
    }
    assignMembers(ctx);
    ctx.log(`${ctx.plans.length} koperasi di ${new Set(ctx.plans.map((p) => p.kecamatan.code)).size} kecamatan Kabupaten Blora`);
  },
};

const books: DemoStep = {
  name: 'books',
  async run(ctx) {
    for (const [i, plan] of ctx.plans.entries()) {
      const totals = await seedDemoBook(ctx.services, {
        cooperativeId: ctx.cooperatives.get(plan.code) ?? 0, plan, members: ctx.members.get(plan.code) ?? [], stacked: ctx.stacked, today: ctx.today, seed: ctx.options.seed * 1000 + i,
      });
      ctx.totals.members += totals.members;
      ctx.totals.loans += totals.loans;
      ctx.totals.repayments += totals.repayments;
    }
    ctx.log(`${ctx.totals.members} anggota, ${ctx.totals.loans} pinjaman, ${ctx.totals.repayments} angsuran (24 bulan)`);
  },
};

const users: DemoStep = {
  name: 'users',
  async run(ctx) {
    ctx.accounts = await createDemoUsers(ctx.services, demoAccounts(ctx.plans.map((p) => p.code)), ctx.cooperatives);
  },
};

const history: DemoStep = {
  name: 'history',
  async run(ctx) {
    for (let k = 24; k >= 1; k--) await recordMonthEnd(ctx.services, endOfMonth(addMonthsClamped(ctx.today, -k)));
  },
};

const closeOfDay: DemoStep = {
  name: 'close-of-day',
  async run(ctx) {
    const result = await runCloseOfDay(ctx.services, { date: ctx.today, force: true });
    ctx.log(`Tutup hari ${ctx.today}: ${result.loans} pinjaman aktif; registri berisi riwayat 24 bulan`);
  },
};

/**
 * The demo's steps in order; extend with `addDemoStep`. Recovery runs between the month-end
 * history and today's close of day: a month-end sees each loan as it was then from its book
 * (a written-off loan would drop out of its own past months, a restructured one would be read
 * on its new schedule), so the past months are recorded first; the cases' decisions of this
 * month then reach the registry (R, hapus buku, hapus tagih), and today's close of day reads
 * the loans as recovery left them.
 */
export const DEMO_STEPS: DemoStep[] = [district, books, users, supervisionDemoStep, history, recoveryDemoStep, closeOfDay];

/** Adds a step to the demo, before the step named `before` (default: before the history and close of day). */
export function addDemoStep(step: DemoStep, before = 'history'): void {
  const at = DEMO_STEPS.findIndex((s) => s.name === before);
  DEMO_STEPS.splice(at < 0 ? DEMO_STEPS.length : at, 0, step);
}

/** Loads the demo district into an instance (which must not hold it yet). */
export async function runDemo(services: Services, options: Partial<DemoOptions> = {}, log: (line: string) => void = () => {}): Promise<DemoContext> {
  const chosen = { ...DEFAULT_DEMO, ...options };
  const ctx: DemoContext = {
    services, options: chosen, today: businessDate(services.now()), plans: planCooperatives(chosen.cooperatives, chosen.seed), cooperatives: new Map(),
    members: new Map(), stacked: new Set(), accounts: [], totals: { members: 0, loans: 0, repayments: 0 }, log,
  };
  for (const step of DEMO_STEPS) await step.run(ctx);
  return ctx;
}
