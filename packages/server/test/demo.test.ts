import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { decryptField } from '../src/config/field-crypto.ts';
import type { Actor } from '../src/http/context.ts';
import { runDemo, type DemoContext } from '../src/modules/demo/demo.ts';
import { portfolioOf } from '../src/modules/portfolio/portfolio.service.ts';
import { describeEachDialect, testInstance, type TestInstance } from './harness.ts';

const SMALL = { seed: 11, cooperatives: 8, members: 30 };

function pengurusOf(cooperativeId: number): Actor {
  return { kind: 'user', userId: 0, username: 'uji', role: 'pengurus', cooperativeId, sessionHash: '' };
}

describeEachDialect('demo district (8 cooperatives × 30 members, seed 11)', (dialect) => {
  let t: TestInstance;
  let ctx: DemoContext;
  beforeAll(async () => {
    t = await testInstance(dialect);
    ctx = await runDemo(t.services, SMALL);
  }, 180_000);
  afterAll(async () => {
    await t.close();
  });

  it('places the cooperatives in real Blora kecamatan (codes 3316xx)', async () => {
    // 8 workspace cooperatives (BLR01…) plus the Dinas registry step's 6 (BLRF01, BLRI02, …)
    const coops = await t.services.db.db.selectFrom('cooperatives').select(['code', 'kecamatan_code']).orderBy('code').execute();
    expect(coops.filter((c) => /^BLR\d\d$/.test(c.code))).toHaveLength(8);
    expect(coops).toHaveLength(8 + 6);
    for (const c of coops) expect(c.kecamatan_code).toMatch(/^3316\d\d$/);
  });

  it('several cooperatives are above the 5 % NPL line and most are below it', async () => {
    const npl = await Promise.all([...ctx.cooperatives.values()].map(async (id) => (await portfolioOf(t.services, pengurusOf(id))).ratios.nplGross));
    const above = npl.filter((r) => r > 0.05).length;
    expect(above, `NPL per cooperative: ${npl.map((r) => r.toFixed(3)).join(', ')}`).toBeGreaterThanOrEqual(2);
    expect(npl.length - above).toBeGreaterThan(npl.length / 2);
  });

  it('some members borrow at two or three cooperatives at once (same NIK, active loans in several)', async () => {
    const rows = await t.services.db.db
      .selectFrom('members as m')
      .innerJoin('loans as l', 'l.member_id', 'm.id')
      .select(['m.nik_index', 'm.cooperative_id'])
      .where('l.status', '=', 'active')
      .execute();
    const coopsOf = new Map<string, Set<number>>();
    for (const r of rows) coopsOf.set(r.nik_index, (coopsOf.get(r.nik_index) ?? new Set()).add(r.cooperative_id));
    const counts = [...coopsOf.values()].map((s) => s.size);
    expect(counts.filter((n) => n >= 2).length).toBeGreaterThan(0);
    expect(counts.filter((n) => n === 3).length).toBeGreaterThan(0);
  });

  it('the registry holds up to 24 months of history, and the same subjects at several cooperatives', async () => {
    const db = t.services.db.db;
    const periods = await db.selectFrom('registry_history').select('period').distinct().execute();
    expect(periods.length).toBeGreaterThanOrEqual(20);
    expect(periods.length).toBeLessThanOrEqual(25);
    const multi = await db.selectFrom('registry_accounts').select('subject_key').groupBy('subject_key').having((eb) => eb.fn.count('cooperative_id').distinct(), '>', 1).execute();
    expect(multi.length).toBeGreaterThan(0);
    // The workspace cooperatives furnish from their books; the Dinas step's file-only furnishers by file.
    const sources = await db.selectFrom('registry_accounts').innerJoin('cooperatives as c', 'c.id', 'registry_accounts.cooperative_id').select(['c.code', 'registry_accounts.source']).distinct().execute();
    for (const { code, source } of sources) expect([code, source]).toEqual([code, /^BLR\d\d$/.test(code) ? 'workspace' : 'file']);
    expect(new Set(sources.map((r) => r.source))).toEqual(new Set(['workspace', 'file']));
  });

  it('demo users exist for every role, with the known demo password', async () => {
    const roles = await t.services.db.db.selectFrom('users').select('role').distinct().execute();
    expect(roles.map((r) => r.role).sort()).toEqual(['dinas_analyst', 'pengawas', 'pengurus', 'petugas']);
    expect(ctx.accounts.map((a) => a.username)).toContain('pengurus.blr01');
  });

  it.runIf(dialect === 'sqlite')('a byte scan of the SQLite database and its WAL finds none of the members’ NIKs in plain text', async () => {
    const members = await t.services.db.db.selectFrom('members').select('nik_enc').execute();
    const niks = [...new Set(members.map((m) => decryptField(t.services.keys, m.nik_enc)))];
    expect(niks.length).toBeGreaterThan(200);
    const files = [t.target, `${t.target}-wal`].filter((f) => fs.existsSync(f));
    expect(files).toContain(`${t.target}-wal`);
    let bytes = 0;
    for (const file of files) {
      const content = fs.readFileSync(file);
      bytes += content.length;
      for (const nik of niks) expect(content.includes(Buffer.from(nik)), `${nik.slice(0, 6)}… found in ${file}`).toBe(false);
    }
    expect(bytes).toBeGreaterThan(1_000_000);
  });
});
