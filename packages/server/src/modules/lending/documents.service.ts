import type { Actor, Services } from '../../http/context.ts';
import { conflict, notFound } from '../../http/errors.ts';
import { findCooperativeById } from '../cooperatives/cooperatives.repository.ts';
import { loanDetail } from './loans.read.service.ts';
import type { LoanDetail } from './loans.schemas.ts';
import { fields, heading, renderPdf, rupiah, signatures, table, type Pdf } from './pdf.ts';

const METHOD = { flat: 'flat (tetap)', effective: 'efektif (menurun)', annuity: 'anuitas' } as const;
const FREQUENCY = { daily: 'harian', weekly: 'mingguan', fortnightly: 'dua mingguan', monthly: 'bulanan' } as const;
const PERIOD = { month: 'per bulan', year: 'per tahun' } as const;
const CHANNEL = { cash: 'Tunai', transfer: 'Transfer' } as const;

async function cooperativeName(services: Services, actor: Actor): Promise<string> {
  const coop = actor.cooperativeId === null ? undefined : await findCooperativeById(services.db.db, actor.cooperativeId);
  if (!coop) throw notFound();
  return coop.name;
}

function termsBlock(doc: Pdf, d: LoanDetail): void {
  const l = d.loan;
  fields(doc, [
    ['Nomor pinjaman', l.loanNo],
    ['Anggota', `${l.member.fullName} (No. ${l.member.memberNo})`],
    ['Produk', `${l.product.name} (${l.product.code})`],
    ['Plafon', rupiah(l.amount)],
    ['Jangka waktu', `${l.tenor} angsuran ${FREQUENCY[l.frequency]}`],
    ['Bunga', `${l.ratePercent.toLocaleString('id-ID')}% ${PERIOD[l.ratePeriod]}, metode ${METHOD[l.method]}`],
    ['Angsuran', l.installmentAmount === null ? '-' : rupiah(l.installmentAmount)],
    ['Tanggal pencairan', l.disbursedOn ?? '-'],
    ['Jatuh tempo akhir', l.maturityOn ?? '-'],
    ['Tujuan', l.purpose],
    ['Agunan', l.collateral.length === 0 ? '-' : l.collateral.map((c) => `${c.type} ${rupiah(c.value)}`).join('; ')],
    ['Persetujuan cek registri', l.consentRef ?? '-'],
  ]);
}

/** The loan agreement summary with its schedule, in Indonesian, for signing at disbursement. */
export async function agreementPdf(services: Services, actor: Actor, loanId: number): Promise<{ file: Buffer; name: string }> {
  const d = await loanDetail(services, actor, loanId);
  if (d.installments.length === 0) throw conflict('loan_wrong_status', { status: d.loan.status });
  const coop = await cooperativeName(services, actor);
  const rows = d.installments.map((r) => [String(r.n), r.dueDate, rupiah(r.principal), rupiah(r.interest), rupiah(r.total), rupiah(r.balance)]);
  const sum = (k: 'principal' | 'interest' | 'total') => d.installments.reduce((s, r) => s + r[k], 0);
  rows.push(['', 'Jumlah', rupiah(sum('principal')), rupiah(sum('interest')), rupiah(sum('total')), '']);
  const file = await renderPdf(`Ringkasan perjanjian ${d.loan.loanNo}`, (doc) => {
    heading(doc, 'RINGKASAN PERJANJIAN PINJAMAN', coop);
    termsBlock(doc, d);
    doc.font('Helvetica-Bold').fontSize(11).text('Jadwal angsuran').moveDown(0.4);
    table(doc, ['Ke', 'Jatuh tempo', 'Pokok', 'Bunga', 'Angsuran', 'Sisa pokok'], [30, 85, 95, 85, 100, 100], rows, 2);
    doc.font('Helvetica').fontSize(9).text('Keterlambatan dikenakan denda sesuai ketentuan produk. Data pinjaman ini dilaporkan ke registri kredit bersama sesuai persetujuan anggota.', { width: 495 }).moveDown(1);
    signatures(doc, 'Anggota', `Pengurus ${coop}`);
  });
  return { file, name: `perjanjian-${d.loan.loanNo}.pdf` };
}

/** A payment receipt (kuitansi): amount, where it went, the balance left; a reversed one is marked. */
export async function receiptPdf(services: Services, actor: Actor, loanId: number, repaymentId: number): Promise<{ file: Buffer; name: string }> {
  const d = await loanDetail(services, actor, loanId);
  const r = d.repayments.find((x) => x.id === repaymentId);
  if (!r) throw notFound();
  const coop = await cooperativeName(services, actor);
  const file = await renderPdf(`Kuitansi ${r.receiptNo}`, (doc) => {
    heading(doc, 'KUITANSI PEMBAYARAN ANGSURAN', coop);
    if (r.reversedAt) doc.font('Helvetica-Bold').fontSize(12).fillColor('#b00020').text(`DIBATALKAN: ${r.reversalReason ?? ''}`, { align: 'center' }).fillColor('black').moveDown(0.8);
    fields(doc, [
      ['Nomor kuitansi', r.receiptNo],
      ['Tanggal bayar', r.paidOn],
      ['Nomor pinjaman', d.loan.loanNo],
      ['Anggota', `${d.loan.member.fullName} (No. ${d.loan.member.memberNo})`],
      ['Jumlah dibayar', rupiah(r.amount)],
      ['Cara bayar', CHANNEL[r.channel]],
      ...(r.allocation ? ([['Untuk denda', rupiah(r.allocation.penalty)], ['Untuk bunga', rupiah(r.allocation.interest)], ['Untuk pokok', rupiah(r.allocation.principal)]] as [string, string][]) : []),
      ['Sisa pokok per ' + d.businessDate, rupiah(d.loan.state.outstandingPrincipal)],
      ['Diterima oleh', r.createdBy?.name ?? '-'],
    ]);
    signatures(doc, 'Penyetor', 'Petugas');
  });
  return { file, name: `kuitansi-${r.receiptNo}.pdf` };
}
