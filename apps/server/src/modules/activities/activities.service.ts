import crypto from 'node:crypto';
import {
  activityEntryProblems,
  hasField,
  type TActivityDetail,
  type TCreateActivityRequest,
  type TLedgerActivity,
  type TPointLedger,
  type TProblemStatus,
  type TUpdateActivityRequest,
  ZLedgerActivity,
} from '@lianxin/contracts';
import { activityDateProblems, onSiteDays } from '@lianxin/domain';
import { and, eq, exists, like, or, type SQL, sql } from 'drizzle-orm';
import { type Actor, authorize, authorizeCadre, tenuresReadBy } from '../../platform/access/index.ts';
import { chinaToday } from '../../platform/clock.ts';
import { type Db, isUniqueViolation } from '../../platform/db/client.ts';
import { activities, activityContacts } from '../../platform/db/schema.ts';
import { AppError, badRequest, type ErrorDetail, notFound } from '../../platform/errors.ts';
import { inTransaction, type Platform } from '../../platform/platform.ts';
import { findCadre } from '../cadres/cadres.repo.ts';

type CadreView = Awaited<ReturnType<typeof findCadre>>;

import { loadCadre } from '../cadres/cadres.service.ts';
import { findPoint, loadChain, toContactPointDto } from '../contact-points/contact-points.repo.ts';
import { loadPointForRead } from '../contact-points/contact-points.service.ts';
import { findOrg, subtreePattern } from '../organizations/organizations.repo.ts';
import { loadOrg } from '../organizations/organizations.service.ts';
import { loadActivity, readScope } from './activities.access.ts';
import {
  type ActivityView,
  activitiesOfPoints,
  activityCreate,
  activityValues,
  attachmentsOf,
  cadreOrg,
  cadreWithContacts,
  contactsKeptBy,
  createdAtOf,
  deleteActivity,
  findActivity,
  listActivities,
  type NamedContact,
  namedAtPoints,
  pointOrg,
  replaceActivity,
  toActivityRow,
  toActivitySummary,
  toLedgerActivity,
} from './activities.repo.ts';
import { releaseContents } from './attachment-storage.ts';

// ---------------------------------------------------------------- validation

const problem = (path: string, zh: string, en: string): ErrorDetail => ({ path, message: `${zh} / ${en}` });

function invalid(details: ErrorDetail[]): AppError {
  return badRequest(
    `The activity is invalid: ${details.map((d) => d.path).join(', ')}`,
    `活动记录有误：${details.map((d) => d.message.split(' / ')[0]).join('；')}`,
    details,
  );
}

/**
 * What a schema cannot see: real dates and travel days, the point (held by this cadre, the dates
 * inside the tenure), the contacts (existing, kept by the cadre or already met at the point), the
 * open day's committee and a problem's assignee. All problems at once; the contacts named
 * (deduplicated, with their names and whether the cadre keeps them). `known`: the record's cadre and
 * its contacts (cadreWithContacts), when the caller has read them already.
 */
