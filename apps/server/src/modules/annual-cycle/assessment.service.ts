import crypto from 'node:crypto';
import type { TAssessment, TGrade, TSpotCheck } from '@lianxin/contracts';
import {
  type AssessmentGrade,
  assessmentGradeLabels,
  assessmentQuota,
  drawSpotCheckSample,
  gradeQuotaProblems,
  quotaLimit,
} from '@lianxin/domain';
import { and, eq } from 'drizzle-orm';
import { type Actor, authorize, type Permission } from '../../platform/access/index.ts';
import { assessmentEntries, assessments, spotChecks } from '../../platform/db/schema.ts';
import { AppError, badRequest, notFound } from '../../platform/errors.ts';
import { inTransaction, type Platform } from '../../platform/platform.ts';
import { maskName } from '../contacts/contacts.service.ts';
import { loadOrg } from '../organizations/organizations.service.ts';
import { unitCadres } from './annual-cycle.repo.ts';
import {
  type AssessmentRow,
  assessmentsInScope,
  entriesOf,
  findAssessment,
  findSpotCheck,
  ownContactIds,
  poorGrades,
  spotChecksOf,
} from './assessment.repo.ts';
import { cycleAt } from './cycle.ts';

/** The assessment and the actor's access to its unit: admins over the organization, leaders read. */
export async function loadAssessment(p: Platform, actor: Actor, id: string, perm: Permission) {
  const row = await findAssessment(p.db, id);
  if (!row) throw notFound('Assessment', id, '考核');
  await authorize(p, actor, { type: 'assessment', id }, perm);
  return row;
}

/** Published results are locked (423); an audited unlock reopens them. */
export function assertOpen(a: Pick<AssessmentRow, 'status'>) {
  if (a.status === 'published')
    throw new AppError(
      'locked',
      'The results are published and locked; unlock them first (audited, with a reason)',
      '考核结果已发布并锁定，如需修改须先解锁（记录原因）',
    );
}

/** The grade quota in force at an organization for the year (baoji2018.assessment's parameters). */
export async function quotaOf(p: Platform, orgPath: string, year: number) {
  const { paramsOf } = await cycleAt(p.db, orgPath, year);
  const params = paramsOf('baoji2018.assessment');
  if (!params) throw new Error('baoji2018.assessment has no parameters');
  return assessmentQuota(params);
}

const toSpotCheckDto = (r: Awaited<ReturnType<typeof spotChecksOf>>[number]): TSpotCheck => ({
  id: r.check.id,
  cadreId: r.check.cadreId,
  contactId: r.check.contactId,
  // decision 14: the checker sees the person in clear only through an audited reveal
  contactName: maskName(r.contactName),
  phoneMasked: r.phoneMasked,
  confirmed: r.check.confirmed,
  channel: r.check.channel as TSpotCheck['channel'],
  note: r.check.note,
  checkedBy: r.check.checkedBy,
});

const average = (scores: Record<string, number>) => {
  const values = Object.values(scores);
  return values.length === 0
    ? null
    : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
};

async function toAssessmentDto(p: Platform, id: string): Promise<TAssessment> {
  const row = await findAssessment(p.db, id);
  if (!row) throw notFound('Assessment', id, '考核');
  const a = row.assessment;
  const [entries, checks, quota] = await Promise.all([
    entriesOf(p.db, id),
    spotChecksOf(p.db, id),
    quotaOf(p, row.orgPath, a.year),
  ]);
  const assessed = entries.length;
  return {
    id: a.id,
    year: a.year,
    orgId: a.orgId,
    orgName: row.orgName,
    department: a.department || null,
    status: a.status as TAssessment['status'],
    publishedAt: a.publishedAt?.toISOString() ?? null,
    sampleSize: a.sampleSize,
    quota: {
      assessed,
      excellent: quotaLimit(assessed, quota.excellent ?? 1),
      good: quotaLimit(assessed, quota.good ?? 1),
    },
    entries: entries.map(({ entry, cadreName }) => ({
      cadreId: entry.cadreId,
      cadreName,
      grade: entry.grade as TGrade | null,
      mutualScore: average(entry.reviews),
      reviewCount: Object.keys(entry.reviews).length,
      talkRequired: entry.grade === 'poor',
      talkHeldOn: entry.talkHeldOn,
      spotChecks: checks.filter((c) => c.check.cadreId === entry.cadreId).map(toSpotCheckDto),
    })),
  };
}

