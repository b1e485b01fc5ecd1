// A deliberately injectable endpoint (string-built SQL over an in-memory SQLite), used only
// by sqlmap.sh to prove that the scan can find an injection before it vouches for Simpul.
import http from 'node:http';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../../packages/server/package.json', import.meta.url));
const SQLite = require('better-sqlite3');
const db = new SQLite(':memory:');
db.exec("create table anggota (id integer primary key, nama text); insert into anggota (nama) values ('Sri'), ('Budi'), ('Siti')");

const server = http.createServer((req, res) => {
  const q = new URL(req.url ?? '/', 'http://x').searchParams.get('q') ?? '';
  try {
    const rows = db.prepare(`select nama from anggota where nama like '%${q}%'`).all(); // the flaw on purpose
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(rows));
  } catch {
    res.writeHead(500).end('error');
  }
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
