import { HEALTH_BAND_LABELS } from '@simpul/domain';
import { CAUSES } from '../recovery/recovery.rules.ts';
import type { CauseSummary } from './supervision.causes.ts';
import type { CooperativeFigures, DistrictDashboard } from './supervision.dashboard.ts';
import type { Figures } from './supervision.figures.ts';
import type { StatusProposals } from './supervision.proposals.ts';
import type { TableCell, Tabular } from './tabular.ts';
import type { TrendPoint } from './supervision.trend.ts';

const BANDS = ['sehat', 'cukup_sehat', 'kurang_sehat', 'tidak_sehat'] as const;

export const SUPERVISION_TABLES = ['cooperatives', 'above-limit', 'kecamatan', 'bands', 'trend', 'compliance', 'proposals', 'causes'] as const;
export type SupervisionTable = (typeof SUPERVISION_TABLES)[number];

/** A fraction as a per cent with two decimals, a number in the sheet (5.25 = 5.25 %). */
export const pct = (fraction: number | null): number | null => (fraction === null ? null : Math.round(fraction * 10_000) / 100);

const FIGURE_HEADERS = ['jumlah_rekening', 'baki_debet', 'npl_rupiah', 'npl_bruto_persen', 'npl_neto_persen', 'par30_persen', 'ppap', 'cakupan_ppap_persen', 'hapus_buku', 'pemulihan', 'tingkat_kesehatan'];

function figureCells(f: Figures): TableCell[] {
  return [f.accounts, f.outstanding, f.nplAmount, pct(f.nplGross), pct(f.nplNet), pct(f.par30), f.allowance, pct(f.allowanceCoverage), f.writtenOff, f.recovered, f.healthBand ? HEALTH_BAND_LABELS[f.healthBand] : null];
}

function cooperativeTable(name: string, lines: CooperativeFigures[]): Tabular {
  return {
    name,
    headers: ['kode', 'nama', 'kecamatan', 'status', ...FIGURE_HEADERS, 'pelaporan_terakhir'],
    rows: lines.map((l) => [l.code, l.name, l.kecamatanName, l.activityStatus === 'active' ? 'aktif' : 'tidak aktif', ...figureCells(l), l.lastPeriod]),
  };
}

function trendTable(points: TrendPoint[]): Tabular {
  return {
    name: 'tren-24-bulan',
    headers: ['bulan', 'jumlah_rekening', 'baki_debet', 'npl_rupiah', 'npl_bruto_persen', 'npl_neto_persen', 'par30_persen'],
    rows: points.map((p) => [p.period, p.accounts, p.outstanding, p.nplAmount, pct(p.nplGross), pct(p.nplNet), pct(p.par30)]),
  };
}

/** Every case once, cases without a cause, then each cause: the lines of a cause summary with Indonesian labels. */
export function causeLines(s: CauseSummary): { code: string; label: string; cases: number; openCases: number; outstanding: number }[] {
  return [
    { code: 'semua', label: 'Semua kasus', ...s.total },
    ...s.causes.map((c) => ({ ...c, label: CAUSES[c.code].id })),
    { code: 'belum_dicatat', label: 'Sebab belum dicatat', ...s.unrecorded },
  ];
}

/** The district's causes, then each kecamatan's: one row per area and cause. */
function causesTable(d: DistrictDashboard): Tabular {
  const areas: [string, CauseSummary][] = [['Kabupaten', d.causes], ...d.kecamatan.map((k): [string, CauseSummary] => [k.name ?? k.code ?? '—', k.causes])];
  return {
    name: 'sebab-kredit-bermasalah',
    headers: ['wilayah', 'kode_sebab', 'sebab', 'jumlah_kasus', 'kasus_terbuka', 'baki_debet_kasus_terbuka'],
    rows: areas.flatMap(([area, s]) => causeLines(s).map((l) => [area, l.code, l.label, l.cases, l.openCases, l.outstanding])),
  };
}

function proposalsTable(p: StatusProposals): Tabular {
  const reasons = { no_rat: `tidak RAT ${p.settings.ratYears} tahun`, no_furnishing: `tidak melapor ${p.settings.furnishingMonths} bulan` };
  return {
    name: 'usulan-status',
    headers: ['usulan', 'kode', 'nama', 'alasan', 'rat_terakhir', 'pelaporan_terakhir', 'tidak_aktif_sejak'],
    rows: [
      ...p.proposedInactive.map((x) => ['tidak aktif', x.code, x.name, x.reasons.map((r) => reasons[r]).join('; '), x.lastRatYear, x.lastPeriod, null]),
      ...p.dissolutionCandidates.map((x) => ['calon pembubaran', x.code, x.name, x.statusReason, null, null, x.inactiveSince]),
    ],
  };
}

/** A dashboard table as a sheet, Indonesian headers, per cents as numbers. */
export function supervisionTable(table: SupervisionTable, d: DistrictDashboard, points: TrendPoint[], proposals: StatusProposals): Tabular {
  switch (table) {
    case 'cooperatives':
      return cooperativeTable('koperasi-kabupaten', d.cooperatives);
    case 'above-limit':
      return cooperativeTable('koperasi-npl-di-atas-5-persen', d.aboveLimit);
    case 'kecamatan':
      return { name: 'per-kecamatan', headers: ['kecamatan', 'koperasi', 'aktif', ...FIGURE_HEADERS], rows: d.kecamatan.map((k) => [k.name ?? k.code, k.cooperatives, k.active, ...figureCells(k)]) };
    case 'bands':
      return { name: 'tingkat-kesehatan', headers: ['tingkat_kesehatan', 'koperasi'], rows: [...BANDS.map((b) => [HEALTH_BAND_LABELS[b], d.bands[b]]), ['Tanpa pinjaman', d.bands.none]] };
    case 'trend':
      return trendTable(points);
    case 'compliance':
      return { name: 'kepatuhan-pelaporan', headers: ['kode', 'nama', 'ikut_registri', `melapor_${d.lastMonth}`, 'baris_ditolak', 'pelaporan_terakhir'], rows: d.cooperatives.map((c) => [c.code, c.name, c.registryParticipation ? 'ya' : 'tidak', c.furnishedLastMonth ? 'ya' : 'tidak', c.rowsRejectedLastMonth, c.lastPeriod]) };
    case 'proposals':
      return proposalsTable(proposals);
    case 'causes':
      return causesTable(d);
  }
}
