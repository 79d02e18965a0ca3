import crypto from 'node:crypto';
import type { THalfYearReport, THalfYearSlots } from '@lianxin/contracts';
import { eq } from 'drizzle-orm';
import { type Actor, authorize } from '../../platform/access/index.ts';
import { orgFilings } from '../../platform/db/schema.ts';
import { AppError, badRequest, notFound } from '../../platform/errors.ts';
import { inTransaction, type Platform } from '../../platform/platform.ts';
import { sniffType } from '../activities/attachments.service.ts';
import { cycleAt, stateOf, today } from '../annual-cycle/cycle.ts';
import { loadOrg } from '../organizations/organizations.service.ts';
import { countiesAt, findReport, HALF_YEAR, halfYearReports, type OrgFilingRow } from './org-reports.repo.ts';

/**
 * 半年工作情况报告 (mz2016.half_year_report): a county committee reports its progress to the city
 * every half year, in words and one file; the city reviews (accept, or return with comments).
 * The deadlines are the rule's `firstBy` and `secondBy` as the levels in force set them; the first
 * submission is the date the deadline is met by, as for the annual cycle's filings.
 */

type Listed = Omit<OrgFilingRow, 'fileEnc'> & { orgName: string };

function toDto(r: Listed): THalfYearReport {
  return {
    id: r.id,
    org: r.orgId,
    orgName: r.orgName,
    to: r.toOrgId,
    year: r.year,
    half: r.half ?? 1,
    status: r.status as THalfYearReport['status'],
    body: r.body,
    fileName: r.fileName,
    firstSubmittedOn: r.firstSubmittedOn,
    submittedOn: r.submittedOn,
    reviewComment: r.reviewComment,
    reviewedOn: r.reviewedOn,
  };
}

/** The deadlines of the two halves at a county: the rule's milestones, in order; null where the rule is not in force. */
async function halfDeadlines(p: Platform, countyPath: string, year: number): Promise<(string | null)[]> {
  const { milestones } = await cycleAt(p.db, countyPath, year);
  const due = milestones.filter((m) => m.kind === HALF_YEAR).map((m) => m.due);
  return [due[0] ?? null, due[1] ?? null];
}

/** Each county's two halves of the year: at a county its own, above it every county of the subtree. */
export async function halfYearSlots(
  p: Platform,
  actor: Actor,
  orgId: string,
  year: number,
): Promise<THalfYearSlots> {
  const org = await loadOrg(p, actor, orgId, 'read');
  const counties = await countiesAt(p.db, org);
  const reports = await halfYearReports(p.db, org.path, year);
  const asOf = today(p);
  const items: THalfYearSlots['items'] = [];
  for (const c of counties) {
    const deadlines = await halfDeadlines(p, c.path, year);
    for (const half of [1, 2]) {
      const report = reports.find((r) => r.orgId === c.id && r.half === half) ?? null;
      items.push({
        org: c.id,
        orgName: c.name || org.name,
        half,
        due: deadlines[half - 1] ?? null,
        state: stateOf(deadlines[half - 1] ?? null, report?.firstSubmittedOn ?? null, asOf),
        report: report && toDto(report),
      });
    }
  }
  return { year, items };
}

async function ownReport(p: Platform, actor: Actor, orgId: string, year: number, half: number) {
  const org = await loadOrg(p, actor, orgId, 'write');
  if (org.level !== 'county')
    throw badRequest('Half-year reports are filed by county committees', '半年工作情况报告由县级团委报送', [
      { path: 'id', message: `层级为 ${org.level} / level is ${org.level}` },
    ]);
  const row = await findReport(p.db, { orgId, year, half });
  if (row && row.status !== 'draft' && row.status !== 'returned')
    throw new AppError(
      'conflict',
      `The report is ${row.status}`,
      row.status === 'accepted' ? '报告已通过审核' : '报告已报送，待审核',
    );
  return { org, row };
}

const dtoOf = async (p: Platform, id: string, orgName: string) => {
  const row = await findReport(p.db, { id });
  if (!row) throw notFound('Report', id, '报告');
  return toDto({ ...row, orgName });
};

