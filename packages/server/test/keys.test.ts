import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureKeyFile, keyedHash, loadKeys } from '../src/config/keys.ts';
import { createLogger, maskNik } from '../src/logging.ts';

describe('key file', () => {
  it('is created once with mode 0600 and yields four distinct 32-byte keys', () => {
    const env = { SIMPUL_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'simpul-key-')) };
    expect(ensureKeyFile(env)).toBe(true);
    expect(ensureKeyFile(env)).toBe(false);
    const keys = loadKeys(env);
    const all = [keys.pseudonym, keys.nameToken, keys.encryption, keys.blindIndex].map((k) => k.toString('hex'));
    expect(new Set(all).size).toBe(4);
    for (const k of all) expect(k).toHaveLength(64);
  });

  it('SIMPUL_KEY overrides the file; the same key gives the same pseudonym, another key another', () => {
    const a = loadKeys({ SIMPUL_KEY: Buffer.alloc(32, 1).toString('base64') });
    const b = loadKeys({ SIMPUL_KEY: Buffer.alloc(32, 2).toString('base64') });
    const nik = '3316014501900001';
    expect(keyedHash(a.pseudonym, nik)).toBe(keyedHash(loadKeys({ SIMPUL_KEY: Buffer.alloc(32, 1).toString('base64') }).pseudonym, nik));
    expect(keyedHash(a.pseudonym, nik)).not.toBe(keyedHash(b.pseudonym, nik));
  });

  it('refuses a missing or malformed key with a clear message', () => {
    const env = { SIMPUL_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'simpul-key-')) };
    expect(() => loadKeys(env)).toThrow(/run "simpul init"/);
    expect(() => loadKeys({ SIMPUL_KEY: 'pendek' })).toThrow(/not hold a valid Simpul key/);
  });
});

describe('logs never carry personal data', () => {
  it('masks a 16-digit NIK inside any message: 3316014501900001 → [NIK]', () => {
    expect(maskNik('lookup 3316014501900001 done')).toBe('lookup [NIK] done');
    expect(maskNik('amount 12345678901234567')).toBe('amount 12345678901234567');
  });

  it('redacts personal fields by key in a real log file', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'simpul-log-'));
    const logger = createLogger({ dataDir, quiet: true });
    logger.info({ nik: '3316014501900001', member: { fullName: 'Sri Wahyuni', phone: '081234567890' }, password: 'rahasia' }, 'member 3316014501900001 saved');
    await new Promise<void>((resolve) => logger.flush(() => resolve()));
    await new Promise((r) => setTimeout(r, 100));
    const text = fs.readFileSync(path.join(dataDir, 'logs', 'simpul.log'), 'utf8');
    expect(text).toContain('member [NIK] saved');
    for (const secret of ['3316014501900001', 'Sri Wahyuni', '081234567890', 'rahasia']) expect(text).not.toContain(secret);
  });
});
