import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { writeLogicalBackup } from '../../src/db/backup/logical.ts';
import { COLUMNS } from '../../src/modules/registry/furnishing.columns.ts';
import { seededRandom, syntheticAccountRow, syntheticPerson, type SyntheticPerson } from '../../src/modules/registry/synthetic.ts';
import { describeEachDialect, json, testInstance, type TestInstance } from '../harness.ts';
import type { OpenApiDocument } from './openapi.ts';
import { World } from './world.ts';

/**
 * The logical backup (PostgreSQL's format) holds no plain identity: after furnishing 200
 * known people and registering members with NIK, phone and address, the decompressed backup
 * contains none of them. (The SQLite file backup is scanned by test/registry-privacy.test.ts.)
 */
describeEachDialect('privacy of a logical backup', (dialect) => {
  let t: TestInstance;
  let tmp: string;
  let people: SyntheticPerson[];
  const memberSecrets: string[] = [];
  beforeAll(async () => {
    t = await testInstance(dialect);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'simpul-bprivacy-'));
    const world = new World(t, (await json(await t.request('/api/openapi.json'))) as OpenApiDocument);
    await world.setUp();
    const rng = seededRandom(7);
    people = Array.from({ length: 200 }, (_, i) => syntheticPerson(rng, i)).map((p, i) => ({ ...p, fullName: `${p.fullName} Zulkarnaen${String(i).padStart(3, '0')}` }));
    const file = `${COLUMNS.join(',')}\n${people.map((p, i) => syntheticAccountRow(rng, p, `PRV${i}`, '2026-10').join(',')).join('\n')}\n`;
    const system = world.actors.find((a) => a.role === 'api_key');
    if (!system) throw new Error('no API key actor');
    const res = await world.send(system, 'POST', '/api/registry/furnishing/files?period=2026-10', { type: 'text/csv', data: file });
    expect(JSON.parse(res.text).accepted).toBe(200);
    const petugas = world.actors.find((a) => a.role === 'petugas');
    if (!petugas) throw new Error('no petugas');
    for (let i = 0; i < 5; i++) {
      const [nik, phone, address] = [`331601450190${9000 + i}`, `0812999${String(1000 + i)}`, `Jalan Rahasia Nomor ${700 + i}`];
      const member = await world.send(petugas, 'POST', '/api/members', { type: 'application/json', data: JSON.stringify({ fullName: `Anggota ${i}`, nik, birthDate: '1990-01-05', phone, address }) });
      expect(member.status, member.text).toBe(201);
      memberSecrets.push(nik, phone, address);
    }
  }, 120_000);
  afterAll(async () => {
    await t.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('200 furnished people and 5 members: no NIK, furnished name, phone or address in the decompressed backup', async () => {
    const file = path.join(tmp, 'cadangan.simpul.gz');
    const counts = await writeLogicalBackup(t.services.db, file, t.clock.now());
    const text = gunzipSync(fs.readFileSync(file));
    expect(counts.rows).toBeGreaterThan(400);
    const needles = [...people.flatMap((p) => [p.nik, p.fullName.split(' ').at(-1) ?? p.fullName]), ...memberSecrets];
    const found = needles.filter((n) => text.includes(Buffer.from(n)));
    console.info(`[${dialect}] logical backup privacy scan: ${text.length} bytes, ${needles.length} identities, ${found.length} found`);
    expect(found).toEqual([]);
    // The scan can see: member names stay in plain text by design (searchable), and are there.
    expect(text.includes(Buffer.from('Anggota 4'))).toBe(true);
  });
});
