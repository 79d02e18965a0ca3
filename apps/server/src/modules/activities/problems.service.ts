import type { TProblemPass } from '@lianxin/contracts';
import { and, eq, like, or, sql } from 'drizzle-orm';
import { type Actor, authorize } from '../../platform/access/index.ts';
import { chinaToday } from '../../platform/clock.ts';
import { activities } from '../../platform/db/schema.ts';
import { AppError, badRequest, notFound } from '../../platform/errors.ts';
import { inTransaction, type Platform } from '../../platform/platform.ts';
import { findOrg, subtreePattern } from '../organizations/organizations.repo.ts';
import { loadOrg } from '../organizations/organizations.service.ts';
import { cadreOrg, findActivity, listActivities, pointOrg, toActivitySummary } from './activities.repo.ts';

/**
 * 问题跟踪 (seed 004 细则四.4): a problem is followed to the end — passed on (to a League committee
 * above, a Party or government department, or a 两会 proposal), the answer received recorded, and
 * the reply given back to the youth who raised it. The steps are extension fields of the problem
 * record (docs/interchange.md), so they travel in the ledger with it.
 */

async function loadProblem(p: Platform, actor: Actor, id: string, action: 'move' | 'answer') {
  const v = await findActivity(p.db, id);
  if (!v || v.activity.type !== 'problem') throw notFound('Problem', id, '问题');
  await authorize(p, actor, { type: 'problem', id }, action);
  return v;
}

async function setDetails(
  p: Platform,
  actor: Actor,
  id: string,
  step: string,
  change: Record<string, unknown>,
) {
  await inTransaction(p, async (tx) => {
    await tx
      .update(activities)
      .set({ details: sql`${activities.details} || ${JSON.stringify(change)}::jsonb` })
      .where(eq(activities.id, id));
    // what was said is free text about people: only which step and when (decision 16)
    const dates = Object.fromEntries(
      Object.entries(change).filter(([k]) => k.endsWith('On') || k === 'status' || k === 'passedTo'),
    );
    await p.audit.append(tx, {
      actor: actor.name,
      action: `problem.${step}`,
      objectType: 'problem',
      objectId: id,
      after: dates,
      ip: actor.ip,
    });
  });
  const v = await findActivity(p.db, id);
  return toActivitySummary(v!);
}

const notBefore = (on: string, after: string | undefined, field: string) => {
  if (after !== undefined && on < after)
    throw badRequest(`${field} is before ${after}`, `日期不能早于 ${after}`, [
      { path: 'on', message: `早于 ${after} / before ${after}` },
    ]);
};

/** 转交: passed up to a committee, a department or as a 两会 proposal; the problem is escalated. */
export async function passProblem(p: Platform, actor: Actor, id: string, body: TProblemPass) {
  const v = await loadProblem(p, actor, id, 'move');
  const d = v.activity.details as Record<string, string | undefined>;
  if (d.status === 'resolved') throw new AppError('conflict', 'The problem is resolved', '问题已办结');
  notBefore(body.on, v.activity.startDate ?? undefined, 'on');
  if (body.org !== undefined) {
    const org = await findOrg(p.db, body.org);
    if (!org || org.level === 'grassroots')
      throw badRequest('Pass it to a League committee', '请选择上级团委', [
        { path: 'org', message: `不是团委 / not a committee: ${body.org}` },
      ]);
  }
  return setDetails(p, actor, id, 'pass', {
    status: 'escalated',
    passedTo: body.to,
    ...(body.org !== undefined ? { passedToOrg: body.org } : {}),
    ...(body.unit !== undefined ? { passedToUnit: body.unit } : {}),
    passedOn: body.on,
    ...(body.dueOn !== undefined ? { dueOn: body.dueOn } : {}),
  });
}

/** 答复: the answer received from where it went (recorded there, or by those who follow it). */
export async function answerProblem(
  p: Platform,
  actor: Actor,
  id: string,
  body: { text: string; on: string },
) {
  const v = await loadProblem(p, actor, id, 'answer');
  const d = v.activity.details as Record<string, string | undefined>;
  if (!d.passedTo)
    throw new AppError('conflict', 'The problem was not passed on', '问题尚未转交，无需登记答复');
  notBefore(body.on, d.passedOn, 'on');
  return setDetails(p, actor, id, 'answer', { answer: body.text, answeredOn: body.on });
}

/** 回复青年: the reply given back to the youth who raised it closes the problem. */
export async function replyProblem(
  p: Platform,
  actor: Actor,
  id: string,
  body: { text: string; on: string },
) {
  const v = await loadProblem(p, actor, id, 'move');
  const d = v.activity.details as Record<string, string | undefined>;
  notBefore(body.on, d.answeredOn ?? d.passedOn ?? v.activity.startDate ?? undefined, 'on');
  return setDetails(p, actor, id, 'reply', { status: 'resolved', reply: body.text, repliedOn: body.on });
}

/**
 * The queue at one level: problems passed up to it still waiting for an answer, and the overdue
 * ones (past `dueOn`, not resolved) raised below it or passed to it.
 */
export async function problemQueue(p: Platform, actor: Actor, orgId: string) {
  const org = await loadOrg(p, actor, orgId, 'read');
  const today = chinaToday(p.clock);
  const passedHere = sql`${activities.details}->>'passedToOrg' = ${org.id}`;
  const passedBelow = sql`exists (select 1 from organizations po where po.id = ${activities.details}->>'passedToOrg' and po.path like ${subtreePattern(org.path)})`;
  const waiting = await listActivities(
    p.db,
    and(eq(activities.type, 'problem'), passedHere, sql`not (${activities.details} ? 'answer')`),
    1,
    500,
  );
  const overdue = await listActivities(
    p.db,
    and(
      eq(activities.type, 'problem'),
      sql`${activities.details}->>'dueOn' < ${today}`,
      sql`${activities.details}->>'status' <> 'resolved'`,
      or(
        like(cadreOrg.path, subtreePattern(org.path)),
        like(pointOrg.path, subtreePattern(org.path)),
        passedBelow,
      ),
    ),
    1,
    500,
  );
  return { waiting: waiting.items.map(toActivitySummary), overdue: overdue.items.map(toActivitySummary) };
}
