import { monthsBefore } from '@simpul/domain';
import type { Keys } from '../../config/keys.ts';
import { allDistricts } from '../reference/regions.ts';
import { birthToken, nameToken, subjectKey } from './pseudonym.ts';
import type { AccountStatus, Frequency } from './registry.table.ts';
import { seededRandom, syntheticName, type SyntheticPerson } from './synthetic.ts';

/**
 * A registry at scale, drawn from seeded distributions: cooperatives of very different sizes
 * (Zipf: the largest holds about a tenth of all accounts, the smallest a handful), a share of
 * members borrowing at several cooperatives, up to 24 months of history per account, early
 * and serious delinquency, write-offs (hapus buku) with later recoveries, and matured loans
 * settled. Everything is a pure function of the seed, so a test or benchmark can rebuild any
 * subject's identity (scalePerson) and inquire about it.
 */
export interface ScaleOptions {
  cooperatives: number;
  accounts: number;
  seed: number;
  /** The newest reporting month ('YYYY-MM'). */
  period: string;
  /** Share of accounts that belong to a subject who already borrows elsewhere. */
  repeatBorrowerShare?: number;
}

export const SCALE_PRESETS = {
  /** One district office's registry: the demo district at full size. */
  district: { cooperatives: 300, accounts: 200_000 },
  /** A province (issue 8's 10,000 cooperatives). */
  province: { cooperatives: 10_000, accounts: 1_000_000 },
  /** A tenth of the country's ~130,000 cooperatives and their borrowers. */
  'national-sample': { cooperatives: 13_000, accounts: 3_000_000 },
} as const;
export type ScalePreset = keyof typeof SCALE_PRESETS;

export const HISTORY_MONTHS = 24;

/** One account as the registry stores it (identity already keyed), with its monthly history. */
export interface ScaleAccount {
  /** 0-based index of its cooperative in the generated set. */
  cooperative: number;
  /** 0-based subject (person) index: scalePerson(seed, subject) is who it is. */
  subject: number;
  subjectKey: string;
  nameToken: string;
  birthToken: string;
  accountRef: string;
  openedOn: string;
  originalAmount: number;
  tenor: number;
  frequency: Frequency;
  instalmentAmount: number;
  outstanding: number;
  arrears: number;
  daysPastDue: number;
  status: AccountStatus;
  lastPaymentOn: string | null;
  closedOn: string | null;
  writtenOffOn: string | null;
  writtenOffAmount: number | null;
  lastPeriod: string;
  /** Months reported, newest first: monthsAgo 0 is `period`. */
  history: ScaleMonth[];
}

export interface ScaleMonth {
  monthsAgo: number;
  outstanding: number;
  arrears: number;
  daysPastDue: number;
  status: AccountStatus;
}

/**
 * Accounts per cooperative, largest first: Zipf weights 1/rank, so a few cooperatives hold
 * most of the book and most hold a few dozen accounts; each has at least one.
 */
export function cooperativeSizes(cooperatives: number, accounts: number): number[] {
  if (accounts < cooperatives) throw new RangeError('every cooperative needs at least one account');
  let harmonic = 0;
  for (let k = 1; k <= cooperatives; k++) harmonic += 1 / k;
  const sizes = Array.from({ length: cooperatives }, (_, k) => Math.max(1, Math.floor(accounts / ((k + 1) * harmonic))));
  // Rounding leaves a remainder (or an excess from the minimum of 1): settle it on the largest.
  sizes[0] = (sizes[0] ?? 0) + accounts - sizes.reduce((a, b) => a + b, 0);
  return sizes;
}

/** The first birth date drawn and how many days the range spans (1955-01-01 to 2004-12-31). */
const FIRST_BIRTH = Date.UTC(1955, 0, 1);
const BIRTH_DAYS = 18_263;
/** NIK sequence numbers per (district, sex, birth date): real ones are small too. */
const SEQUENCES = 20;
/** A prime multiplier: block → (district, sex, birth date) is then a bijection modulo their count. */
const SPREAD = 1_000_003;

let nationalDistricts: string[] | undefined;
const birthDates: string[] = [];

