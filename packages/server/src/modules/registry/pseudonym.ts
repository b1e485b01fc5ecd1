import type { Keys } from '../../config/keys.ts';
import { hmacSha256Hex } from './pseudonym.sha256.ts';

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
 * Computed in-process from the key's pads (pseudonym.sha256.ts): the same bits as
 * node:crypto's createHmac, at about half its cost per row.
 */
function keyed(key: Uint8Array, message: string): string {
  return hmacSha256Hex(key, message, 16);
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
  return cachedToken(NAME_TOKENS, keys, fullName, MAX_CACHED_NAMES, () => keyed(keys.nameToken, `name:${normaliseName(fullName)}`));
}

/**
 * Tokens already computed, per key, by the plain value. Names and birth dates repeat
 * constantly in a large file (a few thousand given names; ~36,500 dates a century), so a
 * hit saves an HMAC (~2–3 µs, with the name's normalising) per row. Kept in process memory
 * only; a full cache is emptied, so it stays bounded whatever the input.
 */
function cachedToken(caches: WeakMap<Uint8Array, Map<string, string>>, keys: PseudonymKeys, value: string, max: number, compute: () => string): string {
  let cache = caches.get(keys.nameToken);
  if (!cache) caches.set(keys.nameToken, (cache = new Map()));
  let token = cache.get(value);
  if (token === undefined) {
    token = compute();
    if (cache.size >= max) cache.clear();
    cache.set(value, token);
  }
  return token;
}

const NAME_TOKENS = new WeakMap<Uint8Array, Map<string, string>>();
const MAX_CACHED_NAMES = 100_000;

const BIRTH_TOKENS = new WeakMap<Uint8Array, Map<string, string>>();
/** More than a century of dates: only malformed input fills it. */
const MAX_CACHED_DATES = 50_000;

/** Keyed token of a birth date ('YYYY-MM-DD'). */
export function birthToken(keys: PseudonymKeys, birthDate: string): string {
  return cachedToken(BIRTH_TOKENS, keys, birthDate, MAX_CACHED_DATES, () => keyed(keys.nameToken, `birth:${birthDate}`));
}
