import { OpenAPIHono } from '@hono/zod-openapi';
import { cooperativeRoutes } from '../modules/cooperatives/cooperatives.routes.ts';
import { authRoutes } from '../modules/identity/auth.routes.ts';
import { userRoutes } from '../modules/identity/users.routes.ts';
import { inquiryRoutes } from '../modules/inquiry/inquiry.routes.ts';
import { lendingRoutes } from '../modules/lending/lending.routes.ts';
import { memberRoutes } from '../modules/members/members.routes.ts';
import { portfolioRoutes } from '../modules/portfolio/portfolio.routes.ts';
import { recoveryRoutes } from '../modules/recovery/recovery.routes.ts';
import { furnishingRoutes } from '../modules/registry/furnishing.routes.ts';
import { savingsRoutes } from '../modules/savings/savings.routes.ts';
import { supervisionRoutes } from '../modules/supervision/supervision.routes.ts';
import { healthRoutes } from '../modules/system/health.routes.ts';
import type { AppEnv, Services } from './context.ts';
import { limitBodies } from './body.ts';
import { docsRoutes } from './docs.ts';
import { AppError, validationFailed } from './errors.ts';
import { authenticate, requestContext, securityHeaders } from './middleware.ts';
import { fieldErrorsOf, problemResponse } from './problem.ts';
import { serveWeb } from './static.ts';

/** Every module's routes, in one list, so the API surface is visible at a glance. */
const MODULE_ROUTES = [healthRoutes, authRoutes, userRoutes, cooperativeRoutes, furnishingRoutes, memberRoutes, savingsRoutes, lendingRoutes, inquiryRoutes, portfolioRoutes, supervisionRoutes, recoveryRoutes];

/** Request body limits: 1 MiB for JSON, more for furnishing uploads and batches. */
const BODY_LIMITS: [prefix: string, bytes: number][] = [
  ['/api/registry/furnishing/files', 64 * 1024 * 1024],
  ['/api/registry/furnishing/batches', 16 * 1024 * 1024],
];
const JSON_BODY_LIMIT = 1024 * 1024;
const tooLarge = (): never => {
  throw new AppError(413, 'payload_too_large');
};

/** Builds the HTTP application: API, OpenAPI document, API reference and the web app. */
export function createApp(services: Services): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationFailed(fieldErrorsOf(result.error));
    },
  });
  app.use('*', requestContext(services));
  app.use('*', securityHeaders);
  app.use('/api/*', limitBodies(BODY_LIMITS, JSON_BODY_LIMIT, tooLarge));
  app.use('/api/*', authenticate);

  for (const register of MODULE_ROUTES) register(app);

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Simpul API',
      version: services.version,
      description:
        'Shared credit information and problem-loan system for Indonesian cooperatives. Errors are RFC 9457 problem+json with a stable `code`; texts follow Accept-Language (id, en). Cookie-session writes need the header `X-Simpul-Request: 1`; cooperative systems use `Authorization: Bearer <API key>`.',
    },
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', { type: 'apiKey', in: 'cookie', name: 'simpul_session' });
  app.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', { type: 'http', scheme: 'bearer' });
  docsRoutes(app);

  app.notFound((c) => {
    if (c.req.path.startsWith('/api/') || !services.webDist) return problemResponse(c, new AppError(404, 'route_not_found'));
    return serveWeb(c, services.webDist);
  });
  app.onError((err, c) => problemResponse(c, err));
  return app;
}
