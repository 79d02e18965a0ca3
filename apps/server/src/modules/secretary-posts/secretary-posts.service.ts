import crypto from 'node:crypto';
import type { TSecretaryPost } from '@lianxin/contracts';
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../platform/access/index.ts';
import type { Db } from '../../platform/db/client.ts';
import { organizations, secretaryTerms, secretaryVacancies } from '../../platform/db/schema.ts';
import { AppError, badRequest, notFound } from '../../platform/errors.ts';
import { inTransaction, type Platform } from '../../platform/platform.ts';
import { loadCadre } from '../cadres/cadres.service.ts';
import { addDays } from '../contact-points/contact-points.service.ts';
import { loadOrg } from '../organizations/organizations.service.ts';

/**
 * 书记职位 (cyl2014.secretary_vacancy): who held a committee's secretary post and when. A vacancy
 * opens the day after the holder leaves and closes the day before the next holder starts; the
 * vacancies are what the rule and the ledger read (`secretaryVacancies`), the terms are for people.
 * Recording a term or a vacancy marks the post tracked.
 */

async function postOf(db: Db, orgId: string, tracked: boolean): Promise<TSecretaryPost> {
  const terms = await db
    .select()
    .from(secretaryTerms)
    .where(eq(secretaryTerms.orgId, orgId))
    .orderBy(asc(secretaryTerms.fromDate));
  const spans = await db
    .select()
    .from(secretaryVacancies)
    .where(eq(secretaryVacancies.orgId, orgId))
    .orderBy(asc(secretaryVacancies.fromDate));
  return {
    org: orgId,
    tracked,
    terms: terms.map((t) => ({
      id: t.id,
      holderName: t.holderName,
      cadreId: t.cadreId,
      from: t.fromDate,
      to: t.toDate,
    })),
    vacancies: spans.map((v) => ({ from: v.fromDate, to: v.toDate })),
  };
}

async function committee(p: Platform, actor: Actor, orgId: string, action: 'read' | 'write') {
  const org = await loadOrg(p, actor, orgId, action);
  if (org.level === 'grassroots')
    throw badRequest('Only League committees have a tracked secretary post', '只登记团委的书记职位', [
      { path: 'id', message: '基层组织 / a grassroots organization' },
    ]);
  return org;
}

export async function secretaryPost(p: Platform, actor: Actor, orgId: string) {
  const org = await loadOrg(p, actor, orgId, 'read');
  return postOf(p.db, org.id, org.secretaryTracked);
}

const openVacancy = (tx: Db, orgId: string) =>
  tx
    .select()
    .from(secretaryVacancies)
    .where(and(eq(secretaryVacancies.orgId, orgId), isNull(secretaryVacancies.toDate)))
    .then((r) => r[0]);

async function track(p: Platform, tx: Db, actor: Actor, orgId: string, action: string, after: object) {
  await tx.update(organizations).set({ secretaryTracked: true }).where(eq(organizations.id, orgId));
  await p.audit.append(tx, {
    actor: actor.name,
    action,
    objectType: 'organization',
    objectId: orgId,
    after,
    ip: actor.ip,
  });
}

/** 任职: the next holder starts on `from`; a sitting holder leaves the day before, an open vacancy closes then. */
export async function startTerm(
  p: Platform,
  actor: Actor,
  orgId: string,
  body: { holderName: string; cadreId?: string; from: string },
) {
  const org = await committee(p, actor, orgId, 'write');
  if (body.cadreId) await loadCadre(p, actor, body.cadreId, 'read');
  await inTransaction(p, async (tx) => {
    const [last] = await tx
      .select()
      .from(secretaryTerms)
      .where(eq(secretaryTerms.orgId, org.id))
      .orderBy(desc(secretaryTerms.fromDate))
      .limit(1);
    if (last && (body.from <= last.fromDate || (last.toDate !== null && body.from <= last.toDate)))
      throw badRequest(
        'The term starts before the last one ended',
        `任职日期须晚于上一任（${last.holderName}）的任职期间`,
        [
          {
            path: 'from',
            message: `须晚于 ${last.toDate ?? last.fromDate} / after ${last.toDate ?? last.fromDate}`,
          },
        ],
      );
    const dayBefore = addDays(body.from, -1);
    if (last && last.toDate === null)
      await tx.update(secretaryTerms).set({ toDate: dayBefore }).where(eq(secretaryTerms.id, last.id));
    const vacancy = await openVacancy(tx, org.id);
    const vacancyAt = and(
      eq(secretaryVacancies.orgId, org.id),
      eq(secretaryVacancies.fromDate, vacancy?.fromDate ?? ''),
    );
    if (vacancy && vacancy.fromDate > dayBefore) await tx.delete(secretaryVacancies).where(vacancyAt);
    else if (vacancy) await tx.update(secretaryVacancies).set({ toDate: dayBefore }).where(vacancyAt);
    const row = {
      id: crypto.randomUUID(),
      orgId: org.id,
      holderName: body.holderName,
      cadreId: body.cadreId ?? null,
      fromDate: body.from,
      createdBy: actor.name,
    };
    await tx.insert(secretaryTerms).values(row);
    // the holder's name is not personal data of a youth, but the audit row needs only the dates
    await track(p, tx, actor, org.id, 'secretary.start', { termId: row.id, from: body.from });
  });
  return postOf(p.db, org.id, true);
}

/** 离任: the holder leaves on `to`; the post stands vacant from the next day. */
export async function leaveTerm(p: Platform, actor: Actor, termId: string, to: string) {
  const [term] = await p.db.select().from(secretaryTerms).where(eq(secretaryTerms.id, termId));
  if (!term) throw notFound('Secretary term', termId, '书记任职');
  const org = await committee(p, actor, term.orgId, 'write');
  if (term.toDate !== null)
    throw new AppError(
      'conflict',
      'The holder has already left',
      `${term.holderName} 已于 ${term.toDate} 离任`,
    );
  if (to < term.fromDate)
    throw badRequest('to is before the term began', `离任日期早于任职日期 ${term.fromDate}`, [
      { path: 'to', message: `早于 ${term.fromDate} / before ${term.fromDate}` },
    ]);
  await inTransaction(p, async (tx) => {
    await tx.update(secretaryTerms).set({ toDate: to }).where(eq(secretaryTerms.id, termId));
    if (!(await openVacancy(tx, org.id)))
      await tx.insert(secretaryVacancies).values({ orgId: org.id, fromDate: addDays(to, 1), toDate: null });
    await track(p, tx, actor, org.id, 'secretary.leave', { termId, to });
  });
  return postOf(p.db, org.id, true);
}

/** 空缺: a post with no holder on record stands empty since `from` (tracking starts there). */
export async function vacantSince(p: Platform, actor: Actor, orgId: string, from: string) {
  const org = await committee(p, actor, orgId, 'write');
  await inTransaction(p, async (tx) => {
    const [sitting] = await tx
      .select()
      .from(secretaryTerms)
      .where(and(eq(secretaryTerms.orgId, org.id), isNull(secretaryTerms.toDate)));
    if (sitting || (await openVacancy(tx, org.id)))
      throw new AppError(
        'conflict',
        'The post is held or already vacant',
        sitting ? `${sitting.holderName} 在任，请登记离任` : '该职位已登记空缺',
      );
    await tx.insert(secretaryVacancies).values({ orgId: org.id, fromDate: from, toDate: null });
    await track(p, tx, actor, org.id, 'secretary.vacant', { from });
  });
  return postOf(p.db, org.id, true);
}
