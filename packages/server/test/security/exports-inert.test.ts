import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, json, signInCookie, seedUser, testInstance, type TestInstance } from '../harness.ts';
import { csvCells, FORMULAS } from './furnishing-files.ts';
import { allows, operationsOf, type OpenApiDocument } from './openapi.ts';

const LIVE_FORMULA = /^[=+\-@\t\r]/;

/** Every export URL the document offers (each enum value of each path parameter), with whether the Dinas may call it. */
function exportUrls(doc: OpenApiDocument): { url: string; dinas: boolean }[] {
  const urls: { url: string; dinas: boolean }[] = [];
  for (const op of operationsOf(doc).filter((o) => o.method === 'GET' && /export/.test(o.path))) {
    let paths = [op.path];
    for (const p of op.parameters.filter((x) => x.in === 'path')) {
      const values = (p.schema.enum ?? []).map(String);
      paths = paths.flatMap((path) => values.map((v) => path.replace(`{${p.name}}`, v)));
    }
    // A `format` query (csv | xlsx) multiplies the URLs too.
    for (const q of op.parameters.filter((x) => x.in === 'query' && x.name === 'format')) {
      const values = (q.schema.enum ?? []).map(String);
      paths = paths.flatMap((path) => values.map((v) => `${path}?format=${v}`));
    }
    const dinas = op.access !== undefined && allows(op.access, 'dinas_analyst');
    urls.push(...paths.filter((p) => !p.includes('{')).map((url) => ({ url, dinas })));
  }
  return urls;
}

/**
 * Exports meant for the Dinas (CSV and XLSX), filled with cooperatives whose names, addresses
 * and contacts start with formulas: no CSV cell and no XLSX cell is a live formula.
 */
describeEachDialect('exports carry no live formula from input', (dialect) => {
  let t: TestInstance;
  let cookie: string;
  /** A cooperative's pengurus, for the exports of a cooperative's own book (recovery reports). */
  let pengurusCookie: string;
  beforeAll(async () => {
    t = await testInstance(dialect);
    await seedUser(t, 'analis', 'dinas_analyst');
    await seedUser(t, 'admin', 'platform_admin');
    const admin = await signInCookie(t, 'admin');
    for (const [i, formula] of FORMULAS.entries()) {
      const res = await t.request('/api/cooperatives', { method: 'POST', cookie: admin, json: { code: `F${i}`, name: `${formula} Koperasi`, address: formula, boardContacts: formula, nikKoperasi: formula.slice(0, 40) } });
      expect(res.status, await res.clone().text()).toBe(201);
    }
    cookie = await signInCookie(t, 'analis');
    const own = (await json(await t.request('/api/cooperatives', { cookie: admin }))).items[0].id as number;
    await seedUser(t, 'pengurus', 'pengurus', own);
    pengurusCookie = await signInCookie(t, 'pengurus');
  });
  afterAll(async () => t.close());

  it(`every CSV and XLSX export of the OpenAPI document, with ${FORMULAS.length} formula-named cooperatives: no cell starts a formula`, async () => {
    const urls = exportUrls((await json(await t.request('/api/openapi.json'))) as OpenApiDocument);
    expect(urls.length).toBeGreaterThanOrEqual(4);
    let cells = 0;
    let carried = 0; // cells holding the formula text, made inert: the input did reach the export
    for (const { url, dinas } of urls) {
      const res = await t.request(url, { cookie: dinas ? cookie : pengurusCookie });
      expect(res.status, url).toBe(200);
      if ((res.headers.get('content-type') ?? '').includes('csv')) {
        for (const cell of csvCells(await res.text())) {
          cells++;
          if (cell.includes('CMD()')) carried++;
          expect(cell, `${url}: ${cell}`).not.toMatch(LIVE_FORMULA);
        }
        continue;
      }
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(await res.arrayBuffer());
      book.eachSheet((sheet) =>
        sheet.eachRow((row) =>
          row.eachCell((cell) => {
            cells++;
            if (String(cell.value).includes('CMD()')) carried++;
            expect(cell.type, `${url} ${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
            if (typeof cell.value === 'string') expect(cell.value, `${url} ${cell.address}`).not.toMatch(/^=/);
          }),
        ),
      );
    }
    console.info(`[${dialect}] exports: ${urls.length} files, ${cells} cells checked, ${carried} carrying a formula text`);
    expect(carried).toBeGreaterThanOrEqual(2);
  });
});
