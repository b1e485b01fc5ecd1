/**
 * A small seeded Simpul on loopback for scanners (scripts/security/sqlmap.sh): two
 * cooperatives, a user of every role, an API key and a furnished month. Prints one JSON line
 * {url, cookies, apiKey} and serves until SIGTERM. Data lives in SIMPUL_DATA_DIR.
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
process.stdout.write(`${JSON.stringify({ url: running.url, cookies, apiKey })}\n`);
process.on('SIGTERM', () => {
  void running.close().then(() => services.db.close()).then(() => process.exit(0));
});
