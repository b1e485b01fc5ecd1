/**
 * The arithmetic of the three interest methods. Interest is computed exactly (bigint
 * rational × balance) and rounded once per amount; only the annuity payment, which involves
 * (1+i)^-n, is computed in floating point and then rounded.
 */
import { dueDate, periodRate, ratioToNumber } from './rates.ts';
import type { Ratio } from './rates.ts';
import { divRound, roundToUnit } from './money.ts';
import type { Installment, NormalizedTerms } from './schedule.ts';

interface Plan {
  /** Interest accrued in a period on `balance` (flat: on the original principal). */
  accrued(balance: number): number;
  /** Principal scheduled in an amortising period, given that period's accrued interest. */
  principal(accrued: number): number;
}

function interestOn(amount: number, rate: Ratio, terms: NormalizedTerms): number {
  return Number(divRound(BigInt(amount) * rate.num, rate.den, terms.rounding));
}

/**
 * Level principal over `periods` so that principal + `addOn` is rounded to the instalment
 * multiple: round((P + addOn·m) / (m·multiple)) · multiple − addOn, exactly.
 */
function levelPrincipal(terms: NormalizedTerms, periods: number, addOn: number): number {
  const principal = BigInt(terms.principal);
  const count = BigInt(periods);
  if (terms.multiple === null) return Number(divRound(principal, count, terms.rounding));
  const unit = BigInt(terms.multiple);
  const total = divRound(principal + BigInt(addOn) * count, count * unit, terms.multipleRounding) * unit;
  return Number(total) - addOn;
}

function annuityPayment(terms: NormalizedTerms, periods: number, rate: Ratio): number {
  const i = ratioToNumber(rate);
  if (i === 0) return levelPrincipal(terms, periods, 0);
  const exact = (terms.principal * i) / (1 - Math.pow(1 + i, -periods));
  return terms.multiple === null
    ? roundToUnit(exact, terms.rounding)
    : roundToUnit(exact, terms.multipleRounding, terms.multiple);
}

function planFor(terms: NormalizedTerms): Plan {
  const rate = periodRate(terms.ratePercent, terms.ratePeriod, terms.frequency);
  const periods = terms.tenor - terms.gracePrincipal;
  switch (terms.method) {
    case 'flat': {
      const interest = interestOn(terms.principal, rate, terms);
      const principal = levelPrincipal(terms, periods, interest);
      return { accrued: () => interest, principal: () => principal };
    }
    case 'effective': {
      const base = levelPrincipal(terms, periods, 0);
      return {
        accrued: (balance) => interestOn(balance, rate, terms),
        principal: (accrued) => (terms.multiple === null ? base : levelPrincipal(terms, periods, accrued)),
      };
    }
    case 'annuity': {
      const payment = annuityPayment(terms, periods, rate);
      return { accrued: (balance) => interestOn(balance, rate, terms), principal: (accrued) => payment - accrued };
    }
  }
}

/**
 * Generates the instalments: principal grace periods pay interest only; interest grace
 * periods defer their interest to the first period after the grace; the last instalment
 * takes whatever principal remains.
 */
export function buildInstallments(terms: NormalizedTerms): Installment[] {
  const plan = planFor(terms);
  const rows: Installment[] = [];
  let balance = terms.principal;
  let deferred = 0;
  for (let n = 1; n <= terms.tenor; n++) {
    const accrued = plan.accrued(balance);
    let interest = accrued + deferred;
    deferred = 0;
    if (n <= terms.graceInterest) {
      deferred = interest;
      interest = 0;
    }
    let principal = n <= terms.gracePrincipal ? 0 : Math.min(balance, Math.max(0, plan.principal(accrued)));
    if (n === terms.tenor) principal = balance;
    balance -= principal;
    rows.push({ n, dueDate: dueDate(terms.startDate, terms.frequency, n), principal, interest, total: principal + interest, balance });
  }
  return rows;
}
