/**
 * `npx tsx apps/server/bench/org-tree.ts`: a synthetic national tree on PostgreSQL — the seeded 31
 * provinces, 333 prefectures and 2,854 counties, and BENCH_GRASSROOTS grassroots organizations
 * (default 440,000, spread evenly over the counties) — then the tree's reads beside a hand-written
 * recursive query over the same rows, in the same run, printed as ratios (decision 24):
 *   - a county's children, and its prefecture's, with their open-children counts, through the
 *     service (what the web tree asks on each expand) vs one recursive-free hand-written select;
 *   - a province's subtree listed and counted by the materialized path prefix (how scopes are read)
 *     vs `WITH RECURSIVE` from the province down parent_id.
 * BENCH_DATABASE_URL names a server; otherwise a throwaway PostgreSQL 15 is started under .tmp/.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { seedDivisions } from '../src/modules/divisions/divisions.service.ts';
import { listOrganizations } from '../src/modules/organizations/organizations.service.ts';
import { repoRoot } from '../src/platform/config.ts';
import { openPostgres, rows } from '../src/platform/db/client.ts';
import { systemActor } from '../src/testing/index.ts';
import { benchPlatform } from './platform.ts';
import { timed } from './timing.ts';

const GRASSROOTS = Number(process.env.BENCH_GRASSROOTS ?? 440_000);
const ROUNDS = 40;
const WARM_UP = 10;

async function main() {
  const pgDir = path.join(repoRoot, `.tmp/pg-orgtree-${process.pid}`);
  const url =
    process.env.BENCH_DATABASE_URL ??
    execFileSync('bash', [path.join(repoRoot, 'scripts/pg-test-server.sh'), 'start', pgDir], {
      encoding: 'utf8',
    }).trim();
  const database = await openPostgres(url, 4);
  try {
    const p = benchPlatform(database);
    await seedDivisions(p, 'bench');
    const [{ n: counties } = { n: 0 }] = await rows<{ n: number }>(
      p.db,
      sql`select count(*)::int as n from organizations where level = 'county'`,
    );
    const perCounty = Math.ceil(GRASSROOTS / counties);
    let start = performance.now();
    await p.db.execute(sql`
      insert into organizations (id, name, level, parent_id, path)
      select c.id || '-g' || g, '基层团组织' || g, 'grassroots', c.id, c.path || c.id || '-g' || g || '/'
      from organizations c, generate_series(1, ${perCounty}::int) g where c.level = 'county'`);
    // as autovacuum leaves a table after a bulk insert: statistics and the visibility map (index-only scans)
    await p.db.execute(sql`vacuum analyze organizations`);
    const [{ n: total } = { n: 0 }] = await rows<{ n: number }>(
      p.db,
      sql`select count(*)::int as n from organizations`,
    );
    const loadS = (performance.now() - start) / 1000;
    console.log(
      `national tree: ${total.toLocaleString()} organizations (${perCounty} grassroots per county) written in ${loadS.toFixed(1)} s`,
    );

    // the province with most counties, one of its counties, and its path
    const [province] = await rows<{ id: string; path: string }>(
      p.db,
      sql`select o.id, o.path from organizations o where o.level = 'province'
          order by (select count(*) from organizations c where c.path like o.path || '%') desc limit 1`,
    );
    const [county] = await rows<{ id: string; parent_id: string }>(
      p.db,
      sql`select id, parent_id from organizations where level = 'county' and path like ${`${province?.path}%`} limit 1`,
    );
    if (!province || !county) throw new Error('no province or county seeded');

    const row = (name: string, api: number, raw: number) =>
      console.log(
        `PostgreSQL  ${name.padEnd(44)} ${api.toFixed(0).padStart(6)} /s   hand-written ${raw.toFixed(0).padStart(6)} /s   ratio ${(api / raw).toFixed(2)}`,
      );

    const children = async (name: string, parentId: string) => {
      const api = () => listOrganizations(p, systemActor, { parent: parentId, includeClosed: false });
      const raw = () =>
        p.db.execute(sql`
          select o.*, (select count(*)::int from organizations c where c.parent_id = o.id and c.closed_on is null)
          from organizations o where o.parent_id = ${parentId} and o.closed_on is null
          order by o.division_code, o.name`);
      // both warmed first: compiling the code and the first plans are not what an expand costs a running server
      await timed(WARM_UP, api);
      await timed(WARM_UP, raw);
      row(name, await timed(ROUNDS, api), await timed(ROUNDS, raw));
    };
    await children(`children of a county (${perCounty}) with counts`, county.id);
    await children('children of its prefecture with counts', county.parent_id);

    const recursive = (select: ReturnType<typeof sql>) => sql`
      with recursive t as (
        select id, name, path from organizations where id = ${province.id}
        union all
        select o.id, o.name, o.path from organizations o join t on o.parent_id = t.id
      ) ${select}`;
    const countPath = await timed(ROUNDS, () =>
      p.db.execute(sql`select count(*) from organizations where path like ${`${province.path}%`}`),
    );
    const countRec = await timed(ROUNDS, () => p.db.execute(recursive(sql`select count(*) from t`)));
    row('subtree count of a province', countPath, countRec);

    start = performance.now();
    const listPath = await timed(4, () =>
      p.db.execute(
        sql`select id, name, path from organizations where path like ${`${province.path}%`} order by path`,
      ),
    );
    const listRec = await timed(4, () => p.db.execute(recursive(sql`select * from t order by path`)));
    row('subtree listing of a province', listPath, listRec);

    const plan = await rows<Record<string, string>>(
      p.db,
      sql`explain select count(*) from organizations where path like ${`${province.path}%`}`,
    );
    console.log(`plan of the path count: ${plan.map((r) => Object.values(r)[0]).join(' | ')}`);
  } finally {
    await database.close();
    if (!process.env.BENCH_DATABASE_URL)
      execFileSync('bash', [path.join(repoRoot, 'scripts/pg-test-server.sh'), 'stop', pgDir]);
  }
}

await main();
