/**
 * Classification presets. Sources:
 * - OJK_BANK: POJK 40/POJK.03/2019 on asset quality of commercial banks — five classes by
 *   DPD (0, 1–90, 91–120, 121–180, > 180) with minimum allowances 1/5/15/50/100 %.
 * - BPR: rural banks' asset-quality rules (POJK 33/POJK.03/2018 and its successor; verify
 *   the one in force) — the same DPD bands, with BPR allowances 0.5/3/10/50/100 %.
 * - COOPERATIVE_4: Kemenkop health-assessment rules use four classes (Lancar, Kurang
 *   Lancar, Diragukan, Macet; no DPK) with month-based arrears tests that depend on the
 *   instalment period and on collateral. The exact bands are UNCONFIRMED (DOMAIN.md §5),
 *   so the DPD bands here are a configurable default — build another with
 *   `cooperativePolicy(bands)` once the Dinas confirms its rule.
 */
import type { ClassificationPolicy, DpdBands, LoanClass } from './classification.ts';

function bankClasses(allowances: readonly [number, number, number, number, number]): readonly LoanClass[] {
  const [lancar, dpk, kl, d, m] = allowances;
  return [
    { class: 1, code: 'L', name: 'Lancar', nonPerforming: false, allowancePercent: lancar, maxDpd: { monthly: 0 } },
    { class: 2, code: 'DPK', name: 'Dalam Perhatian Khusus', nonPerforming: false, allowancePercent: dpk, maxDpd: { monthly: 90 } },
    { class: 3, code: 'KL', name: 'Kurang Lancar', nonPerforming: true, allowancePercent: kl, maxDpd: { monthly: 120 } },
    { class: 4, code: 'D', name: 'Diragukan', nonPerforming: true, allowancePercent: d, maxDpd: { monthly: 180 } },
    { class: 5, code: 'M', name: 'Macet', nonPerforming: true, allowancePercent: m, maxDpd: null },
  ];
}

/** Commercial banks, POJK 40/2019. */
export const OJK_BANK: ClassificationPolicy = {
  id: 'ojk_bank',
  name: 'OJK — bank umum (POJK 40/2019)',
  classes: bankClasses([1, 5, 15, 50, 100]),
};

/** Rural banks (BPR): bank DPD bands, BPR allowances. */
export const BPR: ClassificationPolicy = {
  id: 'bpr',
  name: 'OJK — BPR',
  classes: bankClasses([0.5, 3, 10, 50, 100]),
};

/** Highest DPD of Lancar, Kurang Lancar and Diragukan (Macet is everything beyond). */
export interface CooperativeBands {
  readonly lancar: DpdBands;
  readonly kurangLancar: DpdBands;
  readonly diragukan: DpdBands;
}

/**
 * Default cooperative bands (configurable, unconfirmed). Monthly loans: Lancar up to one
 * instalment in arrears (0–30), Kurang Lancar 31–90, Diragukan 91–180, Macet > 180, so
 * Diragukan and Macet line up with the bank bands. Short-period loans go bad faster in
 * days: weekly and daily loans are Lancar to 7 days (daily: 3), Kurang Lancar to 30,
 * Diragukan to 90, then Macet; fortnightly 14 / 60 / 120.
 */
export const DEFAULT_COOPERATIVE_BANDS: CooperativeBands = {
  lancar: { monthly: 30, fortnightly: 14, weekly: 7, daily: 3 },
  kurangLancar: { monthly: 90, fortnightly: 60, weekly: 30, daily: 30 },
  diragukan: { monthly: 180, fortnightly: 120, weekly: 90, daily: 90 },
};

/**
 * A four-class cooperative policy with the given DPD bands. Allowances follow the Kemenkop
 * PPAP convention 0.5 / 10 / 50 / 100 % (also unconfirmed; override per cooperative).
 *
 * @example cooperativePolicy({ ...DEFAULT_COOPERATIVE_BANDS, lancar: { monthly: 0 } })
 */
export function cooperativePolicy(bands: CooperativeBands = DEFAULT_COOPERATIVE_BANDS, id = 'cooperative_4'): ClassificationPolicy {
  return {
    id,
    name: 'Koperasi — 4 kolektibilitas (configurable, unconfirmed)',
    classes: [
      { class: 1, code: 'L', name: 'Lancar', nonPerforming: false, allowancePercent: 0.5, maxDpd: bands.lancar },
      { class: 2, code: 'KL', name: 'Kurang Lancar', nonPerforming: true, allowancePercent: 10, maxDpd: bands.kurangLancar },
      { class: 3, code: 'D', name: 'Diragukan', nonPerforming: true, allowancePercent: 50, maxDpd: bands.diragukan },
      { class: 4, code: 'M', name: 'Macet', nonPerforming: true, allowancePercent: 100, maxDpd: null },
    ],
  };
}

/** The default cooperative policy. */
export const COOPERATIVE_4: ClassificationPolicy = cooperativePolicy();

/** All presets by id. */
export const CLASSIFICATION_PRESETS: Readonly<Record<string, ClassificationPolicy>> = {
  [OJK_BANK.id]: OJK_BANK,
  [BPR.id]: BPR,
  [COOPERATIVE_4.id]: COOPERATIVE_4,
};
