import type { ClassificationPolicy } from '@simpul/domain';
import { REGISTRY_POLICY } from '../registry/registry.policy.ts';

/** District figures classify every registry account by the one registry-wide policy. */
export { REGISTRY_POLICY };

/** The Dinas's NPL line: 5 % gross (Kemenkop health band "Sehat"). */
export const NPL_LIMIT_PERCENT = 5;

const FREQUENCY_KEYS = ['monthly', 'fortnightly', 'weekly', 'daily'] as const;

/**
 * DPD cut points: every class boundary of the policy, for every frequency, plus 30 and 90
 * (PAR30 and PAR90). Accounts grouped between two consecutive cuts all classify alike and
 * fall on the same side of the PAR lines, so SQL can group by band and the domain's ratio
 * arithmetic gives the same figures as it would account by account.
 */
export function dpdCuts(policy: ClassificationPolicy = REGISTRY_POLICY): number[] {
  const cuts = new Set<number>([30, 90]);
  for (const item of policy.classes) {
    if (!item.maxDpd) continue;
    for (const f of FREQUENCY_KEYS) cuts.add(item.maxDpd[f] ?? item.maxDpd.monthly);
  }
  return [...cuts].sort((a, b) => a - b);
}

/** Whether the policy's DPD bands differ by repayment frequency (OJK's do not). */
export function policyUsesFrequency(policy: ClassificationPolicy = REGISTRY_POLICY): boolean {
  return policy.classes.some((c) => c.maxDpd !== null && FREQUENCY_KEYS.some((f) => (c.maxDpd?.[f] ?? c.maxDpd?.monthly) !== c.maxDpd?.monthly));
}

/** When a cooperative is proposed inactive, and when an inactive one may be dissolved. */
export interface SupervisionSettings {
  /** Years without a RAT before an inactive proposal (DOMAIN: configurable, default 2). */
  ratYears: number;
  /** Months without furnishing before an inactive proposal (default 3). */
  furnishingMonths: number;
  /** Months inactive before it is listed as a candidate for dissolution (default 24). */
  dissolutionMonths: number;
}

function positiveInt(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export function supervisionSettings(env: NodeJS.ProcessEnv = process.env): SupervisionSettings {
  return {
    ratYears: positiveInt(env.SIMPUL_SUPERVISION_RAT_YEARS, 2),
    furnishingMonths: positiveInt(env.SIMPUL_SUPERVISION_FURNISHING_MONTHS, 3),
    dissolutionMonths: positiveInt(env.SIMPUL_SUPERVISION_DISSOLUTION_MONTHS, 24),
  };
}

/** 'YYYY-MM' shifted by `months` (negative: earlier). */
export function shiftPeriod(period: string, months: number): string {
  const index = Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1 + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
