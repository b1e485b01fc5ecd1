import type { CauseCode } from './recovery.rules.ts';

/**
 * What the recovery demo's officers wrote down: causes with notes and meetings with the
 * member's situation in their own words (Bahasa Indonesia, as an officer would record it).
 * Synthetic, like every person in the demo.
 */

export interface MeetingText {
  place: string;
  situation: string;
  outcome: string;
}

export type CauseNote = [CauseCode, string];

export const CAUSE_NOTES = {
  firstVisit: ['family_problems', 'Belum dikunjungi; menurut tetangga ada anggota keluarga yang sakit.'],
  poultry: ['business_failure', 'Usaha ternak ayam petelur gagal karena wabah; kandang sudah kosong.'],
  appraisal: ['weak_appraisal', 'Pinjaman diberikan tanpa survei usaha; angsuran melebihi penghasilan sejak awal.'],
  stroke: ['illness_or_death', 'Anggota terkena stroke, tidak dapat bekerja lagi; keluarga bergantung pada anak.'],
  moved: ['wilful_default', 'Anggota pindah ke luar kota tanpa kabar; tidak menanggapi surat peringatan.'],
  noCollateral: ['no_collateral_check', 'BPKB yang dijanjikan tidak pernah diserahkan dan tidak diperiksa saat pencairan.'],
  flood: ['disaster', 'Sawah puso dua musim berturut-turut karena banjir Bengawan Solo.'],
  laidOff: ['job_loss', 'Terkena PHK dari pabrik kayu; sekarang buruh harian lepas.'],
  stall: ['business_failure', 'Warung sembako sepi sejak ada minimarket di depan desa.'],
  overLent: ['over_lending', 'Plafon dinaikkan dua kali dalam setahun tanpa menilai ulang kemampuan bayar.'],
  sickChild: ['family_problems', 'Anak dirawat di rumah sakit; tabungan habis untuk biaya pengobatan.'],
  market: ['business_failure', 'Harga cabai jatuh; dagangan di pasar tidak laku.'],
  hospital: ['illness_or_death', 'Anggota dirawat di puskesmas dua minggu karena demam berdarah.'],
  harvest: ['disaster', 'Gagal panen jagung karena kemarau panjang.'],
} satisfies Record<string, CauseNote>;

export const MULTIPLE_BORROWING_NOTE = 'Sesuai saran registri: anggota juga punya pinjaman berjalan di koperasi lain; angsuran gabungan melebihi penghasilan.';

/** Visits and meetings, a few per story; a story takes them in order. */
export const MEETINGS = {
  firstCall: { place: 'Rumah anggota', situation: '"Dagangan sepi, Pak. Uang yang ada habis untuk kebutuhan dapur."', outcome: 'Anggota mengakui tunggakan dan minta waktu dua minggu.' },
  office: { place: 'Kantor koperasi', situation: '"Saya mau bayar, tapi tidak bisa sekaligus. Kalau dicicil sedikit-sedikit saya sanggup."', outcome: 'Dibahas kemampuan bayar; anggota membawa catatan penghasilan.' },
  evening: { place: 'Rumah anggota', situation: '"Siang hari saya di sawah, baru bisa ditemui malam begini."', outcome: 'Kunjungan malam hari atas permintaan anggota; tercatat di luar jam penagihan.' },
  spouseOnly: { place: 'Rumah anggota', situation: 'Istri anggota: "Bapak sedang kerja di Semarang, pulangnya sebulan sekali."', outcome: 'Pesan ditinggalkan untuk anggota; hanya bertemu istri (pihak ketiga).' },
  promise: { place: 'Kantor koperasi', situation: '"Minggu depan hasil panen laku, saya bayar sebagian dulu."', outcome: 'Anggota berjanji membayar sebagian tunggakan pada tanggal yang disepakati.' },
  reminder: { place: 'Rumah anggota', situation: '"Maaf, uang panennya dipakai untuk biaya sekolah anak."', outcome: 'Janji bayar tidak ditepati; diingatkan secara kekeluargaan.' },
  layoff: { place: 'Balai desa', situation: '"Sejak di-PHK saya kerja serabutan; angsuran lama terlalu berat."', outcome: 'Disepakati mengajukan restrukturisasi: jangka waktu diperpanjang.' },
  plan: { place: 'Kantor koperasi', situation: '"Kalau angsurannya separuh, saya bisa bayar rutin dari upah harian."', outcome: 'Petugas menyusun usulan restrukturisasi untuk keputusan pengurus.' },
  coop: { place: 'Warung anggota', situation: '"Warung sudah tutup tiga bulan. Saya belum punya usaha lain."', outcome: 'Anggota tidak mampu membayar; disarankan mencari usaha pengganti.' },
  letter: { place: 'Rumah anggota', situation: 'Tetangga: "Rumah ini kosong sejak lebaran."', outcome: 'Surat peringatan ketiga ditinggalkan; anggota tidak dapat ditemui.' },
  last: { place: 'Kantor koperasi', situation: '"Tidak ada lagi yang bisa saya jual, Pak."', outcome: 'Upaya penagihan tidak berhasil; diusulkan hapus buku.' },
  paid: { place: 'Kantor koperasi', situation: '"Alhamdulillah sudah sembuh dan kerja lagi. Tunggakan saya lunasi hari ini."', outcome: 'Anggota melunasi seluruh tunggakan; pinjaman kembali lancar.' },
} satisfies Record<string, MeetingText>;
