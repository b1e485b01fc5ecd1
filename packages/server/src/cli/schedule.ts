import { Command } from 'commander';
import {
  EngineError, buildSchedule, effectiveAnnualRate, formatMoney, isRoundingMode, toMinor,
  type InterestMethod, type LoanTerms, type RoundingMode,
} from '@simpul/domain';
import { businessDate } from '../config/env.ts';
import { table } from './context.ts';
import { UsageError } from './errors.ts';

interface ScheduleOptions {
  principal: string; rate: string; ratePer: string; tenor: string; method: string; frequency: string; start?: string;
  gracePrincipal: string; graceInterest: string; decimals: string; multiple?: string; rounding: string; json?: boolean;
}

const METHODS = ['flat', 'effective', 'annuity'] as const;
const FREQUENCIES = ['monthly', 'weekly', 'fortnightly', 'daily'] as const;

function integer(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < min || n > max) throw new UsageError(`--${name}: "${value}" must be a whole number from ${min} to ${max}`);
  return n;
}

function oneOf<T extends string>(name: string, value: string, options: readonly T[]): T {
  const found = options.find((o) => o === value);
  if (!found) throw new UsageError(`--${name}: "${value}" must be one of ${options.join(', ')}`);
  return found;
}

function money(name: string, value: string, decimals: number): number {
  if (!/^\d+(\.\d+)?$/.test(value.trim())) throw new UsageError(`--${name}: "${value}" must be a positive amount in major units, e.g. 5000000`);
  try {
    return toMinor(value.trim(), decimals);
  } catch {
    throw new UsageError(`--${name}: "${value}" has more decimals than the currency's ${decimals}`);
  }
}

/** Turns command-line text into loan terms, naming the argument of any bad value. */
export function termsFromOptions(o: ScheduleOptions): LoanTerms {
  const decimals = integer('decimals', o.decimals, 0, 4);
  const rate = Number(o.rate);
  if (!/^\d+(\.\d+)?$/.test(o.rate.trim()) || rate > 1000) throw new UsageError(`--rate: "${o.rate}" must be a per-cent rate such as 1.5`);
  if (!isRoundingMode(o.rounding)) throw new UsageError(`--rounding: "${o.rounding}" must be one of half-even, half-up, up`);
  const start = o.start ?? businessDate();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(start)) throw new UsageError(`--start: "${start}" must be a date YYYY-MM-DD`);
  return {
    principal: money('principal', o.principal, decimals),
    ratePercent: rate,
    ratePeriod: oneOf('rate-per', o.ratePer, ['month', 'year'] as const),
    tenor: integer('tenor', o.tenor, 1, 3650),
    method: oneOf<InterestMethod>('method', o.method, METHODS),
    frequency: oneOf('frequency', o.frequency, FREQUENCIES),
    startDate: start,
    gracePrincipal: integer('grace-principal', o.gracePrincipal, 0, 3650),
    graceInterest: integer('grace-interest', o.graceInterest, 0, 3650),
    decimals,
    rounding: o.rounding as RoundingMode,
    ...(o.multiple ? { multiple: money('multiple', o.multiple, decimals) } : {}),
  };
}

export function scheduleCommand(): Command {
  return new Command('schedule')
    .description('Simulasi angsuran: the instalment schedule of a loan offer, and what it really costs')
    .requiredOption('--principal <amount>', 'loan amount in major units (e.g. 5000000)')
    .requiredOption('--rate <percent>', 'interest rate in per cent')
    .option('--rate-per <period>', 'month or year', 'month')
    .requiredOption('--tenor <n>', 'number of instalments')
    .requiredOption('--method <method>', 'flat, effective or annuity')
    .option('--frequency <frequency>', 'monthly, weekly, fortnightly or daily', 'monthly')
    .option('--start <YYYY-MM-DD>', 'disbursement date (default today); the first instalment is one period later')
    .option('--grace-principal <k>', 'first k instalments pay interest only', '0')
    .option('--grace-interest <k>', 'first k instalments defer their interest', '0')
    .option('--decimals <d>', "the currency's decimals (rupiah 0)", '0')
    .option('--multiple <amount>', 'round instalments up to a multiple of this (major units); the last absorbs the rest')
    .option('--rounding <mode>', 'half-even, half-up or up', 'half-even')
    .option('--json', 'print JSON with every amount in minor units')
    .action((o: ScheduleOptions) => {
      const terms = termsFromOptions(o);
      let schedule;
      try {
        schedule = buildSchedule(terms);
      } catch (err) {
        if (err instanceof EngineError) throw new UsageError(`--${String(err.details.field ?? 'terms').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${err.message}`);
        throw err;
      }
      const ear = effectiveAnnualRate(schedule, terms.principal);
      const out = {
        installments: schedule.installments.map(({ n, dueDate, principal, interest, total, balance }) => ({ n, dueDate, principal, interest, total, balance })),
        totals: { principal: schedule.totals.principal, interest: schedule.totals.interest, total: schedule.totals.total },
        effectiveAnnualRate: ear,
      };
      if (o.json) {
        process.stdout.write(`${JSON.stringify(out)}\n`);
        return;
      }
      const rp = (v: number) => formatMoney(v, terms.decimals ?? 0);
      process.stdout.write(`${table([
        ['Ke', 'Jatuh tempo', 'Pokok', 'Bunga', 'Angsuran', 'Sisa pokok'],
        ...out.installments.map((i) => [String(i.n), i.dueDate, rp(i.principal), rp(i.interest), rp(i.total), rp(i.balance)]),
        ['', 'Jumlah', rp(out.totals.principal), rp(out.totals.interest), rp(out.totals.total), ''],
      ])}\nBunga efektif setahun / effective annual rate: ${ear.toFixed(2).replace('.', ',')}%\n`);
    });
}
