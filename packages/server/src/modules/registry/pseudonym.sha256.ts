/**
 * HMAC-SHA256 (RFC 2104, FIPS 180-4) for the short messages pseudonymising hashes a million
 * times per file: the NIK of every row. node:crypto's createHmac costs ~4 µs per call,
 * mostly building the Hmac object and hashing the key's two pads again; here the pads'
 * states are worked out once per key, and a 16-digit NIK then takes two compressions of
 * plain integer arithmetic, with no object made but the hex string. The output is HMAC-
 * SHA256 itself, bit for bit (test/registry-pseudonym.test.ts checks it against
 * node:crypto), so every subject key stays what the registry already stores.
 */

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const INITIAL = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);

/** Scratch space, reused by every call (one thread runs one call at a time). */
const W = new Int32Array(64);
const STATE = new Int32Array(8);
const BLOCK = new Uint8Array(64);

/** Folds one 64-byte block (`bytes` from `at`) into `state`. */
function compress(state: Int32Array, bytes: Uint8Array, at: number): void {
  for (let i = 0; i < 16; i++) {
    const j = at + i * 4;
    W[i] = (bytes[j]! << 24) | (bytes[j + 1]! << 16) | (bytes[j + 2]! << 8) | bytes[j + 3]!;
  }
  for (let i = 16; i < 64; i++) {
    const x = W[i - 15]!;
    const y = W[i - 2]!;
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    W[i] = (W[i - 16]! + s0 + W[i - 7]! + s1) | 0;
  }
  let a = state[0]!, b = state[1]!, c = state[2]!, d = state[3]!, e = state[4]!, f = state[5]!, g = state[6]!, h = state[7]!;
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[i]! + W[i]!) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  state[0] = (state[0]! + a) | 0;
  state[1] = (state[1]! + b) | 0;
  state[2] = (state[2]! + c) | 0;
  state[3] = (state[3]! + d) | 0;
  state[4] = (state[4]! + e) | 0;
  state[5] = (state[5]! + f) | 0;
  state[6] = (state[6]! + g) | 0;
  state[7] = (state[7]! + h) | 0;
}

/** Hashes `message` (after `prefixBlocks` 64-byte blocks already folded into `state`) to its end, with the padding. */
function finish(state: Int32Array, message: Uint8Array, length: number, prefixBlocks: number): void {
  let at = 0;
  for (; at + 64 <= length; at += 64) compress(state, message, at);
  const rest = length - at;
  for (let i = 0; i < rest; i++) BLOCK[i] = message[at + i]!;
  BLOCK[rest] = 0x80;
  BLOCK.fill(0, rest + 1);
  if (rest >= 56) {
    compress(state, BLOCK, 0);
    BLOCK.fill(0);
  }
  const bits = (prefixBlocks * 64 + length) * 8;
  const high = Math.floor(bits / 0x100000000);
  BLOCK[56] = high >>> 24;
  BLOCK[57] = high >>> 16;
  BLOCK[58] = high >>> 8;
  BLOCK[59] = high;
  BLOCK[60] = bits >>> 24;
  BLOCK[61] = bits >>> 16;
  BLOCK[62] = bits >>> 8;
  BLOCK[63] = bits;
  compress(state, BLOCK, 0);
}

/** The states after the key's inner and outer pad: all of HMAC that depends on the key alone. */
interface KeyPads {
  inner: Int32Array;
  outer: Int32Array;
}

const PADS = new WeakMap<Uint8Array, KeyPads>();

function padsOf(key: Uint8Array): KeyPads {
  let pads = PADS.get(key);
  if (pads) return pads;
  let k = key;
  if (k.length > 64) {
    const state = INITIAL.slice();
    finish(state, k, k.length, 0);
    k = wordsToBytes(state, 8);
  }
  const ipad = new Uint8Array(64).fill(0x36);
  const opad = new Uint8Array(64).fill(0x5c);
  for (let i = 0; i < k.length; i++) {
    ipad[i]! ^= k[i]!;
    opad[i]! ^= k[i]!;
  }
  pads = { inner: INITIAL.slice(), outer: INITIAL.slice() };
  compress(pads.inner, ipad, 0);
  compress(pads.outer, opad, 0);
  PADS.set(key, pads);
  return pads;
}

function wordsToBytes(words: Int32Array, count: number): Uint8Array {
  const out = new Uint8Array(count * 4);
  for (let i = 0; i < count; i++) {
    out[i * 4] = words[i]! >>> 24;
    out[i * 4 + 1] = words[i]! >>> 16;
    out[i * 4 + 2] = words[i]! >>> 8;
    out[i * 4 + 3] = words[i]!;
  }
  return out;
}

/** Message bytes, reused: a short ASCII message (a NIK) is copied in without an encoder. */
let text = new Uint8Array(256);
const INNER_DIGEST = new Uint8Array(32);

/** Writes `message` as UTF-8 into `text` (grown when short); its length in bytes. */
function encode(message: string): number {
  const n = message.length;
  if (n <= text.length) {
    let i = 0;
    for (; i < n; i++) {
      const c = message.charCodeAt(i);
      if (c > 0x7f) break;
      text[i] = c;
    }
    if (i === n) return n;
  }
  const bytes = Buffer.from(message, 'utf8');
  if (bytes.length > text.length) text = new Uint8Array(bytes.length * 2);
  text.set(bytes);
  return bytes.length;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** HMAC-SHA256 of the UTF-8 `message` under `key`, as lowercase hex of its first `bytes` bytes (at most 32). */
export function hmacSha256Hex(key: Uint8Array, message: string, bytes: number): string {
  const pads = padsOf(key);
  const length = encode(message);
  STATE.set(pads.inner);
  finish(STATE, text, length, 1);
  for (let i = 0; i < 8; i++) {
    const w = STATE[i]!;
    INNER_DIGEST[i * 4] = w >>> 24;
    INNER_DIGEST[i * 4 + 1] = w >>> 16;
    INNER_DIGEST[i * 4 + 2] = w >>> 8;
    INNER_DIGEST[i * 4 + 3] = w;
  }
  STATE.set(pads.outer);
  finish(STATE, INNER_DIGEST, 32, 1);
  let hex = '';
  for (let i = 0; i < bytes; i++) hex += HEX[(STATE[i >> 2]! >>> (24 - (i & 3) * 8)) & 0xff];
  return hex;
}
