import type { OpenAPIHono} from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { defineRoute } from '../../http/access.ts';
import type { AppEnv } from '../../http/context.ts';
import { jsonResponse } from '../../http/schemas.ts';
import { knownMigrationState } from '../../db/migrator.ts';

const HealthSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    version: z.string(),
    database: z.object({
      dialect: z.enum(['sqlite', 'postgres']),
      migrations: z.object({ applied: z.number().int(), pending: z.number().int(), latest: z.string().nullable() }),
    }),
  })
  .openapi('Health');

const healthRoute = defineRoute({
  method: 'get',
  path: '/api/health',
  tags: ['System'],
  summary: 'Liveness, database dialect and migration state (as of start or the last migration this process ran)',
  access: { roles: 'public' },
  responses: { 200: jsonResponse(HealthSchema, 'Healthy'), 503: jsonResponse(HealthSchema, 'Degraded') },
});

export function healthRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(healthRoute, async (c) => {
    const { db, version } = c.get('services');
    const migrations = await knownMigrationState(db);
    const status = migrations.pending === 0 ? 'ok' : 'degraded';
    return c.json({ status, version, database: { dialect: db.dialect, migrations } }, status === 'ok' ? 200 : 503);
  });
}
