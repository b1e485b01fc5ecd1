import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** A kecamatan (district) from Kemendagri's code list, as shipped by `idn-area-data`. */
export interface District {
  /** Six digits as in a NIK: PP KK CC. */
  code: string;
  regencyCode: string;
  name: string;
}

const require = createRequire(import.meta.url);
const DATA_DIR = path.join(path.dirname(require.resolve('idn-area-data/package.json')), 'data');

let districts: Map<string, District> | undefined;

/** Every district keyed by its six-digit code; read once from the package's CSV. */
export function allDistricts(): Map<string, District> {
  if (districts) return districts;
  districts = new Map();
  const lines = fs.readFileSync(path.join(DATA_DIR, 'districts.csv'), 'utf8').split(/\r?\n/).slice(1);
  for (const line of lines) {
    const [dotted, regency, ...name] = line.split(',');
    if (!dotted || !regency) continue;
    const code = dotted.replaceAll('.', '');
    districts.set(code, { code, regencyCode: regency.replaceAll('.', ''), name: name.join(',').replace(/^"|"$/g, '') });
  }
  return districts;
}

/** Whether a NIK's first six digits name a district that exists today. */
export function isKnownDistrict(code: string): boolean {
  return allDistricts().has(code);
}

/** The districts (kecamatan) of one regency, e.g. '3316' for Kabupaten Blora. */
export function districtsOf(regencyCode: string): District[] {
  return [...allDistricts().values()].filter((d) => d.regencyCode === regencyCode);
}
