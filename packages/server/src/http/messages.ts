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
