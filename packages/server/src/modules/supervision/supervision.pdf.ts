import PDFDocument from 'pdfkit';
import { HEALTH_BAND_LABELS, formatMoney } from '@simpul/domain';
import type { CooperativeFigures, DistrictDashboard } from './supervision.dashboard.ts';
import { causeLines, pct } from './supervision.tables.ts';
import type { TrendPoint } from './supervision.trend.ts';

type Doc = PDFKit.PDFDocument;

const BANDS = ['sehat', 'cukup_sehat', 'kurang_sehat', 'tidak_sehat'] as const;
const BAND_COLOURS: Record<(typeof BANDS)[number], string> = { sehat: '#2f9e44', cukup_sehat: '#f08c00', kurang_sehat: '#e8590c', tidak_sehat: '#c92a2a' };
const rp = (v: number) => `Rp ${formatMoney(v, 0)}`;
const percent = (f: number | null) => (f === null ? '—' : `${(pct(f) ?? 0).toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}%`);

function heading(doc: Doc, text: string): void {
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).fillColor('#000').text(text, 48).font('Helvetica').fontSize(9);
}

function headline(doc: Doc, d: DistrictDashboard): void {
  const f = d.district;
  const lines: [string, string][] = [
    ['Koperasi terdaftar / aktif / tidak aktif', `${d.counts.cooperatives} / ${d.counts.active} / ${d.counts.inactive}`],
    ['Anggota koperasi aktif', d.counts.members.toLocaleString('id-ID')],
    ['Baki debet (rekening)', `${rp(f.outstanding)} (${f.accounts.toLocaleString('id-ID')})`],
    ['NPL bruto / neto (batas 5%)', `${percent(f.nplGross)} / ${percent(f.nplNet)}`],
    ['PAR30', percent(f.par30)],
    ['PPAP minimum / cakupan', `${rp(f.allowance)} / ${percent(f.allowanceCoverage)}`],
    ['Hapus buku / pemulihan', `${rp(f.writtenOff)} / ${rp(f.recovered)}`],
    [`Kepatuhan pelaporan ${d.compliance.period}`, `${d.compliance.furnished} dari ${d.compliance.expected} koperasi; ${d.compliance.rowsRejected} baris ditolak`],
  ];
  for (const [label, value] of lines) {
    const y = doc.y;
    doc.text(label, 48, y, { width: 230 }).text(value, 290, y, { width: 260 });
  }
}

/** Horizontal bars: cooperatives per health band, drawn as vectors. */
function bandChart(doc: Doc, d: DistrictDashboard): void {
  const max = Math.max(1, ...BANDS.map((b) => d.bands[b]));
  const top = doc.y + 4;
  BANDS.forEach((band, i) => {
    const y = top + i * 18;
    const width = (d.bands[band] / max) * 300;
    doc.fillColor('#000').text(HEALTH_BAND_LABELS[band], 48, y + 2, { width: 90 });
    doc.rect(140, y, Math.max(width, 1), 12).fill(BAND_COLOURS[band]);
    doc.fillColor('#000').text(String(d.bands[band]), 146 + width, y + 2);
  });
  doc.y = top + BANDS.length * 18 + 4;
  doc.x = 48;
}

/** The 24-month NPL line against the dashed 5 % line. */
function trendChart(doc: Doc, points: TrendPoint[], limit: number): void {
  const left = 70;
  const top = doc.y + 8;
  const width = 460;
  const height = 120;
  const max = Math.max(limit * 2, ...points.map((p) => (pct(p.nplGross) ?? 0) * 1.1));
  const x = (i: number) => left + (points.length <= 1 ? 0 : (i / (points.length - 1)) * width);
  const y = (v: number) => top + height - (v / max) * height;
  doc.lineWidth(0.5).strokeColor('#868e96').rect(left, top, width, height).stroke();
  doc.fillColor('#000').fontSize(7).text(`${max.toFixed(1)}%`, 40, top - 3).text('0%', 52, top + height - 4);
  doc.strokeColor('#c92a2a').dash(3, { space: 3 }).moveTo(left, y(limit)).lineTo(left + width, y(limit)).stroke().undash();
  doc.fillColor('#c92a2a').text(`${limit}%`, left + width + 4, y(limit) - 3);
  doc.strokeColor('#1c7ed6').lineWidth(1.5);
  points.forEach((p, i) => (i === 0 ? doc.moveTo(x(i), y(pct(p.nplGross) ?? 0)) : doc.lineTo(x(i), y(pct(p.nplGross) ?? 0))));
  if (points.length > 0) doc.stroke();
  points.forEach((p, i) => {
    if (i % 3 === 0 || i === points.length - 1) doc.fillColor('#000').text(p.period, x(i) - 14, top + height + 3);
  });
  doc.lineWidth(1).strokeColor('#000').fillColor('#000').fontSize(9);
  doc.y = top + height + 16;
  doc.x = 48;
}

