/**
 * Where one activity POST's time goes (issue 12, writes), one POST after another: the time inside
 * each of its three statements (the pool's `query` until its answer, so the round trip, PostgreSQL's
 * work and the driver's parsing) and the Node work of each of Fastify's request phases around them.
 */
import type pg from 'pg';
import { buildApp } from '../src/app.ts';
import type { Platform } from '../src/platform/platform.ts';
import { Client } from '../src/testing/index.ts';

const PHASES = [
  'onRequest',
  'preValidation',
  'preHandler',
  'preSerialization',
  'onSend',
  'onResponse',
] as const;
type Phase = (typeof PHASES)[number];
/** what each phase's span covers: from the previous mark to its own */
const SPANS: Record<Phase, string> = {
  onRequest: 'inject, security headers, cookie, session read, CSRF',
  preValidation: 'body parsed',
  preHandler: 'body validated (zod)',
  preSerialization: 'handler: cadre read, access, record checks, audit MAC, the write, the answer',
  onSend: 'answer validated and serialized (zod)',
  onResponse: 'onSend hooks, the reply written',
};

/** Times every statement sent through `pool` by its prepared name; undoes itself on `stop`. */
function timeStatements(pool: pg.Pool) {
  const byName = new Map<string, number>();
  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
  (pool as unknown as { query: typeof query }).query = async (...args) => {
    const started = performance.now();
    try {
      return await query(...args);
    } finally {
      const name = (args[0] as { name?: string }).name ?? 'other';
      byName.set(name, (byName.get(name) ?? 0) + performance.now() - started);
    }
  };
  return {
    byName,
    stop: () => {
      (pool as unknown as { query: typeof query }).query = query;
    },
  };
}

export async function writePhases(p: Platform, pool: pg.Pool, login: string, body: unknown, posts = 2000) {
  const app = await buildApp(p);
  const marks = new Map<Phase, number>();
  // added last, each hook runs after the app's own hooks of its phase
  for (const phase of PHASES) {
    app.addHook(phase, async () => {
      marks.set(phase, performance.now());
    });
  }
  const client = new Client(app);
  await client.login(login);
  const post = async () => {
    const started = performance.now();
    const res = await client.post('/api/v1/activities', body);
    if (res.statusCode !== 201) throw new Error(`activity insert: ${res.statusCode} ${res.body}`);
    return started;
  };
  for (let i = 0; i < 200; i++) await post();
  const spans = new Map<string, number>();
  const add = (k: string, v: number) => spans.set(k, (spans.get(k) ?? 0) + v);
  const timing = timeStatements(pool);
  let total = 0;
  try {
    for (let i = 0; i < posts; i++) {
      const started = await post();
      const ended = performance.now();
      total += ended - started;
      let previous = started;
      for (const phase of PHASES) {
        const at = marks.get(phase) ?? previous;
        add(phase, at - previous);
        previous = at;
      }
      add('inject answered', ended - previous);
    }
  } finally {
    timing.stop();
    await app.close();
  }
  const us = (ms: number) => `${((ms / posts) * 1000).toFixed(0).padStart(5)} µs`;
  const inStatements = [...timing.byName.values()].reduce((a, b) => a + b, 0);
  console.log(
    `One POST, one after another (${posts}): ${us(total)}, of which in its statements ${us(inStatements)}`,
  );
  for (const [name, ms] of timing.byName) console.log(`  statement ${name.padEnd(22)} ${us(ms)}`);
  for (const phase of PHASES)
    console.log(`  until ${phase.padEnd(17)} ${us(spans.get(phase) ?? 0)}  ${SPANS[phase]}`);
  console.log(`  until inject answered  ${us(spans.get('inject answered') ?? 0)}`);
}
