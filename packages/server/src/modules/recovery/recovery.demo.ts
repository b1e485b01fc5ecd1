import { addDays, dayOfWeek } from '@simpul/domain';
import type { Services } from '../../http/context.ts';
import type { DemoStep } from '../demo/demo.ts';
import { recordRepayment } from '../lending/repayments.service.ts';
import { seededRandom } from '../registry/synthetic.ts';
import { closeAsCured, openCase, recordCause, recordNegotiation, recordPromise } from './recovery.cases.ts';
import { forgive, recordRecovery } from './recovery.claims.ts';
import {
  daysBack, loansInArrears, servicesOn, silentSince, staffedCooperatives, stateOn, thisMonth, type Candidate, type StaffedCooperative,
} from './recovery.demo.loans.ts';
import { CAUSE_NOTES, MEETINGS, MULTIPLE_BORROWING_NOTE, type CauseNote, type MeetingText } from './recovery.demo.texts.ts';
import { restructuringOptions } from './recovery.options.ts';
import { approveRestructuring, proposeRestructuring } from './recovery.restructuring.ts';
import type { Attendee } from './recovery.rules.ts';
import { caseDetail } from './recovery.view.ts';
import { decideWriteOff, proposeWriteOff, reviewWriteOff } from './recovery.writeoff.ts';

/**
 * Problem-loan resolution in the demo district: for the bad and late loans of the staffed demo
 * cooperatives (those with a demo petugas, pengurus and pengawas), cases in every state,
 * written through the recovery module's own services as the demo users of the right roles,
 * each case's history dated over the last weeks: a case only opened, one negotiated (with a
 * contact flagged for fair collection), promises pending, kept and broken, a restructuring
 * awaiting approval and one executed, hapus buku proposed, decided and executed with a
 * recovery, a hapus tagih on a RAT decision, and a cured case.
 *
 * Dates. Opening, causes, meetings, promises and proposals change no loan figure, so they are
 * dated back over the past weeks (a case opens only on a day the loan was in arrears). What
 * changes a loan or its registry account — a repayment, an executed restructuring or write-off,
 * a recovery, a hapus tagih — is dated within the business date's month, after the month-ends
 * already recorded, and after the loan's last repayment.
 */

interface Story {
  name: string;
  /** Whether the loan suits the story on `today`. */
  fits(c: Candidate, today: string): boolean;
  /** Lower is a better fit; candidates tied at the best rank are drawn by the demo seed. */
  rank?(c: Candidate): number;
  run(r: Runner): Promise<void>;
}

/** One story on one loan: the case's actions, each as the right demo user on its own day. */
class Runner {
  caseId = 0;
  constructor(readonly services: Services, readonly today: string, readonly c: Candidate) {}

  get coop(): StaffedCooperative {
    return this.c.coop;
  }

  on(date: string): Services {
    return servicesOn(this.services, this.today, date);
  }

  async open(date: string, causes: readonly CauseNote[]): Promise<void> {
    this.caseId = (await openCase(this.on(date), this.coop.petugas.actor, this.c.loan.id)).id;
    for (const [code, note] of causes) await recordCause(this.on(date), this.coop.petugas.actor, this.caseId, { code, note });
  }

  /**
   * A meeting on `date` (a Sunday moves to the Monday after, or the Saturday before when that
   * is after the business date: a visit keeps to fair-collection days unless its time breaches
   * the hours on purpose). `who`: the member alone, or only the spouse (a third party).
   */
  async meet(date: string, text: MeetingText, time = '10:00', who: 'member' | 'spouse' = 'member'): Promise<void> {
    const monday = addDays(date, 1);
    const metOn = dayOfWeek(date) !== 0 ? date : monday <= this.today ? monday : addDays(date, -1);
    const attendees: Attendee[] = [{ name: this.coop.petugas.fullName, role: 'officer' }];
    attendees.push(who === 'member' ? { name: this.c.memberName, role: 'member' } : { name: `Pasangan ${this.c.memberName}`, role: 'spouse' });
    await recordNegotiation(this.on(later(metOn, date)), this.coop.petugas.actor, this.caseId, { metOn, metTime: time, attendees, ...text });
  }

