/**
 * The portfolio page's words, Bahasa Indonesia first. Merged into the app's dictionaries as
 * `portfolio`; `portfolioEn` must have exactly the same keys (its type says so).
 */
export const portfolioId = {
  lead: 'Kualitas pinjaman koperasi Anda menurut tutup hari terakhir: NPL terhadap batas 5 %, PAR, PPAP, per kolektibilitas dan produk.',
  asOf: 'Per tutup hari {{date}}',
  noCloseYet: 'Belum ada tutup hari: angka di bawah memakai data pencairan.',
  outstanding: 'Pinjaman beredar',
  loans_one: '{{count}} pinjaman aktif',
  loans_other: '{{count}} pinjaman aktif',
  nplGross: 'NPL bruto',
  nplNet: 'NPL neto',
  nplAmount: 'Pinjaman bermasalah (KL + D + M)',
  limit: 'Batas {{limit}}',
  aboveLimit: 'Di atas batas 5 %',
  withinLimit: 'Dalam batas 5 %',
  nplLine: 'NPL bruto {{value}} terhadap batas {{limit}}',
  par30: 'PAR30',
  par90: 'PAR90',
  parHelp: 'Sisa pokok pinjaman yang menunggak lebih dari 30 / 90 hari, dibagi pinjaman beredar.',
  allowance: 'PPAP',
  allowanceRequired: 'PPAP wajib',
  allowanceBooked: 'PPAP dibentuk',
  health: 'Tingkat kesehatan (NPL bruto)',
  band: { sehat: 'Sehat', cukup_sehat: 'Cukup Sehat', kurang_sehat: 'Kurang Sehat', tidak_sehat: 'Tidak Sehat' },
  byClass: 'Per kolektibilitas',
  byProduct: 'Per produk',
  trend: 'Tren 12 bulan (akhir bulan)',
  trendEmpty: 'Tren muncul setelah tutup hari akhir bulan pertama.',
  worsened: 'Turun kolektibilitas sejak {{date}}',
  worsenedTitle: 'Turun kolektibilitas minggu ini',
  worsenedEmpty: 'Tidak ada pinjaman yang turun kolektibilitas.',
  columns: {
    class: 'Kolektibilitas', count: 'Jumlah', outstanding: 'Sisa pokok (Rp)', allowance: 'PPAP (Rp)', share: 'Porsi', product: 'Produk', npl: 'NPL bruto',
    loanNo: 'No. pinjaman', member: 'Anggota', from: 'Dari', to: 'Menjadi', dpd: 'Hari tunggakan', month: 'Bulan',
  },
  nonPerforming: 'bermasalah',
  chartNplGross: 'NPL bruto',
  chartNplNet: 'NPL neto',
  chartLimit: 'Batas 5 %',
};

export type PortfolioMessages = typeof portfolioId;
