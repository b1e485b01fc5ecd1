import { afterEach, beforeEach, expect, it } from 'vitest';
import { statusProposals } from '../src/modules/supervision/supervision.proposals.ts';
import { describeEachDialect, json, seedCooperative, seedUser, signInCookie, testInstance, type TestInstance } from './harness.ts';

const MEMBER_LEVEL = /members|loans|inquiries|report/i;

describeEachDialect('supervision: status proposals and the analyst’s limits', (dialect) => {
  let t: TestInstance;
  beforeEach(async () => {
    t = await testInstance(dialect);
  });
  afterEach(async () => t.close());

  it('proposals on 2026-11-02: RAT 2024 (2026 − 2024 = 2 ≥ 2) and no file since 2026-07 (< 2026-08) → inactive; inactive since 2024-06-01 (≥ 24 months) → dissolution', async () => {
    const db = t.services.db.db;
    const ids: Record<string, number> = {};
    for (const code of ['RAT24', 'RAT25', 'NOFILE', 'NEWBIE', 'OLDOFF', 'NEWOFF']) ids[code] = (await seedCooperative(t, code)).id;
    await db.updateTable('cooperatives').set({ created_at: '2025-01-01T00:00:00.000Z', last_rat_year: 2025, registry_participation: 0 }).execute();
    await db.updateTable('cooperatives').set({ last_rat_year: 2024 }).where('id', '=', ids.RAT24!).execute();
    await db.updateTable('cooperatives').set({ registry_participation: 1 }).where('id', 'in', [ids.NOFILE!, ids.NEWBIE!]).execute();
    await db.updateTable('cooperatives').set({ created_at: '2026-10-01T00:00:00.000Z' }).where('id', '=', ids.NEWBIE!).execute();
    await db.insertInto('registry_batches').values({ cooperative_id: ids.NOFILE!, period: '2026-07', source: 'file', file_name: null, sha256: null, status: 'committed', full_file: 1, rows_total: 0, accepted: 0, rejected: 0, warnings: 0, created_by: 'system', created_at: '2026-08-05T00:00:00Z' }).execute();
    await seedUser(t, 'admin', 'platform_admin');
    const admin = await signInCookie(t, 'admin');
    for (const [code, effectiveOn] of [['OLDOFF', '2024-06-01'], ['NEWOFF', '2026-01-01']] as const) {
      const res = await t.request(`/api/cooperatives/${ids[code]}/status`, { method: 'POST', cookie: admin, json: { status: 'inactive', reason: 'Tidak ada kegiatan usaha', effectiveOn } });
      expect(res.status).toBe(200);
    }
    const p = await json(await t.request('/api/supervision/proposals', { cookie: admin }));
    expect(p.settings).toEqual({ ratYears: 2, furnishingMonths: 3, dissolutionMonths: 24 });
    expect(p.proposedInactive.map((x: { code: string; reasons: string[] }) => `${x.code}:${x.reasons.join('+')}`)).toEqual(['NOFILE:no_furnishing', 'RAT24:no_rat']);
    expect(p.dissolutionCandidates.map((x: { code: string; inactiveSince: string }) => `${x.code}:${x.inactiveSince}`)).toEqual(['OLDOFF:2024-06-01']);
    // Configurable: with 3 years, RAT 2024 (2 years) is no longer proposed.
    const three = await statusProposals(t.services, { ratYears: 3, furnishingMonths: 3, dissolutionMonths: 24 });
    expect(three.proposedInactive.map((x) => x.code)).toEqual(['NOFILE']);
  });

  it('every route whose path names members, loans, inquiries or a report refuses the Dinas analyst (403/404), checked from the OpenAPI document', async () => {
    const coop = await seedCooperative(t, 'KSPA');
    await seedUser(t, 'analis', 'dinas_analyst');
    const cookie = await signInCookie(t, 'analis');
    const doc = await json(await t.request('/api/openapi.json'));
    const checked: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths as Record<string, Record<string, { 'x-access'?: { roles: string | string[] } }>>)) {
      if (!MEMBER_LEVEL.test(path)) continue;
      for (const [method, op] of Object.entries(operations)) {
        const roles = op['x-access']?.roles;
        expect(roles === 'signed_in' || roles === 'public' || (Array.isArray(roles) && roles.includes('dinas_analyst')), `${method} ${path} declares ${JSON.stringify(roles)}`).toBe(false);
        const url = path.replace(/\{[^}]+\}/g, (p) => (p.includes('format') ? 'csv' : String(coop.id)));
        const res = await t.request(url, { method: method.toUpperCase(), cookie, ...(method === 'get' ? {} : { json: {} }) });
        expect([403, 404], `${method} ${url} answered ${res.status}`).toContain(res.status);
        checked.push(`${method} ${path}`);
      }
    }
    // The member-level API exists (members, loans, inquiries, reports): the check is not vacuous.
    expect(checked.some((c) => c.includes('/members'))).toBe(true);
    expect(checked.some((c) => c.includes('/loans'))).toBe(true);
    expect(checked.some((c) => c.includes('inquir'))).toBe(true);
    expect(checked.length).toBeGreaterThan(10);
  });
});
