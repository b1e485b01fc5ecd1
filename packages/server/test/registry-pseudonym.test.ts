import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { birthToken, nameToken, normaliseName, subjectKey } from '../src/modules/registry/pseudonym.ts';
import { hmacSha256Hex } from '../src/modules/registry/pseudonym.sha256.ts';

/**
 * Pseudonyms are HMAC-SHA256 computed in-process (pseudonym.sha256.ts). Subject keys already
 * stored must stay what they are, so every output is checked against node:crypto's HMAC:
 * keys shorter than, equal to and longer than a block, messages across the padding's edges
 * (55, 56, 63, 64 bytes), multi-block and non-ASCII ones.
 */
describe('pseudonym HMAC', () => {
  const reference = (key: Uint8Array, message: string) => createHmac('sha256', key).update(message).digest('hex');

  it('gives the bits of node:crypto HMAC-SHA256 for every key and message length', () => {
    const lengths = [0, 1, 15, 16, 31, 54, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 300];
    for (const keyLength of [1, 16, 32, 63, 64, 65, 200]) {
      const key = randomBytes(keyLength);
      for (const n of lengths) {
        const ascii = Array.from({ length: n }, (_, i) => String.fromCharCode(32 + ((i * 31 + keyLength) % 95))).join('');
        const accented = Array.from({ length: n }, (_, i) => (i % 3 ? 'é' : 'ß')).join('');
        for (const message of [ascii, accented, `${ascii}Ünïcödé`]) {
          const want = reference(key, message);
          expect(hmacSha256Hex(key, message, 32)).toBe(want);
          expect(hmacSha256Hex(key, message, 16)).toBe(want.slice(0, 32));
        }
      }
    }
  });

  it('keeps subject keys, name and birth tokens as createHmac made them', () => {
    const keys = { pseudonym: randomBytes(32), nameToken: randomBytes(32) };
    for (let i = 0; i < 500; i++) {
      const nik = String(3316014501900001 + i * 7919);
      expect(subjectKey(keys, nik)).toBe(reference(keys.pseudonym, nik).slice(0, 32));
    }
    for (const name of ['Sri  Wahyuni, S.Pd.', 'BUDI SANTOSO', 'Ñoño Ábdúl']) {
      expect(nameToken(keys, name)).toBe(reference(keys.nameToken, `name:${normaliseName(name)}`).slice(0, 32));
    }
    expect(birthToken(keys, '1990-01-05')).toBe(reference(keys.nameToken, 'birth:1990-01-05').slice(0, 32));
  });
});
