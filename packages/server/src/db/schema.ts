import type { AuditLogTable } from '../modules/audit/audit.table.ts';
import type { CooperativeStatusHistoryTable, CooperativesTable } from '../modules/cooperatives/cooperatives.table.ts';
import type { CloseOfDayRunsTable, LoanNumberCountersTable, LoanProductsTable, LoanSnapshotsTable, LoansTable, RepaymentsTable } from '../modules/lending/lending.table.ts';
import type { InquiriesTable, RegistryAccountsInquiryColumns, RegistryAlertsTable, RegistryDisputesTable } from '../modules/inquiry/inquiry.table.ts';
import type { MembersTable } from '../modules/members/members.table.ts';
import type {
  LoanSchedulesTable, RecoveryCasesTable, RecoveryCausesTable, RecoveryForgivenessTable, RecoveryNegotiationsTable, RecoveryPromisesTable,
  RecoveryReceiptsTable, RecoveryRestructuringsTable, RecoverySettingsTable, RecoveryWriteOffsTable,
} from '../modules/recovery/recovery.table.ts';
import type { SavingsTransactionsTable } from '../modules/savings/savings.table.ts';
import type { ApiKeysTable, SessionsTable, UsersTable } from '../modules/identity/identity.table.ts';
import type {
  RegistryAccountsTable,
  RegistryBatchIssuesTable,
  RegistryBatchesTable,
  RegistryHistoryTable,
  RegistryHistoryVersionsTable,
} from '../modules/registry/registry.table.ts';
import type { SupervisionMonthlySummaryTable } from '../modules/supervision/supervision.table.ts';

/** Every table Simpul owns, for Kysely's typed queries. Modules add theirs here. */
export interface Database {
  cooperatives: CooperativesTable;
  cooperative_status_history: CooperativeStatusHistoryTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  audit_log: AuditLogTable;
  registry_accounts: RegistryAccountsTable & RegistryAccountsInquiryColumns;
  registry_history: RegistryHistoryTable;
  registry_history_versions: RegistryHistoryVersionsTable;
  registry_batches: RegistryBatchesTable;
  registry_batch_issues: RegistryBatchIssuesTable;
  inquiries: InquiriesTable;
  registry_alerts: RegistryAlertsTable;
  registry_disputes: RegistryDisputesTable;
  members: MembersTable;
  savings_transactions: SavingsTransactionsTable;
  loan_products: LoanProductsTable;
  loans: LoansTable;
  repayments: RepaymentsTable;
  loan_snapshots: LoanSnapshotsTable;
  close_of_day_runs: CloseOfDayRunsTable;
  loan_number_counters: LoanNumberCountersTable;
  recovery_settings: RecoverySettingsTable;
  recovery_cases: RecoveryCasesTable;
  recovery_causes: RecoveryCausesTable;
  recovery_negotiations: RecoveryNegotiationsTable;
  recovery_promises: RecoveryPromisesTable;
  recovery_restructurings: RecoveryRestructuringsTable;
  loan_schedules: LoanSchedulesTable;
  recovery_write_offs: RecoveryWriteOffsTable;
  recovery_receipts: RecoveryReceiptsTable;
  recovery_forgiveness: RecoveryForgivenessTable;
  supervision_monthly_summary: SupervisionMonthlySummaryTable;
}
