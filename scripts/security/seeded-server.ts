/**
 * A small seeded Simpul on loopback for scanners (scripts/security/sqlmap.sh): two
 * cooperatives, a user of every role, an API key, a furnished month and optionally loans.
 * Prints one JSON line {url, cookies, apiKey, loans} and serves until SIGTERM. Data lives in
 * SIMPUL_DATA_DIR.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openInstance } from '../../packages/server/src/instance.ts';
import { createLogger } from '../../packages/server/src/logging.ts';
import { addCooperative } from '../../packages/server/src/modules/cooperatives/cooperatives.service.ts';
import { issueApiKey } from '../../packages/server/src/modules/identity/api-keys.service.ts';
import { createUser } from '../../packages/server/src/modules/identity/identity.service.ts';
import { ROLES } from '../../packages/server/src/modules/identity/identity.table.ts';
import { startSession } from '../../packages/server/src/modules/identity/sessions.service.ts';
import { importFile } from '../../packages/server/src/modules/registry/furnishing.files.ts';
import { writeSyntheticCsv } from '../../packages/server/src/modules/registry/synthetic.ts';
import { startServer } from '../../packages/server/src/server.ts';

const dir = process.env.SIMPUL_DATA_DIR;
if (!dir) throw new Error('set SIMPUL_DATA_DIR to a scratch directory');
const services = await openInstance({ db: path.join(dir, 'simpul.sqlite'), logger: createLogger({ dataDir: dir, quiet: true }) });
const a = await addCooperative(services, null, { code: 'KSPA', name: 'Koperasi A' });
const b = await addCooperative(services, null, { code: 'KSPB', name: 'Koperasi B' });
const cookies: Record<string, string> = {};
for (const role of ROLES) {
  const coop = role === 'platform_admin' || role === 'dinas_analyst' ? null : a.id;
  const user = await createUser(services, null, { username: `scan.${role}`, fullName: `Pemindai ${role}`, role, cooperativeId: coop, password: 'kata-sandi-pemindai-1' });
  cookies[role] = await startSession(services, user.id);
}
const apiKey = (await issueApiKey(services, null, a.id, 'pemindai')).key;
for (const [coop, seed] of [[a.id, 1], [b.id, 2]] as const) {
  const file = path.join(dir, `furnish-${coop}.csv`);
  writeSyntheticCsv(file, 50, '2026-10', seed);
  await importFile(services, { file, cooperativeId: coop, period: '2026-10', strict: false, actor: null });
  fs.rmSync(file);
}
const running = await startServer(services, 0, '127.0.0.1');

/** A request to this server as one of the seeded users; throws unless it succeeds. */
async function call(role: string, method: string, path: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${running.url}${path}`, { method, headers: { cookie: `simpul_session=${cookies[role] ?? ''}`, 'content-type': 'application/json', 'x-simpul-request': '1' }, body: JSON.stringify(body) });
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

/**
 * SIMPUL_SEED_LOANS=n (the soak sets it): n disbursed loans of cooperative A, made through
 * the API as a petugas and a pengurus would, so repayments have somewhere to go.
 */
const loans: number[] = [];
const wanted = Number(process.env.SIMPUL_SEED_LOANS ?? 0);
if (wanted > 0) {
  const product = await call('pengurus', 'POST', '/api/loan-products', {
    code: 'PU', name: 'Pinjaman Umum', method: 'flat', ratePercent: 1, ratePeriod: 'month', frequency: 'monthly', minTenor: 3, maxTenor: 24,
    minAmount: 1_000_000, maxAmount: 50_000_000, installmentMultiple: null, penaltyRule: { kind: 'none' }, allocationOrder: ['penalty', 'interest', 'principal'],
    classificationPreset: 'ojk_bank', collateralRequired: false, active: true,
  });
  const productId = (product.product as { id: number }).id;
  for (let i = 1; i <= wanted; i++) {
    // A valid NIK: a Blora district, a woman born 1 Jan 1990, sequence i.
    const member = await call('petugas', 'POST', '/api/members', { fullName: `Anggota Uji ${i}`, nik: `331601410190${String(i).padStart(4, '0')}` });
    const memberId = (member.member as { id: number }).id;
    const applied = await call('petugas', 'POST', '/api/loans', { memberId, productId, amount: 50_000_000, tenor: 24, purpose: 'Modal usaha', consentRef: `SP-UJI-${i}` });
    const loanId = (applied.loan as { id: number }).id;
    for (const step of ['approve', 'disburse']) await call('pengurus', 'POST', `/api/loans/${loanId}/${step}`, {});
    loans.push(loanId);
  }
}

/**
 * Memory as the soak reads it, over IPC when started with one: the heap is measured after a
 * full collection (with --expose-gc), so garbage not yet collected does not look like a leak.
 */
process.on('message', (message) => {
  if (message !== 'memory' || !process.send) return;
  const collect = (globalThis as { gc?: () => void }).gc;
  collect?.();
  process.send({ ...process.memoryUsage(), afterGc: collect !== undefined });
});

process.stdout.write(`${JSON.stringify({ url: running.url, cookies, apiKey, loans })}\n`);
process.on('SIGTERM', () => {
  void running.close().then(() => services.db.close()).then(() => process.exit(0));
});
