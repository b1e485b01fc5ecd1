import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { csvCell } from '../../src/modules/registry/furnishing.routes.ts';
import { describeEachDialect, json, testInstance, type TestInstance } from '../harness.ts';
import { cellsOf, csvBytes, csvCells, csvShapeArb, FORMULAS, rowSpecArb, xlsxBytes, type RowSpec } from './furnishing-files.ts';
import type { OpenApiDocument } from './openapi.ts';
import { World, type Actor } from './world.ts';

/** A spreadsheet treats a cell starting with one of these as a formula (OWASP CSV injection). */
const LIVE_FORMULA = /^[=+\-@\t\r]/;
const SEED = 20261102;
const HANG_MS = 20_000;

function withDeadline<T>(work: Promise<T>, what: string): Promise<T> {
  return Promise.race([work, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`hang: ${what} took over ${HANG_MS} ms`)), HANG_MS))]);
}

interface Upload {
  status: number;
  contentType: string;
  body: { code?: string; batchId?: number | null; rows?: number; accepted?: number; rejected?: number; errors?: { row: number; severity: string }[] };
}

describeEachDialect('fuzzing furnishing files through the upload route', (dialect) => {
  let t: TestInstance;
  let world: World;
  let system: Actor;
  let cases = 0;
  beforeAll(async () => {
    t = await testInstance(dialect);
    world = new World(t, (await json(await t.request('/api/openapi.json'))) as OpenApiDocument);
    await world.setUp();
    system = world.actors.find((a) => a.role === 'api_key') ?? world.actors[0]!;
  });
  afterAll(async () => {
    console.info(`[${dialect}] furnishing fuzz: ${cases} files uploaded`);
    await t.close();
  });

  async function upload(bytes: Buffer, name: string): Promise<Upload> {
    cases++;
    const sent = await withDeadline(world.send(system, 'POST', `/api/registry/furnishing/files?period=2026-10&fileName=${name}`, { type: 'application/octet-stream', data: bytes }), name);
    return { status: sent.status, contentType: '', body: JSON.parse(sent.text) as Upload['body'] };
  }

  /** Every bad row is reported with its row number; counts add up; the report has no live formula. */
  async function checkResult(specs: RowSpec[], res: Upload): Promise<void> {
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
    const { rows, accepted, rejected, errors = [], batchId } = res.body;
    expect(rows).toBe(specs.length);
    expect((accepted ?? 0) + (rejected ?? 0)).toBe(specs.length);
    const errorRows = new Set(errors.filter((e) => e.severity === 'error').map((e) => e.row));
    specs.forEach((s, i) => {
      if (s.defect) expect(errorRows.has(i + 2), `row ${i + 2} (${s.defect}) not reported`).toBe(true);
    });
    expect(rejected).toBe(errorRows.size);
    if (typeof batchId !== 'number') return;
    const report = await world.send(system, 'GET', `/api/registry/furnishing/batches/${batchId}/issues.csv`);
    expect(report.status).toBe(200);
    for (const cell of csvCells(report.text)) expect(cell, 'live formula in the error report').not.toMatch(LIVE_FORMULA);
  }

  it('CSV: 200 malformed files (encodings, BOMs, ; or , quoting, CRLF, formulas, 31/02, negative, 40-digit amounts, 17-digit NIKs) — never 5xx or a hang, every bad row reported by number', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(rowSpecArb, { minLength: 1, maxLength: 6 }), csvShapeArb, async (specs, shape) => {
        const tag = `C${++n}`;
        await checkResult(specs, await upload(csvBytes(specs.map((s, i) => cellsOf(s, i, tag)), shape), `${tag}.csv`));
      }),
      { seed: SEED, numRuns: 200 },
    );
  }, 300_000);

  it('XLSX: 50 malformed workbooks (numbers as numbers, formula cells, the same defects) — every bad row reported by number', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(rowSpecArb, { minLength: 1, maxLength: 5 }), fc.boolean(), async (specs, asFormula) => {
        const tag = `X${++n}`;
        await checkResult(specs, await upload(await xlsxBytes(specs.map((s, i) => cellsOf(s, i, tag)), asFormula), `${tag}.xlsx`));
      }),
      { seed: SEED, numRuns: 50 },
    );
  }, 300_000);

  it('300 files of random bytes or text: 200 with findings or 400 problem+json, never 5xx', async () => {
    let n = 0;
    const garbage = fc.oneof(
      fc.uint8Array({ minLength: 1, maxLength: 4096 }).map((a) => Buffer.from(a)),
      fc.string({ minLength: 1, maxLength: 2000 }).map((s) => Buffer.from(s)),
      fc.string({ maxLength: 500 }).map((s) => Buffer.from(`account_ref,nik\n${s}`)),
      fc.uint8Array({ minLength: 1, maxLength: 2000 }).map((a) => Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from(a)])),
    );
    await fc.assert(
      fc.asyncProperty(garbage, async (bytes) => {
        const res = await upload(bytes, `G${++n}.csv`);
        expect([200, 400]).toContain(res.status);
        if (res.status === 400) expect(res.body.code).toMatch(/^[a-z_]+$/);
      }),
      { seed: SEED, numRuns: 300 },
    );
  }, 300_000);
});

it('csvCell: 5,000 random texts (and every known formula) never leave a live formula, and parse back to the text', () => {
  for (const f of FORMULAS) expect(csvCells(csvCell(f))[0]).not.toMatch(LIVE_FORMULA);
  fc.assert(
    fc.property(fc.oneof(fc.string(), fc.constantFrom(...FORMULAS).chain((f) => fc.string().map((s) => f + s))), (text) => {
      const [cell] = csvCells(`${csvCell(text)}\r\n`);
      expect(cell ?? '').not.toMatch(LIVE_FORMULA);
      // inert by one leading apostrophe when (and only when) the text would start a formula
      expect(cell ?? '').toBe(LIVE_FORMULA.test(text) ? `'${text}` : text);
    }),
    { seed: SEED, numRuns: 5000 },
  );
});
