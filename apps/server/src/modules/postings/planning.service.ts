import crypto from 'node:crypto';
import {
  employmentLabels,
  type TEmployment,
  type TMoveCadreRequest,
  type TPostingPlanView,
} from '@lianxin/contracts';
import {
  checkPlan,
  groupName,
  type PostingCounty,
  type PostingPlan,
  type PostingProblem,
  pathIds,
  plan as runPlanner,
  scorePlan,
} from '@lianxin/domain';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/access/index.ts';
import type { Db } from '../../platform/db/client.ts';
import { postingPlans } from '../../platform/db/schema.ts';
import { AppError, badRequest, notFound } from '../../platform/errors.ts';
import { inTransaction, type Platform } from '../../platform/platform.ts';
import { findOrgsByIds } from '../organizations/organizations.repo.ts';
import { applyMove } from './plan-edit.ts';
import { namer, violationView } from './plan-words.ts';
import {
  buildProblem,
  kindOf,
  plannerOptions,
  toCounty,
  toGrassrootsTarget,
  toOrgan,
} from './posting-problem.ts';
import {
  type BatchRow,
  batchesOf,
  findPlan,
  findPlanOf,
  nonStaffCadres,
  openOrgsOfLevel,
  organCadres,
  type PlanRow,
  type ProgramRow,
  preferencesOf,
  provincesByCode,
} from './postings.repo.ts';
import { loadProgram } from './programs.service.ts';
import { publishInto } from './publish.ts';

/** The planner's time budget inside a request (decision 24: the target is 5 seconds nationally). */
const PLANNER_BUDGET_MS = 4000;

/** Counties of the program's subtree (cyl2015), or the grassroots organizations of its county ("8+4"). */
async function targetsOf(db: Db, program: ProgramRow, programOrgPath: string): Promise<PostingCounty[]> {
  if (program.kind === 'mz2016') {
    const [county] = await findOrgsByIds(db, program.organIds);
    if (!county) return [];
    return (await openOrgsOfLevel(db, county.path, 'grassroots')).map((o) =>
      toGrassrootsTarget(o, county.id),
    );
  }
  const counties = await openOrgsOfLevel(db, programOrgPath, 'county');
  const ancestorIds = [...new Set(counties.flatMap((c) => pathIds(c.path)))];
  const ancestors = new Map((await findOrgsByIds(db, ancestorIds)).map((o) => [o.id, o]));
  return counties.map((c) => toCounty(c, ancestors));
}

/** The planner's problem document for a program, from the organization tree and the cadre records. */
export async function programProblem(
  db: Db,
  program: ProgramRow,
  programOrgPath: string,
  batches: BatchRow[],
): Promise<PostingProblem> {
  const organs = await findOrgsByIds(db, program.organIds);
  const cadres = await organCadres(db, program.organIds);
  const preferences = await preferencesOf(db, program.id);
  return buildProblem({
    batches: batches.map((b) => ({ id: b.id, start: b.startDate })),
    organs: organs.map((o) => toOrgan(o, kindOf(program))),
    cadres: cadres.map(({ cadre }) => ({
      ...cadre,
      grassrootsYears: Number(cadre.grassrootsYears),
      ...preferences.get(cadre.id),
    })),
    targets: await targetsOf(db, program, programOrgPath),
  });
}

/** Every id the planner's messages may hold, with the name a reader knows it by. */
async function namesOf(db: Db, row: PlanRow, problem: PostingProblem, doc: PostingPlan) {
  const counties = problem.counties;
  const orgIds = [
    ...new Set([
      ...problem.organs.map((o) => o.id),
      ...counties.flatMap((c) => [c.id, c.prefecture]),
      ...doc.groups.map((g) => g.prefecture),
    ]),
  ];
  const codes = [...new Set(counties.map((c) => c.province))];
  const names = new Map<string, string>([['central', '中央机关']]);
  for (const p of await provincesByCode(db, codes)) if (p.code) names.set(p.code, p.name);
  for (const o of await findOrgsByIds(db, orgIds)) names.set(o.id, o.name);
  for (const b of await batchesOf(db, [row.programId])) names.set(b.id, `${b.name}（${b.startDate}）`);
  const organIds = problem.organs.map((o) => o.id);
  for (const { cadre } of await organCadres(db, organIds)) names.set(cadre.id, cadre.name);
  for (const g of doc.groups) names.set(g.id, groupName(g.id));
  return names;
}

