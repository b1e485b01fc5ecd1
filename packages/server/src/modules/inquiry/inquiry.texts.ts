import type { ScoreReasonCode } from '@simpul/domain';
import type { Lang } from '../../http/messages.ts';

/** Plain-language text of each score reason, Bahasa Indonesia first. */
export const REASON_TEXT: Record<ScoreReasonCode, Record<Lang, string>> = {
  write_off: { id: 'Ada pinjaman yang dihapusbukukan atau dihapustagih.', en: 'A loan was written off or forgiven.' },
  serious_delinquency: { id: 'Ada tunggakan lebih dari 90 hari.', en: 'A loan was more than 90 days past due.' },
  recent_delinquency: { id: 'Ada tunggakan dalam 6 bulan terakhir.', en: 'A loan was past due in the last 6 months.' },
  past_delinquency: { id: 'Ada tunggakan dalam 24 bulan terakhir.', en: 'A loan was past due in the last 24 months.' },
  restructured: { id: 'Ada pinjaman yang direstrukturisasi.', en: 'A loan was restructured.' },
  many_lenders: { id: 'Pinjaman aktif di beberapa koperasi sekaligus.', en: 'Open loans at several cooperatives at once.' },
  recent_inquiries: { id: 'Beberapa koperasi memeriksa data ini untuk pinjaman baru dalam 30 hari.', en: 'Several cooperatives checked this person for a new loan in 30 days.' },
  high_debt_burden: { id: 'Angsuran akan melebihi 30% penghasilan.', en: 'Instalments would exceed 30% of income.' },
  no_history: { id: 'Belum ada riwayat pinjaman di registri.', en: 'No loan history in the registry yet.' },
};

/** The member's rights, printed on their own report (UU 27/2022; OJK complaint rules). */
export const RIGHTS_TEXT: Record<Lang, string[]> = {
  id: [
    'Anda berhak mendapat laporan ini secara gratis, termasuk daftar siapa yang memeriksa data Anda, kapan dan untuk apa.',
    'Setiap pemeriksaan memerlukan tujuan yang sah dan persetujuan Anda.',
    'Jika ada baris yang salah, ajukan sengketa di koperasi mana pun atau di Dinas Koperasi. Baris itu segera ditandai "disengketakan" di setiap laporan.',
    'Koperasi pelapor wajib menjawab dalam 20 hari kerja: membenarkan atau mengoreksi. Lewat batas waktu, sengketa diteruskan ke Dinas. Baris yang tidak dapat dibuktikan dihapus dari laporan.',
    'Anda berhak meminta koreksi dan pembatasan pemrosesan data pribadi Anda (UU 27/2022).',
  ],
  en: [
    'You may get this report free of charge, with the list of who looked at your data, when and why.',
    'Every inquiry needs a permissible purpose and your consent.',
    'If a line is wrong, dispute it at any cooperative or at the Dinas Koperasi. The line is marked "disputed" in every report at once.',
    'The reporting cooperative must confirm or correct it within 20 working days; after that the dispute goes to the Dinas. A line that cannot be substantiated is removed.',
    'You may ask for correction and restriction of the processing of your personal data (Law 27/2022).',
  ],
};