export async function getAssessment(p: Platform, actor: Actor, id: string) {
  await loadAssessment(p, actor, id, 'read');
  return toAssessmentDto(p, id);
}

export async function listAssessments(p: Platform, actor: Actor, year: number, orgId?: string) {
  const id = orgId ?? actor.scopeOrgId;
  if (!id) throw badRequest('Name an organization (org)', '请指定组织');
  const org = await loadOrg(p, actor, id, 'read');
  const rows = await assessmentsInScope(p.db, year, org.path);
  return { items: await Promise.all(rows.map((r) => toAssessmentDto(p, r.id))) };
}

/**
 * 启动考核 for one assessing unit (decision 5): the organization's active cadres, or one
 * department's. Those taking part are fixed now: the quotas count them.
 */
export async function createAssessment(
  p: Platform,
  actor: Actor,
  year: number,
  input: { orgId: string; department?: string; sampleSize: number },
) {
  const org = await loadOrg(p, actor, input.orgId, 'write');
  const department = input.department ?? '';
  const roster = await unitCadres(p.db, org.id, department || null);
  if (roster.length === 0)
    throw badRequest('Nobody to assess in this unit', '该考核单位没有可参加考核的团干部', [
      { path: department ? 'department' : 'orgId', message: '无在职团干部 / no active cadres' },
    ]);
  const [existing] = await p.db
    .select({ id: assessments.id })
    .from(assessments)
    .where(
      and(eq(assessments.year, year), eq(assessments.orgId, org.id), eq(assessments.department, department)),
    );
  if (existing)
    throw new AppError(
      'conflict',
      `The unit's ${year} assessment exists: ${existing.id}`,
      `该单位 ${year} 年度考核已启动（${existing.id}）`,
    );
  const id = crypto.randomUUID();
  await inTransaction(p, async (tx) => {
    await tx
      .insert(assessments)
      .values({ id, year, orgId: org.id, department, status: 'open', sampleSize: input.sampleSize });
    await tx.insert(assessmentEntries).values(roster.map((c) => ({ assessmentId: id, cadreId: c.id })));
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'assessment.create',
      objectType: 'assessment',
      objectId: id,
      after: { year, orgId: org.id, department, assessed: roster.map((c) => c.id) },
      ip: actor.ip,
    });
  });
  return toAssessmentDto(p, id);
}

function assertInRoster(cadreIds: string[], roster: Set<string>, path: string) {
  const outside = cadreIds.filter((id) => !roster.has(id));
  if (outside.length > 0)
    throw badRequest(
      'Not among those assessed',
      '不在本次考核名单中',
      outside.map((id) => ({ path, message: id })),
    );
}

/** Grades over quota are refused (409), saying for each grade by how many. */
export function refuseOverQuota(problems: ReturnType<typeof gradeQuotaProblems>) {
  if (problems.length > 0)
    throw new AppError(
      'conflict',
      problems.map((x) => x.en).join('; '),
      problems.map((x) => x.zh).join('；'),
      problems.map((x) => ({
        path: `grades.${x.grade}`,
        message: `超出名额 ${x.over} 人 / over by ${x.over}`,
      })),
    );
}

/**
 * 评定等次. The quota (优 ≤ 30%, 良 ≤ 50% of those assessed, rounding down) is checked on the
 * grades as they would stand after the change; a grading over quota is refused, saying by how many.
 */
export async function setGrades(
  p: Platform,
  actor: Actor,
  id: string,
  grades: { cadreId: string; grade: TGrade | null }[],
) {
  const row = await loadAssessment(p, actor, id, 'write');
  assertOpen(row.assessment);
  const entries = await entriesOf(p.db, id);
  assertInRoster(
    grades.map((g) => g.cadreId),
    new Set(entries.map((e) => e.entry.cadreId)),
    'grades',
  );
  const next = new Map(entries.map((e) => [e.entry.cadreId, e.entry.grade as AssessmentGrade | null]));
  for (const g of grades) next.set(g.cadreId, g.grade);
  const problems = gradeQuotaProblems(
    entries.length,
    [...next.values()],
    await quotaOf(p, row.orgPath, row.assessment.year),
  );
  refuseOverQuota(problems);
  await inTransaction(p, async (tx) => {
    for (const g of grades)
      await tx
        .update(assessmentEntries)
        .set({ grade: g.grade })
        .where(and(eq(assessmentEntries.assessmentId, id), eq(assessmentEntries.cadreId, g.cadreId)));
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'assessment.grade',
      objectType: 'assessment',
      objectId: id,
      before: Object.fromEntries(
        grades.map((g) => [
          g.cadreId,
          entries.find((e) => e.entry.cadreId === g.cadreId)?.entry.grade ?? null,
        ]),
      ),
      after: Object.fromEntries(grades.map((g) => [g.cadreId, g.grade])),
      ip: actor.ip,
    });
  });
  return toAssessmentDto(p, id);
}

