import crypto from 'node:crypto';
import type { TPostingFigures, TPostingReport } from '@lianxin/contracts';
import { eq } from 'drizzle-orm';
import { type Actor, authorize } from '../../platform/access/index.ts';
import type { Db } from '../../platform/db/client.ts';
import { postingReports, postings } from '../../platform/db/schema.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { inTransaction, type Platform } from '../../platform/platform.ts';
import { draftText, postingFigures, sumFigures } from './posting-figures.ts';
import { loadPosting } from './postings.access.ts';
import { findGroup, type PostingView, selectPostings } from './postings.repo.ts';

type ReportRow = typeof postingReports.$inferSelect;
type Owner = { kind: 'personal'; postingId: string } | { kind: 'group'; groupId: string };

async function findReport(db: Db, owner: Owner): Promise<ReportRow | null> {
  const where =
    owner.kind === 'personal'
      ? eq(postingReports.postingId, owner.postingId)
      : eq(postingReports.groupId, owner.groupId);
  const [row] = await db.select().from(postingReports).where(where);
  return row ?? null;
}

function toReportDto(
  owner: Owner,
  stored: ReportRow | null,
  figures: TPostingFigures,
  draft: string,
): TPostingReport {
  return {
    kind: owner.kind,
    postingId: owner.kind === 'personal' ? owner.postingId : null,
    groupId: owner.kind === 'group' ? owner.groupId : null,
    body: stored?.body ?? draft,
    status: (stored?.status ?? 'new') as TPostingReport['status'],
    figures,
    updatedAt: stored?.updatedAt.toISOString() ?? null,
    submittedAt: stored?.submittedAt?.toISOString() ?? null,
  };
}

const figuresOf = (db: Db, v: PostingView) =>
  postingFigures(db, {
    cadreId: v.posting.cadreId,
    fromDate: v.posting.fromDate,
    toDate: v.posting.toDate,
    orgPath: v.orgPath,
  });

async function personalReport(db: Db, v: PostingView) {
  const owner: Owner = { kind: 'personal', postingId: v.posting.id };
  const figures = await figuresOf(db, v);
  const title = `个人工作总结（${v.cadreName}，派驻${v.orgName}，${v.posting.fromDate} 至 ${v.posting.toDate}）`;
  return toReportDto(owner, await findReport(db, owner), figures, draftText(title, figures));
}

/** The group's report, stored or drafted from the members' logs. */
export async function groupReport(db: Db, groupId: string, members: PostingView[]) {
  const owner: Owner = { kind: 'group', groupId };
  const figures = sumFigures(await Promise.all(members.map((m) => figuresOf(db, m))));
  const names = members.map((m) => m.cadreName).join('、');
  return toReportDto(
    owner,
    await findReport(db, owner),
    figures,
    draftText(`工作小组报告（成员：${names}）`, figures),
  );
}

/** Saves the text as a draft, or submits it; a submitted report is final (cyl2015.reports). */
async function saveReport(p: Platform, actor: Actor, owner: Owner, body: string, submit: boolean) {
  const stored = await findReport(p.db, owner);
  if (stored?.status === 'submitted')
    throw new AppError('conflict', 'The report was already submitted', '已提交，不能再修改', [
      { path: 'body', message: '已提交 / submitted' },
    ]);
  const now = p.clock.now();
  const row: ReportRow = {
    id: stored?.id ?? crypto.randomUUID(),
    kind: owner.kind,
    postingId: owner.kind === 'personal' ? owner.postingId : null,
    groupId: owner.kind === 'group' ? owner.groupId : null,
    body,
    status: submit ? 'submitted' : 'draft',
    updatedBy: actor.name,
    updatedAt: now,
    submittedAt: submit ? now : null,
  };
  await inTransaction(p, async (tx) => {
    if (stored) await tx.update(postingReports).set(row).where(eq(postingReports.id, row.id));
    else await tx.insert(postingReports).values(row);
    await p.audit.append(tx, {
      actor: actor.name,
      action: submit ? 'posting_report.submit' : 'posting_report.save',
      objectType: 'posting_report',
      objectId: row.id,
      after: {
        kind: row.kind,
        postingId: row.postingId,
        groupId: row.groupId,
        status: row.status,
        bodyLength: body.length,
      },
      ip: actor.ip,
    });
  });
}

export async function getSummary(p: Platform, actor: Actor, postingId: string) {
  return personalReport(p.db, await loadPosting(p, actor, postingId, 'read'));
}

/** 个人总结: written and submitted by the posted cadre. */
export async function saveSummary(
  p: Platform,
  actor: Actor,
  postingId: string,
  body: string,
  submit: boolean,
) {
  await loadPosting(p, actor, postingId, 'own');
  await saveReport(p, actor, { kind: 'personal', postingId }, body, submit);
  return getSummary(p, actor, postingId);
}

/** 小组工作报告: written and submitted by the group's leader. */
export async function saveGroupReport(
  p: Platform,
  actor: Actor,
  groupId: string,
  body: string,
  submit: boolean,
) {
  const found = await findGroup(p.db, groupId);
  if (!found) throw notFound('Posting group', groupId, '工作小组');
  await authorize(p, actor, { type: 'posting_group', id: groupId }, 'report');
  await saveReport(p, actor, { kind: 'group', groupId }, body, submit);
  return groupReport(p.db, groupId, await selectPostings(p.db, eq(postings.groupId, groupId)));
}
