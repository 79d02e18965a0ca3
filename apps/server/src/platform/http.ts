import { ZErrorResponse, ZId } from '@lianxin/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { badRequest } from './errors.ts';

/** The error answers every route may give, for its response schema (and so the OpenAPI document). */
export const errorResponses = {
  400: ZErrorResponse,
  401: ZErrorResponse,
  403: ZErrorResponse,
  404: ZErrorResponse,
  409: ZErrorResponse,
} as const;

export const idParams = z.object({ id: ZId });

/** The one file of a multipart/form-data request, in its field `file`; 400 naming what is missing. */
export async function uploadedFile(request: FastifyRequest) {
  if (!request.isMultipart())
    throw badRequest('Send the file as multipart/form-data', '请以表单方式上传文件');
  const part = await request.file();
  if (part?.fieldname !== 'file') {
    throw badRequest('No file in the field `file`', '没有收到文件', [
      { path: 'file', message: '必填 / required' },
    ]);
  }
  if (unstorable(part.filename)) throw unstorableText('file');
  return { fileName: part.filename, mime: part.mimetype, data: await part.toBuffer() };
}

// a surrogate half without its partner: UTF-8 cannot carry it (jsonb refuses it, text turns it into U+FFFD)
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text PostgreSQL refuses or alters: a NUL character, or a lone UTF-16 surrogate. */
export const unstorable = (s: string) => s.includes('\u0000') || LONE_SURROGATE.test(s);

/** The text with those characters taken out: only for checking further what will never be written. */
export const withoutUnstorable = (s: string) =>
  s.replaceAll('\u0000', '').replace(new RegExp(LONE_SURROGATE.source, 'g'), '');

const unstorableText = (path: string) =>
  badRequest(
    'Text holds a character that cannot be stored (NUL or a lone surrogate)',
    '文字中含有无法保存的字符',
    [{ path, message: '含有空字符或不成对的代理字符，无法保存 / NUL or lone surrogate' }],
  );

/** The path of the first string (value or key) in `value` holding unstorable text, e.g. `contacts[2].unit`. */
export const unstorablePath = (value: unknown) => firstTextPath(value, unstorable);

/** The path of the first string (value or key) in `value` for which `test` holds, or null. */
export function firstTextPath(value: unknown, test: (s: string) => boolean): string | null {
  // a stack, not recursion: a deeply nested body must not overflow the call stack
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [v, path] = stack.pop() as [unknown, string];
    if (typeof v === 'string') {
      if (test(v)) return path;
    } else if (Array.isArray(v)) {
      // pushed last to first, so the first offending field in reading order is named
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${path}[${i}]`]);
    } else if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, item] = entries[i] as [string, unknown];
        const at = path ? `${path}.${key}` : key;
        if (test(key)) return at;
        stack.push([item, at]);
      }
    }
  }
  return null;
}

/**
 * Once for every route, login included: a body, query or path parameter with text PostgreSQL
 * refuses is a 400 naming the field, before any handler could turn it into a 500.
 */
export function installTextGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    for (const part of [request.params, request.query, request.body]) {
      const path = unstorablePath(part);
      if (path !== null) throw unstorableText(path || 'body');
    }
  });
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** media types of a download route's 200 answer (.xlsx, .docx …), for the OpenAPI document */
    produces?: readonly string[];
  }
}

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);
const ZBinary = z.string().meta({ format: 'binary', description: 'the file' });

/**
 * Every API route declares the answers every route may give (400, 401, 403; 404 where the path
 * names an object; 413 where it takes a body) with the shared error schema, and a download its media types, so the OpenAPI
 * document lists each response a route gives without each route file repeating them.
 */
export function installResponseDefaults(app: FastifyInstance) {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || (route.schema as { hide?: boolean } | undefined)?.hide) return;
    const response: Record<string, unknown> = { ...(route.schema?.response as object | undefined) };
    const produces = route.config?.produces;
    // a download's 200 is its media types, whatever schema types the handler
    if (produces) {
      response[200] = {
        description: 'the file',
        content: Object.fromEntries(produces.map((type) => [type, { schema: ZBinary }])),
      };
    }
    const standard = [400, 401, 403];
    if (route.url.includes(':')) standard.push(404);
    // any body may be over the limit (Fastify's 1 MiB, an upload's 10 MiB)
    if ([route.method].flat().some((m) => WITH_BODY.has(m))) standard.push(413);
    for (const status of standard) response[status] ??= ZErrorResponse;
    route.schema = { ...route.schema, response };
  });
}
