import { afterAll, beforeAll, expect, it } from 'vitest';
import { COLUMNS } from '../../src/modules/registry/furnishing.columns.ts';
import { bloraDistricts, seededRandom, syntheticAccountRow, syntheticPerson } from '../../src/modules/registry/synthetic.ts';
import type { Services } from '../../src/http/context.ts';
import { describeEachDialect, json, PASSWORD, seedCooperative, seedUser, signInCookie, TestClock, testInstance, type TestInstance } from '../harness.ts';
import { productBody, seedMember } from '../lending-fixtures.ts';
import { afterCrash, commonProblems, killWhileDriving, post, signInOver, startServerProcess } from './crash-server.ts';

/**
 * SIGKILL of a running `simpul serve` while it takes furnishing imports over HTTP, and while
 * it walks loans through hapus buku (case → proposal → pengurus decision → pengawas review,
 * which executes the write-off). The kill moments come from a seeded generator (the seed is
 * printed; SIMPUL_CRASH_SEED repeats a run). After every kill the database passes its
 * storage checks, the audit chain verifies, no batch or write-off is half-applied, and every
 * write the client saw a 2xx for is there.
 */
const KILLS_PER_SCENARIO = 4;
const IMPORT_ROWS = 1500;
const LOANS = 24;
const DAY = 86_400_000;
const seed = Number(process.env.SIMPUL_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));

/** The month before today: what a cooperative furnishes now. */
function lastMonth(): string {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
}

/** 03:00 UTC (10:00 in Jakarta) about 13 months ago: loans disbursed then, never paid, are Macet today. */
function longAgo(): TestClock {
  return new TestClock(Date.parse(`${new Date(Date.now() - 400 * DAY).toISOString().slice(0, 10)}T03:00:00Z`));
}