  /** Records "multiple borrowing elsewhere" when the case page suggests it from the registry. */
  async takeSuggestion(date: string): Promise<void> {
    const detail = await caseDetail(this.on(date), this.coop.petugas.actor, this.caseId);
    if (detail.suggestedCauses.includes('multiple_borrowing')) {
      await recordCause(this.on(date), this.coop.petugas.actor, this.caseId, { code: 'multiple_borrowing', note: MULTIPLE_BORROWING_NOTE });
    }
  }

  async promise(date: string, amount: number, dueOn: string): Promise<void> {
    await recordPromise(this.on(date), this.coop.petugas.actor, this.caseId, { amount, dueOn });
  }

  async pay(date: string, amount: number, receipt: string): Promise<void> {
    await recordRepayment(this.on(date), this.coop.petugas.actor, this.c.loan.id, { paidOn: date, amount, channel: 'cash', receiptNo: `${this.c.loan.loan_no}-${receipt}` });
  }

  /** The petugas proposes the "reschedule" option of the options page (the first workable one otherwise). */
  async proposeRestructuring(date: string): Promise<number> {
    const { options } = await restructuringOptions(this.on(date), this.coop.petugas.actor, this.caseId, {});
    const chosen = options.find((o) => o.key === 'reschedule' && o.ok) ?? options.find((o) => o.ok);
    if (!chosen) throw new Error(`recovery demo: no workable restructuring option for loan ${this.c.loan.loan_no}`);
    const reason = 'Penghasilan anggota turun; angsuran diperkecil dengan jangka waktu lebih panjang, tunggakan bunga dan denda dikapitalisasi.';
    return proposeRestructuring(this.on(date), this.coop.petugas.actor, this.caseId, { plan: chosen.plan, reason });
  }

  /** Proposal by the petugas, then (optionally) the pengurus's decision, then (optionally) the pengawas's review that executes it. */
  async writeOff(dates: { proposed: string; decided?: string | undefined; executed?: string | undefined }): Promise<void> {
    const id = await proposeWriteOff(this.on(dates.proposed), this.coop.petugas.actor, this.caseId, 'Macet; tiga kali upaya penagihan tidak berhasil; cadangan sudah 100 %.');
    if (!dates.decided) return;
    await decideWriteOff(this.on(dates.decided), this.coop.pengurus.actor, id, { approve: true, note: 'Disetujui rapat pengurus; diteruskan ke pengawas.' });
    if (!dates.executed) return;
    await reviewWriteOff(this.on(dates.executed), this.coop.pengawas.actor, id, { agree: true, note: 'Pengawas sependapat: syarat hapus buku terpenuhi.' });
  }

  async recover(date: string, amount: number): Promise<void> {
    await recordRecovery(this.on(date), this.coop.petugas.actor, this.c.loan.id, { amount, receivedOn: date, receiptNo: `PMB-${this.c.loan.loan_no}` });
  }
}

/** Rupiah rounded down to a thousand, at least 1,000. */
function thousands(amount: number): number {
  return Math.max(1000, Math.floor(amount / 1000) * 1000);
}

/** The day `want` days back on which the loan was already Macet (hapus buku is proposed only then); today otherwise. */
function whileWorst(c: Candidate, today: string, want: number): string {
  const day = daysBack(c, today, want);
  const s = stateOn(c, day);
  return s.loanClass.class === s.worstClass.class ? day : today;
}

/** Macet with its allowance complete and principal left to write off, and no repayment since the case would open. */
function writable(c: Candidate, today: string, span: number): boolean {
  const { allowance, outstanding_principal: outstanding } = c.state.columns;
  return c.worst && outstanding > 0 && allowance >= outstanding && silentSince(c, daysBack(c, today, span));
}

