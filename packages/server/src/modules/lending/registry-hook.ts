import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Services } from '../../http/context.ts';

/**
 * Furnishes one loan to the shared registry after disbursement, settlement or a status
 * change, inside the caller's transaction, so a new loan is visible to other cooperatives
 * the day it is paid out. The registry feed lives in the portfolio module; until it exists
 * this does nothing and close of day's monthly furnishing is the only path.
 */
export async function furnishToRegistry(_trx: Kysely<Database>, _services: Services, _cooperativeId: number, _loanId: number): Promise<void> {
  // Wired to modules/portfolio/registry-feed.ts once it exists.
}
