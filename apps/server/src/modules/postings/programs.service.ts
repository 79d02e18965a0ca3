import crypto from 'node:crypto';
import {
  type TCreatePostingProgramRequest,
  type TMyProgramPreferences,
  type TPostingPreferences,
  type TPostingProgram,
  type TProgramSuggestion,
  ZRank,
} from '@lianxin/contracts';
import { isInSubtree, programKindsOfLevel, suggestBatches } from '@lianxin/domain';
import { type Actor, authorize } from '../../platform/access/index.ts';
import { chinaToday } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/client.ts';
import { postingBatches, postingPreferences, postingPrograms } from '../../platform/db/schema.ts';
import { badRequest, type ErrorDetail, notFound } from '../../platform/errors.ts';
import { inTransaction, type Platform } from '../../platform/platform.ts';
import { findCadre } from '../cadres/cadres.repo.ts';
import { findOrgsByIds } from '../organizations/organizations.repo.ts';
import { loadOrg } from '../organizations/organizations.service.ts';
import { openBatches, plannedMonths } from './posting-problem.ts';
import {
  type BatchRow,
  batchesOf,
  findPlanOf,
  findProgram,
  listPrograms,
  organCadres,
  type ProgramRow,
  preferencesOf,
  programsSendingOrgan,
} from './postings.repo.ts';

/** A program as its organization's admins see it (read: leaders too); 404, or 403 audited. */
export async function loadProgram(p: Platform, actor: Actor, id: string, perm: 'read' | 'write') {
  const row = await findProgram(p.db, id);
  if (!row) throw notFound('Posting program', id, '下沉计划');
  await authorize(p, actor, { type: 'posting_program', id }, perm);
  const batches = await batchesOf(p.db, [id]);
  return { ...row, batches };
}

const batchDto = (b: BatchRow) => ({ id: b.id, name: b.name, start: b.startDate });

async function toProgramDto(
  db: Db,
  r: { program: ProgramRow; orgName: string; batches: BatchRow[] },
): Promise<TPostingProgram> {
  const plan = await findPlanOf(db, r.program.id);
  return {
    id: r.program.id,
    name: r.program.name,
    kind: r.program.kind as TPostingProgram['kind'],
    orgId: r.program.orgId,
    orgName: r.orgName,
    organIds: r.program.organIds,
    batches: r.batches.map(batchDto),
    plan: plan && {
      id: plan.id,
      status: plan.status as 'draft' | 'published',
      createdAt: plan.createdAt.toISOString(),
      publishedAt: plan.publishedAt?.toISOString() ?? null,
    },
  };
}

/**
 * What a program of its kind allows: cyl2015 sends central and provincial organs in the windows
 * Sep–Dec and Mar–Jun (cyl2015.batches); "8+4" sends one county committee (mz2016.eight_plus_four).
 */
async function programProblems(db: Db, input: TCreatePostingProgramRequest, orgPath: string) {
  const problems: ErrorDetail[] = [];
  const organs = new Map((await findOrgsByIds(db, input.organIds)).map((o) => [o.id, o]));
  input.organIds.forEach((id, i) => {
    const organ = organs.get(id);
    const path = `organIds.${i}`;
    if (!organ) problems.push({ path, message: `组织不存在 / unknown organization: ${id}` });
    else if (!isInSubtree(organ.path, orgPath))
      problems.push({
        path,
        message: '派出机关须在本组织范围内 / the organ must be inside the program organization',
      });
    else if (input.kind === 'cyl2015' && organ.level !== 'central' && organ.level !== 'province')
      problems.push({
        path,
        message: '派出机关须为团中央或团省委 / the organ must be central or provincial',
      });
    else if (input.kind === 'mz2016' && organ.level !== 'county')
      problems.push({ path, message: '“8+4”的派出机关须为县级团委 / the 8+4 organ is a county committee' });
  });
  if (input.kind === 'mz2016' && input.organIds.length !== 1)
    problems.push({
      path: 'organIds',
      message: '“8+4”只有一个派出的县级团委 / 8+4 has one county committee',
    });
  const starts = new Set<string>();
  input.batches.forEach((b, i) => {
    if (starts.has(b.start))
      problems.push({ path: `batches.${i}.start`, message: '批次开始日期重复 / start repeats' });
    starts.add(b.start);
    const month = b.start.slice(5, 7);
    if (input.kind === 'cyl2015' && month !== '03' && month !== '09')
      problems.push({
        path: `batches.${i}.start`,
        message: '每批工作时间为 9—12 月或 3—6 月 / a batch starts in September or March',
      });
  });
  return problems;
}

