import crypto from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Db } from '../../platform/db/client.ts';
import { databaseStats } from '../../platform/db/client.ts';

/**
 * `/metrics` in the Prometheus text format: requests and their latency per route pattern, the
 * database pool (PostgreSQL) or queue (PGlite), ledger import and compliance evaluation durations,
 * and the process (CPU, memory, event loop). Answered to `Authorization: Bearer LIANXIN_METRICS_TOKEN`
 * or, without a token configured, to localhost only; 404 to anyone else (403 for a wrong token).
 */

// The work durations are observed in the services, which know no app: one registry for the process.
const processRegistry = new Registry();
collectDefaultMetrics({ register: processRegistry, prefix: 'lianxin_' });

const WORK_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

export const importDuration = new Histogram({
  name: 'lianxin_ledger_import_seconds',
  help: 'Duration of ledger imports (lianxin-ledger/1), by outcome',
  labelNames: ['outcome'] as const,
  buckets: WORK_BUCKETS,
  registers: [processRegistry],
});

export const evaluationDuration = new Histogram({
  name: 'lianxin_compliance_evaluation_seconds',
  help: 'Duration of compliance evaluations, by outcome',
  labelNames: ['outcome'] as const,
  buckets: WORK_BUCKETS,
  registers: [processRegistry],
});

/** Times `work` into `histogram`, labelled ok or error. */
export async function timed<T>(histogram: Histogram<'outcome'>, work: () => Promise<T>): Promise<T> {
  const end = histogram.startTimer();
  try {
    const value = await work();
    end({ outcome: 'ok' });
    return value;
  } catch (e) {
    end({ outcome: 'error' });
    throw e;
  }
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * The peer's own address (not X-Forwarded-For, which anyone may write) is a loopback address, and no
 * proxy forwarded the request: a reverse proxy on the same machine connects from localhost too.
 */
export function fromLocalhost(request: FastifyRequest): boolean {
  const forwarded =
    request.headers['x-forwarded-for'] ?? request.headers.forwarded ?? request.headers['x-real-ip'];
  return LOOPBACK.has(request.socket.remoteAddress ?? '') && forwarded === undefined;
}

function sameSecret(given: string, expected: string): boolean {
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

/** Request counters for this app, and the `/metrics` route. */
export function installMetrics(app: FastifyInstance, db: Db, token: string | undefined) {
  const registry = new Registry();
  const requests = new Counter({
    name: 'lianxin_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'lianxin_http_request_duration_seconds',
    help: 'HTTP request latency, by method and route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const pool = new Gauge({
    name: 'lianxin_db_connections',
    help: 'PostgreSQL pool connections: total, idle, and clients waiting for one',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const s = databaseStats(db);
      if (s?.kind !== 'postgres') return;
      this.set({ state: 'total' }, s.total);
      this.set({ state: 'idle' }, s.idle);
      this.set({ state: 'waiting' }, s.waiting);
    },
  });
  const queue = new Gauge({
    name: 'lianxin_db_pglite_queue',
    help: 'Embedded database (PGlite, one connection): operations running or waiting their turn',
    registers: [registry],
    collect() {
      const s = databaseStats(db);
      if (s?.kind === 'pglite') this.set(s.pending);
    },
  });
  void pool;
  void queue;
  const merged = Registry.merge([processRegistry, registry]);

  app.addHook('onResponse', async (request, reply) => {
    // the route pattern, never the URL: one series per route, whatever ids and queries are sent
    const route = request.routeOptions.url ?? '(no route)';
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    latency.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });

  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    const auth = request.headers.authorization;
    if (token) {
      const given = auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
      if (given === undefined) {
        if (!fromLocalhost(request)) return reply.code(404).send();
      } else if (!sameSecret(given, token)) {
        return reply.code(403).send();
      }
    } else if (!fromLocalhost(request)) {
      return reply.code(404).send();
    }
    reply.header('Content-Type', merged.contentType);
    reply.header('Cache-Control', 'no-store');
    return merged.metrics();
  });
}
