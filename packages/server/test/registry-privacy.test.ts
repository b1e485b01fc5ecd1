import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COLUMNS } from '../src/modules/registry/furnishing.columns.ts';
import { seededRandom, syntheticAccountRow, syntheticPerson } from '../src/modules/registry/synthetic.ts';

const BIN = path.resolve(import.meta.dirname, '../bin/simpul.js');

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('privacy: no plain identity at rest', () => {
  it('after furnishing 300 known people, no NIK or name is in the database, WAL, logs or a backup', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'simpul-privacy-'));
    const env = { ...process.env, SIMPUL_DATA_DIR: dir };
    const simpul = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', timeout: 60_000 });
    expect(simpul('init').status).toBe(0);
    expect(simpul('cooperative', 'add', '--code', 'KSPA', '--name', 'Koperasi A').status).toBe(0);
    const rng = seededRandom(42);
    const people = Array.from({ length: 300 }, (_, i) => syntheticPerson(rng, i));
    // distinctive surnames so a match cannot come from anything but these rows
    const named = people.map((p, i) => ({ ...p, fullName: `${p.fullName} Zulkarnaen${String(i).padStart(3, '0')}` }));
    const rows = named.map((p, i) => syntheticAccountRow(rng, p, `REF${i}`, '2026-10').join(','));
    // the input file lives outside the data directory: it is the furnisher's, not Simpul's
    const file = path.join(dir, '..', `${path.basename(dir)}-in.csv`);
    fs.writeFileSync(file, `${COLUMNS.join(',')}\n${rows.join('\n')}\n`);
    const imported = simpul('import', file, '--cooperative', 'KSPA', '--period', '2026-10', '--json');
    expect(imported.status, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout).accepted).toBe(300);
    // a row with a bad NIK next to a name: the error report must not keep either in plain text
    const bad = `${COLUMNS.join(',')}\nBAD1,${named[0]?.nik.slice(0, 15)},${named[0]?.fullName},1990-01-01,,2026-01-01,1000,,,,1000,0,0,active,,,,\n`;
    fs.writeFileSync(file, bad);
    expect(simpul('import', file, '--cooperative', 'KSPA', '--period', '2026-10').status).toBe(0);
    fs.rmSync(file);
    expect(simpul('backup', path.join(dir, 'backup.sqlite')).status).toBe(0);

    const scanned = filesUnder(dir).filter((f) => !f.endsWith('simpul.key'));
    expect(scanned.map((f) => path.basename(f))).toEqual(expect.arrayContaining(['simpul.sqlite', 'backup.sqlite', 'simpul.log']));
    let bytes = 0;
    const needles = named.flatMap((p) => [p.nik, p.fullName.split(' ').at(-1) ?? p.fullName]).map((s) => Buffer.from(s));
    for (const f of scanned) {
      const content = fs.readFileSync(f);
      bytes += content.length;
      for (const needle of needles) expect(content.includes(needle), `${needle.toString()} found in ${f}`).toBe(false);
    }
    expect(bytes).toBeGreaterThan(100_000);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