/** 互检互评: scores given by cadres of the unit to each other (never to themselves). */
export async function setReviews(
  p: Platform,
  actor: Actor,
  id: string,
  reviews: { reviewerId: string; cadreId: string; score: number }[],
) {
  const row = await loadAssessment(p, actor, id, 'write');
  assertOpen(row.assessment);
  const entries = await entriesOf(p.db, id);
  const roster = new Set(entries.map((e) => e.entry.cadreId));
  assertInRoster(
    reviews.flatMap((r) => [r.reviewerId, r.cadreId]),
    roster,
    'reviews',
  );
  const self = reviews.findIndex((r) => r.reviewerId === r.cadreId);
  if (self >= 0)
    throw badRequest('A cadre does not review themselves', '不能给自己评分', [
      { path: `reviews.${self}`, message: '评分人与被评人相同 / reviewer is the reviewed' },
    ]);
  await inTransaction(p, async (tx) => {
    for (const e of entries) {
      const mine = reviews.filter((r) => r.cadreId === e.entry.cadreId);
      if (mine.length === 0) continue;
      const merged = { ...e.entry.reviews, ...Object.fromEntries(mine.map((r) => [r.reviewerId, r.score])) };
      await tx
        .update(assessmentEntries)
        .set({ reviews: merged })
        .where(and(eq(assessmentEntries.assessmentId, id), eq(assessmentEntries.cadreId, e.entry.cadreId)));
    }
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'assessment.review',
      objectType: 'assessment',
      objectId: id,
      after: { reviews },
      ip: actor.ip,
    });
  });
  return toAssessmentDto(p, id);
}

/**
 * 电话（网络）抽查: the server draws the sample from the cadre's own contacts with a seed it records,
 * so the draw can be repeated and checked; a cadre's sample is drawn once.
 */
export async function drawSpotChecks(p: Platform, actor: Actor, id: string, cadreId: string) {
  const row = await loadAssessment(p, actor, id, 'write');
  assertOpen(row.assessment);
  const entries = await entriesOf(p.db, id);
  assertInRoster([cadreId], new Set(entries.map((e) => e.entry.cadreId)), 'cadreId');
  const drawn = await spotChecksOf(p.db, id, cadreId);
  if (drawn.length > 0) return drawn.map(toSpotCheckDto);
  const seed = `${id}/${cadreId}`;
  const sample = drawSpotCheckSample(await ownContactIds(p.db, cadreId), row.assessment.sampleSize, seed);
  if (sample.length === 0)
    throw badRequest('The cadre keeps no contacts to check', '该团干部没有联系青年，无法抽查', [
      { path: 'cadreId', message: '无联系青年 / no contacts' },
    ]);
  await inTransaction(p, async (tx) => {
    await tx
      .insert(spotChecks)
      .values(
        sample.map((contactId) => ({ id: crypto.randomUUID(), assessmentId: id, cadreId, contactId, seed })),
      );
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'assessment.spot_check.draw',
      objectType: 'assessment',
      objectId: id,
      after: { cadreId, seed, contacts: sample },
      ip: actor.ip,
    });
  });
  return (await spotChecksOf(p.db, id, cadreId)).map(toSpotCheckDto);
}

export async function recordSpotCheck(
  p: Platform,
  actor: Actor,
  checkId: string,
  result: { confirmed: boolean; channel: 'phone' | 'online'; note?: string },
) {
  const check = await findSpotCheck(p.db, checkId);
  if (!check) throw notFound('Spot check', checkId, '抽查记录');
  const row = await loadAssessment(p, actor, check.assessmentId, 'write');
  assertOpen(row.assessment);
  await inTransaction(p, async (tx) => {
    await tx
      .update(spotChecks)
      .set({
        confirmed: result.confirmed,
        channel: result.channel,
        note: result.note ?? null,
        checkedBy: actor.name,
        checkedAt: p.clock.now(),
      })
      .where(eq(spotChecks.id, checkId));
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'assessment.spot_check.record',
      objectType: 'spot_check',
      objectId: checkId,
      before: { confirmed: check.confirmed },
      after: { confirmed: result.confirmed, channel: result.channel },
      ip: actor.ip,
    });
  });
  const [dto] = (await spotChecksOf(p.db, check.assessmentId, check.cadreId))
    .filter((r) => r.check.id === checkId)
    .map(toSpotCheckDto);
  return dto as TSpotCheck;
}

