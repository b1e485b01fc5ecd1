import type { Actor, Services } from '../../http/context.ts';
import { furnishLoanNow } from '../portfolio/registry-feed.ts';

/**
 * Furnishes one loan to the shared registry after disbursement, settlement or a status
 * change, so a new loan is visible to other cooperatives the day it is paid out. Call it
 * after the loan's transaction committed (the registry write opens its own). A failure is
 * logged, not thrown: the loan change stands, and close of day furnishes the loan again.
 */
export async function furnishToRegistry(services: Services, actor: Actor, loanId: number): Promise<void> {
  try {
    const result = await furnishLoanNow(services, loanId, actor);
    if (result && result.rejected > 0) services.logger.warn({ loanId, errors: result.issues.map((e) => e.code) }, 'registry refused a workspace loan');
  } catch (err) {
    services.logger.error({ err, loanId }, 'registry feed of a workspace loan failed');
  }
}
