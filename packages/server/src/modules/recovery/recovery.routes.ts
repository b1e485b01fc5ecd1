import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context.ts';
import { recoveryCaseRoutes } from './recovery.cases.routes.ts';
import { recoveryDecisionRoutes } from './recovery.decisions.routes.ts';
import { recoveryDocumentRoutes } from './recovery.documents.routes.ts';

/** Every recovery route: worklist and cases, decisions (restructuring, hapus buku, hapus tagih), reports and documents. */
export function recoveryRoutes(app: OpenAPIHono<AppEnv>): void {
  recoveryCaseRoutes(app);
  recoveryDecisionRoutes(app);
  recoveryDocumentRoutes(app);
}
