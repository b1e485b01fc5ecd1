import { createHmac } from 'node:crypto';
import type { Keys } from '../../config/keys.ts';

/** The two keys pseudonymising needs (and all a furnishing worker thread is given). */
export type PseudonymKeys = Pick<Keys, 'pseudonym' | 'nameToken'>;

/**
 * The registry's only link to a person: HMAC-SHA256 of the canonical NIK under the
 * instance's pseudonym key. A plain hash would not do — 16 structured digits are few
 * enough to enumerate — but without the key the pseudonym reveals nothing.
 */
export function subjectKey(keys: PseudonymKeys, canonicalNik: string): string {
  return keyed(keys.pseudonym, canonicalNik);
}

/**
 * HMAC-SHA256 truncated to 128 bits (32 hex digits): collisions stay out of reach at 30
 * million subjects (birthday bound ~2^64) while every key and index is half the size.
 */
function keyed(key: Uint8Array, message: string): string {
  return createHmac('sha256', key).update(message).digest('hex').slice(0, 32);
}

const PLAIN_NAME = /^[A-Za-z]+(?: [A-Za-z]+)*$/;

/**
 * A name as lenders write it differently: accents and punctuation dropped, letters
 * upper-cased, spaces collapsed ("Sri  Wahyuni, S.Pd." and "SRI WAHYUNI SPD" agree).
 */
export function normaliseName(name: string): string {
  // Most names are plain ASCII words already: only their case changes (same result, no NFKD).
  if (PLAIN_NAME.test(name)) return name.toUpperCase();
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z\s]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Keyed token of a normalised name: compares names without storing them. */
export function nameToken(keys: PseudonymKeys, fullName: string): string {
  return keyed(keys.nameToken, `name:${normaliseName(fullName)}`);
}

/**
 * Tokens of birth dates already computed, per key. A century holds only ~36,500 dates, so
 * a large file repeats them constantly: one HMAC per date instead of one per row (an HMAC
 * costs ~3 µs, a third of what pseudonymising a row costs). Kept in process memory only.
 */
const BIRTH_TOKENS = new WeakMap<Uint8Array, Map<string, string>>();
const MAX_CACHED_DATES = 50_000;

/** Keyed token of a birth date ('YYYY-MM-DD'). */
export function birthToken(keys: PseudonymKeys, birthDate: string): string {
  let cache = BIRTH_TOKENS.get(keys.nameToken);
  if (!cache) BIRTH_TOKENS.set(keys.nameToken, (cache = new Map()));
  let token = cache.get(birthDate);
  if (token === undefined) {
    token = keyed(keys.nameToken, `birth:${birthDate}`);
    if (cache.size >= MAX_CACHED_DATES) cache.clear(); // only malformed input gets here; stays bounded
    cache.set(birthDate, token);
  }
  return token;
}
