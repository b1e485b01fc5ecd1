import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { simpulCli } from './harness.ts';

const schedule = (...args: string[]) => spawnSync(process.execPath, [simpulCli(), 'schedule', ...args], { encoding: 'utf8', timeout: 60_000 });

describe('simpul schedule (simulasi angsuran)', () => {
  it('flat 1,200,000 at 1%/month over 12: 100,000 + 12,000 = 112,000 each, 144,000 interest', () => {
    const r = schedule('--principal', '1200000', '--rate', '1', '--tenor', '12', '--method', 'flat', '--start', '2026-01-31', '--json');
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.installments).toHaveLength(12);
    expect(out.installments[0]).toEqual({ n: 1, dueDate: '2026-02-28', principal: 100000, interest: 12000, total: 112000, balance: 1100000 });
    expect(out.installments[1].dueDate).toBe('2026-03-31');
    expect(out.totals).toEqual({ principal: 1200000, interest: 144000, total: 1344000 });
    // 1% flat per month costs about 1.79% a month effective: (1.0179)^12 − 1 ≈ 23.7% a year (per cent)
    expect(out.effectiveAnnualRate).toBeGreaterThan(23.5);
    expect(out.effectiveAnnualRate).toBeLessThan(23.9);
  });

  it('amounts are minor units with --decimals 2: 1,000.00 → 100000 cents', () => {
    const r = schedule('--principal', '1000', '--rate', '12', '--rate-per', 'year', '--tenor', '2', '--method', 'annuity', '--decimals', '2', '--start', '2026-01-01', '--json');
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.totals.principal).toBe(100000);
    // PMT(1%, 2, 1000) = 507.51 → 50751 cents; interest 10.00 then 5.08
    expect(out.installments.map((i: { total: number }) => i.total)).toEqual([50751, 50751]);
  });

  it('--multiple 1000 rounds instalments up; the last absorbs the rest', () => {
    const r = schedule('--principal', '1000000', '--rate', '1.5', '--tenor', '3', '--method', 'flat', '--multiple', '1000', '--start', '2026-01-10', '--json');
    const totals = JSON.parse(r.stdout).installments.map((i: { total: number }) => i.total);
    // 333,333.33 + 15,000 = 348,333.33 → 349,000, 349,000, and 1,045,000 − 698,000 = 347,000
    expect(totals).toEqual([349000, 349000, 347000]);
  });

  it('prints an Indonesian table without --json', () => {
    const r = schedule('--principal', '1200000', '--rate', '1', '--tenor', '12', '--method', 'flat', '--start', '2026-01-31');
    expect(r.stdout).toContain('Rp 112.000');
    expect(r.stdout).toContain('Bunga efektif setahun');
  });

  it.each([
    [['--principal', 'lima juta'], '--principal'],
    [['--tenor', '0'], '--tenor'],
    [['--method', 'bunga-berbunga'], '--method'],
    [['--frequency', 'yearly'], '--frequency'],
    [['--rounding', 'sideways'], '--rounding'],
    [['--start', '31-01-2026'], '--start'],
  ])('a bad %s exits 2 naming %s', (bad, name) => {
    const base: Record<string, string> = { '--principal': '1000000', '--rate': '1', '--tenor': '12', '--method': 'flat' };
    base[bad[0] ?? ''] = bad[1] ?? '';
    const r = schedule(...Object.entries(base).flat());
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(name);
  });
});
