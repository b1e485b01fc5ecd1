import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { actorOf, defineRoute } from '../../http/access.ts';
import type { AppEnv } from '../../http/context.ts';
import { IdParam, errorResponses, jsonBody, jsonResponse } from '../../http/schemas.ts';
import { LENDING_ROLES } from './lending.access.ts';
import { NewProductSchema, ProductSchema, ProductTermsSchema } from './products.schemas.ts';
import { createProduct, editProduct, productOrThrow, productsOf, toProductView } from './products.service.ts';

const tags = ['Loan products'];
const Envelope = z.object({ product: ProductSchema });

const listRoute = defineRoute({
  method: 'get', path: '/api/loan-products', tags, summary: "The cooperative's loan products",
  access: { roles: LENDING_ROLES.read },
  responses: { 200: jsonResponse(z.object({ items: z.array(ProductSchema) }), 'Products'), ...errorResponses },
});

const getRoute = defineRoute({
  method: 'get', path: '/api/loan-products/{id}', tags, summary: 'One loan product',
  access: { roles: LENDING_ROLES.read }, request: { params: IdParam },
  responses: { 200: jsonResponse(Envelope, 'Product'), ...errorResponses },
});

const createRouteDef = defineRoute({
  method: 'post', path: '/api/loan-products', tags, summary: 'Create a loan product (pengurus)',
  access: { roles: LENDING_ROLES.manager }, request: { body: jsonBody(NewProductSchema) },
  responses: { 201: jsonResponse(Envelope, 'Created'), ...errorResponses, 409: errorResponses[400] },
});

const editRoute = defineRoute({
  method: 'put', path: '/api/loan-products/{id}', tags, summary: "Change a product's terms (pengurus); existing loans keep theirs",
  access: { roles: LENDING_ROLES.manager }, request: { params: IdParam, body: jsonBody(ProductTermsSchema) },
  responses: { 200: jsonResponse(Envelope, 'Changed'), ...errorResponses },
});

export function productRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => c.json({ items: await productsOf(c.get('services'), actorOf(c)) }, 200));
  app.openapi(getRoute, async (c) => {
    const product = await productOrThrow(c.get('services'), actorOf(c), c.req.valid('param').id);
    return c.json({ product: toProductView(product) }, 200);
  });
  app.openapi(createRouteDef, async (c) => c.json({ product: await createProduct(c.get('services'), actorOf(c), c.req.valid('json')) }, 201));
  app.openapi(editRoute, async (c) => {
    const product = await editProduct(c.get('services'), actorOf(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ product }, 200);
  });
}
