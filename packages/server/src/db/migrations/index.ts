import type { Migration } from 'kysely';
import type { Dialect } from '../database.ts';
import { foundation } from './0001-foundation.ts';
import { registry } from './0003-registry.ts';
import { workspace } from './0004-workspace.ts';
import { members } from './0005-members.ts';
import { portfolio } from './0007-portfolio.ts';
import { inquiry } from './0008-inquiry.ts';
import { supervision } from './0009-supervision.ts';
import { recovery } from './0010-recovery.ts';
import { supervisionIndexes } from './0010-supervision-indexes.ts';
import { supervisionRemoved } from './0010-supervision-removed.ts';
import { loanBasis } from './0011-loan-basis.ts';
import { supervisionSummary } from './0012-supervision-summary.ts';
import { loanNumbers } from './0013-loan-numbers.ts';
import { closeOfDayLease } from './0013-runs-lease.ts';
import { closeOfDayCandidates } from './0014-close-of-day-candidates.ts';
import { snapshotsByDate } from './0015-snapshots-by-date.ts';
import { snapshotsUnchecked } from './0016-snapshots-unchecked.ts';

/**
 * Every migration, in order. Names sort lexically; add new ones at the end with the next
 * number. Each is a function of the dialect so one file serves SQLite and PostgreSQL.
 */
export const migrations: Record<string, (dialect: Dialect) => Migration> = {
  '0001-foundation': foundation,
  '0003-registry': registry,
  '0004-workspace': workspace,
  '0005-members': members,
  '0007-portfolio': portfolio,
  '0008-inquiry': inquiry,
  '0009-supervision': supervision,
  '0010-recovery': recovery,
  '0010-supervision-indexes': supervisionIndexes,
  '0010-supervision-removed': supervisionRemoved,
  '0011-loan-basis': loanBasis,
  '0012-supervision-summary': supervisionSummary,
  '0013-loan-numbers': loanNumbers,
  // Named to sort after 0013-loan-numbers, which may already be applied.
  '0013-runs-lease': closeOfDayLease,
  '0014-close-of-day-candidates': closeOfDayCandidates,
  '0015-snapshots-by-date': snapshotsByDate,
  '0016-snapshots-unchecked': snapshotsUnchecked,
};
