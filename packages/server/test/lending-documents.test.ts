import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, json } from './harness.ts';
import { activeLoan, lendingWorld, type LendingWorld } from './lending-fixtures.ts';

/**
 * The text lines of a pdfkit PDF: every content stream inflated, each `[...] TJ` array's hex
 * strings decoded (WinAnsi ≈ latin1 for these texts) and joined.
 */
function pdfText(pdf: Buffer): string[] {
  const lines: string[] = [];
  const raw = pdf.toString('latin1');
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = (m.index ?? 0) + m[0].length;
    const end = raw.indexOf('endstream', start);
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      continue;
    }
    for (const tj of content.matchAll(/\[([^\]]*)\] TJ/g)) {
      lines.push([...(tj[1] ?? '').matchAll(/<([0-9a-f]*)>/g)].map((h) => Buffer.from(h[1] ?? '', 'hex').toString('latin1')).join(''));
    }
  }
  return lines;
}

describeEachDialect('printable loan documents', (dialect) => {
  let w: LendingWorld;
  let loanId: number;
  let repaymentId: number;

  beforeAll(async () => {
    w = await lendingWorld(dialect);
    loanId = await activeLoan(w, 6_000_000, 6);
    const res = await w.t.request(`/api/loans/${loanId}/repayments`, { method: 'POST', cookie: w.cookies.petugas, json: { amount: 1_060_000, channel: 'transfer', receiptNo: 'KW-2026-0001' } });
    repaymentId = (await json(res)).repaymentId;
  });
  afterAll(async () => w.t.close());

  it('the agreement is a real PDF: flat 1 % on 6,000,000 over 6 → 6 × 1,060,000 = 6,360,000 in the schedule table', async () => {
    const res = await w.t.request(`/api/loans/${loanId}/agreement.pdf`, { cookie: w.cookies.pengawas });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(2_000);
    const text = pdfText(pdf);
    expect(text).toContain('RINGKASAN PERJANJIAN PINJAMAN');
    expect(text).toContain('Koperasi KSPA');
    expect(text).toContain('PJ-2026-00001');
    expect(text).toContain('Anggota A-0001 (No. A-0001)');
    expect(text).toContain('Rp 6.000.000');
    expect(text.filter((t) => t === 'Rp 1.060.000')).toHaveLength(7); // the "Angsuran" line and 6 instalments
    expect(text).toContain('Rp 6.360.000');
    expect(text).toContain('Rp 360.000');
    expect(text).toContain('2027-05-02');
  });

  it('the receipt shows 1,060,000 split into interest 60,000 and principal 1,000,000, leaving 5,000,000', async () => {
    const res = await w.t.request(`/api/loans/${loanId}/repayments/${repaymentId}/receipt.pdf`, { cookie: w.cookies.petugas });
    expect(res.status).toBe(200);
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('KUITANSI PEMBAYARAN ANGSURAN');
    expect(text).toContain('KW-2026-0001');
    expect(text).toContain('Rp 1.060.000');
    expect(text).toContain('Rp 60.000');
    expect(text).toContain('Rp 1.000.000');
    expect(text).toContain('Rp 5.000.000');
    expect(text).toContain('Transfer');
    expect(text.some((t) => t.startsWith('DIBATALKAN'))).toBe(false);
  });

  it('a reversed repayment’s receipt is marked DIBATALKAN with the reason', async () => {
    await w.t.request(`/api/loans/${loanId}/repayments/${repaymentId}/reverse`, { method: 'POST', cookie: w.cookies.pengurus, json: { reason: 'Salah input' } });
    const text = pdfText(Buffer.from(await (await w.t.request(`/api/loans/${loanId}/repayments/${repaymentId}/receipt.pdf`, { cookie: w.cookies.petugas })).arrayBuffer()));
    expect(text).toContain('DIBATALKAN: Salah input');
  });

  it('an application without a schedule has no agreement yet (409)', async () => {
    const applied = await json(await w.t.request('/api/loans', { method: 'POST', cookie: w.cookies.petugas, json: { memberId: w.memberId, productId: w.productId, amount: 2_000_000, tenor: 6, purpose: 'Modal' } }));
    expect((await w.t.request(`/api/loans/${applied.loan.id}/agreement.pdf`, { cookie: w.cookies.petugas })).status).toBe(409);
  });
});