/**
 * Subject `subject`'s identity, the same for the same seed. The NIK is valid (a real district
 * code, the birth date encoded, +40 for women) and unique: subjects are numbered in blocks of
 * SEQUENCES sequence numbers, each block mapped one-to-one onto a (district, sex, birth date).
 */
export function scalePerson(seed: number, subject: number): SyntheticPerson {
  nationalDistricts ??= [...allDistricts().keys()];
  const districts = nationalDistricts.length;
  const combinations = districts * 2 * BIRTH_DAYS;
  const block = Math.floor(subject / SEQUENCES);
  if (block >= combinations) throw new RangeError('more subjects than distinct NIKs');
  const combination = (block * SPREAD + seed) % combinations;
  const district = nationalDistricts[combination % districts] ?? '331601';
  const rest = Math.floor(combination / districts);
  const female = rest % 2 === 1;
  const day = Math.floor(rest / 2);
  const birthDate = (birthDates[day] ??= new Date(FIRST_BIRTH + day * 86_400_000).toISOString().slice(0, 10));
  const dd = String(Number(birthDate.slice(8, 10)) + (female ? 40 : 0)).padStart(2, '0');
  const nik = `${district}${dd}${birthDate.slice(5, 7)}${birthDate.slice(2, 4)}${String((subject % SEQUENCES) + 1).padStart(4, '0')}`;
  return { nik, fullName: syntheticName(seededRandom(seed ^ Math.imul(subject + 1, 0x9e3779b1))), birthDate };
}

const TENORS = [6, 12, 12, 18, 24, 24, 36] as const;

/** The months before `period` the generator uses: index k is k months back. */
function monthTable(period: string, months: number): string[] {
  return Array.from({ length: months }, (_, k) => monthsBefore(period, k));
}

/** Day `day` of the month `ago` months back (the oldest in the table if further back). */
function dayOf(months: readonly string[], ago: number, day: number): string {
  return `${months[Math.min(ago, months.length - 1)] ?? ''}-${day < 10 ? '0' : ''}${day}`;
}

/**
 * Every account of the registry, cooperative by cooperative (largest first), with its
 * history. Keys are the instance's real pseudonyms (HMAC of the NIK), so inquiries find them.
 */
export function* scaleAccounts(keys: Keys, options: ScaleOptions): Generator<ScaleAccount> {
  const rng = seededRandom(options.seed);
  const repeatShare = options.repeatBorrowerShare ?? 0.2;
  const sizes = cooperativeSizes(options.cooperatives, options.accounts);
  const months = monthTable(options.period, 48);
  const nameTokens = new Map<string, string>();
  const subjects: { key: string; name: string; birth: string }[] = [];
  const subjectOf = (s: number) => {
    let known = subjects[s];
    if (!known) {
      const p = scalePerson(options.seed, s);
      let name = nameTokens.get(p.fullName);
      if (name === undefined) nameTokens.set(p.fullName, (name = nameToken(keys, p.fullName)));
      known = subjects[s] = { key: subjectKey(keys, p.nik), name, birth: birthToken(keys, p.birthDate) };
    }
    return known;
  };
  for (let c = 0; c < sizes.length; c++) {
    const size = sizes[c] ?? 0;
    for (let i = 0; i < size; i++) {
      // A repeat borrower is someone already in the registry, at this or another cooperative.
      const subject = subjects.length > 0 && rng() < repeatShare ? Math.floor(rng() * subjects.length) : subjects.length;
      const who = subjectOf(subject);
      yield { cooperative: c, subject, subjectKey: who.key, nameToken: who.name, birthToken: who.birth, accountRef: `S${String(i + 1).padStart(7, '0')}`, ...loanLife(rng, months) };
    }
  }
}

type LoanLife = Omit<ScaleAccount, 'cooperative' | 'subject' | 'subjectKey' | 'nameToken' | 'birthToken' | 'accountRef'>;

/**
 * One loan's life up to the newest month: 80 % pay on time (and settle at maturity), 10 %
 * are 1–89 days late, 2 % restructured, 8 % seriously delinquent — written off once a year
 * past due, some partly or fully recovered after. Days past due grow 30 a month from the
 * first missed instalment, so each month's history follows from the newest state.
 */
