// Lists sqlmap targets from the OpenAPI document: every GET operation with a path or query
// parameter, with sample values, a `*` after each path value (sqlmap's injection marker)
// and the session cookie of a role the route admits. One JSON object per line.
const [docUrl, seedJson] = process.argv.slice(2);
const seed = JSON.parse(seedJson);
const doc = await (await fetch(docUrl)).json();
const PREFERRED = ['pengurus', 'petugas', 'pengawas', 'platform_admin', 'dinas_analyst'];

const CANDIDATES = ['abc', '2026-10-15', '2026-10', '1', '3316014501900001', 'KSPA'];

function sampleOf(schema = {}) {
  if (schema.enum) return String(schema.enum[0]);
  if (schema.example !== undefined) return String(schema.example);
  const types = [].concat(schema.type ?? []);
  if (types.includes('integer') || types.includes('number')) return '1';
  if (schema.format === 'date') return '2026-10-15';
  const pattern = schema.pattern ? new RegExp(schema.pattern) : null;
  return CANDIDATES.find((c) => !pattern || pattern.test(c)) ?? 'abc';
}

for (const [path, ops] of Object.entries(doc.paths)) {
  const op = ops.get;
  if (!op) continue;
  const params = op.parameters ?? [];
  if (!params.some((p) => p.in === 'path' || p.in === 'query')) continue;
  const access = op['x-access'] ?? { roles: 'public' };
  let url = path.replace(/\{([^}]+)\}/g, (_, name) => `${sampleOf(params.find((p) => p.name === name)?.schema)}*`);
  const query = params.filter((p) => p.in === 'query').map((p) => `${p.name}=${encodeURIComponent(sampleOf(p.schema))}`);
  if (query.length) url += `?${query.join('&')}`;
  const role = access.roles === 'public' ? null : access.roles === 'signed_in' ? 'pengurus' : PREFERRED.find((r) => access.roles.includes(r));
  const auth = role ? { cookie: `simpul_session=${seed.cookies[role]}` } : access.apiKey ? { header: `Authorization: Bearer ${seed.apiKey}` } : {};
  console.log(JSON.stringify({ url: `${seed.url}${url}`, ...auth }));
}
