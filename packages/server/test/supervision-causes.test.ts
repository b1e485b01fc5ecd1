import { afterEach, expect, it } from 'vitest';
import type { CauseSummary } from '../src/modules/supervision/supervision.causes.ts';
import { describeEachDialect, json } from './harness.ts';
import { seedMember, productBody } from './lending-fixtures.ts';
import { call, disbursedLoan, recoveryWorld, setBusinessDate } from './recovery-world.ts';

type World = Awaited<ReturnType<typeof recoveryWorld>>;

/** A loan of cooperative B's own member, applied, approved and disbursed by B's staff. */
async function loanOfB(w: World, productId: number, memberId: number, amount: number): Promise<number> {
  const applied = await call(w, w.cookies.petugasB, '/api/loans', { memberId, productId, amount, tenor: 12, purpose: 'Modal tani', consentRef: 'SP-B1' });
  expect(applied.status).toBe(201);
  for (const step of ['approve', 'disburse']) expect((await call(w, w.cookies.pengurusB, `/api/loans/${applied.body.loan.id}/${step}`, {})).status).toBe(200);
  return applied.body.loan.id as number;
}

const line = (s: CauseSummary, code: string) => s.causes.find((c) => c.code === code);

describeEachDialect('district: causes of problem loans (aggregates of the recovery cases)', (dialect) => {
  let w: World | undefined;
  afterEach(async () => {
    await w?.t.close();
    w = undefined;
  });

  it('A: 2 cases (business failure + multiple borrowing; business failure, cured) · B: 1 open case without a cause → district = A + B, no member data for the Dinas', async () => {
    w = await recoveryWorld(dialect);
    const a1 = await disbursedLoan(w, w.penaltyProductId, 6_000_000);
    const a2 = await disbursedLoan(w, w.penaltyProductId, 3_000_000);
    const productB = (await call(w, w.cookies.pengurusB, '/api/loan-products', productBody({ code: 'PB' }))).body.product.id as number;
    const memberB = await seedMember(w.t, w.coopB, 'B-0001', '3316054101900002');
    await loanOfB(w, productB, memberB, 4_000_000);
    await setBusinessDate(w, '2027-02-15');
    const open = async (cookie: string, loanId: number) => (await call(w!, cookie, '/api/recovery/cases', { loanId })).body.case.id as number;
    const case1 = await open(w.cookies.petugas, a1.id);
    const case2 = await open(w.cookies.petugas, a2.id);
    const loanB = (await call(w, w.cookies.petugasB, '/api/recovery/worklist')).body.items[0].loanId as number;
    await open(w.cookies.petugasB, loanB);
    for (const [caseId, code] of [[case1, 'business_failure'], [case1, 'multiple_borrowing'], [case2, 'business_failure']] as const) {
      expect((await call(w, w.cookies.petugas, `/api/recovery/cases/${caseId}/causes`, { code, note: 'Warung Bu Sri sepi' })).status).toBe(201);
    }
    // Case 2 is closed as cured: it still counts under its cause, no longer as open.
    await w.t.services.db.db.updateTable('recovery_cases').set({ status: 'cured', open_loan_id: null }).where('id', '=', case2).execute();

    const res = await w.t.request('/api/supervision/dashboard', { cookie: w.cookies.analyst });
    expect(res.status).toBe(200);
    const d = await json(res);
    // Open cases: case 1 (6,000,000) at A, B's case (4,000,000); case 2 is cured.
    expect(d.causes.total).toEqual({ cases: 3, openCases: 2, outstanding: 10_000_000 });
    expect(line(d.causes, 'business_failure')).toEqual({ code: 'business_failure', cases: 2, openCases: 1, outstanding: 6_000_000 });
    expect(line(d.causes, 'multiple_borrowing')).toEqual({ code: 'multiple_borrowing', cases: 1, openCases: 1, outstanding: 6_000_000 });
    expect(line(d.causes, 'disaster')).toEqual({ code: 'disaster', cases: 0, openCases: 0, outstanding: 0 });
    expect(d.causes.unrecorded).toEqual({ cases: 1, openCases: 1, outstanding: 4_000_000 });

    // District = Σ cooperative pages, line by line; and Σ kecamatan.
    const pages = await Promise.all([w.coopA, w.coopB].map(async (id) => (await json(await w!.t.request(`/api/supervision/cooperatives/${id}`, { cookie: w!.cookies.analyst }))).causes as CauseSummary));
    expect(pages[0]!.total).toEqual({ cases: 2, openCases: 1, outstanding: 6_000_000 });
    expect(pages[1]!.total).toEqual({ cases: 1, openCases: 1, outstanding: 4_000_000 });
    const summed = (parts: CauseSummary[]) => JSON.stringify(parts.reduce((s, p) => ({
      total: { cases: s.total.cases + p.total.cases, openCases: s.total.openCases + p.total.openCases, outstanding: s.total.outstanding + p.total.outstanding },
      unrecorded: { cases: s.unrecorded.cases + p.unrecorded.cases, openCases: s.unrecorded.openCases + p.unrecorded.openCases, outstanding: s.unrecorded.outstanding + p.unrecorded.outstanding },
      causes: s.causes.map((c, i) => ({ code: c.code, cases: c.cases + p.causes[i]!.cases, openCases: c.openCases + p.causes[i]!.openCases, outstanding: c.outstanding + p.causes[i]!.outstanding })),
    })));
    expect(summed(pages)).toBe(JSON.stringify(d.causes));
    expect(summed(d.kecamatan.map((k: { causes: CauseSummary }) => k.causes))).toBe(JSON.stringify(d.causes));

    // Nothing a Dinas user could follow to a member: no name, NIK, member or loan number, note, case or loan id.
    const loanNos = (await w.t.services.db.db.selectFrom('loans').select('loan_no').execute()).map((l) => l.loan_no);
    for (const body of [JSON.stringify(d.causes), JSON.stringify(d.kecamatan), ...pages.map((p) => JSON.stringify(p))]) {
      for (const secret of ['Anggota', 'A-0001', 'B-0001', '3316014101900001', 'Sri', 'caseId', 'loanId', 'memberId', ...loanNos]) expect(body).not.toContain(secret);
    }
    for (const p of [...pages, d.causes]) for (const c of p.causes) expect(Object.keys(c).sort()).toEqual(['cases', 'code', 'openCases', 'outstanding']);

    // The export's table and the PDF carry it.
    const csv = (await (await w.t.request('/api/supervision/exports/causes/csv', { cookie: w.cookies.analyst })).text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(csv[0]).toBe('wilayah,kode_sebab,sebab,jumlah_kasus,kasus_terbuka,baki_debet_kasus_terbuka');
    expect(csv).toContain('Kabupaten,semua,Semua kasus,3,2,10000000');
    expect(csv).toContain('Kabupaten,business_failure,Usaha gagal,2,1,6000000');
    expect(csv).toContain('Kabupaten,belum_dicatat,Sebab belum dicatat,1,1,4000000');
    const pdf = await w.t.request('/api/supervision/district.pdf', { cookie: w.cookies.analyst });
    expect(pdf.status).toBe(200);
    // A cooperative's own staff cannot read the district's causes.
    expect((await w.t.request('/api/supervision/exports/causes/csv', { cookie: w.cookies.pengurus })).status).toBe(403);
  });
});