/** 发布: every cadre graded and the quotas kept; the results are then locked. */
export async function publishAssessment(p: Platform, actor: Actor, id: string) {
  const row = await loadAssessment(p, actor, id, 'write');
  assertOpen(row.assessment);
  const entries = await entriesOf(p.db, id);
  const ungraded = entries.filter((e) => e.entry.grade === null);
  if (ungraded.length > 0)
    throw badRequest(
      `${ungraded.length} cadres are not graded yet`,
      `尚有 ${ungraded.length} 名团干部未评定等次`,
      ungraded.map((e) => ({ path: 'grades', message: e.cadreName })),
    );
  await setStatus(p, actor, id, 'published', {});
  return toAssessmentDto(p, id);
}

/** 解锁: reopens published results; the reason goes to the audit log. */
export async function unlockAssessment(p: Platform, actor: Actor, id: string, reason: string) {
  const row = await loadAssessment(p, actor, id, 'write');
  if (row.assessment.status !== 'published')
    throw new AppError('conflict', 'The results are not published', '考核结果尚未发布，无需解锁');
  await setStatus(p, actor, id, 'open', { reason });
  return toAssessmentDto(p, id);
}

async function setStatus(p: Platform, actor: Actor, id: string, status: 'open' | 'published', extra: object) {
  await inTransaction(p, async (tx) => {
    await tx
      .update(assessments)
      .set({ status, publishedAt: status === 'published' ? p.clock.now() : null })
      .where(eq(assessments.id, id));
    await p.audit.append(tx, {
      actor: actor.name,
      action: status === 'published' ? 'assessment.publish' : 'assessment.unlock',
      objectType: 'assessment',
      objectId: id,
      after: { status, ...extra },
      ip: actor.ip,
    });
  });
}

/** 约谈: the formal talk a 差 leads to, recorded once held (also after publication: it is not a result). */
export async function recordTalk(p: Platform, actor: Actor, id: string, cadreId: string, heldOn: string) {
  await loadAssessment(p, actor, id, 'write');
  const entry = (await entriesOf(p.db, id)).find((e) => e.entry.cadreId === cadreId);
  if (entry?.entry.grade !== 'poor')
    throw badRequest(
      `Only a cadre graded ${assessmentGradeLabels.poor} is called to a talk`,
      `只有评为“${assessmentGradeLabels.poor}”的团干部需要约谈`,
      [{ path: 'cadreId', message: cadreId }],
    );
  await inTransaction(p, async (tx) => {
    await tx
      .update(assessmentEntries)
      .set({ talkHeldOn: heldOn })
      .where(and(eq(assessmentEntries.assessmentId, id), eq(assessmentEntries.cadreId, cadreId)));
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'assessment.talk',
      objectType: 'assessment',
      objectId: id,
      after: { cadreId, heldOn },
      ip: actor.ip,
    });
  });
  return toAssessmentDto(p, id);
}

export async function talkList(p: Platform, actor: Actor, year: number, orgId?: string) {
  const id = orgId ?? actor.scopeOrgId;
  if (!id) throw badRequest('Name an organization (org)', '请指定组织');
  const org = await loadOrg(p, actor, id, 'read');
  const rows = await poorGrades(p.db, year, org.path);
  return { items: rows.map((r) => ({ ...r, department: r.department || null })) };
}

/**
 * 考核等次 of one cadre for the year, as the cadre (or an admin over them) sees it: only once the
 * assessment is published — a grade still being decided is not shown to the one graded.
 */
export async function publishedGrade(p: Platform, actor: Actor, cadreId: string, year: number) {
  await authorize(p, actor, { type: 'filing', id: cadreId }, 'read');
  const [row] = await p.db
    .select({ grade: assessmentEntries.grade, publishedAt: assessments.publishedAt })
    .from(assessmentEntries)
    .innerJoin(assessments, eq(assessments.id, assessmentEntries.assessmentId))
    .where(
      and(
        eq(assessmentEntries.cadreId, cadreId),
        eq(assessments.year, year),
        eq(assessments.status, 'published'),
      ),
    );
  return {
    cadreId,
    year,
    grade: (row?.grade ?? null) as TGrade | null,
    publishedAt: row?.publishedAt?.toISOString() ?? null,
  };
}
