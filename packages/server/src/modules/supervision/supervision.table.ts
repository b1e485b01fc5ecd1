/**
 * The open book of one cooperative in one reporting month and one DPD band (the bands of
 * `dpdCuts`): what `figuresOf` needs for the trend, kept exact as registry_history changes
 * (supervision.summary.ts), so the 24-month trend reads a few rows per cooperative and month
 * instead of every account's history. Accounts a dispute removed are left out.
 */
export interface SupervisionMonthlySummaryTable {
  cooperative_id: number;
  period: string;
  /** Index of the DPD band: 0 up to the first cut, … , cuts.length beyond the last. */
  band: number;
  accounts: number;
  outstanding: number;
  min_dpd: number;
}