interface WriteOffPlan {
  /** Days back: the case opened, hapus buku proposed, decided, executed (the last two as far as the story goes). */
  opened: number;
  proposed: number;
  decided?: number;
  executed?: number;
  causes: CauseNote[];
  /** The collection attempts before the proposal, as `Runner.meet` takes them. */
  meetings: [MeetingText, string?, ('member' | 'spouse')?][];
  /** What follows an executed write-off, from its day. */
  after?: (r: Runner, executed: string) => Promise<void>;
}

/** A Macet loan on its way to hapus buku, as far as the plan goes. */
function writeOffStory(name: string, plan: WriteOffPlan): Story {
  return {
    name,
    fits: (c, today) => writable(c, today, plan.opened),
    async run(r) {
      const { today, c } = r;
      const opened = daysBack(c, today, plan.opened);
      await r.open(opened, plan.causes);
      const proposed = whileWorst(c, today, plan.proposed);
      for (const [i, [text, time, who]] of plan.meetings.entries()) await r.meet(between(opened, proposed, i, plan.meetings.length), text, time, who);
      const decided = plan.decided === undefined ? undefined : later(proposed, addDays(today, -plan.decided));
      const executed = decided === undefined || plan.executed === undefined ? undefined : thisMonth(today, plan.executed, decided);
      await r.writeOff({ proposed, decided, executed });
      if (executed !== undefined) await plan.after?.(r, executed);
    },
  };
}

/**
 * The stories, scarcest loans first (Macet ones for the write-offs). Each goes to the staffed
 * cooperative with the fewest cases so far that has a loan fitting it, so the cases spread
 * over them, the first demo cooperative first.
 */
