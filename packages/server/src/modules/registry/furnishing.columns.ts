/**
 * The furnishing format: one row per account active during the month. Header matching
 * ignores case, spaces and hyphens, and accepts the Indonesian names cooperatives use.
 * Documented for furnishers in docs/furnishing.md.
 */
export const COLUMNS = [
  'account_ref', 'nik', 'full_name', 'birth_date', 'product', 'opened_on', 'original_amount', 'tenor',
  'frequency', 'instalment_amount', 'outstanding', 'arrears', 'days_past_due', 'status',
  'last_payment_on', 'closed_on', 'written_off_on', 'written_off_amount',
] as const;
export type Column = (typeof COLUMNS)[number];

export const REQUIRED_COLUMNS: readonly Column[] = [
  'account_ref', 'nik', 'full_name', 'birth_date', 'opened_on', 'original_amount', 'outstanding', 'days_past_due', 'status',
];

/** Indonesian (and common) names for each column. */
export const COLUMN_ALIASES: Record<Column, readonly string[]> = {
  account_ref: ['no_rekening', 'nomor_rekening', 'no_pinjaman', 'nomor_pinjaman', 'rekening'],
  nik: ['no_ktp', 'nik_ktp', 'nomor_nik'],
  full_name: ['nama_lengkap', 'nama', 'nama_anggota', 'nama_debitur'],
  birth_date: ['tanggal_lahir', 'tgl_lahir'],
  product: ['produk', 'jenis_pinjaman', 'jenis_produk'],
  opened_on: ['tanggal_akad', 'tgl_akad', 'tanggal_pencairan', 'tgl_pencairan', 'tanggal_realisasi', 'tanggal_buka'],
  original_amount: ['plafon', 'plafond', 'pokok_pinjaman', 'jumlah_pinjaman'],
  tenor: ['jangka_waktu', 'tenor_bulan', 'lama_pinjaman'],
  frequency: ['frekuensi', 'frekuensi_angsuran', 'periode_angsuran'],
  instalment_amount: ['angsuran', 'jumlah_angsuran', 'nilai_angsuran'],
  outstanding: ['baki_debet', 'sisa_pokok', 'saldo_pinjaman', 'outstanding_pokok'],
  arrears: ['tunggakan', 'jumlah_tunggakan'],
  days_past_due: ['hari_tunggakan', 'dpd', 'lama_tunggakan', 'hari_terlambat'],
  status: ['status_pinjaman', 'status_rekening', 'kondisi'],
  last_payment_on: ['tanggal_bayar_terakhir', 'tgl_bayar_terakhir', 'pembayaran_terakhir'],
  closed_on: ['tanggal_lunas', 'tgl_lunas', 'tanggal_tutup'],
  written_off_on: ['tanggal_hapus_buku', 'tgl_hapus_buku'],
  written_off_amount: ['jumlah_hapus_buku', 'nilai_hapus_buku'],
};

const LOOKUP = new Map<string, Column>();
for (const column of COLUMNS) {
  LOOKUP.set(column, column);
  for (const alias of COLUMN_ALIASES[column]) LOOKUP.set(alias, column);
}

export function normaliseHeader(header: string): string {
  return header.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s\-./]+/g, '_');
}

/** Maps each header cell to its column, and names the required columns that are missing. */
export function mapHeader(headers: readonly string[]): { indexes: Partial<Record<Column, number>>; missing: Column[]; unknown: string[] } {
  const indexes: Partial<Record<Column, number>> = {};
  const unknown: string[] = [];
  headers.forEach((h, i) => {
    const column = LOOKUP.get(normaliseHeader(h));
    if (column && indexes[column] === undefined) indexes[column] = i;
    else if (!column && h.trim()) unknown.push(h);
  });
  return { indexes, missing: REQUIRED_COLUMNS.filter((c) => indexes[c] === undefined), unknown };
}