export async function createProgram(p: Platform, actor: Actor, input: TCreatePostingProgramRequest) {
  const org = await loadOrg(p, actor, input.orgId, 'write');
  const problems = await programProblems(p.db, input, org.path);
  if (problems.length > 0) throw badRequest('The program is not valid', '下沉计划信息有误', problems);
  const program = {
    id: crypto.randomUUID(),
    name: input.name,
    kind: input.kind,
    orgId: input.orgId,
    organIds: input.organIds,
    createdBy: actor.name,
  };
  const batches = input.batches.map((b) => ({
    id: crypto.randomUUID(),
    programId: program.id,
    name: b.name,
    startDate: b.start,
  }));
  await inTransaction(p, async (tx) => {
    await tx.insert(postingPrograms).values(program);
    await tx.insert(postingBatches).values(batches);
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'posting_program.create',
      objectType: 'posting_program',
      objectId: program.id,
      after: { ...program, batches: input.batches },
      ip: actor.ip,
    });
  });
  return getProgram(p, actor, program.id);
}

const kindRules: Record<TProgramSuggestion['kind'], { title: string; rule: string }> = {
  cyl2015: { title: '常态化下沉基层', rule: '每批工作时间为 9—12 月或 3—6 月，每组 3—4 人' },
  mz2016: { title: '“8+4”', rule: '每年分 4 批、每批约 1/4 的在编干部，每组 2—3 人' },
};

/**
 * 新建下沉计划's defaults at an organization: only the kinds its level may run, with batches
 * after today that its own organ cadres can fill with groups (so the first plan can be published).
 */
export async function suggestPrograms(p: Platform, actor: Actor, orgId: string) {
  const org = await loadOrg(p, actor, orgId, 'write');
  const staff = (await organCadres(p.db, [orgId])).length;
  const today = chinaToday(p.clock);
  const items: TProgramSuggestion[] = programKindsOfLevel(org.level).map((kind) => {
    const batches = suggestBatches(kind, today, staff);
    const { title, rule } = kindRules[kind];
    const shown = batches.length === 4 ? '4 批' : `${batches.length} 批（在编干部不足以每批编组）`;
    return {
      kind,
      name: `${batches[0]?.start.slice(0, 4) ?? today.slice(0, 4)} 年${title}`,
      staff,
      batches,
      hint: `${rule}；本组织在编干部 ${staff} 人，建议 ${shown}。兼职干部不参加。`,
    };
  });
  return { items };
}

export async function getProgram(p: Platform, actor: Actor, id: string) {
  return toProgramDto(p.db, await loadProgram(p, actor, id, 'read'));
}

/** The programs the actor's scope runs (cadres see theirs through their postings instead). */
export async function listProgramsFor(p: Platform, actor: Actor) {
  if (actor.role === 'cadre') return { items: [] };
  const rows = await listPrograms(p.db, actor.role === 'system_admin' ? null : actor.scopePath);
  const batches = await batchesOf(
    p.db,
    rows.map((r) => r.program.id),
  );
  const items = [];
  for (const r of rows) {
    items.push(
      await toProgramDto(p.db, { ...r, batches: batches.filter((b) => b.programId === r.program.id) }),
    );
  }
  return { items };
}

