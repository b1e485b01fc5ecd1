import type { Actor, Services } from '../../http/context.ts';
import type { Tabular } from '../supervision/tabular.ts';
import { tenantOf } from './recovery.access.ts';
import { today } from './recovery.cases.ts';
import { CAUSE_CODES, CAUSES, promiseStatus } from './recovery.rules.ts';

/** The four recovery reports of a cooperative. */
export interface RecoveryReports {
  causes: { code: string; label: string; cases: number }[];
  funnel: { stage: 'opened' | 'negotiated' | 'promised' | 'cured' | 'restructured' | 'written_off' | 'forgiven'; cases: number }[];
  promises: { made: number; kept: number; broken: number; pending: number; keepRate: number | null };
  recoveries: { writtenOff: number; recovered: number; forgiven: number; recoveryRate: number | null };
}

/**
 * Causes breakdown (cases per cause), the resolution funnel (cases opened → negotiated →
 * with a promise → each ending), promise keep rate (kept ÷ decided) and recovery rate on
 * written-off loans (recovered ÷ written off).
 */
export async function recoveryReports(services: Services, actor: Actor): Promise<RecoveryReports> {
  const db = services.db.db;
  const coop = tenantOf(actor);
  const cases = await db.selectFrom('recovery_cases').select(['id', 'status', 'loan_id']).where('cooperative_id', '=', coop).execute();
  const causes = await db.selectFrom('recovery_causes').select(['case_id', 'code']).where('cooperative_id', '=', coop).execute();
  const negotiated = new Set((await db.selectFrom('recovery_negotiations').select('case_id').where('cooperative_id', '=', coop).execute()).map((r) => r.case_id));
  const promises = await db.selectFrom('recovery_promises').selectAll().where('cooperative_id', '=', coop).execute();
  const loanIds = [...new Set(promises.map((p) => p.loan_id))];
  const repayments = loanIds.length === 0 ? [] : await db.selectFrom('repayments').select(['loan_id', 'paid_on', 'amount', 'reversed_at']).where('cooperative_id', '=', coop).where('loan_id', 'in', loanIds).execute();
  const now = today(services);
  const statuses = promises.map((p) => promiseStatus(p, repayments.filter((r) => r.loan_id === p.loan_id), now).status);
  const count = (s: string) => statuses.filter((x) => x === s).length;
  const kept = count('kept');
  const broken = count('broken');
  const sum = async (table: 'recovery_receipts' | 'recovery_forgiveness') =>
    (await db.selectFrom(table).select('amount').where('cooperative_id', '=', coop).execute()).reduce((s, r) => s + Number(r.amount), 0);
  const writtenOff = (await db.selectFrom('recovery_write_offs').select('written_off_amount').where('cooperative_id', '=', coop).where('status', '=', 'executed').execute())
    .reduce((s, r) => s + Number(r.written_off_amount ?? 0), 0);
  const recovered = await sum('recovery_receipts');
  const promised = new Set(promises.map((p) => p.case_id));
  const ended = (s: string) => cases.filter((c) => c.status === s || (s === 'written_off' && c.status === 'forgiven')).length;
  return {
    causes: CAUSE_CODES.map((code) => ({ code, label: CAUSES[code].id, cases: new Set(causes.filter((c) => c.code === code).map((c) => c.case_id)).size })),
    funnel: [
      { stage: 'opened', cases: cases.length }, { stage: 'negotiated', cases: cases.filter((c) => negotiated.has(c.id)).length },
      { stage: 'promised', cases: cases.filter((c) => promised.has(c.id)).length }, { stage: 'cured', cases: ended('cured') },
      { stage: 'restructured', cases: ended('restructured') }, { stage: 'written_off', cases: ended('written_off') }, { stage: 'forgiven', cases: ended('forgiven') },
    ],
    promises: { made: promises.length, kept, broken, pending: count('pending'), keepRate: kept + broken === 0 ? null : kept / (kept + broken) },
    recoveries: { writtenOff, recovered, forgiven: await sum('recovery_forgiveness'), recoveryRate: writtenOff === 0 ? null : recovered / writtenOff },
  };
}

export const REPORT_NAMES = ['causes', 'funnel', 'promises', 'recoveries'] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

/** One report as a table for the CSV/XLSX export (Indonesian headers). */
export function reportTable(r: RecoveryReports, name: ReportName): Tabular {
  switch (name) {
    case 'causes':
      return { name: 'sebab-kredit-bermasalah', headers: ['kode', 'sebab', 'jumlah_kasus'], rows: r.causes.map((c) => [c.code, c.label, c.cases]) };
    case 'funnel':
      return { name: 'corong-penyelesaian', headers: ['tahap', 'jumlah_kasus'], rows: r.funnel.map((f) => [f.stage, f.cases]) };
    case 'promises':
      return { name: 'janji-bayar', headers: ['dibuat', 'ditepati', 'diingkari', 'menunggu', 'tingkat_ditepati'], rows: [[r.promises.made, r.promises.kept, r.promises.broken, r.promises.pending, r.promises.keepRate]] };
    case 'recoveries':
      return { name: 'pemulihan-hapus-buku', headers: ['dihapus_buku', 'dipulihkan', 'dihapus_tagih', 'tingkat_pemulihan'], rows: [[r.recoveries.writtenOff, r.recoveries.recovered, r.recoveries.forgiven, r.recoveries.recoveryRate]] };
  }
}