/** The part-time cadres of the organs: on the organ's roll, but not organ staff who go. */
async function leftOutOf(db: Db, problem: PostingProblem) {
  const rows = await nonStaffCadres(
    db,
    problem.organs.map((o) => o.id),
  );
  return rows.map((c) => ({
    cadre: c.id,
    cadreName: c.name,
    reason: `${employmentLabels[c.employment as TEmployment] ?? c.employment}团干部不是机关在编干部，不参加下沉`,
  }));
}

/** The plan with names: cadres, organs, targets, batches and groups are ids in the planner's documents. */
async function toPlanView(db: Db, row: PlanRow): Promise<TPostingPlanView> {
  const problem = row.problem as unknown as PostingProblem;
  const doc = row.plan as unknown as PostingPlan;
  const cadreOrgans = new Map(problem.cadres.map((c) => [c.id, c]));
  const counties = new Map(problem.counties.map((c) => [c.id, c]));
  const names = await namesOf(db, row, problem, doc);
  const leaders = new Set(doc.groups.map((g) => g.leader));
  const name = (id: string) => names.get(id) ?? id;
  const orgName = (id: string | undefined) => (id ? (names.get(id) ?? id) : '');
  const words = namer(names);
  return {
    id: row.id,
    programId: row.programId,
    status: row.status as 'draft' | 'published',
    createdAt: row.createdAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    rows: doc.assignments.map((a) => {
      const prefecture = counties.get(a.county)?.prefecture ?? '';
      return {
        cadre: a.cadre,
        cadreName: name(a.cadre),
        organName: orgName(cadreOrgans.get(a.cadre)?.organ),
        rank: cadreOrgans.get(a.cadre)?.rank ?? 'staff',
        batch: a.batch,
        county: a.county,
        countyName: orgName(a.county),
        prefecture,
        prefectureName: orgName(prefecture),
        group: a.group,
        leader: leaders.has(a.cadre),
        months: a.months,
      };
    }),
    groups: doc.groups.map((g) => ({ ...g, prefectureName: orgName(g.prefecture) })),
    unassigned: doc.unassigned.map((u) => ({ ...u, cadreName: name(u.cadre), reason: words(u.reason) })),
    leftOut: await leftOutOf(db, problem),
    violations: doc.violations.map((v) => violationView(v, words)),
    score: { ...doc.score },
  };
}

async function planView(db: Db, id: string) {
  const row = await findPlan(db, id);
  if (!row) throw notFound('Plan', id, '派驻方案');
  return toPlanView(db, row);
}

const published = (programId: string) =>
  new AppError('conflict', `The plan of program ${programId} is published`, '该计划已发布，不能再修改', [
    { path: 'plan', message: '已发布 / published' },
  ]);

/** 生成方案: runs the planner on the program as the database holds it now, replacing the draft. */
export async function generatePlan(p: Platform, actor: Actor, programId: string) {
  const { program, orgPath, batches } = await loadProgram(p, actor, programId, 'write');
  const existing = await findPlanOf(p.db, programId);
  if (existing?.status === 'published') throw published(programId);
  const problem = await programProblem(p.db, program, orgPath, batches);
  const started = performance.now();
  const doc = runPlanner(problem, {
    ...plannerOptions(kindOf(program), problem),
    timeBudgetMs: PLANNER_BUDGET_MS,
    now: () => performance.now(),
  });
  const millis = Math.round(performance.now() - started);
  const id = existing?.id ?? crypto.randomUUID();
  const values = {
    problem: problem as unknown as Record<string, unknown>,
    plan: doc as unknown as Record<string, unknown>,
    createdBy: actor.name,
    createdAt: p.clock.now(),
  };
  await inTransaction(p, async (tx) => {
    if (existing) await tx.update(postingPlans).set(values).where(eq(postingPlans.id, id));
    else await tx.insert(postingPlans).values({ id, programId, status: 'draft', ...values });
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'posting_plan.generate',
      objectType: 'posting_plan',
      objectId: id,
      after: {
        programId,
        assignments: doc.assignments.length,
        unassigned: doc.unassigned.length,
        hardViolations: doc.violations.filter((v) => v.hard).length,
        score: doc.score.total,
        millis,
      },
      ip: actor.ip,
    });
  });
  return planView(p.db, id);
}