const STORIES: Story[] = [
  writeOffStory('hapus buku + pemulihan', {
    opened: 75, proposed: 25, decided: 18, executed: 8, causes: [CAUSE_NOTES.poultry, CAUSE_NOTES.appraisal],
    meetings: [[MEETINGS.firstCall], [MEETINGS.coop], [MEETINGS.last]],
    async after(r, executed) {
      const claim = stateOn(r.c, executed).columns.outstanding_principal;
      await r.recover(r.today, Math.min(claim, thousands(claim / 10)));
    },
  }),
  writeOffStory('hapus tagih (RAT)', {
    opened: 120, proposed: 40, decided: 33, executed: 6, causes: [CAUSE_NOTES.stroke],
    meetings: [[MEETINGS.firstCall], [MEETINGS.office, '15:30', 'spouse'], [MEETINGS.last]],
    async after(r, executed) {
      const { today, coop } = r;
      const claim = stateOn(r.c, executed).columns.outstanding_principal;
      if (claim > 2000) await r.recover(thisMonth(today, 3, executed), thousands(claim / 20));
      const quorum = Math.floor(coop.members / 2) + 1;
      await forgive(r.services, coop.pengurus.actor, r.c.loan.id, {
        ratMeetingOn: today, ratDecisionNo: `07/RAT-LB/${coop.code}/${today.slice(0, 4)}`, membersPresent: Math.min(coop.members, quorum + Math.floor(coop.members / 10)), quorum, confirm: true,
      });
    },
  }),
  writeOffStory('hapus buku diputus pengurus, menunggu pengawas', {
    opened: 50, proposed: 12, decided: 5, causes: [CAUSE_NOTES.moved, CAUSE_NOTES.noCollateral],
    meetings: [[MEETINGS.firstCall], [MEETINGS.letter], [MEETINGS.letter]],
  }),
  writeOffStory('hapus buku diusulkan', {
    opened: 45, proposed: 3, causes: [CAUSE_NOTES.flood], meetings: [[MEETINGS.firstCall], [MEETINGS.office], [MEETINGS.last]],
  }),
  {
    name: 'restrukturisasi disetujui dan dijalankan',
    // Executed after the last repayment: later repayments would count against the new schedule.
    fits: (c, today) => c.daysPastDue >= 2 && silentSince(c, today),
    rank: (c) => (c.worst ? 0 : -c.daysPastDue),
    async run(r) {
      const { today, c } = r;
      const opened = daysBack(c, today, 40);
      await r.open(opened, [CAUSE_NOTES.laidOff]);
      const proposed = later(opened, addDays(today, -6));
      await r.meet(between(opened, proposed, 0, 2), MEETINGS.layoff);
      await r.meet(between(opened, proposed, 1, 2), MEETINGS.plan, '13:00');
      const id = await r.proposeRestructuring(proposed);
      const executed = thisMonth(today, 2, later(proposed, c.lastPaymentOn === null ? proposed : addDays(c.lastPaymentOn, 1)));
      await approveRestructuring(r.on(executed), r.coop.pengurus.actor, id, 'Disetujui pengurus: angsuran baru sesuai kemampuan bayar.');
    },
  },
  {
    name: 'restrukturisasi menunggu persetujuan',
    fits: (c) => c.daysPastDue >= 3,
    rank: (c) => (c.worst ? 1 : 0),
    async run(r) {
      const { today, c } = r;
      const opened = daysBack(c, today, 20);
      await r.open(opened, [CAUSE_NOTES.stall, CAUSE_NOTES.overLent]);
      const proposed = later(opened, addDays(today, -1));
      await r.meet(between(opened, proposed, 0, 2), MEETINGS.firstCall);
      await r.meet(between(opened, proposed, 1, 2), MEETINGS.plan, '14:00');
      await r.takeSuggestion(proposed);
      await r.proposeRestructuring(proposed);
    },
  },
  {
    name: 'janji bayar diingkari',
    fits: (c, today) => c.daysPastDue >= 4 && silentSince(c, daysBack(c, today, 25)),
    async run(r) {
      const { today, c } = r;
      const opened = daysBack(c, today, 25);
      await r.open(opened, [CAUSE_NOTES.sickChild]);
      await r.meet(opened, MEETINGS.promise, '09:30');
      // A week to pay, but due before today (opened ≤ today − 3): the promise is broken.
      const dueOn = [addDays(opened, 7), addDays(today, -2)].sort()[0] ?? opened;
      await r.promise(opened, thousands(stateOn(c, opened).columns.arrears / 2), dueOn);
      await r.meet(addDays(dueOn, 1), MEETINGS.reminder, '16:00');
      await r.takeSuggestion(addDays(dueOn, 1));
    },
  },
  {
    name: 'janji bayar ditepati',
    fits: (c) => c.daysPastDue >= 4 && c.state.columns.arrears >= 4000,
    rank: (c) => (c.worst ? 1 : 0),
    async run(r) {
      const { today, c } = r;
      const opened = daysBack(c, today, 12);
      await r.open(opened, [CAUSE_NOTES.market]);
      const made = later(opened, addDays(today, -5));
      await r.meet(made, MEETINGS.promise);
      const amount = thousands(c.state.columns.arrears / 2);
      await r.promise(made, amount, addDays(today, 4));
      await r.pay(thisMonth(today, 2, later(made, c.lastPaymentOn ?? made)), amount, 'JB1');
    },
  },
  {
    name: 'negosiasi (kontak ditandai)',
    fits: (c) => c.daysPastDue >= 3,
    rank: (c) => (c.stacked ? 0 : 1) + (c.worst ? 2 : 0),
    async run(r) {
      const { today, c } = r;
      const opened = daysBack(c, today, 30);
      await r.open(opened, [CAUSE_NOTES.overLent]);
      await r.meet(between(opened, today, 0, 3), MEETINGS.firstCall);
      await r.meet(weekday(between(opened, today, 1, 3)), MEETINGS.evening, '20:45');
      await r.meet(between(opened, today, 2, 3), MEETINGS.spouseOnly, '11:00', 'spouse');
      await r.takeSuggestion(today);
    },
  },
  {
    name: 'janji bayar berjalan',
    fits: (c, today) => silentSince(c, today) && c.state.columns.arrears >= 2000,
    rank: (c) => (c.worst ? 1 : 0),
    async run(r) {
      const { today, c } = r;
      const opened = daysBack(c, today, 7);
      await r.open(opened, [CAUSE_NOTES.harvest]);
      await r.meet(today, MEETINGS.promise);
      await r.promise(today, thousands(c.state.columns.arrears), addDays(today, 7));
    },
  },
  {
    name: 'lancar kembali',
    // Paid up on the business date itself: nothing falls due again before the case is closed.
    fits: (c) => !c.worst && c.daysPastDue >= 2,
    rank: (c) => c.state.columns.arrears + c.state.columns.penalty_due,
    async run(r) {
      const { today, c } = r;
      const opened = daysBack(c, today, 10);
      await r.open(opened, [CAUSE_NOTES.hospital]);
      await r.meet(today, MEETINGS.paid);
      await r.pay(today, c.state.columns.arrears + c.state.columns.penalty_due, 'LNS');
      await closeAsCured(r.services, c.coop.petugas.actor, r.caseId);
    },
  },
  {
    name: 'kasus baru dibuka',
    fits: () => true,
    rank: (c) => c.daysPastDue,
    async run(r) {
      await r.open(daysBack(r.c, r.today, 1), [CAUSE_NOTES.firstVisit]);
    },
  },
];

