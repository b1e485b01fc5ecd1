import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { dataDir } from './env.ts';

/**
 * The instance's secrets, all derived from one 32-byte master key that lives in the key
 * file (`<data dir>/simpul.key`, mode 0600) or in SIMPUL_KEY — never in the database, a log
 * or a backup. Losing it makes pseudonyms and encrypted member fields unreadable.
 */
export interface Keys {
  /** HMAC key of registry subject keys (subject_key = HMAC(pseudonym, canonical NIK)). */
  pseudonym: Buffer;
  /** Keyed token of normalised name + birth date, for identity checks without identity. */
  nameToken: Buffer;
  /** AES-256-GCM key for member fields encrypted at rest. */
  encryption: Buffer;
  /** HMAC key of the blind index used to find a member by exact NIK. */
  blindIndex: Buffer;
}

const FILE_HEADER = 'simpul-key-v1';

export function keyFilePath(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(dataDir(env), 'simpul.key');
}

function derive(master: Buffer, label: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `simpul:${label}`, 32));
}

export function deriveKeys(master: Buffer): Keys {
  if (master.length !== 32) throw new Error('The master key must be 32 bytes');
  return {
    pseudonym: derive(master, 'pseudonym'),
    nameToken: derive(master, 'name-token'),
    encryption: derive(master, 'encryption'),
    blindIndex: derive(master, 'blind-index'),
  };
}

function parseMaster(text: string, source: string): Buffer {
  const line = text.split('\n').find((l) => l.trim() && !l.startsWith('#') && l.trim() !== FILE_HEADER);
  const master = Buffer.from((line ?? '').trim(), 'base64');
  if (master.length !== 32) throw new Error(`${source} does not hold a valid Simpul key`);
  return master;
}

/** Creates the key file if it does not exist yet; returns true when it was created. */
export function ensureKeyFile(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.SIMPUL_KEY) return false;
  const file = keyFilePath(env);
  if (fs.existsSync(file)) return false;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const body = `${FILE_HEADER}\n# Keep this file apart from backups: without it pseudonyms and encrypted fields are lost.\n${randomBytes(32).toString('base64')}\n`;
  fs.writeFileSync(file, body, { mode: 0o600, flag: 'wx' });
  return true;
}

/** Loads the keys from SIMPUL_KEY (base64) or the key file. */
export function loadKeys(env: NodeJS.ProcessEnv = process.env): Keys {
  if (env.SIMPUL_KEY) return deriveKeys(parseMaster(env.SIMPUL_KEY, 'SIMPUL_KEY'));
  const file = keyFilePath(env);
  if (!fs.existsSync(file)) throw new Error(`Key file ${file} is missing: run "simpul init"`);
  return deriveKeys(parseMaster(fs.readFileSync(file, 'utf8'), file));
}

/** A keyed HMAC-SHA256 as hex: the one primitive behind subject keys and blind indexes. */
export function keyedHash(key: Buffer, value: string): string {
  return createHmac('sha256', key).update(value, 'utf8').digest('hex');
}