function loanLife(rng: () => number, months: readonly string[]): LoanLife {
  const age = Math.floor(rng() ** 1.5 * 48); // months since disbursement, recent loans more common
  const tenor = TENORS[Math.floor(rng() * TENORS.length)] ?? 12;
  const f = rng();
  const frequency: Frequency = f < 0.85 ? 'monthly' : f < 0.95 ? 'weekly' : 'daily';
  const originalAmount = Math.round(Math.exp(13.1 + rng() * 5.3) / 100_000) * 100_000 + 500_000; // ~1 M to ~100 M rupiah
  const instalmentAmount = Math.ceil((originalAmount * (1 + 0.015 * tenor)) / tenor / 1000) * 1000;
  const principalPerMonth = Math.round(originalAmount / tenor);
  const r = rng();
  let daysPastDue = 0;
  let status: AccountStatus = 'active';
  if (r >= 0.8 && r < 0.9) daysPastDue = 1 + Math.floor(rng() * 89);
  else if (r >= 0.9 && r < 0.92) status = 'restructured';
  else if (r >= 0.92) daysPastDue = 90 + Math.floor(rng() * 540);
  daysPastDue = Math.min(daysPastDue, age * 30 + 29);
  const lateMonths = Math.ceil(daysPastDue / 30);
  const paidMonths = Math.max(0, Math.min(tenor, age) - lateMonths);
  let outstanding = Math.max(0, originalAmount - principalPerMonth * paidMonths);
  // Matured and fully paid: settled in its last instalment's month, then no longer reported.
  const settledAgo = daysPastDue === 0 && age >= tenor ? age - tenor : -1;
  if (settledAgo >= 0) outstanding = 0;
  // Written off (hapus buku) when a year past due; later recoveries lower what is still owed.
  const writtenOffAgo = daysPastDue >= 360 ? Math.floor((daysPastDue - 360) / 30) : -1;
  let writtenOffAmount: number | null = null;
  let recoveredAgo = -1;
  if (writtenOffAgo >= 0) {
    writtenOffAmount = outstanding;
    const recovery = rng();
    if (recovery < 0.1 && writtenOffAgo > 0) recoveredAgo = Math.floor(rng() * writtenOffAgo);
    else if (recovery < 0.4) outstanding = Math.round((outstanding * (0.5 + rng() * 0.5)) / 1000) * 1000;
  }
  const history: ScaleMonth[] = [];
  const newest = Math.max(settledAgo, recoveredAgo, 0);
  for (let k = newest; k <= Math.min(age, HISTORY_MONTHS - 1); k++) {
    const dpd = Math.max(0, daysPastDue - 30 * k);
    const owed = k === settledAgo || k === recoveredAgo ? 0
      : settledAgo >= 0 ? Math.min(originalAmount, principalPerMonth * (k - settledAgo))
      : k <= writtenOffAgo ? outstanding : Math.min(originalAmount, outstanding + principalPerMonth * Math.max(0, k - lateMonths));
    const monthStatus: AccountStatus = k === settledAgo || k === recoveredAgo ? 'settled' : k <= writtenOffAgo ? 'written_off' : status;
    history.push({ monthsAgo: k, outstanding: owed, arrears: Math.min(owed, instalmentAmount * Math.ceil(dpd / 30)), daysPastDue: dpd, status: monthStatus });
  }
  const finalStatus: AccountStatus = recoveredAgo >= 0 || settledAgo >= 0 ? 'settled' : writtenOffAgo >= 0 ? 'written_off' : status;
  if (recoveredAgo >= 0) outstanding = 0;
  return {
    openedOn: dayOf(months, age, 1 + Math.floor(rng() * 28)), originalAmount, tenor, frequency, instalmentAmount,
    outstanding, arrears: finalStatus === 'settled' ? 0 : Math.min(outstanding, instalmentAmount * lateMonths), daysPastDue: finalStatus === 'settled' ? 0 : daysPastDue,
    status: finalStatus, lastPaymentOn: paidMonths > 0 ? dayOf(months, lateMonths + Math.max(settledAgo, 0), 10) : null,
    closedOn: finalStatus === 'settled' ? dayOf(months, newest, 20) : null,
    writtenOffOn: writtenOffAgo >= 0 ? dayOf(months, writtenOffAgo, 28) : null, writtenOffAmount,
    lastPeriod: months[newest] ?? '', history,
  };
}
