import type { TErrorCode, TErrorResponse } from '@lianxin/contracts';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

export interface ErrorDetail {
  path: string;
  message: string;
}

/** The one error type: a closed list of codes, an English and a Chinese message. */
export class AppError extends Error {
  constructor(
    readonly code: TErrorCode,
    message: string,
    readonly messageZh: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
  }
}

export const httpStatus = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  locked: 423,
  password_change_required: 403,
  totp_required: 401,
  totp_enrolment_required: 403,
  csrf: 403,
  payload_too_large: 413,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
} as const satisfies Record<TErrorCode, number>;

export const notFound = (what: string, id: string, whatZh: string) =>
  new AppError('not_found', `${what} ${id} not found`, `${whatZh}不存在：${id}`);

export const badRequest = (message: string, messageZh: string, details?: ErrorDetail[]) =>
  new AppError('bad_request', message, messageZh, details);

export function errorBody(e: AppError): TErrorResponse {
  return { error: { code: e.code, message: e.message, messageZh: e.messageZh, details: e.details } };
}

export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) {
      return reply.code(httpStatus[err.code]).send(errorBody(err));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({
        path: `${err.validationContext ?? ''}${v.instancePath.replaceAll('/', '.')}`,
        message: v.message ?? 'invalid',
      }));
      const e = badRequest('Request is invalid', '请求内容有误', details);
      return reply.code(400).send(errorBody(e));
    }
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      const e = new AppError('payload_too_large', 'Request body too large', '提交的内容过长', [
        { path: 'body', message: `超过 ${request.routeOptions.bodyLimit ?? ''} 字节 / too large` },
      ]);
      return reply.code(413).send(errorBody(e));
    }
    if (err.statusCode === 413 || err.code === 'FST_REQ_FILE_TOO_LARGE') {
      return reply
        .code(413)
        .send(errorBody(new AppError('payload_too_large', 'Upload too large', '上传内容过大')));
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.code(400).send(errorBody(badRequest(err.message, `请求有误：${err.message}`)));
    }
    if (databaseUnavailable(err)) {
      request.log.warn({ err }, 'database unavailable');
      return reply
        .code(503)
        .header('Retry-After', '5')
        .send(
          errorBody(
            new AppError(
              'unavailable',
              'The database is unavailable; please try again shortly',
              '数据库暂时不可用，请稍后重试',
            ),
          ),
        );
    }
    request.log.error(err);
    return reply.code(500).send(errorBody(new AppError('internal', 'Internal error', '服务器内部错误')));
  });
}

// PostgreSQL gone or restarting: refused or cut connections, admin shutdown, crash recovery, a
// connection that cannot be had in time. Not the request's fault, and it passes: 503.
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  '57P01',
  '57P02',
  '57P03',
]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|connection timeout|Client has encountered a connection error|terminating connection|the database system is (starting up|shutting down|in recovery mode)/i;

/** Whether an error (or its cause, as drizzle wraps the driver's) says the database is away. */
export function databaseUnavailable(err: unknown): boolean {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
    if (UNAVAILABLE_MESSAGES.test(e.message)) return true;
  }
  return false;
}
