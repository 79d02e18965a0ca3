import type {
  TCaseItem,
  TCaseList,
  TPublishCaseRequest,
  TPublishedCase,
  TShowcase,
} from '@lianxin/contracts';
import { eq } from 'drizzle-orm';
import { type Actor, activityReadScope, allowed, authorize } from '../../platform/access/index.ts';
import { publishedCases } from '../../platform/db/schema.ts';
import { AppError, badRequest, notFound } from '../../platform/errors.ts';
import { inTransaction, type Platform } from '../../platform/platform.ts';
import { findOrg } from '../organizations/organizations.repo.ts';
import { casesUnder, findCase, namesNear, publishedUnder } from './showcase.repo.ts';
import { personalDataIn, withoutPersonalData } from './showcase.text.ts';

type Published = Awaited<ReturnType<typeof publishedUnder>>[number];

const toPublished = (r: Published): TPublishedCase => ({
  id: r.id,
  title: r.title,
  body: r.body,
  orgId: r.orgId,
  orgName: r.orgName,
  date: r.date as string,
  publishedAt: r.publishedAt.toISOString(),
});

async function openOrg(p: Platform, orgId: string) {
  const org = await findOrg(p.db, orgId);
  if (!org || org.closedOn) throw notFound('Organization', orgId, '组织');
  return org;
}

/**
 * 典型案例 of an organization's subtree that the reader may read in the work log (their own, or
 * those of their scope), each with its publication and the words to start a publication from.
 */
export async function listCases(p: Platform, actor: Actor, orgId: string): Promise<TCaseList> {
  const org = await openOrg(p, orgId);
  const rows = await casesUnder(p.db, org.path, (joined) => activityReadScope(p, actor, joined));
  const publishable = await allowed(
    p,
    actor,
    'showcase_case',
    rows.map((r) => r.id),
    'publish',
  );
  const near = await namesNear(p.db, rows);
  const items = rows.map((r): TCaseItem => {
    const names = near.get(r.id) ?? [];
    const title = String(r.details.title ?? '');
    return {
      id: r.id,
      date: r.date as string,
      cadreId: r.cadreId,
      cadreName: r.cadreName,
      orgName: r.orgName,
      title,
      suggested: {
        title: withoutPersonalData(title, names),
        body: withoutPersonalData(r.note ?? title, names),
      },
      published: r.published
        ? toPublished({ ...r.published, id: r.id, orgName: r.orgName, date: r.date })
        : null,
      canPublish: publishable.has(r.id),
    };
  });
  return { items };
}

const kindWords = { name: '青年姓名', phone: '手机号', id_number: '身份证号' } as const;

/** The approved words carry none of the youths' data: else 400 naming each field. */
function refusePersonalData(input: TPublishCaseRequest, names: readonly string[]) {
  const details = (['title', 'body'] as const).flatMap((field) => {
    const kinds = personalDataIn(input[field], names);
    return kinds.length === 0
      ? []
      : [
          {
            path: field,
            message: `含有${kinds.map((k) => kindWords[k]).join('、')}，请改用化名（如“李某”） / holds a youth's ${kinds.join(', ')}`,
          },
        ];
  });
  if (details.length > 0)
    throw badRequest(
      'A published case never names the youths or carries their numbers',
      '公开的典型案例不能出现青年的姓名、手机号或身份证号',
      details,
    );
}

/** 发布: an admin over the case's author approves its title and body for the showcase (again: replaces them). */
export async function publishCase(
  p: Platform,
  actor: Actor,
  id: string,
  input: TPublishCaseRequest,
): Promise<TPublishedCase> {
  const found = await findCase(p.db, id);
  if (!found) throw notFound('Case', id, '典型案例');
  await authorize(p, actor, { type: 'showcase_case', id }, 'publish');
  refusePersonalData(input, (await namesNear(p.db, [found])).get(id) ?? []);
  const row = { ...input, orgId: found.orgId, publishedBy: actor.name, publishedAt: p.clock.now() };
  await inTransaction(p, async (tx) => {
    await tx
      .insert(publishedCases)
      .values({ activityId: id, ...row })
      .onConflictDoUpdate({ target: publishedCases.activityId, set: row });
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'case.publish',
      objectType: 'showcase_case',
      objectId: id,
      // the title is public; the body as its length (decision 16: free text about people)
      after: { title: input.title, bodyLength: input.body.length, orgId: found.orgId },
      ip: actor.ip,
    });
  });
  const org = await openOrg(p, found.orgId);
  return {
    id,
    ...input,
    orgId: found.orgId,
    orgName: org.name,
    date: found.date as string,
    publishedAt: row.publishedAt.toISOString(),
  };
}

/** 撤下: off the showcase; the case stays in the work log. */
export async function unpublishCase(p: Platform, actor: Actor, id: string) {
  if (!(await findCase(p.db, id))) throw notFound('Case', id, '典型案例');
  await authorize(p, actor, { type: 'showcase_case', id }, 'publish');
  await inTransaction(p, async (tx) => {
    const gone = await tx
      .delete(publishedCases)
      .where(eq(publishedCases.activityId, id))
      .returning({ id: publishedCases.activityId });
    if (gone.length === 0) throw new AppError('not_found', `Case ${id} is not published`, '该典型案例未发布');
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'case.unpublish',
      objectType: 'showcase_case',
      objectId: id,
      ip: actor.ip,
    });
  });
  return { ok: true as const };
}

/** Whether an organization has a showcase page (open, known). */
export async function showcaseIsShown(p: Platform, orgId: string) {
  const org = await findOrg(p.db, orgId);
  return Boolean(org && !org.closedOn);
}

/** 典型案例展示: the published cases of the organization's subtree, for anyone, no login. */
export async function showcase(p: Platform, actor: Actor, orgId: string): Promise<TShowcase> {
  const org = await openOrg(p, orgId);
  const rows = await publishedUnder(p.db, org.path);
  const readable = await allowed(
    p,
    actor,
    'showcase_case',
    rows.map((r) => r.id),
    'read',
  );
  return {
    orgId: org.id,
    orgName: org.name,
    items: rows.filter((r) => readable.has(r.id)).map(toPublished),
  };
}