function later(a: string, b: string): string {
  return a > b ? a : b;
}

/** The i-th of n days spread evenly from `from` up to `to`. */
function between(from: string, to: string, i: number, n: number): string {
  const span = Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000));
  return addDays(from, Math.floor((span * i) / n));
}

/** A Monday–Saturday day on or before `date` (the evening visit breaches the hours, not the day). */
function weekday(date: string): string {
  return dayOfWeek(date) === 0 ? addDays(date, -1) : date;
}

/** Picks a story's loan: the best-ranked fitting candidates, one drawn by the seed. */
function pick(story: Story, pool: readonly Candidate[], today: string, rng: () => number): Candidate | undefined {
  const fitting = pool.filter((c) => story.fits(c, today));
  if (fitting.length === 0) return undefined;
  const rankOf = (c: Candidate) => story.rank?.(c) ?? 0;
  const best = Math.min(...fitting.map(rankOf));
  const tied = fitting.filter((c) => rankOf(c) === best);
  return tied[Math.floor(rng() * tied.length)];
}

export const recoveryDemoStep: DemoStep = {
  name: 'recovery',
  async run(ctx) {
    const today = ctx.today;
    const rng = seededRandom(ctx.options.seed * 7 + 3);
    const coops = await staffedCooperatives(ctx.services, ctx.plans.map((p) => p.code), ctx.cooperatives);
    const pools = await Promise.all(coops.map((coop) => loansInArrears(ctx.services, coop, today)));
    const used = new Set<number>();
    const where = new Set<string>();
    const missing: string[] = [];
    const placed = pools.map(() => 0);
    for (const story of STORIES) {
      // The cooperative with the fewest cases so far that has a loan for the story (the first one on a tie).
      const order = pools.map((_, k) => k).sort((a, b) => (placed[a] ?? 0) - (placed[b] ?? 0) || a - b);
      let c: Candidate | undefined;
      for (const k of order) {
        c = pick(story, (pools[k] ?? []).filter((x) => !used.has(x.loan.id)), today, rng);
        if (c) {
          placed[k] = (placed[k] ?? 0) + 1;
          break;
        }
      }
      if (!c) {
        missing.push(story.name);
        continue;
      }
      used.add(c.loan.id);
      where.add(c.coop.code);
      await story.run(new Runner(ctx.services, today, c));
    }
    ctx.log(`${used.size} kasus penanganan kredit di ${[...where].sort().join(', ')}${missing.length > 0 ? `; tanpa pinjaman yang cocok: ${missing.join(', ')}` : ''}`);
  },
};
