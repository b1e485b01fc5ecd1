import { businessDate } from '../../config/env.ts';
import type { Services } from '../../http/context.ts';
import { listCooperatives } from '../cooperatives/cooperatives.repository.ts';
import type { Cooperative } from '../cooperatives/cooperatives.table.ts';
import { furnishingRecords } from './supervision.compliance.ts';
import { shiftPeriod, supervisionSettings, type SupervisionSettings } from './supervision.policy.ts';

export type InactiveReason = 'no_rat' | 'no_furnishing';

export interface InactiveProposal {
  id: number;
  code: string;
  name: string;
  reasons: InactiveReason[];
  lastRatYear: number | null;
  lastPeriod: string | null;
}

export interface DissolutionCandidate {
  id: number;
  code: string;
  name: string;
  inactiveSince: string | null;
  statusReason: string | null;
}

export interface StatusProposals {
  asOf: string;
  settings: SupervisionSettings;
  proposedInactive: InactiveProposal[];
  dissolutionCandidates: DissolutionCandidate[];
}

/** 'YYYY-MM-DD' shifted back by whole months (the day clamped to 28 is close enough for a listing). */
function monthsBefore(date: string, months: number): string {
  return `${shiftPeriod(date.slice(0, 7), -months)}-${date.slice(8, 10) > '28' ? '28' : date.slice(8, 10)}`;
}

function inactiveReasons(c: Cooperative, lastPeriod: string | null, asOf: string, s: SupervisionSettings): InactiveReason[] {
  const reasons: InactiveReason[] = [];
  const year = Number(asOf.slice(0, 4));
  if (c.last_rat_year === null || year - c.last_rat_year >= s.ratYears) reasons.push('no_rat');
  // The last `furnishingMonths` complete months without a file; a newcomer gets that long first.
  const firstChecked = shiftPeriod(asOf.slice(0, 7), -s.furnishingMonths);
  const oldEnough = c.created_at.slice(0, 10) <= monthsBefore(asOf, s.furnishingMonths);
  if (c.registry_participation === 1 && oldEnough && (lastPeriod === null || lastPeriod < firstChecked)) reasons.push('no_furnishing');
  return reasons;
}

/**
 * Proposals for the Dinas to decide, never applied by themselves: active cooperatives
 * without a RAT for `ratYears` or without furnishing for `furnishingMonths` are proposed
 * inactive; cooperatives inactive for `dissolutionMonths` are candidates for dissolution.
 */
export async function statusProposals(services: Services, settings = supervisionSettings()): Promise<StatusProposals> {
  const db = services.db.reader;
  const asOf = businessDate(services.now());
  const [coops, records] = await Promise.all([listCooperatives(db), furnishingRecords(db, shiftPeriod(asOf.slice(0, 7), -1))]);
  const proposedInactive: InactiveProposal[] = [];
  const dissolutionCandidates: DissolutionCandidate[] = [];
  const dissolveBefore = monthsBefore(asOf, settings.dissolutionMonths);
  for (const c of coops) {
    const lastPeriod = records.get(c.id)?.lastPeriod ?? null;
    if (c.activity_status === 'active') {
      const reasons = inactiveReasons(c, lastPeriod, asOf, settings);
      if (reasons.length > 0) proposedInactive.push({ id: c.id, code: c.code, name: c.name, reasons, lastRatYear: c.last_rat_year, lastPeriod });
    } else if (c.status_since !== null && c.status_since <= dissolveBefore) {
      dissolutionCandidates.push({ id: c.id, code: c.code, name: c.name, inactiveSince: c.status_since, statusReason: c.status_reason });
    }
  }
  return { asOf, settings, proposedInactive, dissolutionCandidates };
}
