import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context.ts';
import { documentRoutes } from './documents.routes.ts';
import { loanRoutes } from './loans.routes.ts';
import { productRoutes } from './products.routes.ts';
import { repaymentRoutes } from './repayments.routes.ts';

/** Every lending route: products, loans and their repayments, printable documents. */
export function lendingRoutes(app: OpenAPIHono<AppEnv>): void {
  productRoutes(app);
  loanRoutes(app);
  repaymentRoutes(app);
  documentRoutes(app);
}