/** The organ cadres the planner will place, with their months and the batches open to them. */
export async function eligibleCadres(p: Platform, actor: Actor, id: string) {
  const { program, batches } = await loadProgram(p, actor, id, 'read');
  const rows = await organCadres(p.db, program.organIds);
  const preferences = await preferencesOf(p.db, id);
  const starts = batches.map((b) => ({ id: b.id, start: b.startDate }));
  return {
    items: rows.map(({ cadre, orgName }) => {
      const wish = preferences.get(cadre.id) ?? { prefersBatches: [], avoidBatches: [] };
      return {
        id: cadre.id,
        name: cadre.name,
        organId: cadre.orgId,
        organName: orgName,
        department: cadre.department,
        rank: ZRank.parse(cadre.rank),
        grassrootsYears: Number(cadre.grassrootsYears),
        probationEndsOn: cadre.probationEndsOn,
        months: plannedMonths(Number(cadre.grassrootsYears)),
        openBatches: openBatches(starts, cadre.probationEndsOn, wish.avoidBatches),
        ...wish,
      };
    }),
  };
}

/** 我的下沉意愿: the programs the caller's organ sends to, with the wishes the caller stated. */
export async function myPreferences(p: Platform, actor: Actor): Promise<{ items: TMyProgramPreferences[] }> {
  const found = actor.cadreId ? await findCadre(p.db, actor.cadreId) : null;
  const cadre = found?.cadre;
  // as organCadres: only active full-time and seconded cadres are organ staff who go
  if (!cadre?.active || !['full_time', 'seconded'].includes(cadre.employment)) return { items: [] };
  const rows = await programsSendingOrgan(p.db, cadre.orgId, cadre.id);
  const batches = await batchesOf(
    p.db,
    rows.map((r) => r.program.id),
  );
  const items = [];
  for (const { program, wish } of rows)
    items.push({
      programId: program.id,
      programName: program.name,
      kind: program.kind as TMyProgramPreferences['kind'],
      batches: batches.filter((b) => b.programId === program.id).map(batchDto),
      published: (await findPlanOf(p.db, program.id))?.status === 'published',
      prefersBatches: wish?.prefersBatches ?? [],
      avoidBatches: wish?.avoidBatches ?? [],
    });
  return { items };
}

/**
 * 意愿: a cadre of the program states their own (or an admin of the program states them for the
 * cadre), naming only the program's batches; the next plan honours them.
 */
export async function setPreferences(
  p: Platform,
  actor: Actor,
  id: string,
  cadreId: string,
  input: TPostingPreferences,
) {
  const own = actor.cadreId === cadreId;
  const { program, batches } = await loadProgramFor(p, actor, id, own);
  const eligible = (await organCadres(p.db, program.organIds)).some((r) => r.cadre.id === cadreId);
  if (!eligible) throw notFound('Cadre of the program', cadreId, '本计划的派出干部');
  const known = new Set(batches.map((b) => b.id));
  const problems: ErrorDetail[] = (['prefersBatches', 'avoidBatches'] as const).flatMap((field) =>
    input[field]
      .map((b, i) => ({
        path: `${field}.${i}`,
        message: `批次不存在 / unknown batch: ${b}`,
        known: known.has(b),
      }))
      .filter((x) => !x.known)
      .map(({ path, message }) => ({ path, message })),
  );
  if (problems.length > 0) throw badRequest('Unknown batches', '批次不属于本计划', problems);
  const row = { programId: id, cadreId, ...input };
  await inTransaction(p, async (tx) => {
    await tx
      .insert(postingPreferences)
      .values(row)
      .onConflictDoUpdate({
        target: [postingPreferences.programId, postingPreferences.cadreId],
        set: { prefersBatches: input.prefersBatches, avoidBatches: input.avoidBatches },
      });
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'posting_preferences.set',
      objectType: 'posting_program',
      objectId: id,
      after: row,
      ip: actor.ip,
    });
  });
  return row;
}

/** The program for a cadre stating their own wishes (its batches only), or for an admin who may write it. */
async function loadProgramFor(p: Platform, actor: Actor, id: string, own: boolean) {
  if (!own) return loadProgram(p, actor, id, 'write');
  const row = await findProgram(p.db, id);
  if (!row) throw notFound('Posting program', id, '下沉计划');
  return { ...row, batches: await batchesOf(p.db, [id]) };
}
