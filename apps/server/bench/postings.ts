/**
 * `npx tsx apps/server/bench/postings.ts` (also part of `npm run bench`): seed 002 at national size through the server — every
 * division's committee, 200 central and 1,400 provincial organ cadres, four batches — timing the
 * problem built from the database, the planner's draft as the API makes it, and publishing (postings,
 * groups and contact points in one transaction), on PGlite and, with BENCH_DATABASE_URL, PostgreSQL.
 */
import { plan } from '@lianxin/domain';
import { count } from 'drizzle-orm';
import { seedDivisions } from '../src/modules/divisions/divisions.service.ts';
import { generatePlan, programProblem, publishPlan } from '../src/modules/postings/planning.service.ts';
import { plannerOptions } from '../src/modules/postings/posting-problem.ts';
import { createProgram, loadProgram } from '../src/modules/postings/programs.service.ts';
import { type Database, openPglite, openPostgres } from '../src/platform/db/client.ts';
import { cadres, organizations } from '../src/platform/db/schema.ts';
import type { Platform } from '../src/platform/platform.ts';
import { systemActor } from '../src/testing/index.ts';
import { benchPlatform } from './platform.ts';

const RANKS = ['division', 'deputy_division', 'section', 'staff'];

/** Organ cadres written straight to the table: a third may lead a group, some are new hires on probation. */
async function seedOrganCadres(p: Platform, organIds: string[], perOrgan: (organ: string) => number) {
  const rows = organIds.flatMap((organ) =>
    Array.from({ length: perOrgan(organ) }, (_, i) => ({
      id: crypto.randomUUID(),
      name: `干部${organ}-${i}`,
      orgId: organ,
      department: `第${(i % 5) + 1}部`,
      rank: RANKS[i % 3 === 0 ? 0 : 1 + (i % 3)] as string,
      employment: 'full_time',
      grassrootsYears: i % 4,
      probationEndsOn: i % 40 === 7 ? '2027-06-01' : null,
    })),
  );
  for (let i = 0; i < rows.length; i += 500) await p.db.insert(cadres).values(rows.slice(i, i + 500));
  return rows.length;
}

async function seconds<T>(work: () => Promise<T>): Promise<[T, string]> {
  const t = performance.now();
  const result = await work();
  return [result, ((performance.now() - t) / 1000).toFixed(2)];
}

/** Leaves `database` open: the caller closes it. */
export async function benchPostings(label: string, database: Database) {
  const p = benchPlatform(database);
  await seedDivisions(p, 'bench');
  const provinces = (await p.db.select().from(organizations))
    // under 团中央 only: in `npm run bench` the compliance bench's province shares the PostgreSQL database
    .filter((o) => o.level === 'province' && o.parentId === 'central')
    .map((o) => o.id);
  const organs = ['central', ...provinces];
  const n = await seedOrganCadres(p, organs, (organ) =>
    organ === 'central' ? 200 : Math.round(1400 / provinces.length),
  );
  const program = await createProgram(p, systemActor, {
    name: '常态化下沉基层（全国）',
    kind: 'cyl2015',
    orgId: 'central',
    organIds: organs,
    batches: ['2026-09-01', '2027-03-01', '2027-09-01', '2028-03-01'].map((start, i) => ({
      name: `第${i + 1}批`,
      start,
    })),
  });
  const loaded = await loadProgram(p, systemActor, program.id, 'read');
  const [problem, build] = await seconds(() =>
    programProblem(p.db, loaded.program, loaded.orgPath, loaded.batches),
  );
  // the planner alone on the same problem, for the share the server adds around it
  const [, planner] = await seconds(async () =>
    plan(problem, {
      ...plannerOptions('cyl2015', problem),
      timeBudgetMs: 4000,
      now: () => performance.now(),
    }),
  );
  const [draft, generate] = await seconds(() => generatePlan(p, systemActor, program.id));
  const hard = draft.violations.filter((v) => v.hard).length;
  const [, publish] = hard === 0 ? await seconds(() => publishPlan(p, systemActor, draft.id)) : [null, '—'];
  const [orgs] = await p.db.select({ n: count() }).from(organizations);
  console.log(
    `${label.padEnd(11)} ${orgs?.n} organizations, ${problem.counties.length} counties, ${n} cadres, 4 batches — ` +
      `problem from the database ${build} s; planner alone ${planner} s; generate (problem + planner + store) ${generate} s; ` +
      `hard violations ${hard}; score ${draft.score.total?.toFixed(3)}; unassigned ${draft.unassigned.length}; ` +
      `publish ${draft.rows.length} postings ${publish} s`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [label, open] of [
    ['PGlite', () => openPglite(undefined)],
    ...(process.env.BENCH_DATABASE_URL
      ? [['PostgreSQL', () => openPostgres(process.env.BENCH_DATABASE_URL ?? '', 4)] as const]
      : []),
  ] as const) {
    const database = await open();
    await benchPostings(label, database).finally(() => database.close());
  }
}
