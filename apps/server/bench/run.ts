/**
 * `npm run bench`: the cadre pages' first web load against the phone budget, from the last build
 * (web-first-load.ts); the posting planner beside its greedy baseline (planner.ts), then login, org-tree and
 * activity-insert API throughput on PGlite and on PostgreSQL, each beside the raw database doing the same
 * queries in the same run (machines here are noisy: read the ratios); then a province's compliance evaluation
 * beside one hand-written aggregate over the same rows (compliance.ts; BENCH_CADRES sets the size); then
 * seed 002 at national size through the server: problem from the database, draft, publish (postings.ts);
 * a prefecture's ledger import beside a COPY of its rows, and GET /health answered while it is posted as a
 * job (ledger-import.ts); on PostgreSQL, one activity POST at 1 and 4 clients beside pgbench running its
 * statements (writes.ts).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.ts';
import { seedDivisions } from '../src/modules/divisions/divisions.service.ts';
import { repoRoot } from '../src/platform/config.ts';
import { type Database, openPglite, openPostgres } from '../src/platform/db/client.ts';
import { Client, makeAccount, PASSWORD } from '../src/testing/index.ts';
import { benchActivityInserts } from './activities.ts';
import { benchCompliance, complianceSizes, freshDatabase } from './compliance.ts';
import { benchHealthDuringImport, benchLedgerImport, freshPostgres } from './ledger-import.ts';
import { benchPlanner } from './planner.ts';
import { benchPlatform } from './platform.ts';
import { benchPostings } from './postings.ts';
import { timed } from './timing.ts';
import { benchWebFirstLoad } from './web-first-load.ts';
import { benchWrites } from './writes.ts';

const ORG_REQUESTS = 400;
const LOGINS = 60;

async function benchOne(label: string, database: Database) {
  const p = benchPlatform(database);
  await seedDivisions(p, 'bench');
  await makeAccount(p, { username: 'bench', role: 'system_admin' });
  const app = await buildApp(p);
  const client = new Client(app);
  await client.login('bench');

  const orgApi = await timed(ORG_REQUESTS, () => client.get('/api/v1/organizations?parent=div-610000'));
  const orgRaw = await timed(ORG_REQUESTS, () =>
    p.db.execute(
      sql`select o.*, (select count(*)::int from organizations c where c.parent_id = o.id and c.closed_on is null)
          from organizations o where o.parent_id = 'div-610000' and o.closed_on is null order by o.division_code, o.name`,
    ),
  );
  const loginApi = await timed(LOGINS, () => new Client(app).login('bench', PASSWORD));
  // the raw side does the same database work as a login, less the argon2 verification
  const loginRaw = await timed(LOGINS, async () => {
    await p.db.execute(sql`select * from accounts where lower(username) = 'bench'`);
    await p.db.execute(
      sql`insert into sessions values (${crypto.randomUUID()}, (select id from accounts where username = 'bench'), 'x', now(), now())`,
    );
  });
  const inserts = await benchActivityInserts(p, app);
  await app.close();
  await database.close();
  const row = (name: string, api: number, raw: number) =>
    `${label.padEnd(11)} ${name.padEnd(28)} ${api.toFixed(0).padStart(7)} /s   raw ${raw.toFixed(0).padStart(7)} /s   ratio ${(api / raw).toFixed(3)}`;
  console.log(row('GET organizations?parent=', orgApi, orgRaw));
  console.log(row('POST auth/login (argon2id)', loginApi, loginRaw));
  console.log(row('POST activities (talk, 2 ppl)', inserts.api, inserts.raw));
}

async function main() {
  await benchWebFirstLoad();
  benchPlanner();
  console.log(
    'backend     operation                    through the API        raw SQL, same run     API/raw',
  );
  await benchOne('PGlite', await openPglite(undefined));
  for (const size of complianceSizes()) {
    const pglite = await openPglite(undefined);
    await benchCompliance('PGlite', pglite, size.cadres, size.perCadre).finally(() => pglite.close());
  }
  const postingsPglite = await openPglite(undefined);
  await benchPostings('PGlite', postingsPglite).finally(() => postingsPglite.close());
  await benchLedgerImport('PGlite', () => openPglite(undefined));
  await benchHealthDuringImport('PGlite', () => openPglite(undefined));
  const pgDir = path.join(repoRoot, `.tmp/pg-bench-${process.pid}`);
  const url =
    process.env.BENCH_DATABASE_URL ??
    execFileSync('bash', [path.join(repoRoot, 'scripts/pg-test-server.sh'), 'start', pgDir], {
      encoding: 'utf8',
    }).trim();
  try {
    await benchOne('PostgreSQL', await openPostgres(url, 4));
    await benchWrites(url);
    await benchLedgerImport('PostgreSQL', freshPostgres(url));
    await benchHealthDuringImport('PostgreSQL', freshPostgres(url));
    for (const size of complianceSizes()) {
      const postgres = await openPostgres(await freshDatabase(url, `bench_compliance_${size.cadres}`), 4);
      await benchCompliance('PostgreSQL', postgres, size.cadres, size.perCadre).finally(() =>
        postgres.close(),
      );
    }
    const postingsPostgres = await openPostgres(url, 4);
    await benchPostings('PostgreSQL', postingsPostgres).finally(() => postingsPostgres.close());
  } finally {
    if (!process.env.BENCH_DATABASE_URL)
      execFileSync('bash', [path.join(repoRoot, 'scripts/pg-test-server.sh'), 'stop', pgDir]);
  }
}

await main();
