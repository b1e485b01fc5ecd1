import PDFDocument from 'pdfkit';
import { formatMoney } from '@simpul/domain';
import type { Lang } from '../../http/messages.ts';
import type { InquiryResponse } from './inquiry.service.ts';

const LABELS = {
  id: {
    title: 'Laporan Kredit Registri Simpul', own: 'Laporan Kredit Pribadi (permintaan anggota)', inquiry: 'No. pemeriksaan', purpose: 'Tujuan',
    identity: 'Kecocokan identitas', score: 'Skor', grade: 'Peringkat', summary: 'Ringkasan', active: 'Rekening aktif', outstanding: 'Total baki debet',
    monthly: 'Angsuran per bulan', worstNow: 'Kolektibilitas terburuk saat ini', worst24: 'Kolektibilitas terburuk 24 bulan', accounts: 'Rekening',
    history: 'Riwayat 24 bulan (terbaru di kiri)', disputed: 'DISENGKETAKAN', who: 'Siapa yang memeriksa data saya', rights: 'Hak Anda', reasons: 'Alasan skor',
    dsr: 'Rasio angsuran terhadap penghasilan', none: 'Tidak ada',
  },
  en: {
    title: 'Simpul Registry Credit Report', own: "Member's own credit report", inquiry: 'Inquiry no.', purpose: 'Purpose',
    identity: 'Identity match', score: 'Score', grade: 'Grade', summary: 'Summary', active: 'Active accounts', outstanding: 'Total outstanding',
    monthly: 'Instalments per month', worstNow: 'Worst class now', worst24: 'Worst class in 24 months', accounts: 'Accounts',
    history: '24-month history (newest on the left)', disputed: 'DISPUTED', who: 'Who looked at my data', rights: 'Your rights', reasons: 'Score reasons',
    dsr: 'Debt-service ratio', none: 'None',
  },
} as const;

/** The report as a printable A4 PDF, in the reader's language. */
export function reportPdf(report: InquiryResponse, lang: Lang): Promise<Buffer> {
  const t = LABELS[lang];
  const rp = (v: number) => formatMoney(v, 0);
  const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: t.title } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.fontSize(16).text(report.purpose === 'own_request' ? t.own : t.title);
  doc.fontSize(9).text(`${t.inquiry} ${report.inquiryId} · ${t.purpose}: ${report.purpose} · ${report.generatedAt}`).moveDown();
  doc.fontSize(11).text(`${t.identity}: ${report.identityMatch}`);
  doc.text(`${t.score}: ${report.score.value} · ${t.grade}: ${report.score.grade}`);
  for (const r of report.score.reasons) doc.fontSize(9).text(`• ${r.message}`);
  const s = report.summary;
  doc.moveDown().fontSize(12).text(t.summary).fontSize(9);
  doc.text(`${t.active}: ${s.activeAccounts} · ${t.outstanding}: ${rp(s.totalOutstanding)} · ${t.monthly}: ${rp(s.monthlyInstalments)}`);
  doc.text(`${t.worstNow}: ${s.worstClassNow ?? '—'} · ${t.worst24}: ${s.worstClass24Months ?? '—'}`);
  if (report.debtService) doc.text(`${t.dsr}: ${(report.debtService.ratio * 100).toFixed(1)}%`);
  doc.moveDown().fontSize(12).text(t.accounts).fontSize(9);
  if (report.accounts.length === 0) doc.text(t.none);
  for (const a of report.accounts) {
    doc.moveDown(0.5).text(`${a.cooperative.name} (${a.cooperative.code}) · ${a.accountRef} · ${a.product ?? ''} · ${a.openedOn}${a.disputed ? ` · ${t.disputed}` : ''}`);
    doc.text(`${rp(a.originalAmount)} → ${rp(a.outstanding)} · ${a.daysPastDue} DPD · ${a.class ?? '—'} · ${a.status} · ${a.lastPeriod}`);
    doc.font('Courier').text(`${t.history}: ${a.history}`).font('Helvetica');
  }
  if (report.inquiries) {
    doc.moveDown().fontSize(12).text(t.who).fontSize(9);
    if (report.inquiries.length === 0) doc.text(t.none);
    for (const i of report.inquiries) doc.text(`${i.at.slice(0, 16).replace('T', ' ')} · ${i.cooperative ? `${i.cooperative.name} (${i.cooperative.code})` : 'Dinas'} · ${i.purpose}`);
  }
  if (report.rights) {
    doc.moveDown().fontSize(12).text(t.rights).fontSize(9);
    for (const line of report.rights) doc.text(`• ${line}`);
  }
  doc.end();
  return done;
}
