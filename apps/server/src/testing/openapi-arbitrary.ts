import fc from 'fast-check';
import type { InjectOptions } from 'fastify';

/**
 * Requests generated from the OpenAPI document's JSON schemas (OpenAPI 3.0, as zod 4 writes them),
 * for property-based tests of every route: values that fit the schema, and broken ones.
 * No maintained package reads zod 4's OpenAPI 3.0 output into fast-check, hence this small one.
 */
export interface JsonSchema {
  type?: string;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}

export interface Operation {
  method: string;
  /** as the document writes it: /api/v1/contacts/{id} */
  path: string;
  parameters?: { in: string; name: string; required?: boolean; schema: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

/** Text PostgreSQL refuses, huge text, and ids of nothing. */
export const nastyString = fc.constantFrom(
  'a\u0000b',
  '\ud800',
  'x\udfff',
  'x'.repeat(100_000),
  '00000000-0000-4000-8000-000000000000',
  '../../etc/passwd',
  "'; drop table accounts; --",
  '%',
  '',
  ' ',
);

const wrongType = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constant([]),
  fc.constant({}),
  nastyString,
);

function validString(s: JsonSchema, knownIds: string[]): fc.Arbitrary<string> {
  if (s.format === 'date') {
    return fc
      .date({ min: new Date('2000-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
  }
  const maxLength = Math.min(s.maxLength ?? 40, 40);
  const minLength = Math.min(s.minLength ?? 0, maxLength);
  if (s.pattern) {
    const matching = fc
      .stringMatching(new RegExp(s.pattern))
      .filter((t) => t.length >= minLength && t.length <= (s.maxLength ?? Number.POSITIVE_INFINITY));
    // an id-like pattern: mostly ids that exist, so the handler gets past its lookups
    return knownIds.length > 0 && s.pattern === '^[^/\\s]+$'
      ? fc.oneof({ arbitrary: fc.constantFrom(...knownIds), weight: 3 }, { arbitrary: matching, weight: 1 })
      : matching;
  }
  return fc.string({ minLength, maxLength, unit: 'grapheme' });
}

/** Values that fit `s`. */
export function validValue(s: JsonSchema, knownIds: string[] = [], depth = 0): fc.Arbitrary<unknown> {
  const base = validBase(s, knownIds, depth);
  return s.nullable ? fc.option(base, { nil: null }) : base;
}

function validBase(s: JsonSchema, knownIds: string[], depth: number): fc.Arbitrary<unknown> {
  const choices = s.anyOf ?? s.oneOf;
  if (choices && choices.length > 0) return fc.oneof(...choices.map((c) => validValue(c, knownIds, depth)));
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum && s.enum.length > 0) return fc.constantFrom(...s.enum);
  switch (s.type) {
    case 'string':
      return validString(s, knownIds);
    case 'integer':
      return fc.integer({ min: s.minimum ?? -1000, max: s.maximum ?? 100_000 });
    case 'number':
      return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array': {
      if (depth > 4) return fc.constant([]);
      const maxLength = Math.min(s.maxItems ?? 3, 3);
      const minLength = Math.min(s.minItems ?? 0, maxLength);
      return fc.array(validValue(s.items ?? {}, knownIds, depth + 1), { minLength, maxLength });
    }
    case 'object': {
      if (depth > 4) return fc.constant({});
      const properties = s.properties ?? {};
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(properties)) record[k] = validValue(v, knownIds, depth + 1);
      return fc.record(record, { requiredKeys: (s.required ?? []).filter((k) => k in properties) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Values that fit `s` most of the time, and else break it: wrong types, nasty text, a missing field. */
export function fuzzValue(s: JsonSchema, knownIds: string[] = [], depth = 0): fc.Arbitrary<unknown> {
  const broken: fc.Arbitrary<unknown>[] = [wrongType];
  if (s.type === 'object' && s.properties && depth <= 4) {
    const properties = s.properties;
    // each field itself fuzzed, and sometimes a required one left out
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [k, v] of Object.entries(properties)) record[k] = fuzzValue(v, knownIds, depth + 1);
    broken.push(fc.record(record, { requiredKeys: [] }));
  }
  if (s.type === 'array' && depth <= 4) {
    broken.push(fc.array(fuzzValue(s.items ?? {}, knownIds, depth + 1), { maxLength: 3 }));
  }
  return fc.oneof(
    { arbitrary: validValue(s, knownIds, depth), weight: 2 },
    { arbitrary: fc.oneof(...broken), weight: 1 },
  );
}

// Percent-encodes text as bytes; a lone surrogate becomes the bytes UTF-8 forbids for it (WTF-8),
// which is what a hostile client can send.
function encode(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const pair = code >= 0xd800 && code <= 0xdbff && /[\udc00-\udfff]/.test(text[i + 1] ?? '');
    if (pair) {
      out += encodeURIComponent(text.slice(i, i + 2));
      i++;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      out +=
        `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`.toUpperCase();
    } else out += encodeURIComponent(text[i] as string);
  }
  return out;
}

const asText = (v: unknown) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));

/**
 * Whole requests for one operation: two in three fit every schema (so handlers get past
 * validation), the others have each path parameter, query value and the body fuzzed.
 */
export function requestsFor(op: Operation, knownIds: string[]): fc.Arbitrary<InjectOptions> {
  return fc.oneof(
    { arbitrary: requestArb(op, knownIds, false), weight: 2 },
    { arbitrary: requestArb(op, knownIds, true), weight: 1 },
  );
}

function requestArb(op: Operation, knownIds: string[], broken: boolean): fc.Arbitrary<InjectOptions> {
  const value = broken ? fuzzValue : validValue;
  const params = op.parameters ?? [];
  const pathParams = params.filter((p) => p.in === 'path');
  const queryParams = params.filter((p) => p.in === 'query');
  const pathArb = fc.tuple(
    ...pathParams.map((p) =>
      (broken ? fc.oneof(validValue(p.schema, knownIds), nastyString) : validValue(p.schema, knownIds)).map(
        asText,
      ),
    ),
  );
  const queryArb = fc.tuple(
    ...queryParams.map((p) =>
      p.required ? value(p.schema, knownIds) : fc.option(value(p.schema, knownIds), { nil: undefined }),
    ),
  );
  const bodySchema = op.requestBody?.content?.['application/json']?.schema;
  const bodyArb = bodySchema ? value(bodySchema, knownIds) : fc.constant(undefined);
  return fc.tuple(pathArb, queryArb, bodyArb).map(([pathValues, queryValues, body]) => {
    let url = op.path;
    pathParams.forEach((p, i) => {
      url = url.replace(`{${p.name}}`, encode(pathValues[i] ?? '') || 'x');
    });
    const query = queryParams
      .map((p, i) => [p.name, queryValues[i]] as const)
      .filter(([, v]) => v !== undefined)
      .map(([name, v]) => `${encode(name)}=${encode(asText(v))}`)
      .join('&');
    const options: InjectOptions = {
      method: op.method.toUpperCase() as 'GET',
      url: query ? `${url}?${query}` : url,
    };
    if (body !== undefined) {
      options.headers = { 'content-type': 'application/json' };
      options.payload = JSON.stringify(body);
    }
    return options;
  });
}

/** Every operation of an OpenAPI document. */
export function operationsOf(doc: {
  paths: Record<string, Record<string, Omit<Operation, 'method' | 'path'>>>;
}) {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]): Operation => ({ ...op, method, path })),
  );
}
