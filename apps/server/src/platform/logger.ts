import type { FastifyInstance } from 'fastify';
import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * The server's log: JSON lines (pino) on stdout, one line per request with its id, method, route
 * pattern, status and time. Personal data never goes in: no request or response body, no header,
 * no query string value; errors keep their type, code, message and stack, without the values a
 * failed query carried; and fields known to hold personal data or secrets are redacted wherever a
 * log call passes them.
 */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export function logLevel(env: NodeJS.ProcessEnv = process.env): LogLevel {
  const level = (env.LIANXIN_LOG_LEVEL || 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    throw new Error(`LIANXIN_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not ${level}`);
  }
  return level as LogLevel;
}

/** Fields holding personal data, secrets or credentials, at any of the first two levels of a log call. */
const SENSITIVE = [
  'password',
  'currentPassword',
  'newPassword',
  'totp',
  'totpCode',
  'uri',
  'token',
  'csrfToken',
  'secret',
  'key',
  'cookie',
  'authorization',
  'x-csrf-token',
  'set-cookie',
  'phone',
  'idNumber',
  'name',
  'guardianName',
  'guardianPhone',
  'channels',
  'wechat',
  'qq',
  'weibo',
  'body',
  'payload',
  'params',
  'query',
];
const REDACT = [
  ...SENSITIVE.map((f) => `["${f}"]`),
  ...SENSITIVE.map((f) => `*["${f}"]`),
  'req.headers',
  'res.headers',
];

/** Drizzle puts the values of a failed query in its message: "Failed query: …\nparams: …". */
function withoutValues(text: string | undefined): string | undefined {
  return text?.replace(/\nparams: [\s\S]*?(?=\n {4}at |$)/, '\nparams: [redacted]');
}

interface ErrorLike {
  name?: string;
  message?: string;
  stack?: string;
  code?: unknown;
  statusCode?: unknown;
  cause?: unknown;
}

/** An error as logged: type, code, message and stack (values of failed queries removed), its cause. */
export function safeError(e: unknown, depth = 0): Record<string, unknown> | unknown {
  if (!e || typeof e !== 'object') return e;
  const err = e as ErrorLike;
  const out: Record<string, unknown> = {
    type: err.name ?? err.constructor?.name,
    message: withoutValues(err.message),
    stack: withoutValues(err.stack),
  };
  if (typeof err.code === 'string' || typeof err.code === 'number') out.code = err.code;
  if (typeof err.statusCode === 'number') out.statusCode = err.statusCode;
  if (err.cause && depth < 3) out.cause = safeError(err.cause, depth + 1);
  return out;
}

/** The path of a URL, and the names (not the values) of its query parameters. */
export function safeUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const names = [...new URLSearchParams(url.slice(q + 1)).keys()];
  return `${url.slice(0, q)}?${[...new Set(names)].map((n) => `${encodeURIComponent(n)}=…`).join('&')}`;
}

export function createLogger(level: LogLevel = 'info', destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      hooks: {
        // `log.error(err)`: pino would copy the error's message, which may carry a failed query's
        // values, into `msg`; log it as `{ err }` with a fixed message instead.
        logMethod(args, method) {
          if (args[0] instanceof Error) {
            const [err, msg] = args as unknown[];
            return method.call(this, { err }, typeof msg === 'string' ? msg : 'error');
          }
          return method.apply(this, args);
        },
      },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT, censor: '[redacted]' },
      serializers: {
        err: safeError,
        error: safeError,
        req: (req: { method?: string; url?: string; id?: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url ? safeUrl(req.url) : undefined,
        }),
        res: (res: { statusCode?: number }) => ({ status: res.statusCode }),
      },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

/** A logger that writes nothing (the tests' app, a command line run). */
export const silentLogger = (): Logger => pino({ level: 'silent' });

/** Requests whose lines are debug, not info: polled by load balancers and monitoring. */
const QUIET_ROUTES = new Set(['/api/v1/health', '/metrics']);

/**
 * One line per request when it is answered: request id, method, route pattern, path (query values
 * left out), status, time in ms. 5xx at level error (the error itself is logged with its stack by
 * the error handler), the rest at info.
 */
export function installRequestLog(app: FastifyInstance) {
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url;
    const line = {
      method: request.method,
      route: route ?? null,
      url: safeUrl(request.url),
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
    };
    if (reply.statusCode >= 500) request.log.error(line, 'request failed');
    else if (route && QUIET_ROUTES.has(route)) request.log.debug(line, 'request');
    else request.log.info(line, 'request');
  });
}