describeEachDialect('server killed during imports and hapus buku', (dialect) => {
  let t: TestInstance;
  let loans: number[];
  const rng = seededRandom(seed + (dialect === 'sqlite' ? 0 : 1));
  const cookies: Record<string, string> = {};
  const tally = { kills: 0, acknowledgedBatches: 0, acknowledgedWriteOffSteps: 0, executed: 0 };

  beforeAll(async () => {
    console.info(`[${dialect}] crash seed ${seed} (SIMPUL_CRASH_SEED=${seed} repeats it)`);
    t = await testInstance(dialect, longAgo());
    const coop = (await seedCooperative(t, 'KSPA')).id;
    for (const role of ['petugas', 'pengurus', 'pengawas'] as const) await seedUser(t, `crash.${role}`, role, coop);
    const pengurus = await signInCookie(t, 'crash.pengurus');
    const product = await t.request('/api/loan-products', { method: 'POST', cookie: pengurus, json: productBody() });
    const productId = (await json(product)).product.id as number;
    const petugas = await signInCookie(t, 'crash.petugas');
    loans = [];
    for (let i = 1; i <= LOANS; i++) {
      const memberId = await seedMember(t, coop, `A-${i}`, `33160141019${String(i).padStart(5, '0')}`);
      const applied = await t.request('/api/loans', { method: 'POST', cookie: petugas, json: { memberId, productId, amount: 6_000_000, tenor: 12, purpose: 'Modal warung', consentRef: `SP-${i}` } });
      const id = (await json(applied)).loan.id as number;
      for (const step of ['approve', 'disburse']) expect((await t.request(`/api/loans/${id}/${step}`, { method: 'POST', cookie: pengurus, json: {} })).status).toBe(200);
      loans.push(id);
    }
    await t.services.db.close(); // from here on only the server process writes
    // Sign in over HTTP once (real clock); sessions outlive the kills, as they do in the field.
    const server = await startServerProcess(t.target, t.env);
    for (const role of ['petugas', 'pengurus', 'pengawas']) cookies[role] = await signInOver(server.url, `crash.${role}`, PASSWORD);
    // No documented collection attempts are needed, so eligibility is the class and allowance alone.
    expect((await fetch(`${server.url}/api/recovery/settings`, { method: 'PUT', headers: { cookie: cookies.pengurus ?? '', 'content-type': 'application/json', 'x-simpul-request': '1' }, body: JSON.stringify({ minCollectionAttempts: 0 }) })).status).toBe(200);
    server.child.kill('SIGTERM');
    await server.exited;
  }, 300_000);

  afterAll(async () => {
    console.info(`[${dialect}] crash safety: ${tally.kills} SIGKILLs (seed ${seed}); ${tally.acknowledgedBatches} acknowledged import batches and ${tally.acknowledgedWriteOffSteps} acknowledged hapus buku steps (${tally.executed} write-offs executed) found intact`);
    await t.close(); // closing the handle again is harmless; it drops the database and data directory
  });

  /** A file of fresh accounts (refs unique per round and file), valid rows only. */
  function importFile(round: number, file: number): string {
    const fileRng = seededRandom(seed + round * 1000 + file);
    const districts = bloraDistricts();
    const period = lastMonth();
    const rows = Array.from({ length: IMPORT_ROWS }, (_, i) => syntheticAccountRow(fileRng, syntheticPerson(fileRng, i, districts), `K${round}F${file}N${i}`, period).join(','));
    return `${COLUMNS.join(',')}\n${rows.join('\n')}\n`;
  }

  /** Every batch whole or absent, with its audit entry; every acknowledged batch as answered. */
  async function batchProblems(services: Services, acked: { batchId: number; accepted: number }[]): Promise<string[]> {
    const db = services.db.db;
    const problems: string[] = [];
    const batches = await db.selectFrom('registry_batches').select(['id', 'status', 'accepted']).execute();
    const rowsOf = async (table: 'registry_history' | 'registry_history_versions') =>
      new Map((await db.selectFrom(table).select(['batch_id', (eb) => eb.fn.countAll<string>().as('n')]).groupBy('batch_id').execute()).map((r) => [r.batch_id, Number(r.n)]));
    const [history, versions] = [await rowsOf('registry_history'), await rowsOf('registry_history_versions')];
    const audited = new Set((await db.selectFrom('audit_log').select('subject_id').where('action', '=', 'registry.batch').execute()).map((r) => Number(r.subject_id)));
    for (const b of batches) {
      // A batch's rows live in the history, or among the kept versions once a later file replaced them.
      const rows = (history.get(b.id) ?? 0) + (versions.get(b.id) ?? 0);
      const want = b.status === 'committed' ? b.accepted : 0;
      if (rows !== want) problems.push(`batch ${b.id} (${b.status}): ${rows} history rows, ${want} accepted`);
      if (!audited.has(b.id)) problems.push(`batch ${b.id} has no audit entry`);
    }
    const known = new Set(batches.map((b) => b.id));
    for (const id of [...history.keys(), ...versions.keys()]) if (!known.has(id)) problems.push(`history rows of batch ${id}, which does not exist`);
    for (const a of acked) {
      const b = batches.find((x) => x.id === a.batchId);
      if (!b || b.status !== 'committed' || b.accepted !== a.accepted) problems.push(`acknowledged batch ${a.batchId} (${a.accepted} rows): ${b ? `${b.status}, ${b.accepted}` : 'missing'}`);
    }
    return problems;
  }

  it(`${KILLS_PER_SCENARIO} SIGKILLs during HTTP furnishing imports: storage checks and audit chain hold, no batch half-applied, every acknowledged batch there`, async () => {
    const acked: { batchId: number; accepted: number }[] = [];
    for (let round = 0; round < KILLS_PER_SCENARIO; round++) {
      // After `round` or one more acknowledged files (so later rounds surely have some to lose),
      // somewhere inside the next file (one takes a few hundred milliseconds).
      const at = { afterWrites: round + Math.floor(rng() * 2), jitterMs: Math.round(rng() * 400) };
      const { signal } = await killWhileDriving(t.target, t.env, at, async (url, stopped, acknowledged) => {
        for (let file = 0; !stopped(); file++) {
          const res = await post(`${url}/api/registry/furnishing/files?period=${lastMonth()}&fileName=crash-${round}-${file}.csv`, cookies.petugas ?? '', importFile(round, file), 'text/csv');
          if (!res) {
            if (stopped()) return;
            throw new Error('an import failed before the kill');
          }
          if (res.status !== 200) throw new Error(`import answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
          expect(res.body).toMatchObject({ stored: true, accepted: IMPORT_ROWS, rejected: 0 });
          acked.push({ batchId: res.body.batchId as number, accepted: res.body.accepted as number });
          acknowledged();
        }
      });
      expect(signal, 'the server was killed, not finished').toBe('SIGKILL');
      tally.kills++;
      const problems = await afterCrash(t.target, t.env, async (s) => [...(await commonProblems(s)), ...(await batchProblems(s, acked))]);
      expect(problems, `round ${round}, killed ${at.jitterMs} ms after write ${at.afterWrites} (seed ${seed})`).toEqual([]);
    }
    tally.acknowledgedBatches = acked.length;
    // The checks can fail: a batch that claims rows it does not have, and an acknowledged batch that is gone, are reported.
    const damaged = await afterCrash(t.target, t.env, async (s) => {
      const batch = await s.db.db.insertInto('registry_batches').values({ cooperative_id: 1, period: lastMonth(), source: 'file', file_name: 'rusak.csv', sha256: 'x', status: 'committed', full_file: 1, rows_total: 5, accepted: 5, rejected: 0, warnings: 0, created_by: 'test', created_at: new Date().toISOString() }).returning('id').executeTakeFirstOrThrow();
      try {
        return await batchProblems(s, [...acked, { batchId: 999_999, accepted: 1 }]);
      } finally {
        await s.db.db.deleteFrom('registry_batches').where('id', '=', batch.id).execute();
      }
    });
    expect(damaged.join('\n')).toMatch(/history rows, 5 accepted[\s\S]*no audit entry[\s\S]*acknowledged batch 999999/);
    expect(acked.length, 'some imports were acknowledged before a kill').toBeGreaterThan(0);
  }, 120_000);

  type Step = 'case' | 'proposed' | 'decided' | 'executed';

  /** Every write-off consistent with its loan, case and audit entries; every acknowledged step there. */
  async function writeOffProblems(services: Services, acked: Map<number, Step>): Promise<string[]> {
    const db = services.db.db;
    const problems: string[] = [];
    const rows = await db.selectFrom('recovery_write_offs').select(['id', 'loan_id', 'case_id', 'status']).execute();
    const loanRows = new Map((await db.selectFrom('loans').select(['id', 'status']).execute()).map((l) => [l.id, l.status]));
    const cases = await db.selectFrom('recovery_cases').select(['id', 'loan_id', 'status']).execute();
    const audit = await db.selectFrom('audit_log').select(['action', 'details']).where('action', 'like', 'recovery.write_off_%').execute();
    const auditedFor = (action: string, id: number) => audit.some((a) => a.action === action && (JSON.parse(a.details) as { writeOffId?: number }).writeOffId === id);
    for (const w of rows) {
      const executed = w.status === 'executed';
      const loanOff = loanRows.get(w.loan_id) === 'written_off';
      const caseOff = cases.find((c) => c.id === w.case_id)?.status === 'written_off';
      if (executed !== loanOff || executed !== caseOff) problems.push(`write-off ${w.id} ${w.status}, loan ${loanRows.get(w.loan_id)}, case ${String(caseOff)}: half applied`);
      if (!auditedFor('recovery.write_off_proposed', w.id)) problems.push(`write-off ${w.id} without its proposal audit entry`);
      if ((w.status === 'decided' || executed) && !auditedFor('recovery.write_off_decided', w.id)) problems.push(`write-off ${w.id} decided without its audit entry`);
      if (executed !== auditedFor('recovery.write_off_executed', w.id)) problems.push(`write-off ${w.id} ${w.status} and its execution audit entry disagree`);
    }
    for (const [id, status] of loanRows) if (status === 'written_off' && !rows.some((w) => w.loan_id === id && w.status === 'executed')) problems.push(`loan ${id} written off without an executed write-off`);
    const reached: Record<Step, (loanId: number) => boolean> = {
      case: (l) => cases.some((c) => c.loan_id === l),
      proposed: (l) => rows.some((w) => w.loan_id === l),
      decided: (l) => rows.some((w) => w.loan_id === l && (w.status === 'decided' || w.status === 'executed')),
      executed: (l) => rows.some((w) => w.loan_id === l && w.status === 'executed'),
    };
    for (const [loanId, step] of acked) if (!reached[step](loanId)) problems.push(`loan ${loanId}: acknowledged step "${step}" is missing`);
    return problems;
  }

  it(`${KILLS_PER_SCENARIO} SIGKILLs while hapus buku is proposed, decided and executed: no write-off half-applied, every acknowledged step there, audit chain holds`, async () => {
    const acked = new Map<number, Step>();
    const queue = [...loans];
    for (let round = 0; round < KILLS_PER_SCENARIO; round++) {
      // After 3·round to 3·round + 2 acknowledged steps (a loan has four, so a write-off is executed
      // by the third round at the latest), within the next step or two (each takes milliseconds to tens).
      const at = { afterWrites: 3 * round + Math.floor(rng() * 3), jitterMs: Math.round(rng() * 40) };
      const { signal } = await killWhileDriving(t.target, t.env, at, async (url, stopped, acknowledged) => {
        // One loan after another; the one the kill interrupts is left where it stopped.
        for (let loanId = queue.shift(); !stopped(); loanId = queue.shift()) {
          if (loanId === undefined) throw new Error(`all ${LOANS} loans written off before the kill: the kill must land mid-way`);
          const steps: [Step, () => Promise<Awaited<ReturnType<typeof post>>>][] = [];
          let caseId = 0;
          let writeOffId = 0;
          steps.push(['case', async () => post(`${url}/api/recovery/cases`, cookies.petugas ?? '', JSON.stringify({ loanId }))]);
          steps.push(['proposed', async () => post(`${url}/api/recovery/cases/${caseId}/write-offs`, cookies.petugas ?? '', JSON.stringify({ reason: 'Macet, tidak ada penghasilan' }))]);
          steps.push(['decided', async () => post(`${url}/api/recovery/write-offs/${writeOffId}/decide`, cookies.pengurus ?? '', JSON.stringify({ approve: true }))]);
          steps.push(['executed', async () => post(`${url}/api/recovery/write-offs/${writeOffId}/review`, cookies.pengawas ?? '', JSON.stringify({ agree: true, note: 'Sesuai' }))]);
          for (const [step, send] of steps) {
            const res = await send();
            if (!res) {
              if (stopped()) return;
              throw new Error(`${step} of loan ${loanId} failed before the kill`);
            }
            if (res.status >= 300) throw new Error(`${step} of loan ${loanId}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
            acked.set(loanId, step);
            tally.acknowledgedWriteOffSteps++;
            acknowledged();
            if (step === 'case') caseId = (res.body.case as { id: number }).id;
            if (step === 'proposed') writeOffId = res.body.id as number;
          }
        }
      });
      expect(signal, 'the server was killed, not finished').toBe('SIGKILL');
      tally.kills++;
      const problems = await afterCrash(t.target, t.env, async (s) => [...(await commonProblems(s)), ...(await writeOffProblems(s, acked))]);
      expect(problems, `round ${round}, killed ${at.jitterMs} ms after write ${at.afterWrites} (seed ${seed})`).toEqual([]);
    }
    tally.executed = [...acked.values()].filter((s) => s === 'executed').length;
    // The checks can fail: a loan written off without its write-off is reported.
    const untouched = loans.at(-1) ?? 0; // the queue is never emptied: the last loan is never touched
    expect(acked.has(untouched)).toBe(false);
    const damaged = await afterCrash(t.target, t.env, async (s) => {
      await s.db.db.updateTable('loans').set({ status: 'written_off' }).where('id', '=', untouched).execute();
      try {
        return await writeOffProblems(s, acked);
      } finally {
        await s.db.db.updateTable('loans').set({ status: 'active' }).where('id', '=', untouched).execute();
      }
    });
    expect(damaged).toEqual([`loan ${untouched} written off without an executed write-off`]);
    expect(tally.executed, 'some write-offs were executed before a kill').toBeGreaterThan(0);
  }, 120_000);
});