async function checkRecord(
  db: Db,
  r: TLedgerActivity,
  today: string,
  known?: { cadre: CadreView; named: NamedContact[] },
) {
  let cadre = known?.cadre;
  const details: ErrorDetail[] = [
    ...activityDateProblems(r, { today }),
    ...activityEntryProblems(r as Parameters<typeof activityEntryProblems>[0]),
  ].map((d) => problem(d.field, d.zh, d.en));
  cadre ??= await findCadre(db, r.cadre);
  if (!cadre) details.push(problem('cadre', `团干部不存在：${r.cadre}`, `unknown cadre ${r.cadre}`));
  let chainIds: string[] = [];
  if (r.point) {
    const view = await findPoint(db, r.point);
    if (!view) {
      details.push(problem('point', `联系点不存在：${r.point}`, `unknown contact point ${r.point}`));
    } else {
      const t = view.point;
      const held = t.cadreId === r.cadre || (t.holderOrgId !== null && t.holderOrgId === cadre?.cadre.orgId);
      if (!held) {
        details.push(
          problem('point', '该联系点不由此团干部联系', `point ${r.point} is not held by cadre ${r.cadre}`),
        );
      } else if (details.length === 0) {
        const first = 'start' in r ? r.start : 'date' in r ? r.date : undefined;
        const last = 'end' in r ? r.end : 'date' in r ? r.date : undefined;
        const firstField = 'start' in r ? 'start' : 'date';
        const lastField = 'end' in r ? 'end' : 'date';
        if (first && first < t.fromDate)
          details.push(
            problem(
              firstField,
              `早于联系点任期开始（${t.fromDate}）`,
              `before the tenure began on ${t.fromDate}`,
            ),
          );
        if (last && t.toDate && last > t.toDate)
          details.push(
            problem(lastField, `晚于联系点任期结束（${t.toDate}）`, `after the tenure ended on ${t.toDate}`),
          );
      }
      chainIds = (await loadChain(db, r.point)).map((c) => c.point.id);
    }
  }
  const ids = [...new Set(r.contacts ?? [])];
  const named = known?.named ?? (await contactsKeptBy(db, r.cadre, ids));
  if (ids.length > 0) {
    const found = new Map(named.map((c) => [c.id, c]));
    const linked = await namedAtPoints(db, chainIds, ids);
    ids.forEach((id, i) => {
      if (!found.has(id))
        details.push(problem(`contacts.${i}`, `联系青年不存在：${id}`, `unknown contact ${id}`));
      else if (!found.get(id)?.kept && !linked.has(id))
        details.push(
          problem(
            `contacts.${i}`,
            `${id} 不在该团干部的联系名单中，也不是该联系点的青年`,
            `contact ${id} is neither kept by the cadre nor linked to the point`,
          ),
        );
    });
  }
  if (r.type === 'open_day') {
    const org = await findOrg(db, r.org);
    if (!org) details.push(problem('org', `组织不存在：${r.org}`, `unknown organization ${r.org}`));
    else if (org.level !== 'county')
      details.push(
        problem('org', '开放日由县级团委举办', `an open day is held by a county committee, not ${org.level}`),
      );
  }
  if (r.type === 'problem' && r.assignee && !(await findCadre(db, r.assignee)))
    details.push(problem('assignee', `团干部不存在：${r.assignee}`, `unknown cadre ${r.assignee}`));
  if (details.length > 0) throw invalid(details);
  return { ids, named };
}

/**
 * 问题清单: a resolved problem stays resolved (one that comes back is raised again, so the list keeps
 * its history); an escalated one may still be resolved; open and in_progress move freely.
 */
const problemMoves: Record<TProblemStatus, TProblemStatus[]> = {
  open: ['open', 'in_progress', 'resolved', 'escalated'],
  in_progress: ['open', 'in_progress', 'resolved', 'escalated'],
  escalated: ['escalated', 'resolved'],
  resolved: ['resolved'],
};

function auditRecord(r: TLedgerActivity) {
  const { note, ...rest } = r;
  // free text about people: its length, not its words (decision 16)
  return note === undefined ? rest : { ...rest, noteLength: note.length };
}

// ---------------------------------------------------------------- answers

const maskName = (name: string) => `${[...name][0] ?? ''}${'*'.repeat(Math.max(1, [...name].length - 1))}`;

/** Full answers for activities: contacts' names masked unless the reader keeps them or inherited them. */
async function details(p: Platform, actor: Actor, views: ActivityView[]): Promise<TActivityDetail[]> {
  const contactIds = [...new Set(views.flatMap((v) => v.contactIds))];
  const named = await contactsKeptBy(p.db, actor.cadreId, contactIds);
  const inherited = new Set(actor.cadreId ? await tenuresReadBy(p.db, actor.cadreId) : []);
  const files = await attachmentsOf(
    p.db,
    views.map((v) => v.activity.id),
  );
  return views.map((v) =>
    toDetail(
      v,
      named,
      v.activity.pointId !== null && inherited.has(v.activity.pointId),
      files.get(v.activity.id),
    ),
  );
}

/** One answer: `viaPoint` — the reader inherited the activity's point, so its youths read in clear. */
function toDetail(
  v: Pick<ActivityView, 'activity' | 'cadreName' | 'contactIds'>,
  named: { id: string; name: string; kept: boolean }[],
  viaPoint: boolean,
  files: TActivityDetail['attachments'] = [],
): TActivityDetail {
  const a = v.activity;
  const byId = new Map(named.map((c) => [c.id, c]));
  return {
    activity: toLedgerActivity(a, v.contactIds),
    cadreName: v.cadreName,
    onSiteDays:
      hasField(a.type, 'travelDays') && a.startDate && a.endDate
        ? onSiteDays({ start: a.startDate, end: a.endDate, travelDays: a.travelDays ?? 0 })
        : null,
    contacts: v.contactIds.map((id) => {
      const c = byId.get(id);
      const name = c?.name ?? '';
      const clear = !!c?.kept || viaPoint;
      return { id, name: clear ? name : maskName(name), masked: !clear };
    }),
    attachments: files,
    createdAt: a.createdAt.toISOString(),
  };
}

