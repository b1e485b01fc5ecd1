import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { json, describeEachDialect, seedCooperative, seedUser, signInCookie, testInstance, type TestInstance } from './harness.ts';

/** 40 distinct people of Blora (33.16.01): women born on day d + 40, sequence 1000 + i. */
function person(i: number) {
  const day = String((i % 28) + 41).padStart(2, '0');
  return {
    nik: `331601${day}0${(i % 9) + 1}88${String(1000 + i)}`,
    phone: `08139${String(7_000_000 + i).padStart(7, '0')}`,
    address: `Jalan Kenanga Zq${String(i).padStart(3, '0')}`,
  };
}

describeEachDialect('privacy: members’ NIK, phone and address are not at rest in plain text', (dialect) => {
  let t: TestInstance;
  const people = Array.from({ length: 40 }, (_, i) => person(i));
  const needles = people.flatMap((p) => [p.nik, p.phone, p.address]);

  beforeAll(async () => {
    t = await testInstance(dialect);
    const coop = await seedCooperative(t, 'KSPA');
    await seedUser(t, 'petugas.a', 'petugas', coop.id);
    const cookie = await signInCookie(t, 'petugas.a');
    for (const [i, p] of people.entries()) {
      const res = await t.request('/api/members', { method: 'POST', cookie, json: { fullName: `Anggota ${i}`, ...p, monthlyIncome: 2_000_000 + i } });
      expect(res.status, JSON.stringify(await json(res.clone()))).toBe(201);
      await t.request(`/api/members/${(await json(res)).member.id}`, { method: 'PATCH', cookie, json: { phone: p.phone } });
    }
  });
  afterAll(async () => t.close());

  it('40 members registered and edited: none of 120 NIKs, phones and addresses is in the stored bytes', async () => {
    const stored: Buffer[] = [];
    if (dialect === 'sqlite') {
      // The WAL holds the recent writes before a checkpoint: scan it as well as the main file.
      const wal = fs.readFileSync(`${t.target}-wal`);
      expect(wal.length).toBeGreaterThan(50_000);
      stored.push(fs.readFileSync(t.target), wal);
    } else {
      // PostgreSQL's files are not ours to read: scan every row of every table as text instead.
      const tables = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(t.services.db.db);
      for (const { name } of tables.rows) {
        const rows = await sql<{ row: string }>`select row_to_json(x)::text as row from ${sql.table(name)} x`.execute(t.services.db.db);
        stored.push(Buffer.from(rows.rows.map((r) => r.row).join('\n')));
      }
    }
    // A positive control: names stay plain (officers search them), so the scan does see the rows.
    expect(Buffer.concat(stored).includes(Buffer.from('Anggota 39'))).toBe(true);
    for (const needle of needles) {
      for (const bytes of stored) expect(bytes.includes(Buffer.from(needle)), `${needle} found at rest`).toBe(false);
    }
  });

  it('the same members read back decrypted through the API, and are found by exact NIK', async () => {
    const cookie = await signInCookie(t, 'petugas.a');
    const found = (await json(await t.request(`/api/members?q=${people[7]!.nik}`, { cookie }))).items;
    expect(found.map((m: { fullName: string }) => m.fullName)).toEqual(['Anggota 7']);
    const member = (await json(await t.request(`/api/members/${found[0].id}`, { cookie }))).member;
    expect(member).toMatchObject({ nik: people[7]!.nik, phone: people[7]!.phone, address: people[7]!.address, monthlyIncome: 2_000_007 });
  });
});
