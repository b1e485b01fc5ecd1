import { nikBirthDateMismatch, parseNik } from '@simpul/domain';
import { AppError } from '../../http/errors.ts';
import type { MessageCode } from '../../http/messages.ts';
import { isKnownDistrict } from '../reference/regions.ts';

/** A NIK that parsed, with the facts coded in it and what the officer should double-check. */
export interface CheckedNik {
  nik: string;
  birthDate: string;
  sex: 'M' | 'F';
  warnings: MessageCode[];
}

/**
 * Validates a member's NIK with the domain parser. A malformed NIK is a 400 naming the
 * `nik` field; an unknown region (codes from before a region split), an age under 17, a
 * declared birth date that differs from the NIK's, or an unknown address kecamatan are
 * warnings only — the NIK's own birth date is sometimes wrong, and old codes stay valid.
 *
 * @example checkMemberNik('3316014101900001', undefined, '2026-11-02').birthDate // '1990-01-01'
 */
export function checkMemberNik(input: string, declaredBirthDate: string | undefined, today: string): CheckedNik {
  const parsed = parseNik(input, { referenceYear: Number(today.slice(0, 4)), isKnownRegion: isKnownDistrict });
  if (!parsed.ok) throw new AppError(400, parsed.code, {}, [{ path: 'nik', code: parsed.code }]);
  const warnings: MessageCode[] = [];
  if (parsed.warnings.includes('region_unknown')) warnings.push('nik_region_unknown');
  if (parsed.warnings.includes('possibly_minor')) warnings.push('member_possibly_minor');
  if (declaredBirthDate !== undefined && nikBirthDateMismatch(parsed, declaredBirthDate)) warnings.push('birth_date_differs_from_nik');
  return { nik: parsed.nik, birthDate: parsed.birthDate, sex: parsed.sex === 'female' ? 'F' : 'M', warnings };
}

/** An address kecamatan outside Kemendagri's current list is worth a look, not a refusal. */
export function kecamatanWarnings(code: string | null | undefined): MessageCode[] {
  return code && !isKnownDistrict(code) ? ['member_kecamatan_unknown'] : [];
}
