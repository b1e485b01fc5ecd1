/**
 * The text of every error code, in Bahasa Indonesia first and English second. Codes are
 * stable API; texts may change. `{name}` placeholders are filled from the error's params.
 */
export type Lang = 'id' | 'en';

export const MESSAGES = {
  bad_request: { id: 'Permintaan tidak dapat diproses.', en: 'The request could not be processed.' },
  malformed_json: { id: 'Isi permintaan bukan JSON yang sah.', en: 'The request body is not valid JSON.' },
  validation_failed: { id: 'Ada isian yang tidak sah.', en: 'Some fields are not valid.' },
  unauthenticated: { id: 'Silakan masuk terlebih dahulu.', en: 'Please sign in first.' },
  session_expired: { id: 'Sesi Anda telah berakhir. Silakan masuk lagi.', en: 'Your session has expired. Please sign in again.' },
  invalid_credentials: { id: 'Nama pengguna atau kata sandi salah.', en: 'Wrong username or password.' },
  too_many_attempts: {
    id: 'Terlalu banyak percobaan masuk yang gagal. Coba lagi setelah {minutes} menit.',
    en: 'Too many failed sign-in attempts. Try again in {minutes} minutes.',
  },
  account_disabled: { id: 'Akun ini dinonaktifkan.', en: 'This account is disabled.' },
  rate_limited: {
    id: 'Terlalu banyak permintaan. Coba lagi setelah {seconds} detik.',
    en: 'Too many requests. Try again in {seconds} seconds.',
  },
  too_many_failed_sign_ins: {
    id: 'Terlalu banyak percobaan masuk yang gagal dari alamat ini. Coba lagi setelah {seconds} detik.',
    en: 'Too many failed sign-in attempts from this address. Try again in {seconds} seconds.',
  },
  forbidden: { id: 'Anda tidak berhak melakukan tindakan ini.', en: 'You are not allowed to do this.' },
  csrf_rejected: {
    id: 'Permintaan ditolak karena tidak berasal dari aplikasi Simpul.',
    en: 'The request was refused because it did not come from the Simpul app.',
  },
  not_found: { id: 'Data tidak ditemukan.', en: 'Not found.' },
  route_not_found: { id: 'Alamat API ini tidak ada.', en: 'There is no such API address.' },
  method_not_allowed: { id: 'Metode ini tidak didukung.', en: 'This method is not supported.' },
  payload_too_large: { id: 'Isi permintaan terlalu besar.', en: 'The request body is too large.' },
  conflict: { id: 'Data bertentangan dengan data yang sudah ada.', en: 'This conflicts with existing data.' },
  username_taken: { id: 'Nama pengguna "{username}" sudah dipakai.', en: 'Username "{username}" is already taken.' },
  cooperative_code_taken: { id: 'Kode koperasi "{code}" sudah dipakai.', en: 'Cooperative code "{code}" is already taken.' },
  cooperative_required: {
    id: 'Peran ini harus terikat pada satu koperasi.',
    en: 'This role must belong to one cooperative.',
  },
  cooperative_not_allowed: {
    id: 'Peran Dinas tidak terikat pada koperasi.',
    en: 'Dinas roles do not belong to a cooperative.',
  },
  weak_password: {
    id: 'Kata sandi minimal {min} karakter.',
    en: 'The password must have at least {min} characters.',
  },
  same_password: { id: 'Kata sandi baru harus berbeda.', en: 'The new password must be different.' },
  cannot_disable_self: { id: 'Anda tidak dapat menonaktifkan akun sendiri.', en: 'You cannot disable your own account.' },
  internal_error: {
    id: 'Terjadi kesalahan di server. Kejadian ini sudah dicatat.',
    en: 'Something went wrong on the server. It has been logged.',
  },
  // furnishing (registry intake): file-level
  missing_columns: { id: 'Kolom wajib tidak ada: {columns}.', en: 'Required columns are missing: {columns}.' },
  empty_file: { id: 'Berkas kosong: tidak ada baris judul.', en: 'The file is empty: no header row.' },
  unknown_format: { id: 'Berkas bukan CSV atau XLSX.', en: 'The file is not CSV or XLSX.' },
  unknown_cooperative: { id: 'Koperasi "{code}" tidak dikenal.', en: 'Unknown cooperative "{code}".' },
  invalid_period: { id: 'Periode harus berbentuk YYYY-MM.', en: 'The period must be YYYY-MM.' },
  // furnishing: row-level
  invalid_amount: { id: 'Jumlah harus rupiah bulat (mis. 1500000 atau 1.500.000).', en: 'The amount must be whole rupiah (e.g. 1500000 or 1.500.000).' },
  negative_amount: { id: 'Jumlah tidak boleh negatif.', en: 'The amount cannot be negative.' },
  amount_too_large: { id: 'Jumlah terlalu besar.', en: 'The amount is too large.' },
  zero_amount: { id: 'Plafon tidak boleh nol.', en: 'The original amount cannot be zero.' },
  invalid_number: { id: 'Harus bilangan bulat.', en: 'Must be a whole number.' },
  negative_number: { id: 'Tidak boleh negatif.', en: 'Cannot be negative.' },
  number_too_large: { id: 'Angka terlalu besar.', en: 'The number is too large.' },
  invalid_date: { id: 'Tanggal tidak sah (YYYY-MM-DD atau DD/MM/YYYY).', en: 'Invalid date (YYYY-MM-DD or DD/MM/YYYY).' },
  text_too_long: { id: 'Teks terlalu panjang.', en: 'The text is too long.' },
  nik_length: { id: 'NIK harus 16 digit.', en: 'A NIK has 16 digits.' },
  nik_digits: { id: 'NIK hanya boleh berisi angka.', en: 'A NIK contains digits only.' },
  nik_region: { id: 'Kode wilayah NIK tidak sah.', en: 'The NIK region code is not valid.' },
  nik_birth_date: { id: 'Tanggal lahir dalam NIK tidak sah.', en: 'The birth date inside the NIK is not valid.' },
  nik_sequence: { id: 'Nomor urut NIK tidak boleh 0000.', en: 'The NIK sequence cannot be 0000.' },
  nik_region_unknown: { id: 'Kode wilayah NIK tidak dikenal (mungkin kode lama sebelum pemekaran).', en: 'Unknown NIK region code (perhaps an old code from before a region split).' },
  nik_possibly_minor: { id: 'Menurut NIK, peminjam belum 17 tahun.', en: 'By the NIK, the borrower is under 17.' },
  birth_date_differs_from_nik: { id: 'Tanggal lahir berbeda dengan yang tertera di NIK.', en: 'The birth date differs from the one in the NIK.' },
  born_after_opened: { id: 'Tanggal lahir tidak mungkin setelah tanggal akad.', en: 'The birth date cannot be after the opening date.' },
  date_after_period: { id: 'Tanggal melewati akhir periode laporan.', en: 'The date is after the end of the reporting period.' },
  closed_before_opened: { id: 'Tanggal tutup sebelum tanggal akad.', en: 'The closing date is before the opening date.' },
  settled_with_balance: { id: 'Rekening lunas harus bersaldo, bertunggakan dan berhari tunggakan 0.', en: 'A settled account must have outstanding, arrears and days past due of 0.' },
  written_off_incomplete: { id: 'Rekening hapus buku harus punya tanggal dan jumlah hapus buku.', en: 'A written-off account needs its write-off date and amount.' },
  outstanding_above_original: { id: 'Baki debet melebihi plafon.', en: 'The outstanding balance is above the original amount.' },
  duplicate_account_ref: { id: 'Nomor rekening ini sudah muncul di baris sebelumnya.', en: 'This account reference already appeared in an earlier row.' },
  // supervision: the Dinas's cooperative registry
  unknown_kecamatan: { id: 'Kecamatan tidak dikenal (kode Kemendagri 6 digit atau nama kecamatan).', en: 'Unknown kecamatan (6-digit Kemendagri code or the district name).' },
  date_in_future: { id: 'Tanggal tidak boleh di masa depan.', en: 'The date cannot be in the future.' },
  invalid_rat_year: { id: 'Tahun RAT tidak sah.', en: 'The RAT year is not valid.' },
  invalid_code: { id: 'Kode hanya huruf, angka, - dan _ (2–20 karakter).', en: 'A code has letters, digits, - and _ only (2–20 characters).' },
  duplicate_in_file: { id: 'Koperasi ini sudah muncul di baris sebelumnya.', en: 'This cooperative already appeared in an earlier row.' },
  status_unchanged: { id: 'Koperasi sudah berstatus ini.', en: 'The cooperative already has this status.' },
  // members (anggota) and their savings (simpanan)
  member_possibly_minor: { id: 'Menurut NIK, anggota ini belum 17 tahun.', en: 'By the NIK, this member is under 17.' },
  member_kecamatan_unknown: { id: 'Kode kecamatan tidak ada dalam daftar Kemendagri.', en: 'The kecamatan code is not in the Kemendagri list.' },
  member_nik_taken: { id: 'NIK ini sudah terdaftar sebagai anggota koperasi Anda.', en: 'This NIK is already registered as a member of your cooperative.' },
  member_no_taken: { id: 'Nomor anggota "{memberNo}" sudah dipakai.', en: 'Member number "{memberNo}" is already taken.' },
  member_already_inactive: { id: 'Anggota ini sudah tidak aktif.', en: 'This member is already inactive.' },
  member_inactive: { id: 'Anggota ini sudah tidak aktif: simpanan tidak dapat ditambah.', en: 'This member is inactive: no deposits can be made.' },
  member_has_open_loans: { id: 'Anggota masih punya pinjaman yang belum selesai.', en: 'The member still has loans that are not finished.' },
  left_before_joined: { id: 'Tanggal keluar sebelum tanggal masuk.', en: 'The leaving date is before the joining date.' },
  savings_date_before_joined: { id: 'Tanggal transaksi sebelum anggota masuk.', en: 'The transaction date is before the member joined.' },
  savings_amount_not_positive: { id: 'Jumlah harus rupiah bulat lebih dari nol.', en: 'The amount must be whole rupiah above zero.' },
  savings_not_withdrawable: {
    id: 'Simpanan {kind} tidak dapat ditarik selama anggota masih aktif.',
    en: 'Simpanan {kind} cannot be withdrawn while the member is active.',
  },
  savings_insufficient: { id: 'Saldo simpanan {kind} tidak cukup (saldo {balance}).', en: 'The simpanan {kind} balance is not enough (balance {balance}).' },
  savings_already_reversed: { id: 'Transaksi ini sudah dibatalkan.', en: 'This transaction has already been reversed.' },
  savings_reversal_not_reversible: { id: 'Pembatalan tidak dapat dibatalkan lagi; catat transaksi baru.', en: 'A reversal cannot be reversed; record a new transaction.' },
  // lending: products, loans, repayments
  product_code_taken: { id: 'Kode produk "{code}" sudah dipakai.', en: 'Product code "{code}" is already taken.' },
  range_inverted: { id: 'Batas atas harus sama atau di atas batas bawah ({min}).', en: 'The upper limit must be at least the lower limit ({min}).' },
  invalid_allocation_order: { id: 'Urutan alokasi harus memuat denda, bunga dan pokok masing-masing sekali.', en: 'The allocation order must list penalty, interest and principal once each.' },
  invalid_penalty_rule: { id: 'Aturan denda tidak sah (persen maksimal 100, hari tenggang bulat).', en: 'The penalty rule is not valid (per cent at most 100, whole grace days).' },
  loan_member_inactive: { id: 'Anggota ini tidak aktif: tidak dapat mengajukan pinjaman.', en: 'This member is not active: no loan can be applied for.' },
  product_inactive: { id: 'Produk pinjaman ini tidak aktif.', en: 'This loan product is not active.' },
  amount_out_of_range: { id: 'Plafon harus antara {min} dan {max}.', en: 'The amount must be between {min} and {max}.' },
  tenor_out_of_range: { id: 'Jangka waktu harus antara {min} dan {max} angsuran.', en: 'The tenor must be between {min} and {max} instalments.' },
  collateral_required: { id: 'Produk ini mewajibkan agunan.', en: 'This product requires collateral.' },
  invalid_terms: { id: 'Syarat pinjaman ini tidak dapat dihitung jadwalnya.', en: 'No schedule can be computed for these terms.' },
  amount_not_positive: { id: 'Jumlah harus lebih dari nol.', en: 'The amount must be more than zero.' },
  loan_wrong_status: { id: 'Tindakan ini tidak berlaku untuk pinjaman berstatus {status}.', en: 'This action does not apply to a loan with status {status}.' },
  loan_not_approved: { id: 'Pinjaman belum disetujui: pencairan ditolak.', en: 'The loan is not approved yet: it cannot be disbursed.' },
  loan_not_active: { id: 'Pinjaman tidak aktif (status {status}): tidak dapat menerima angsuran.', en: 'The loan is not active (status {status}): it cannot take repayments.' },
  own_application: { id: 'Pengajuan yang Anda ajukan sendiri harus diputus pengurus lain (prinsip empat mata).', en: 'An application you made yourself must be decided by another manager (four eyes).' },
  consent_required: { id: 'Persetujuan anggota untuk cek registri belum dicatat.', en: "The member's consent to a registry check has not been recorded." },
  disbursed_before_approval: { id: 'Tanggal pencairan tidak boleh sebelum tanggal persetujuan ({approvedOn}).', en: 'The disbursement date cannot be before the approval date ({approvedOn}).' },
  date_after_today: { id: 'Tanggal tidak boleh melewati tanggal hari ini ({today}).', en: 'The date cannot be after today ({today}).' },
  repayment_before_disbursement: { id: 'Tanggal bayar tidak boleh sebelum tanggal pencairan ({disbursedOn}).', en: 'The payment date cannot be before the disbursement date ({disbursedOn}).' },
  amount_above_payoff: { id: 'Jumlah melebihi sisa kewajiban untuk pelunasan ({payoff}).', en: 'The amount is more than the payoff amount ({payoff}).' },
  receipt_taken: { id: 'Nomor kuitansi "{receiptNo}" sudah dipakai.', en: 'Receipt number "{receiptNo}" is already used.' },
  already_reversed: { id: 'Angsuran ini sudah dibatalkan.', en: 'This repayment has already been reversed.' },
  // registry inquiries, disputes
  inquiry_purpose_required: {
    id: 'Tujuan pemeriksaan wajib diisi: new_loan, account_review, restructuring, own_request atau dispute.',
    en: 'A permissible purpose is required: new_loan, account_review, restructuring, own_request or dispute.',
  },
  inquiry_consent_required: {
    id: 'Nomor persetujuan anggota (formulir persetujuan yang ditandatangani) wajib diisi.',
    en: "The member's consent reference (the signed consent form's number) is required.",
  },
  inquiry_name_required: { id: 'Nama lengkap sesuai KTP wajib diisi.', en: 'The full name as on the ID card is required.' },
  dispute_already_open: { id: 'Baris ini sudah dalam sengketa yang belum selesai.', en: 'This line already has an open dispute.' },
  dispute_closed: { id: 'Sengketa ini sudah diselesaikan.', en: 'This dispute has already been resolved.' },
  // recovery: cases, negotiation, restructuring, hapus buku, hapus tagih
  loan_not_in_arrears: { id: 'Pinjaman ini tidak menunggak: tidak perlu dibuka kasus penanganan.', en: 'This loan is not in arrears: no recovery case is needed.' },
  case_not_open: { id: 'Kasus ini sudah ditutup ({status}).', en: 'This case is already closed ({status}).' },
  case_still_in_arrears: { id: 'Pinjaman masih menunggak {days} hari: kasus belum dapat ditutup sebagai lancar kembali.', en: 'The loan is still {days} days past due: the case cannot be closed as cured.' },
  invalid_time: { id: 'Jam harus berbentuk JJ:MM (00:00–23:59).', en: 'The time must be HH:MM (00:00–23:59).' },
  promise_due_in_past: { id: 'Tanggal janji bayar tidak boleh sebelum tanggal janji dibuat ({madeOn}).', en: 'The promised date cannot be before the day the promise was made ({madeOn}).' },
  restructuring_invalid_plan: { id: 'Rencana restrukturisasi tidak dapat dihitung: {reason}.', en: 'The restructuring plan cannot be computed: {reason}.' },
  restructuring_leaves_arrears: {
    id: 'Tunggakan bunga {interest} dan denda {penalty} harus dihapus atau dikapitalisasi dalam rencana; restrukturisasi tidak menyisakan tunggakan.',
    en: 'Interest arrears {interest} and penalties {penalty} must be waived or capitalised in the plan; a restructuring leaves no arrears behind.',
  },
  restructuring_pending: { id: 'Sudah ada usulan restrukturisasi yang menunggu keputusan.', en: 'A restructuring proposal is already waiting for a decision.' },
  proposal_decided: { id: 'Usulan ini sudah berstatus {status}.', en: 'This proposal is already {status}.' },
  approver_is_proposer: { id: 'Pengusul tidak boleh menyetujui usulannya sendiri.', en: 'The proposer cannot approve their own proposal.' },
  approver_not_senior: { id: 'Persetujuan harus oleh pengguna yang lebih senior dari pemberi persetujuan awal pinjaman (pengurus).', en: "The approval must come from a user senior to the loan's original approver (a pengurus)." },
  approver_is_original: { id: 'Pemberi persetujuan awal pinjaman tidak boleh menyetujui restrukturisasinya; perlu pengurus lain.', en: "The loan's original approver cannot approve its restructuring; another pengurus must." },
  write_off_not_macet: { id: 'Hapus buku hanya untuk pinjaman Macet (kolektibilitas sekarang: {classCode}).', en: 'Only a Macet loan can be written off (its class now: {classCode}).' },
  write_off_allowance_incomplete: { id: 'Cadangan (PPAP) {allowance} belum menutup sisa pokok {outstanding}.', en: 'The allowance (PPAP) {allowance} does not cover the outstanding principal {outstanding}.' },
  write_off_attempts_missing: { id: 'Upaya penagihan yang terdokumentasi baru {attempts} dari minimal {required}.', en: 'Only {attempts} documented collection attempts of the {required} required.' },
  write_off_pending: { id: 'Sudah ada usulan hapus buku yang belum selesai.', en: 'A write-off proposal is already in progress.' },
  write_off_decision_by_pengurus: { id: 'Keputusan hapus buku diambil oleh pengurus.', en: 'A write-off is decided by the pengurus.' },
  decider_is_proposer: { id: 'Pengusul tidak boleh memutus usulannya sendiri.', en: 'The proposer cannot decide their own proposal.' },
  recovery_requires_write_off: { id: 'Pemulihan hanya dicatat untuk pinjaman yang sudah dihapus buku (status {status}).', en: 'Recoveries are recorded only on a written-off loan (status {status}).' },
  forgiveness_requires_write_off: { id: 'Hapus tagih hanya untuk pinjaman yang sudah dihapus buku (status {status}).', en: 'Only a written-off loan can be forgiven (status {status}).' },
  recovery_above_claim: { id: 'Jumlah pemulihan {amount} melebihi sisa tagihan {claim}.', en: 'The recovery {amount} is more than the remaining claim {claim}.' },
  rat_decision_required: { id: 'Hapus tagih memerlukan keputusan RAT: tanggal rapat, nomor keputusan, jumlah hadir dan kuorum.', en: 'Forgiveness needs a RAT decision: meeting date, decision number, members present and quorum.' },
  rat_quorum_not_met: { id: 'RAT tidak kuorum: hadir {present}, kuorum {quorum}.', en: 'The RAT had no quorum: {present} present, quorum {quorum}.' },
  forgiveness_not_confirmed: { id: 'Hapus tagih tidak dapat dibatalkan: konfirmasi wajib diberikan.', en: 'Forgiveness cannot be undone: it must be confirmed.' },
  // field-level codes
  required: { id: 'Wajib diisi.', en: 'Required.' },
  invalid_value: { id: 'Nilai tidak sah.', en: 'Invalid value.' },
  too_short: { id: 'Terlalu pendek (minimal {min}).', en: 'Too short (at least {min}).' },
  too_long: { id: 'Terlalu panjang (maksimal {max}).', en: 'Too long (at most {max}).' },
  invalid_type: { id: 'Jenis nilai salah.', en: 'Wrong type of value.' },
  invalid_option: { id: 'Pilihan tidak dikenal.', en: 'Unknown option.' },
  unknown_field: { id: 'Isian tidak dikenal.', en: 'Unknown field.' },
} as const satisfies Record<string, Record<Lang, string>>;

export type MessageCode = keyof typeof MESSAGES;

export function isMessageCode(code: string): code is MessageCode {
  return Object.hasOwn(MESSAGES, code);
}

/** The text of a code in a language, with `{param}` placeholders filled. */
export function translate(code: string, lang: Lang, params: Record<string, unknown> = {}): string {
  const template = isMessageCode(code) ? MESSAGES[code][lang] : MESSAGES.bad_request[lang];
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}

/** Picks Indonesian or English from an Accept-Language header; Indonesian by default. */
export function pickLang(header: string | undefined | null): Lang {
  if (!header) return 'id';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.map((r) => r.trim()).find((r) => r.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('id') || tag.startsWith('in')) return 'id';
    if (tag.startsWith('en')) return 'en';
  }
  return 'id';
}
