import { normaliseHeader } from '../registry/furnishing.columns.ts';

/**
 * The columns of the Dinas's cooperative list, as exported and as imported. Headers are
 * matched like furnishing headers (case, spaces and hyphens ignored) and accept the
 * Indonesian names a Dinas spreadsheet uses.
 */
export const REGISTRY_COLUMNS = [
  'code', 'name', 'nik_koperasi', 'legal_entity_no', 'type', 'address', 'kecamatan', 'founded_on',
  'members_count', 'board_contacts', 'last_rat_year', 'registry_participation', 'activity_status', 'status_reason',
] as const;
export type RegistryColumn = (typeof REGISTRY_COLUMNS)[number];

export const REQUIRED_REGISTRY_COLUMNS: readonly RegistryColumn[] = ['name', 'type', 'kecamatan'];

/** Indonesian headers, used by the export (so an exported file imports back unchanged). */
export const REGISTRY_HEADERS: Record<RegistryColumn, string> = {
  code: 'kode', name: 'nama', nik_koperasi: 'nik_koperasi', legal_entity_no: 'nomor_badan_hukum', type: 'jenis',
  address: 'alamat', kecamatan: 'kecamatan', founded_on: 'tanggal_berdiri', members_count: 'jumlah_anggota',
  board_contacts: 'kontak_pengurus', last_rat_year: 'tahun_rat_terakhir', registry_participation: 'ikut_registri',
  activity_status: 'status', status_reason: 'alasan_status',
};

const ALIASES: Record<RegistryColumn, readonly string[]> = {
  code: ['kode', 'kode_koperasi'],
  name: ['nama', 'nama_koperasi'],
  nik_koperasi: ['nik', 'nomor_induk_koperasi'],
  legal_entity_no: ['nomor_badan_hukum', 'no_badan_hukum', 'badan_hukum', 'nomor_bh', 'no_bh'],
  type: ['jenis', 'jenis_koperasi', 'bentuk'],
  address: ['alamat'],
  kecamatan: ['kecamatan_code', 'kode_kecamatan', 'nama_kecamatan'],
  founded_on: ['tanggal_berdiri', 'tgl_berdiri', 'tanggal_pendirian'],
  members_count: ['jumlah_anggota', 'anggota'],
  board_contacts: ['kontak_pengurus', 'pengurus', 'kontak'],
  last_rat_year: ['tahun_rat_terakhir', 'rat_terakhir', 'tahun_rat'],
  registry_participation: ['ikut_registri', 'peserta_registri', 'registri'],
  activity_status: ['status', 'status_keaktifan', 'keaktifan'],
  status_reason: ['alasan_status', 'alasan', 'keterangan_status'],
};

const LOOKUP = new Map<string, RegistryColumn>();
for (const column of REGISTRY_COLUMNS) {
  LOOKUP.set(column, column);
  for (const alias of ALIASES[column]) LOOKUP.set(alias, column);
}

/** Maps a header row to column indexes and names the required columns that are missing. */
export function mapRegistryHeader(headers: readonly string[]): { indexes: Partial<Record<RegistryColumn, number>>; missing: RegistryColumn[] } {
  const indexes: Partial<Record<RegistryColumn, number>> = {};
  headers.forEach((h, i) => {
    const column = LOOKUP.get(normaliseHeader(h));
    if (column && indexes[column] === undefined) indexes[column] = i;
  });
  return { indexes, missing: REQUIRED_REGISTRY_COLUMNS.filter((c) => indexes[c] === undefined) };
}