export async function getProgramPlan(p: Platform, actor: Actor, programId: string) {
  await loadProgram(p, actor, programId, 'read');
  const row = await findPlanOf(p.db, programId);
  if (!row) throw notFound('Plan of program', programId, '下沉计划的方案');
  return toPlanView(p.db, row);
}

async function loadPlanForWrite(p: Platform, actor: Actor, planId: string) {
  const row = await findPlan(p.db, planId);
  if (!row) throw notFound('Plan', planId, '派驻方案');
  const loaded = await loadProgram(p, actor, row.programId, 'write');
  if (row.status === 'published') throw published(row.programId);
  return { row, ...loaded };
}

/** 手工调整: the edit is kept even when it breaks a rule; the answer names every violation at once. */
export async function moveCadre(
  p: Platform,
  actor: Actor,
  planId: string,
  cadreId: string,
  move: TMoveCadreRequest,
) {
  const { row, program } = await loadPlanForWrite(p, actor, planId);
  const problem = row.problem as unknown as PostingProblem;
  const result = applyMove(problem, row.plan as unknown as PostingPlan, cadreId, move);
  if ('problems' in result)
    throw badRequest('The move is not possible', '无法调整：请检查批次、派驻地和小组', result.problems);
  const options = plannerOptions(kindOf(program), problem);
  const doc: PostingPlan = {
    ...result.plan,
    violations: checkPlan(problem, result.plan, options),
    score: scorePlan(problem, result.plan, options),
  };
  await inTransaction(p, async (tx) => {
    await tx
      .update(postingPlans)
      .set({ plan: doc as unknown as Record<string, unknown> })
      .where(eq(postingPlans.id, planId));
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'posting_plan.move',
      objectType: 'posting_plan',
      objectId: planId,
      before: (row.plan as unknown as PostingPlan).assignments.find((a) => a.cadre === cadreId) ?? null,
      after: { cadre: cadreId, ...move, hardViolations: doc.violations.filter((v) => v.hard).length },
      ip: actor.ip,
    });
  });
  return planView(p.db, planId);
}

/** 发布: only a plan without hard violations; creates the postings, groups and contact points. */
export async function publishPlan(p: Platform, actor: Actor, planId: string) {
  const { row, program, batches } = await loadPlanForWrite(p, actor, planId);
  const problem = row.problem as unknown as PostingProblem;
  const doc = row.plan as unknown as PostingPlan;
  const hard = checkPlan(problem, doc, plannerOptions(kindOf(program), problem)).filter((v) => v.hard);
  if (hard.length > 0) {
    const words = namer(await namesOf(p.db, row, problem, doc));
    throw new AppError(
      'conflict',
      `The plan breaks ${hard.length} hard rules`,
      `方案有 ${hard.length} 处违反硬性规则，不能发布`,
      hard.slice(0, 50).map((v) => ({ path: v.subject, message: violationView(v, words).message })),
    );
  }
  await inTransaction(p, async (tx) => {
    const made = await publishInto(tx, program, batches, doc);
    await tx
      .update(postingPlans)
      .set({ status: 'published', publishedBy: actor.name, publishedAt: p.clock.now() })
      .where(eq(postingPlans.id, planId));
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'posting_plan.publish',
      objectType: 'posting_plan',
      objectId: planId,
      after: { programId: program.id, ...made },
      ip: actor.ip,
    });
  });
  return planView(p.db, planId);
}

/** Where a program may post: the targets with their prefecture, for the plan editor's choices. */
export async function listTargets(p: Platform, actor: Actor, programId: string) {
  const { program, orgPath } = await loadProgram(p, actor, programId, 'read');
  const targets = await targetsOf(p.db, program, orgPath);
  const ids = [...new Set(targets.flatMap((t) => [t.id, t.prefecture]))];
  const names = new Map((await findOrgsByIds(p.db, ids)).map((o) => [o.id, o.name]));
  return {
    items: targets.map((t) => ({
      id: t.id,
      name: names.get(t.id) ?? t.id,
      prefecture: t.prefecture,
      prefectureName: names.get(t.prefecture) ?? t.prefecture,
    })),
  };
}
