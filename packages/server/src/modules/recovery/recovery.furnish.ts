import type { Actor, Services } from '../../http/context.ts';
import { furnishLoanNow } from '../portfolio/registry-feed.ts';

/**
 * Tells the registry about a loan whose status changed, after the decision has committed.
 * The decision stands even if the registry write fails (close of day furnishes every loan
 * again), so a failure is logged, not thrown.
 */
export async function furnishAfterCommit(services: Services, loanId: number, actor: Actor): Promise<void> {
  try {
    await furnishLoanNow(services, loanId, actor);
  } catch (error) {
    services.logger.warn({ err: error, loanId }, 'recovery: registry furnishing failed; close of day will retry');
  }
}