// ---------------------------------------------------------------- activities

export async function createActivity(p: Platform, actor: Actor, body: TCreateActivityRequest) {
  const cadreId = body.cadre ?? actor.cadreId;
  if (!cadreId) throw invalid([problem('cadre', '请指定团干部', 'name the cadre')]);
  // one read for the cadre, the access decision's facts and the contacts named
  const known = await cadreWithContacts(p.db, cadreId, [...new Set(body.contacts ?? [])]);
  if (!known) throw invalid([problem('cadre', `团干部不存在：${cadreId}`, `unknown cadre ${cadreId}`)]);
  // a cadre records their own work; an admin for the cadres of their subtree
  await authorizeCadre(p, actor, { id: cadreId, path: known.view.orgPath }, 'log');
  const record = ZLedgerActivity.parse({ ...body, id: body.id ?? crypto.randomUUID(), cadre: cadreId });
  const { ids, named } = await checkRecord(p.db, record, chinaToday(p.clock), {
    cadre: known.view,
    named: known.named,
  });
  const row = toActivityRow(record);
  const entry = { objectType: 'activity', objectId: record.id, after: auditRecord(record), ip: actor.ip };
  const created = await p.audit
    .write<{ at: Date | string }>(
      p.db,
      activityCreate,
      { actor: actor.name, action: 'activity.create', ...entry },
      activityValues(row, ids),
    )
    .catch((e) => {
      if (!isUniqueViolation(e)) throw e;
      throw new AppError('conflict', `Activity ${record.id} exists`, `活动记录编号已存在：${record.id}`, [
        { path: 'id', message: '已存在 / exists' },
      ]);
    });
  const createdAt = createdAtOf(created);
  // a cadre's own record is answered from what was written (a new activity has no attachments);
  // an admin's goes through the reader's view of it
  if (actor.cadreId !== cadreId) return getActivity(p, actor, record.id);
  const viaPoint =
    row.pointId !== null &&
    named.some((c) => !c.kept) &&
    (await tenuresReadBy(p.db, cadreId)).includes(row.pointId);
  return toDetail(
    { activity: { ...row, createdAt }, cadreName: known.view.cadre.name, contactIds: ids },
    named,
    viaPoint,
  );
}

export async function getActivity(p: Platform, actor: Actor, id: string) {
  const v = await loadActivity(p, actor, id, 'read');
  return (await details(p, actor, [v]))[0]!;
}

export async function updateActivity(p: Platform, actor: Actor, id: string, patch: TUpdateActivityRequest) {
  const v = await findActivity(p.db, id);
  if (!v) throw notFound('Activity', id, '活动记录');
  // the assignee of a problem moves its status, and nothing else
  const statusOnly = v.activity.type === 'problem' && Object.keys(patch).every((k) => k === 'status');
  if (statusOnly) await authorize(p, actor, { type: 'problem', id }, 'move');
  else await authorize(p, actor, { type: 'activity', id }, 'write');
  const current = toLedgerActivity(v.activity, v.contactIds);
  const merged: Record<string, unknown> = { ...current };
  for (const [k, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === null || (k === 'contacts' && Array.isArray(value) && value.length === 0)) delete merged[k];
    else merged[k] = value;
  }
  const parsed = ZLedgerActivity.safeParse(merged);
  if (!parsed.success) {
    throw invalid(
      parsed.error.issues.map((i) => ({
        path: i.path.length > 0 ? i.path.join('.') : ((i as { keys?: string[] }).keys?.join(',') ?? ''),
        message: `${i.message}（${current.type}）`,
      })),
    );
  }
  const record = parsed.data;
  if (
    record.type === 'problem' &&
    current.type === 'problem' &&
    !problemMoves[current.status].includes(record.status)
  ) {
    throw new AppError(
      'conflict',
      `A ${current.status} problem cannot go back to ${record.status}; raise it again as a new problem`,
      `问题已${current.status === 'resolved' ? '解决' : '上报'}，不能改回「${record.status}」；如问题再次出现，请重新登记`,
      [{ path: 'status', message: `${current.status} → ${record.status} 不允许 / not allowed` }],
    );
  }
  const { ids: contactIds } = await checkRecord(p.db, record, chinaToday(p.clock));
  await inTransaction(p, async (tx) => {
    await replaceActivity(tx, toActivityRow(record), contactIds);
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'activity.update',
      objectType: 'activity',
      objectId: id,
      before: auditRecord(current),
      after: auditRecord(record),
      ip: actor.ip,
    });
  });
  return getActivity(p, actor, id);
}

