import type { AuditLogTable } from '../modules/audit/audit.table.ts';
import type { CooperativesTable } from '../modules/cooperatives/cooperatives.table.ts';
import type { ApiKeysTable, SessionsTable, UsersTable } from '../modules/identity/identity.table.ts';

/** Every table Simpul owns, for Kysely's typed queries. Modules add theirs here. */
export interface Database {
  cooperatives: CooperativesTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  audit_log: AuditLogTable;
}
