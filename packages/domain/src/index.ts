/**
 * @simpul/domain — the pure loan engine: money, dates, schedules, repayments, penalties,
 * classification, allowances, ratios, restructuring, capacity to pay and NIK parsing.
 * No I/O, no clock, no randomness. See docs/loan-engine.md.
 */
export * from './errors.ts';
export * from './decimal.ts';
export * from './money.ts';
export * from './dates.ts';
export * from './rates.ts';
export * from './schedule.ts';
export * from './irr.ts';
export * from './penalty.ts';
export * from './repayment.ts';
export * from './loan-state.ts';
export * from './classification.ts';
export * from './classification-presets.ts';
export * from './allowance.ts';
export * from './ratios.ts';
export * from './restructuring.ts';
export * from './capacity.ts';
export * from './nik.ts';
export * from './score.ts';
