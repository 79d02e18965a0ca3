import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TImportJob } from '@lianxin/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../platform/config.ts';
import { openPglite } from '../../platform/db/client.ts';
import { type Client, createTestContext, type TestContext } from '../../testing/index.ts';
import { prefectureLedger } from '../../testing/prefecture-ledger.ts';
import { cityWithTwoCounties, type World } from '../../testing/scenario.ts';

let ctx: TestContext;
let world: World;
let sys: Client;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  world = await cityWithTwoCounties(ctx);
  sys = world.clients.sys;
}, 180_000);
afterAll(() => ctx.close());

type Db = TestContext['p']['db'];
const countIn = async (db: Db, table: string) => {
  const res = (await db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as {
    rows: { n: number }[];
  };
  return res.rows[0]?.n;
};
const count = (table: string) => countIn(ctx.p.db, table);

async function finished(client: Client, id: string): Promise<TImportJob> {
  for (;;) {
    const res = await client.get(`/api/v1/ledger/imports/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    const job = res.json() as TImportJob;
    if (job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('a ledger import as a job', () => {
  it('answers at once with a job, serves /health meanwhile, and ends with the counts', async () => {
    const doc = prefectureLedger(40, 60);
    const before = await count('activities');
    const start = await sys.post('/api/v1/ledger/imports', doc);
    expect(start.statusCode, start.body).toBe(202);
    const job = start.json() as TImportJob;
    expect(job).toMatchObject({ status: 'running', kind: 'ledger', result: null });
    // another client is served while the job runs
    const health = await ctx.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(health.statusCode).toBe(200);
    const done = await finished(sys, job.id);
    expect(done).toMatchObject({ status: 'succeeded', percent: 100, error: null });
    expect(done.result?.created).toMatchObject({
      organizations: doc.organizations.length,
      cadres: 40,
      contacts: 800,
      activities: 2400,
    });
    expect(await count('activities')).toBe((before ?? 0) + 2400);
  });

  it('keeps every problem of a rejected document in the job, and writes nothing', async () => {
    const doc = prefectureLedger(3, 10);
    doc.activities = doc.activities.map((a) => ({ ...a, id: `x-${a.id}`, cadre: 'no-such-cadre' }));
    const before = await count('activities');
    const start = await sys.post('/api/v1/ledger/imports', doc);
    const done = await finished(sys, start.json().id);
    expect(done.status).toBe('rejected');
    expect(done.error?.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ collection: 'activities', id: 'x-bl-a1-1', field: 'cadre' }),
      ]),
    );
    expect(done.result).toBeNull();
    expect(await count('activities')).toBe(before);
  });

  it('is read by its starter and admins over them; others are refused (audited), unknown ids 404', async () => {
    const { adminA, province, adminB } = world.clients;
    const doc = {
      format: 'lianxin-ledger/1',
      cadres: [{ id: 'job-c1', name: '王某', org: 'cA', rank: 'section', employment: 'full_time' }],
    };
    const start = await adminA.post('/api/v1/ledger/imports', doc);
    expect(start.statusCode, start.body).toBe(202);
    const id = start.json().id as string;
    expect((await finished(adminA, id)).status).toBe('succeeded');
    expect((await province.get(`/api/v1/ledger/imports/${id}`)).statusCode).toBe(200);
    expect((await sys.get(`/api/v1/ledger/imports/${id}`)).statusCode).toBe(200);
    expect((await adminB.get(`/api/v1/ledger/imports/${id}`)).statusCode).toBe(403);
    expect(await count(`audit_log where object_type = 'import_job' and object_id = '${id}'`)).toBe(1);
    expect((await sys.get('/api/v1/ledger/imports/no-such-job')).statusCode).toBe(404);
  });
});

describe('a kill during an import', () => {
  it('leaves nothing of it: the command line killed while writing, the database holds no record', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lx-ledger-kill-'));
    const file = path.join(dir, 'ledger.json');
    fs.writeFileSync(file, JSON.stringify(prefectureLedger(60, 200)));
    let child: ChildProcess | undefined;
    try {
      // this checkout's command line, from its sources (npx may find another checkout's)
      child = spawn(process.execPath, [path.join(repoRoot, 'apps/server/bin/lianxin.mjs'), 'import', file], {
        cwd: repoRoot,
        env: {
          ...process.env,
          LIANXIN_DATA: path.join(dir, 'data'),
          DATABASE_URL: '',
          LIANXIN_FROM_SOURCE: '1',
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      const running = child;
      // the command line prints its progress; kill it once rows are being written
      await new Promise<void>((resolve, reject) => {
        let seen = '';
        running.stderr?.on('data', (chunk) => {
          seen += String(chunk);
          if (/ write [1-9]\d*\/\d+/.test(seen)) {
            running.kill('SIGKILL');
            resolve();
          }
        });
        running.on('exit', (code) =>
          code === null ? resolve() : reject(new Error(`the import ended before it was killed:\n${seen}`)),
        );
      });
      await new Promise((r) => running.on('exit', r));
      const database = await openPglite(path.join(dir, 'data', 'pg'));
      try {
        expect(await countIn(database.db, 'activities')).toBe(0);
        expect(await countIn(database.db, 'cadres')).toBe(0);
        expect(await countIn(database.db, `organizations where id like 'bl-%'`)).toBe(0);
      } finally {
        await database.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
