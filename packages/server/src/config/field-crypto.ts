import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Keys } from './keys.ts';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Encrypts one personal field at rest (AES-256-GCM, a fresh 96-bit IV each time) as base64
 * of iv ‖ tag ‖ ciphertext. The same value encrypts differently every time, so equal NIKs
 * cannot be spotted in the database; find them through a blind index instead.
 */
export function encryptField(keys: Keys, plain: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keys.encryption, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

/** Decrypts a field written by `encryptField`; throws if it was altered or the key is wrong. */
export function decryptField(keys: Keys, sealed: string): string {
  const raw = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', keys.encryption, raw.subarray(0, IV_BYTES));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
}

/** `encryptField` for optional values: null stays null. */
export function encryptOptional(keys: Keys, plain: string | null | undefined): string | null {
  return plain === null || plain === undefined || plain === '' ? null : encryptField(keys, plain);
}

/** `decryptField` for optional values: null stays null. */
export function decryptOptional(keys: Keys, sealed: string | null): string | null {
  return sealed === null ? null : decryptField(keys, sealed);
}
