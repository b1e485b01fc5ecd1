import fs from 'node:fs';
import { Command } from 'commander';
import { formatMoney } from '@simpul/domain';
import { translate } from '../http/messages.ts';
import { findCooperativeByCode } from '../modules/cooperatives/cooperatives.repository.ts';
import { reportPdf } from '../modules/inquiry/inquiry.pdf.ts';
import { inquire, type InquiryResponse } from '../modules/inquiry/inquiry.service.ts';
import { table, withInstance } from './context.ts';
import { UsageError } from './errors.ts';

interface InquireOptions {
  cooperative: string; nik: string; name: string; birthDate: string; purpose?: string; consentRef?: string;
  income?: string; instalment?: string; json?: boolean; pdf?: string;
}

function amount(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`--${name}: "${value}" must be whole rupiah, e.g. 5000000`);
  return Number(value);
}

function text(r: InquiryResponse): string {
  const rp = (v: number) => formatMoney(v, 0);
  const s = r.summary;
  const lines = [
    `Pemeriksaan ${r.inquiryId} (${r.purpose}) · identitas: ${r.identityMatch} · skor ${r.score.value} (${r.score.grade})`,
    ...r.score.reasons.map((x) => `  - ${x.message}`),
    `Rekening aktif ${s.activeAccounts} · baki debet ${rp(s.totalOutstanding)} · angsuran/bulan ${rp(s.monthlyInstalments)} · kolektibilitas terburuk ${s.worstClassNow ?? '-'} (24 bln: ${s.worstClass24Months ?? '-'})`,
  ];
  if (r.debtService) lines.push(`Rasio angsuran/penghasilan: ${(r.debtService.ratio * 100).toFixed(1).replace('.', ',')}%`);
  if (r.accounts.length > 0) {
    lines.push(table([
      ['Koperasi', 'Rekening', 'Baki debet', 'DPD', 'Kol', 'Status', 'Riwayat 24 bln (terbaru kiri)'],
      ...r.accounts.map((a) => [a.cooperative.code, a.accountRef, rp(a.outstanding), String(a.daysPastDue), a.class ?? '-', a.disputed ? `${a.status} (sengketa)` : a.status, a.history]),
    ]));
  }
  for (const i of r.inquiries ?? []) lines.push(`  diperiksa ${i.at} oleh ${i.cooperative?.code ?? 'Dinas'} untuk ${i.purpose}`);
  return lines.join('\n');
}

export function inquireCommand(): Command {
  return new Command('inquire')
    .description('Inquire the shared registry about a person (purpose and consent required): the credit report')
    .requiredOption('--cooperative <code>', 'the inquiring cooperative')
    .requiredOption('--nik <NIK>', "the applicant's 16-digit NIK")
    .requiredOption('--name <full name>', 'full name as on the ID card')
    .requiredOption('--birth-date <YYYY-MM-DD>', 'birth date')
    .option('--purpose <purpose>', 'new_loan, account_review, restructuring, own_request or dispute (required)')
    .option('--consent-ref <text>', "the signed consent form's number (required)")
    .option('--income <amount>', 'monthly net income in rupiah, for the debt-service ratio')
    .option('--instalment <amount>', "the requested loan's monthly instalment in rupiah")
    .option('--json', 'print the report as JSON (amounts in minor units)')
    .option('--pdf <file>', 'also write the printable PDF report to this file')
    .action(async (o: InquireOptions, cmd: Command) => {
      const income = amount('income', o.income);
      const requestedInstalment = amount('instalment', o.instalment);
      await withInstance(cmd, async (services) => {
        const coop = await findCooperativeByCode(services.db.db, o.cooperative);
        if (!coop) throw new UsageError(translate('unknown_cooperative', 'en', { code: o.cooperative }));
        const report = await inquire(services, { actor: null, cooperativeId: coop.id }, {
          nik: o.nik, fullName: o.name, birthDate: o.birthDate, purpose: o.purpose, consentRef: o.consentRef, income, requestedInstalment,
        }, 'id');
        if (o.pdf) fs.writeFileSync(o.pdf, await reportPdf(report, 'id'));
        process.stdout.write(o.json ? `${JSON.stringify(report)}\n` : `${text(report)}\n`);
      });
    });
}