/** Horizontal bars: problem-loan cases per cause, then the counts and open cases' outstanding as a table. */
function causesSection(doc: Doc, d: DistrictDashboard): void {
  const lines = causeLines(d.causes);
  const causes = lines.filter((l) => l.code !== 'semua' && l.code !== 'belum_dicatat');
  if (d.causes.total.cases === 0) {
    doc.text('Belum ada kasus kredit bermasalah tercatat.', 48);
    return;
  }
  const max = Math.max(1, ...causes.map((c) => c.cases));
  const top = doc.y + 4;
  causes.forEach((c, i) => {
    const y = top + i * 15;
    const width = (c.cases / max) * 260;
    doc.fillColor('#000').text(c.label, 48, y + 1, { width: 170, lineBreak: false, ellipsis: true });
    doc.rect(222, y, Math.max(width, 1), 10).fill('#1c7ed6');
    doc.fillColor('#000').text(String(c.cases), 228 + width, y + 1);
  });
  doc.y = top + causes.length * 15 + 6;
  table(doc, ['Sebab', 'Kasus', 'Kasus terbuka', 'Baki debet kasus terbuka'], lines.map((l) => [l.label, String(l.cases), String(l.openCases), rp(l.outstanding)]), [190, 60, 80, 150]);
}

function table(doc: Doc, headers: string[], rows: string[][], widths: number[]): void {
  const row = (cells: string[], bold: boolean) => {
    if (doc.y > 760) doc.addPage();
    const y = doc.y;
    let x = 48;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica');
    cells.forEach((cell, i) => {
      doc.text(cell, x, y, { width: (widths[i] ?? 60) - 4, lineBreak: false, ellipsis: true });
      x += widths[i] ?? 60;
    });
    doc.y = y + 13;
  };
  row(headers, true);
  for (const r of rows) row(r, false);
  doc.font('Helvetica').x = 48;
}

const coopRow = (c: CooperativeFigures) => [c.code, c.name, c.kecamatanName ?? '—', rp(c.outstanding), percent(c.nplGross), percent(c.nplNet), percent(c.par30)];

/** The printable district report for the Kepala Dinas: A4, Indonesian, charts as vectors. */
export function districtPdf(d: DistrictDashboard, points: TrendPoint[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: 'Laporan Pengawasan Koperasi Kabupaten' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.font('Helvetica-Bold').fontSize(16).text('Laporan Pengawasan Koperasi Kabupaten');
  doc.font('Helvetica').fontSize(9).text(`Per ${d.asOf} · kolektibilitas registri: ${d.policy.name} · tanpa data anggota`);
  heading(doc, 'Ringkasan');
  headline(doc, d);
  heading(doc, 'Sebaran tingkat kesehatan (NPL bruto)');
  bandChart(doc, d);
  heading(doc, 'Tren NPL bruto 24 bulan');
  trendChart(doc, points, d.nplLimitPercent);
  heading(doc, 'Sebab kredit bermasalah (kasus; satu kasus dapat punya beberapa sebab)');
  causesSection(doc, d);
  heading(doc, `Koperasi dengan NPL di atas ${d.nplLimitPercent}% (terburuk di atas)`);
  const widths = [50, 150, 80, 90, 50, 50, 45];
  const headers = ['Kode', 'Nama', 'Kecamatan', 'Baki debet', 'NPL', 'NPL neto', 'PAR30'];
  if (d.aboveLimit.length === 0) doc.text('Tidak ada.');
  else table(doc, headers, d.aboveLimit.map(coopRow), widths);
  heading(doc, 'Per kecamatan');
  table(doc, ['Kecamatan', 'Koperasi', 'Aktif', 'Baki debet', 'NPL', 'NPL neto', 'PAR30'], d.kecamatan.map((k) => [k.name ?? '—', String(k.cooperatives), String(k.active), rp(k.outstanding), percent(k.nplGross), percent(k.nplNet), percent(k.par30)]), [120, 50, 40, 110, 55, 55, 50]);
  doc.end();
  return done;
}
