import { describe, it, expect } from 'vitest';
import { canonicalNik, nikBirthDateMismatch, parseNik } from './nik.ts';
import type { ParsedNik } from './nik.ts';

const reference = { referenceYear: 2025 };

function parsed(nik: string): ParsedNik {
  const result = parseNik(nik, reference);
  if (!result.ok) throw new Error(`expected ${nik} to parse: ${result.code}`);
  return result;
}

describe('parseNik', () => {
  it('3578 01 41 01 90 0001: Surabaya district 357801, woman born 1 Jan 1990 (day 41 − 40)', () => {
    expect(parseNik('3578014101900001', reference)).toEqual({
      ok: true, nik: '3578014101900001', province: '35', regency: '3578', district: '357801',
      birthDate: '1990-01-01', sex: 'female', sequence: '0001', warnings: [],
    });
  });

  it('day 01–31 is a man: 3578010101900001 → male, 1990-01-01', () => {
    expect(parsed('3578010101900001')).toMatchObject({ sex: 'male', birthDate: '1990-01-01' });
  });

  it('two-digit years resolve to the latest year not after the reference year: 05 → 2005, 30 → 1930', () => {
    expect(parsed('3578011203050002').birthDate).toBe('2005-03-12');
    expect(parsed('3578011203300002').birthDate).toBe('1930-03-12');
    expect(parseNik('3578011203300002', { referenceYear: 2035 })).toMatchObject({ birthDate: '2030-03-12', warnings: ['possibly_minor'] });
  });

  it('canonicalises spaces, dots and dashes', () => {
    expect(canonicalNik('3578 0141.0190-0001')).toBe('3578014101900001');
    expect(parsed(' 3578.0141.0190.0001 ').nik).toBe('3578014101900001');
  });

  it.each([
    ['357801410190001', 'nik_length'],
    ['35780141019000011', 'nik_length'],
    ['3578O14101900001', 'nik_digits'],
    ['0078014101900001', 'nik_region'],
    ['3500014101900001', 'nik_region'],
    ['3578003201900001', 'nik_region'],
    ['3578013201900001', 'nik_birth_date'], // day 32
    ['3578017102900001', 'nik_birth_date'], // 31 February (71 − 40)
    ['3578012902010001', 'nik_birth_date'], // 29 Feb 2001
    ['3578010113900001', 'nik_birth_date'], // month 13
    ['3578014101900000', 'nik_sequence'],
  ])('%s → %s', (nik, code) => {
    expect(parseNik(nik, reference)).toMatchObject({ ok: false, code });
  });

  it('29 Feb 2000 is a real birth date (leap year)', () => {
    expect(parsed('3578012902000001').birthDate).toBe('2000-02-29');
  });

  it('an unknown region is a warning, not a rejection (NIKs issued before a region split)', () => {
    const result = parseNik('9999014101900001', { referenceYear: 2025, isKnownRegion: (code) => code.startsWith('35') });
    expect(result).toMatchObject({ ok: true, warnings: ['region_unknown'] });
    expect(parseNik('3578014101900001', { referenceYear: 2025, isKnownRegion: (code) => code === '357801' })).toMatchObject({ warnings: [] });
  });

  it('rejects an implausible reference year (a programming error)', () => {
    expect(() => parseNik('3578014101900001', { referenceYear: 25 })).toThrow(RangeError);
  });
});

describe('nikBirthDateMismatch', () => {
  it('same day, month and two-digit year agree even across the century guess; other dates differ', () => {
    const nik = parsed('3578014101900001');
    expect(nikBirthDateMismatch(nik, '1990-01-01')).toBe(false);
    expect(nikBirthDateMismatch(nik, '1990-01-02')).toBe(true);
    expect(nikBirthDateMismatch(parsed('3578011203300002'), '2030-03-12')).toBe(false);
  });
});
