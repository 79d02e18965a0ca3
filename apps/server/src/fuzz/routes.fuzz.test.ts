import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestContext, type TestContext } from '../testing/index.ts';
import { type Operation, operationsOf, requestsFor } from '../testing/openapi-arbitrary.ts';
import { cityWithTwoCounties } from '../testing/scenario.ts';

// Every operation of the OpenAPI document, with path parameters, queries and bodies generated from
// its schemas (fitting and broken), sent as a cadre and as an org admin: nothing answers 5xx.
// Bounded: a few runs per operation and role, so the file stays within about two minutes on PGlite.
const RUNS = Number(process.env.LIANXIN_FUZZ_RUNS ?? 10);
const SEED = Number(process.env.LIANXIN_FUZZ_SEED ?? 20261205);
// logout would end the session the remaining runs need
const SKIPPED = new Set(['post /api/v1/auth/logout']);

let ctx: TestContext;
let operations: Operation[];
const knownIds: string[] = [];

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  // the shared world: ids that exist, so generated paths reach objects as well as refusals
  const world = await cityWithTwoCounties(ctx);
  knownIds.push(
    ...['central', 'prov', 'city', 'cA', 'cB', 'gA', 'gB', 'pA1', 'yA', world.activityId],
    ...Object.values(world.cadres),
  );
  const doc = (await ctx.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
  operations = operationsOf(doc).filter((op) => !SKIPPED.has(`${op.method} ${op.path}`));
});
afterAll(() => ctx.close());

async function signedInAs(username: string) {
  const c = new Client(ctx.app);
  expect((await c.login(username)).statusCode).toBe(200);
  return c;
}

interface Failure {
  operation: string;
  request: InjectOptions;
  status: number;
  body: string;
}

/** Runs every operation; returns each one's first 5xx with the request that caused it. */
async function fuzzAs(username: string): Promise<Failure[]> {
  let client = await signedInAs(username);
  const failures: Failure[] = [];
  for (const op of operations) {
    const operation = `${op.method.toUpperCase()} ${op.path}`;
    // a run may have ended the session (a password change): sign in again
    if ((await client.get('/api/v1/auth/session')).statusCode === 401) client = await signedInAs(username);
    const result = await fc.check(
      fc.asyncProperty(requestsFor(op, knownIds), async (request) => {
        const res = await client.request(request);
        if (res.statusCode >= 500) {
          failures.push({ operation, request, status: res.statusCode, body: res.body.slice(0, 300) });
          return false;
        }
        return true;
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    if (result.failed && !failures.some((f) => f.operation === operation)) {
      failures.push({ operation, request: {}, status: 0, body: String(result.errorInstance) });
    }
  }
  return failures;
}

const shown = (failures: Failure[]) =>
  failures.map((f) => {
    const payload = typeof f.request.payload === 'string' ? f.request.payload.slice(0, 300) : '';
    return `${f.operation} → ${f.status}: ${f.request.method} ${f.request.url?.toString().slice(0, 300)} ${payload} ${f.body}`;
  });

describe('every route under generated input', () => {
  it('never answers 5xx to a cadre', { timeout: 300_000 }, async () => {
    expect(operations.length).toBeGreaterThan(100);
    expect(shown(await fuzzAs('cadreA1'))).toEqual([]);
  });

  it('never answers 5xx to an org admin', { timeout: 300_000 }, async () => {
    expect(shown(await fuzzAs('adminA'))).toEqual([]);
  });
});