/** Draft (or corrected after a return): the text, and the file when one is sent. */
export async function saveHalfYear(
  p: Platform,
  actor: Actor,
  key: { id: string; year: number; half: number },
  change: { body?: string; file?: { fileName: string | undefined; data: Buffer } },
) {
  const { org, row } = await ownReport(p, actor, key.id, key.year, key.half);
  const set: Partial<typeof orgFilings.$inferInsert> = { updatedBy: actor.name };
  if (change.body !== undefined) set.body = change.body;
  if (change.file) {
    const { mime, detected } = sniffType(change.file.data);
    if (!mime)
      throw badRequest(
        `File type ${detected} is not allowed`,
        `不允许的文件类型（${detected}），仅限 JPEG、PNG、PDF、DOCX、XLSX`,
        [{ path: 'file', message: `类型 ${detected} 不允许 / type ${detected} not allowed` }],
      );
    set.fileName = (change.file.fileName ?? 'report').replace(/^.*[\\/]/, '').slice(0, 200) || 'report';
    set.fileMime = mime;
    set.fileEnc = p.cipher.encryptBytes(change.file.data);
  }
  const id = row?.id ?? crypto.randomUUID();
  await inTransaction(p, async (tx) => {
    if (row) await tx.update(orgFilings).set(set).where(eq(orgFilings.id, id));
    else
      await tx.insert(orgFilings).values({
        id,
        orgId: org.id,
        toOrgId: org.parentId,
        kind: HALF_YEAR,
        year: key.year,
        half: key.half,
        status: 'draft',
        updatedBy: actor.name,
        ...set,
      });
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'org_report.save',
      objectType: 'org_report',
      objectId: id,
      // the words are the county's report, not personal data; their length is enough to trace
      after: { year: key.year, half: key.half, bodyLength: change.body?.length, file: set.fileName },
      ip: actor.ip,
    });
  });
  return dtoOf(p, id, org.name);
}

/** 报送: to the committee above; the first submission is the date the deadline is met by. */
export async function submitHalfYear(
  p: Platform,
  actor: Actor,
  key: { id: string; year: number; half: number },
) {
  const { org, row } = await ownReport(p, actor, key.id, key.year, key.half);
  if (!row?.body && !row?.fileName)
    throw badRequest('Write the report or attach its file first', '请先填写报告正文或上传报告文件', [
      { path: 'body', message: '必填其一 / text or file required' },
    ]);
  const day = today(p);
  await inTransaction(p, async (tx) => {
    await tx
      .update(orgFilings)
      .set({
        status: 'submitted',
        submittedOn: day,
        firstSubmittedOn: row.firstSubmittedOn ?? day,
        updatedBy: actor.name,
      })
      .where(eq(orgFilings.id, row.id));
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'org_report.submit',
      objectType: 'org_report',
      objectId: row.id,
      after: { submittedOn: day },
      ip: actor.ip,
    });
  });
  return dtoOf(p, row.id, org.name);
}

/** 审核 by an admin above the county: accept, or return with comments for a correction. */
export async function reviewHalfYear(
  p: Platform,
  actor: Actor,
  id: string,
  body: { decision: 'accept' | 'return'; comment?: string },
) {
  const row = await findReport(p.db, { id });
  if (!row) throw notFound('Report', id, '报告');
  await authorize(p, actor, { type: 'org_report', id }, 'review');
  if (row.status !== 'submitted')
    throw new AppError('conflict', `The report is ${row.status}`, '只能审核已报送的报告');
  if (body.decision === 'return' && !body.comment)
    throw badRequest('A return needs a comment', '退回须填写修改意见', [
      { path: 'comment', message: '必填 / required' },
    ]);
  const change = {
    status: body.decision === 'accept' ? 'accepted' : 'returned',
    reviewComment: body.comment ?? null,
    reviewedBy: actor.name,
    reviewedOn: today(p),
  };
  await inTransaction(p, async (tx) => {
    await tx.update(orgFilings).set(change).where(eq(orgFilings.id, id));
    await p.audit.append(tx, {
      actor: actor.name,
      action: `org_report.${body.decision}`,
      objectType: 'org_report',
      objectId: id,
      after: { status: change.status },
      ip: actor.ip,
    });
  });
  const org = await loadOrg(p, actor, row.orgId, 'read');
  return dtoOf(p, id, org.name);
}

/** The report's file, to those who read the report. */
export async function halfYearFile(p: Platform, actor: Actor, id: string) {
  const row = await findReport(p.db, { id });
  if (!row) throw notFound('Report', id, '报告');
  await authorize(p, actor, { type: 'org_report', id }, 'read');
  if (!row.fileEnc || !row.fileMime) throw notFound('Report file', id, '报告文件');
  return { fileName: row.fileName ?? 'report', mime: row.fileMime, data: p.cipher.decryptBytes(row.fileEnc) };
}
