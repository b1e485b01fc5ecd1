import { CLASSIFICATION_PRESETS } from '@simpul/domain';

/**
 * Reading the served OpenAPI document: its operations, and sample inputs that satisfy their
 * schemas, so security tests cover every route other engineers add without being told.
 */

/** The parts of a JSON schema (OpenAPI 3.1) the sampler understands. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  example?: unknown;
  default?: unknown;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: JsonSchema;
}

export interface AccessNote {
  roles: 'public' | 'signed_in' | string[];
  apiKey?: boolean;
}

export interface Operation {
  method: string;
  path: string;
  access: AccessNote | undefined;
  parameters: Parameter[];
  /** The media types the request body accepts (empty when there is no body). */
  bodyTypes: string[];
  bodySchema: JsonSchema | undefined;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, { 'x-access'?: AccessNote; parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

/** Every operation of the document, in document order. */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => {
      const content = op.requestBody?.content ?? {};
      return {
        method: method.toUpperCase(),
        path,
        access: op['x-access'],
        parameters: op.parameters ?? [],
        bodyTypes: Object.keys(content),
        bodySchema: content['application/json']?.schema,
      };
    }),
  );
}

/** Whether an actor of `role` (or an API key, `role` = 'api_key') passes the route's access note. */
export function allows(access: AccessNote, role: string | null): boolean {
  if (access.roles === 'public') return true;
  if (role === null) return false;
  if (role === 'api_key') return access.apiKey === true;
  return access.roles === 'signed_in' || access.roles.includes(role);
}

/** Values the sampler cannot invent from a schema alone: ids of created records, markers. */
export interface SampleContext {
  doc: OpenApiDocument;
  /** A text every free-text field gets, so a tenant's records carry it into any response. */
  marker: string;
  /** Ids of records by a hint such as 'member' (from a field called memberId). */
  idFor(hint: string): number | undefined;
  /** A counter so unique fields (usernames, codes, references) differ between calls. */
  serial(): number;
}

export function resolve(doc: OpenApiDocument, schema: JsonSchema): JsonSchema {
  let s = schema;
  for (let guard = 0; s.$ref && guard < 20; guard++) {
    const name = s.$ref.replace('#/components/schemas/', '');
    s = doc.components?.schemas?.[name] ?? {};
  }
  if (s.allOf) return s.allOf.reduce<JsonSchema>((acc, part) => mergeObjects(acc, resolve(doc, part)), {});
  return s;
}

function mergeObjects(a: JsonSchema, b: JsonSchema): JsonSchema {
  return { ...a, ...b, properties: { ...a.properties, ...b.properties }, required: [...(a.required ?? []), ...(b.required ?? [])] };
}

function firstType(schema: JsonSchema): string | undefined {
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  return types.find((t) => t !== 'null');
}

/** A valid NIK (a Blora district, a woman born 5 Jan 1990) for any field that wants one. */
export const SAMPLE_NIK = '3316014501900001';

/** The same person's district and birth date with another sequence, so NIKs stay unique. */
const nikOf = (n: number) => `331601450190${String((n % 9999) + 1).padStart(4, '0')}`;

/** Valid values the schema cannot express (free text checked by the service). */
const FIELD_HINTS: Record<string, (ctx: SampleContext) => unknown> = {
  classificationPreset: () => Object.keys(CLASSIFICATION_PRESETS)[0],
  purpose: () => 'new_loan',
  consentRef: () => 'PRS-2026-0001',
  nik: (ctx) => nikOf(ctx.serial()),
  birthDate: () => '1990-01-05',
  active: () => true,
};

function stringCandidates(name: string, ctx: SampleContext): string[] {
  const n = ctx.serial();
  return [
    ...(/nik/i.test(name) ? [nikOf(n)] : []),
    ...(/phone|telepon/i.test(name) ? ['081234567890'] : []),
    `${ctx.marker} ${name} ${n}`,
    `${ctx.marker}${n}`,
    `s${n}x${ctx.marker.toLowerCase().replace(/[^a-z0-9]/g, '')}`,
    '2026-10-15', '2026-10', '2026-10-15T03:00:00.000Z', SAMPLE_NIK, `${n}`, 'KSP' + n, 'a', 'x'.repeat(8),
  ];
}

function sampleString(schema: JsonSchema, name: string, ctx: SampleContext): string {
  if (schema.format === 'date') return '2026-10-15';
  if (schema.format === 'date-time') return '2026-10-15T03:00:00.000Z';
  if (schema.format === 'email') return `u${ctx.serial()}@example.org`;
  const pattern = schema.pattern ? new RegExp(schema.pattern) : undefined;
  const fits = (v: string) => (!pattern || pattern.test(v)) && v.length >= (schema.minLength ?? 0) && v.length <= (schema.maxLength ?? Infinity);
  const candidates = stringCandidates(name, ctx);
  if (typeof schema.example === 'string') candidates.unshift(schema.example);
  const found = candidates.find(fits);
  if (found) return found;
  const padded = `${ctx.marker} ${name}`.padEnd(schema.minLength ?? 0, 'x').slice(0, schema.maxLength ?? 200);
  return padded;
}

function sampleNumber(schema: JsonSchema, name: string, ctx: SampleContext, integer: boolean): number {
  const hint = name.match(/^(\w+?)Id$/)?.[1];
  if (hint) {
    const id = ctx.idFor(hint);
    if (id !== undefined) return id;
  }
  if (typeof schema.example === 'number') return schema.example;
  const low = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + (integer ? 1 : 0.5) : 1);
  const value = Math.max(low, 1);
  return schema.maximum !== undefined ? Math.min(value, schema.maximum) : value;
}

/** A value that satisfies `schema` (as far as its shape tells), free text carrying the marker. */
export function sample(schema: JsonSchema, ctx: SampleContext, name = 'value', depth = 0, allFields = false): unknown {
  const s = resolve(ctx.doc, schema);
  if (depth > 8) return null;
  const hint = FIELD_HINTS[name];
  if (hint) return hint(ctx);
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum.find((v) => v !== null);
  const options = s.anyOf ?? s.oneOf;
  if (options) {
    const chosen = options.map((o) => resolve(ctx.doc, o)).find((o) => firstType(o) !== undefined || o.enum || o.properties) ?? options[0] ?? {};
    return sample(chosen, ctx, name, depth + 1, allFields);
  }
  switch (firstType(s) ?? (s.properties ? 'object' : undefined)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      const keys = allFields ? Object.keys(s.properties ?? {}) : (s.required ?? []);
      for (const key of keys) out[key] = sample(s.properties?.[key] ?? {}, ctx, key, depth + 1, allFields);
      return out;
    }
    case 'array': {
      // An array of choices (an allocation order, a set of flags): each choice once.
      const items = resolve(ctx.doc, s.items ?? {});
      if (items.enum) return items.enum.filter((v) => v !== null).slice(0, Math.max(s.minItems ?? 0, items.enum.length));
      return Array.from({ length: Math.max(s.minItems ?? 0, 0) }, () => sample(s.items ?? {}, ctx, name, depth + 1, allFields));
    }
    case 'string':
      return sampleString(s, name, ctx);
    case 'integer':
      return sampleNumber(s, name, ctx, true);
    case 'number':
      return sampleNumber(s, name, ctx, false);
    case 'boolean':
      return false;
    default:
      return `${ctx.marker} ${name}`;
  }
}
