import type { Actor, Services } from '../../http/context.ts';
import { conflict, notFound } from '../../http/errors.ts';
import { findCooperativeById } from '../cooperatives/cooperatives.repository.ts';
import { fields, heading, renderPdf, rupiah, signatures, table, type Pdf } from '../lending/pdf.ts';
import { tenantOf } from './recovery.access.ts';
import { CAUSES, type CauseCode } from './recovery.rules.ts';
import type { CaseDetail } from './recovery.schemas.ts';
import { caseDetail } from './recovery.view.ts';

export const DOCUMENT_KINDS = ['berita-acara', 'restructuring', 'write-off', 'forgiveness'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

const ROLE = { officer: 'petugas', member: 'anggota', spouse: 'suami/istri', family: 'keluarga', guarantor: 'penjamin', other: 'lainnya' } as const;
const FLAG = { outside_hours: 'di luar Senin–Sabtu 08.00–20.00', third_party: 'tidak hanya dengan anggota' } as const;
const KIND = { rescheduling: 'penjadwalan kembali', reconditioning: 'persyaratan kembali', restructuring: 'penataan kembali' } as const;

function loanBlock(doc: Pdf, d: CaseDetail): void {
  fields(doc, [
    ['Nomor pinjaman', d.loan.loanNo],
    ['Anggota', `${d.member.fullName} (No. ${d.member.memberNo})`],
    ['Plafon awal', rupiah(d.loan.amount)],
    ['Tanggal pencairan', d.loan.disbursedOn ?? '-'],
    ...(d.state ? ([['Sisa pokok', rupiah(d.state.outstanding)], ['Tunggakan / denda', `${rupiah(d.state.arrears)} / ${rupiah(d.state.penaltyDue)}`],
      ['Hari tunggakan / kolektibilitas', `${d.state.daysPastDue} hari / ${d.state.className}`]] as [string, string][]) : []),
    ['Sebab', d.causes.length === 0 ? '-' : d.causes.map((c) => CAUSES[c.code as CauseCode]?.id ?? c.code).join('; ')],
  ]);
}

function beritaAcara(doc: Pdf, d: CaseDetail, id: number | undefined): void {
  const n = d.negotiations.find((x) => x.id === id);
  if (!n) throw notFound();
  heading(doc, 'BERITA ACARA NEGOSIASI PENYELESAIAN PINJAMAN', `Kasus ${d.case.id} — ${n.metOn} pukul ${n.metTime}`);
  loanBlock(doc, d);
  fields(doc, [
    ['Tempat', n.place],
    ['Yang hadir', n.attendees.map((a) => `${a.name} (${ROLE[a.role as keyof typeof ROLE] ?? a.role})`).join(', ')],
    ['Etika penagihan', n.conductFlags.length === 0 ? 'sesuai' : `perlu perhatian: ${n.conductFlags.map((f) => FLAG[f as keyof typeof FLAG] ?? f).join(', ')}`],
  ]);
  doc.font('Helvetica-Bold').text('Keadaan anggota (dengan kata-katanya sendiri)').font('Helvetica').text(n.situation, { width: 495 }).moveDown(0.6);
  doc.font('Helvetica-Bold').text('Hasil').font('Helvetica').text(n.outcome, { width: 495 }).moveDown(0.6);
  const promises = d.promises.filter((p) => p.madeOn === n.metOn);
  if (promises.length > 0) doc.text(`Janji bayar: ${promises.map((p) => `${rupiah(p.amount)} paling lambat ${p.dueOn}`).join('; ')}`).moveDown(0.6);
  signatures(doc, 'Anggota', 'Petugas koperasi');
}

function agreement(doc: Pdf, d: CaseDetail, id: number | undefined): void {
  const r = d.restructurings.find((x) => x.id === id && x.status === 'executed');
  if (!r) throw notFound();
  heading(doc, 'PERJANJIAN RESTRUKTURISASI PINJAMAN', `Dilaksanakan ${r.executedOn ?? '-'}`);
  loanBlock(doc, d);
  fields(doc, [
    ['Bentuk', r.kinds.map((k) => KIND[k as keyof typeof KIND] ?? k).join(', ')],
    ['Pokok baru', rupiah(r.newPrincipal ?? 0)],
    ['Jangka waktu baru', `${r.newTenor ?? 0} angsuran`],
    ['Alasan', r.reason],
    ['Diusulkan oleh', r.proposedBy?.name ?? '-'],
    ['Disetujui oleh', r.decidedBy?.name ?? '-'],
  ]);
  doc.font('Helvetica').fontSize(9).text('Pinjaman ini dilaporkan ke registri bersama sebagai pinjaman yang direstrukturisasi. Jadwal lama tetap disimpan.', { width: 495 }).moveDown(1);
  signatures(doc, 'Anggota', 'Pengurus koperasi');
}

function writeOffDecision(doc: Pdf, d: CaseDetail, id: number | undefined): void {
  const w = d.writeOffs.find((x) => x.id === id && x.status === 'executed');
  if (!w) throw notFound();
  heading(doc, 'KEPUTUSAN HAPUS BUKU PINJAMAN', `Tanggal ${w.writtenOffOn ?? '-'}`);
  loanBlock(doc, d);
  const e = w.eligibility;
  table(doc, ['Syarat', 'Nilai', 'Terpenuhi'], [220, 170, 100], [
    ['Kolektibilitas', `${e.classCode} (wajib ${e.worstClassCode})`, e.classCode === e.worstClassCode ? 'ya' : 'tidak'],
    ['PPAP terhadap sisa pokok', `${rupiah(e.allowance)} / ${rupiah(e.outstanding)}`, e.allowance >= e.outstanding ? 'ya' : 'tidak'],
    ['Upaya penagihan terdokumentasi', `${e.attempts} / ${e.requiredAttempts}`, e.attempts >= e.requiredAttempts ? 'ya' : 'tidak'],
  ]);
  fields(doc, [['Jumlah dihapus buku', rupiah(w.amount ?? 0)], ['Diusulkan', w.proposedBy?.name ?? '-'], ['Diputus (pengurus)', w.decidedBy?.name ?? '-'], ['Ditinjau (pengawas)', w.reviewedBy?.name ?? '-'], ['Alasan', w.reason]]);
  doc.font('Helvetica').fontSize(9).text('Hapus buku tidak menghapus kewajiban anggota: tagihan dicatat di luar neraca dan penagihan tetap dilakukan.', { width: 495 }).moveDown(1);
  signatures(doc, 'Pengurus', 'Pengawas');
}

function forgivenessDecision(doc: Pdf, d: CaseDetail): void {
  const f = d.forgiveness;
  if (!f || !d.claim) throw conflict('forgiveness_requires_write_off', { status: d.loan.status });
  heading(doc, 'KEPUTUSAN HAPUS TAGIH PINJAMAN', `Berdasarkan keputusan RAT ${f.ratDecisionNo}`);
  loanBlock(doc, d);
  fields(doc, [
    ['Tanggal RAT', f.ratMeetingOn], ['Nomor keputusan', f.ratDecisionNo], ['Anggota hadir / kuorum', `${f.membersPresent} / ${f.quorum}`],
    ['Dihapus buku', rupiah(d.claim.writtenOff)], ['Pemulihan', rupiah(d.claim.recovered)], ['Dihapus tagih', rupiah(f.amount)], ['Tanggal hapus tagih', f.forgivenOn],
  ]);
  doc.font('Helvetica').fontSize(9).text('Hapus tagih bersifat final: kewajiban anggota atas pinjaman ini hapus dan registri menampilkannya sebagai dihapus tagih.', { width: 495 }).moveDown(1);
  signatures(doc, 'Pimpinan RAT', 'Pengurus koperasi');
}

/** One of the case's documents, in Indonesian, with the figures from the system. */
export async function recoveryDocument(services: Services, actor: Actor, caseId: number, kind: DocumentKind, id: number | undefined): Promise<{ file: Buffer; name: string }> {
  const d = await caseDetail(services, actor, caseId);
  const coop = await findCooperativeById(services.db.db, tenantOf(actor));
  const draw = { 'berita-acara': (doc: Pdf) => beritaAcara(doc, d, id), restructuring: (doc: Pdf) => agreement(doc, d, id), 'write-off': (doc: Pdf) => writeOffDecision(doc, d, id), forgiveness: (doc: Pdf) => forgivenessDecision(doc, d) }[kind];
  // A missing record throws inside the render, which rejects: a 404/409, never a half-written PDF.
  const file = await renderPdf(`${kind} ${d.loan.loanNo}`, (doc) => {
    doc.font('Helvetica').fontSize(9).text(coop?.name ?? '', { align: 'right' });
    draw(doc);
  });
  return { file, name: `${kind}-${d.loan.loanNo}.pdf` };
}
