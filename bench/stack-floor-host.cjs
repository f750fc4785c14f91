/**
 * The companion's stack with none of the companion: Hono on @hono/node-server, zod (one schema) and
 * better-sqlite3 with a WAL database open, the libraries the companion cannot start without. The
 * bench samples its idle memory after one request, as it samples the companion's after pairing, so
 * the report shows how much of the companion's resident memory is its own code. Plain CommonJS
 * under plain node (no tsx), resolved from companion/ so it loads the versions the companion pins.
 */
const { createRequire } = require('node:module');
const { join } = require('node:path');
const fromCompanion = createRequire(join(__dirname, '..', 'companion', 'package.json'));
const { Hono } = fromCompanion('hono');
const { serve } = fromCompanion('@hono/node-server');
const { z } = fromCompanion('zod');
const Database = fromCompanion('better-sqlite3');

const dir = process.argv[2];
const db = new Database(join(dir, 'floor.db'));
db.pragma('journal_mode = WAL');
db.exec('CREATE TABLE IF NOT EXISTS t (a TEXT)');
const schema = z.object({ a: z.string() });
const app = new Hono();
app.post('/', async (c) => {
  const { a } = schema.parse(await c.req.json());
  db.prepare('INSERT INTO t (a) VALUES (?)').run(a);
  return c.json({ ok: true });
});
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => process.send({ port: info.port }));