/** Deletes the activity and its attachments; a stored file goes when no other attachment refers to it. */
export async function removeActivity(p: Platform, actor: Actor, id: string) {
  const v = await loadActivity(p, actor, id, 'write');
  const files = await inTransaction(p, async (tx) => {
    const contents = await deleteActivity(tx, id);
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'activity.delete',
      objectType: 'activity',
      objectId: id,
      before: auditRecord(toLedgerActivity(v.activity, v.contactIds)),
      ip: actor.ip,
    });
    return contents;
  });
  await releaseContents(p, files);
  return { ok: true as const };
}

/** A timeline: a cadre's, a tenure's or a contact's activities, newest first. */
export async function listTimeline(
  p: Platform,
  actor: Actor,
  q: { cadre?: string; point?: string; contact?: string; page: number; pageSize: number },
) {
  let where: SQL | undefined;
  if (q.point) {
    await loadPointForRead(p, actor, q.point);
    where = eq(activities.pointId, q.point);
  } else if (q.contact) {
    const [found] = await contactsKeptBy(p.db, null, [q.contact]);
    if (!found) throw notFound('Contact', q.contact, '联系青年');
    where = and(
      exists(
        p.db
          .select({ one: sql`1` })
          .from(activityContacts)
          .where(
            and(eq(activityContacts.activityId, activities.id), eq(activityContacts.contactId, q.contact)),
          ),
      ),
      await readScope(p, actor),
    );
  } else {
    const cadreId = q.cadre ?? actor.cadreId;
    if (!cadreId)
      throw badRequest('Name a cadre, a point or a contact', '请指定团干部、联系点或联系青年', [
        { path: 'cadre', message: '必填其一 / cadre, point or contact required' },
      ]);
    await loadCadre(p, actor, cadreId, 'read');
    where = eq(activities.cadreId, cadreId);
  }
  const { items, total } = await listActivities(p.db, where, q.page, q.pageSize);
  return { items: items.map(toActivitySummary), total, page: q.page, pageSize: q.pageSize };
}

/** 问题清单: a cadre's problems (raised or assigned), or those under an organization. */
export async function listProblems(
  p: Platform,
  actor: Actor,
  q: { cadre?: string; org?: string; status?: TProblemStatus; page: number; pageSize: number },
) {
  let where: SQL | undefined;
  if (q.org) {
    const org = await loadOrg(p, actor, q.org, 'read');
    where = or(like(cadreOrg.path, subtreePattern(org.path)), like(pointOrg.path, subtreePattern(org.path)));
  } else {
    const cadreId = q.cadre ?? actor.cadreId;
    if (!cadreId)
      throw badRequest('Name a cadre or an organization', '请指定团干部或组织', [
        { path: 'cadre', message: '必填其一 / cadre or org required' },
      ]);
    await loadCadre(p, actor, cadreId, 'read');
    where = or(eq(activities.cadreId, cadreId), sql`${activities.details}->>'assignee' = ${cadreId}`);
  }
  where = and(
    eq(activities.type, 'problem'),
    where,
    q.status ? sql`${activities.details}->>'status' = ${q.status}` : undefined,
  );
  const { items, total } = await listActivities(p.db, where, q.page, q.pageSize);
  return { items: items.map(toActivitySummary), total, page: q.page, pageSize: q.pageSize };
}

/** 工作台账 of a point: the tenures of its chain the reader sees, their activities and handover notes. */
export async function pointLedger(p: Platform, actor: Actor, pointId: string): Promise<TPointLedger> {
  const { view, chain, readable } = await loadPointForRead(p, actor, pointId);
  const tenures = chain.filter((t) => readable.has(t.point.id));
  const views = await activitiesOfPoints(
    p.db,
    tenures.map((t) => t.point.id),
  );
  const handovers = [];
  // a handover is seen by whoever sees the tenure that wrote it: the predecessor keeps their note
  for (let i = 1; i < chain.length; i++) {
    const to = chain[i]!;
    const from = chain[i - 1]!;
    if (!readable.has(from.point.id)) continue;
    if (to.point.predecessorId !== from.point.id || !to.point.handoverNote) continue;
    handovers.push({
      fromPointId: from.point.id,
      toPointId: to.point.id,
      fromCadreId: from.point.cadreId,
      toCadreId: to.point.cadreId,
      on: to.point.fromDate,
      note: to.point.handoverNote,
    });
  }
  return {
    point: toContactPointDto(view),
    tenures: tenures.map(toContactPointDto),
    handovers,
    activities: await details(p, actor, views),
  };
}
