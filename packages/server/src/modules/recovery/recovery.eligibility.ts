import type { MessageCode } from '../../http/messages.ts';
import type { RecoveryState } from './recovery.state.ts';

/** What a write-off proposal was checked against, kept with it. */
export interface Eligibility {
  classCode: string;
  worstClassCode: string;
  outstanding: number;
  allowance: number;
  attempts: number;
  requiredAttempts: number;
  eligible: boolean;
  refusal: { code: MessageCode; params: Record<string, unknown> } | null;
}

/**
 * Hapus buku needs: the worst class of the loan's preset (Macet), an allowance that covers
 * the whole outstanding principal (collateral deducted from the allowance base leaves a gap:
 * refused), and at least `requiredAttempts` documented collection attempts (negotiation
 * records). The first failing condition is the refusal.
 */
export function writeOffEligibility(state: RecoveryState, attempts: number, requiredAttempts: number): Eligibility {
  const outstanding = state.columns.outstanding_principal;
  const allowance = state.columns.allowance;
  const base = { classCode: state.loanClass.code, worstClassCode: state.worstClass.code, outstanding, allowance, attempts, requiredAttempts };
  let refusal: Eligibility['refusal'] = null;
  if (state.loanClass.class !== state.worstClass.class) refusal = { code: 'write_off_not_macet', params: { classCode: state.loanClass.code } };
  else if (allowance < outstanding) refusal = { code: 'write_off_allowance_incomplete', params: { allowance, outstanding } };
  else if (attempts < requiredAttempts) refusal = { code: 'write_off_attempts_missing', params: { attempts, required: requiredAttempts } };
  return { ...base, eligible: refusal === null, refusal };
}
