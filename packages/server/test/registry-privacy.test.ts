import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openInstance } from '../src/instance.ts';
import { createLogger } from '../src/logging.ts';
import { addCooperative } from '../src/modules/cooperatives/cooperatives.service.ts';
import { COLUMNS } from '../src/modules/registry/furnishing.columns.ts';
import { seededRandom, syntheticAccountRow, syntheticPerson } from '../src/modules/registry/synthetic.ts';
import { simpulCli } from './harness.ts';

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/**
 * Which of the NIKs and marked surnames occur in `content`, in one pass: every 16-digit
 * window of every digit run, and every "Zulkarnaen" + three digits, looked up in the sets.
 * Byte for byte the same hits as searching the content once per needle (the needles are
 * ASCII and read as latin1, one character per byte), without 600 passes over megabytes.
 */
function plainIdentities(content: Buffer, niks: Set<string>, surnames: Set<string>): string[] {
  const text = content.toString('latin1');
  const found = new Set<string>();
  for (const run of text.matchAll(/\d{16,}/g)) {
    for (let i = 0; i + 16 <= run[0].length; i++) {
      const window = run[0].slice(i, i + 16);
      if (niks.has(window)) found.add(window);
    }
  }
  for (const [name] of text.matchAll(/Zulkarnaen\d{3}/g)) if (surnames.has(name)) found.add(name);
  return [...found];
}

describe('privacy: no plain identity at rest', () => {
  it('after furnishing 300 known people, no NIK or name is in the database, WAL, logs or a backup', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'simpul-privacy-'));
    const env = { ...process.env, SIMPUL_DATA_DIR: dir, SIMPUL_KEY: randomBytes(32).toString('base64') };
    // The instance and its cooperative are set up here; the furnishing and the backup, what
    // could leak, run as the `simpul` commands an operator uses (each CLI start costs ~1 s of CPU).
    const db = path.join(dir, 'simpul.sqlite');
    const setup = await openInstance({ db, env, logger: createLogger({ quiet: true }) });
    await addCooperative(setup, null, { code: 'KSPA', name: 'Koperasi A' });
    await setup.db.close();
    const simpul = (...args: string[]) => spawnSync(process.execPath, [simpulCli(), '--db', db, ...args], { env, encoding: 'utf8', timeout: 60_000 });
    const rng = seededRandom(42);
    const people = Array.from({ length: 300 }, (_, i) => syntheticPerson(rng, i));
    // distinctive surnames so a match cannot come from anything but these rows
    const named = people.map((p, i) => ({ ...p, fullName: `${p.fullName} Zulkarnaen${String(i).padStart(3, '0')}` }));
    const rows = named.map((p, i) => syntheticAccountRow(rng, p, `REF${i}`, '2026-10').join(','));
    // the input file lives outside the data directory: it is the furnisher's, not Simpul's
    const file = path.join(dir, '..', `${path.basename(dir)}-in.csv`);
    fs.writeFileSync(file, `${COLUMNS.join(',')}\n${rows.join('\n')}\n`);
    const niks = new Set(named.map((p) => p.nik));
    const surnames = new Set(named.map((p) => p.fullName.split(' ').at(-1) ?? p.fullName));
    expect(surnames.size).toBe(300);
    // The scan can fail: it finds every NIK and surname in the input file.
    expect(plainIdentities(fs.readFileSync(file), niks, surnames)).toHaveLength(niks.size + surnames.size);
    const imported = simpul('import', file, '--cooperative', 'KSPA', '--period', '2026-10', '--json');
    expect(imported.status, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout).accepted).toBe(300);
    // a row with a bad NIK next to a name: the error report must not keep either in plain text
    const bad = `${COLUMNS.join(',')}\nBAD1,${named[0]?.nik.slice(0, 15)},${named[0]?.fullName},1990-01-01,,2026-01-01,1000,,,,1000,0,0,active,,,,\n`;
    fs.writeFileSync(file, bad);
    expect(simpul('import', file, '--cooperative', 'KSPA', '--period', '2026-10').status).toBe(0);
    fs.rmSync(file);
    expect(simpul('backup', path.join(dir, 'backup.sqlite')).status).toBe(0);

    const scanned = filesUnder(dir);
    expect(scanned.map((f) => path.basename(f))).toEqual(expect.arrayContaining(['simpul.sqlite', 'backup.sqlite', 'simpul.log']));
    let bytes = 0;
    for (const f of scanned) {
      const content = fs.readFileSync(f);
      bytes += content.length;
      expect(plainIdentities(content, niks, surnames), `found in ${f}`).toEqual([]);
    }
    expect(bytes).toBeGreaterThan(100_000);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
