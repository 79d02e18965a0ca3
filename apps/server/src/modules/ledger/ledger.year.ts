import type { LedgerYearSection, TLedgerDocument } from '@lianxin/contracts';
import { inArray, like } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import {
  activities,
  assessmentEntries,
  assessments,
  cadres,
  contactPoints,
  cycleFilings,
  exemptions,
  orgAssessmentEntries,
  orgAssessments,
  organizations,
  postingBatches,
  postingGroups,
  postingPrograms,
  postings,
  reportRecommendations,
} from '../../platform/db/schema.ts';
import { subtreePattern } from '../organizations/organizations.repo.ts';
import { bulkWrite, rowsByIds } from './ledger.repo.ts';
import type { PlanContext, Planned } from './ledger.sections.ts';
import type { Collection } from './ledger.validate.ts';
import { loadSectionRows, type SectionRows, sectionsOf } from './ledger.year-records.ts';

/**
 * The extension sections of the whole year (docs/interchange.md): the annual cycle's filings,
 * recommendations, grades of cadres and of organizations, exemptions, posting programs and postings.
 * Import loads what the database holds of them (`loadYear`), the checks name every bad record
 * (ledger.year-check.ts), and `planYear` writes the new and changed records after the core's.
 * A record the document does not list is never erased.
 */

type Doc = TLedgerDocument;
const list = <K extends LedgerYearSection>(doc: Doc, k: K) => (doc[k] ?? []) as NonNullable<Doc[K]>;

/** Everything the checks and the plan need from the database, loaded once before the checks. */
export async function loadYear(db: Db, doc: Doc) {
  const filings = list(doc, 'cycleFilings');
  const recs = list(doc, 'reportRecommendations');
  const grades = list(doc, 'assessments');
  const orgGrades = list(doc, 'orgAssessments');
  const waived = list(doc, 'exemptions');
  const programs = list(doc, 'postingPrograms');
  const posted = list(doc, 'postings');
  const rows = await loadSectionRows(db, {
    filings: filings.map((r) => r.id),
    recommendations: recs.map((r) => r.id),
    assessments: grades.map((r) => r.id),
    orgAssessments: orgGrades.map((r) => r.id),
    exemptions: waived.map((r) => r.id),
    programs: [...programs.map((r) => r.id), ...posted.map((r) => r.program)],
    postings: posted.map((r) => r.id),
  });
  // the organizations, cadres, points and activities the sections name, as the database holds them
  const orgIds = [
    ...recs.map((r) => r.org),
    ...grades.map((r) => r.org),
    ...orgGrades.flatMap((r) => [r.org, ...r.entries.map((e) => e.org)]),
    ...waived.flatMap((r) => [r.org, r.requestedBy]),
    ...programs.flatMap((r) => [r.org, ...r.organs, ...(r.groups ?? []).map((g) => g.prefecture)]),
    ...posted.map((r) => r.org),
    // the owners now of the records that would change, for the access layer
    ...rows.recommendations.map((r) => r.orgId),
    ...rows.assessments.map((r) => r.orgId),
    ...rows.orgAssessments.map((r) => r.orgId),
    ...rows.exemptions.map((r) => r.requestedByOrgId),
    ...rows.programs.map((r) => r.orgId),
    ...rows.postings.map((r) => r.orgId),
  ].filter((id): id is string => id !== undefined);
  const cadreIds = [
    ...filings.map((r) => r.cadre),
    ...grades.flatMap((r) => r.entries.flatMap((e) => [e.cadre, ...Object.keys(e.reviews ?? {})])),
    ...waived.map((r) => r.cadre),
    ...programs.flatMap((r) => (r.groups ?? []).map((g) => g.leader)),
    ...posted.map((r) => r.cadre),
    ...rows.filings.map((r) => r.cadreId),
  ].filter((id): id is string => id !== undefined);
  const pointIds = [
    ...filings.flatMap((r) => (r.kind === 'task_list' ? r.content.pointIds : [])),
    ...waived.map((r) => r.point),
    ...posted.map((r) => r.point),
  ].filter((id): id is string => id !== undefined);
  const orgRows = await rowsByIds(db, organizations, organizations.id, orgIds);
  const cadreRows = await rowsByIds(db, cadres, cadres.id, cadreIds);
  return {
    rows,
    orgPaths: new Map(orgRows.map((o) => [o.id, o.path])),
    cadreOrgs: new Map(cadreRows.map((c) => [c.id, c.orgId])),
    points: new Set((await rowsByIds(db, contactPoints, contactPoints.id, pointIds)).map((r) => r.id)),
    activityTypes: new Map(
      (
        await rowsByIds(
          db,
          activities,
          activities.id,
          recs.map((r) => r.activity),
        )
      ).map((a) => [a.id, a.type]),
    ),
    // rows that hold a natural key a record claims (one filing per cadre, year and kind, …)
    keyed: {
      filings: await rowsByIds(
        db,
        cycleFilings,
        cycleFilings.cadreId,
        filings.map((r) => r.cadre),
      ),
      recommendations: await rowsByIds(
        db,
        reportRecommendations,
        reportRecommendations.activityId,
        recs.map((r) => r.activity),
      ),
      assessments: await rowsByIds(
        db,
        assessments,
        assessments.orgId,
        grades.map((r) => r.org),
      ),
      orgAssessments: await rowsByIds(
        db,
        orgAssessments,
        orgAssessments.orgId,
        orgGrades.map((r) => r.org),
      ),
      postings: await rowsByIds(
        db,
        postings,
        postings.batchId,
        posted.map((r) => r.batch),
      ),
    },
    batches: await rowsByIds(
      db,
      postingBatches,
      postingBatches.id,
      posted.map((r) => r.batch),
    ),
    groups: await rowsByIds(
      db,
      postingGroups,
      postingGroups.id,
      posted.map((r) => r.group).filter((g): g is string => g !== undefined),
    ),
  };
}
export type YearLoaded = Awaited<ReturnType<typeof loadYear>>;

/** Order-independent equality of two records in interchange form. */
function same(a: unknown, b: unknown): boolean {
  const norm = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(norm)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, norm((v as Record<string, unknown>)[k])]),
          )
        : v;
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

/**
 * Compares each record with what is stored, counts it, tells the access layer every organization a
 * change touches (where its record will stand and where it stands now) and plans the writes.
 */
export function planYear(ctx: PlanContext, loaded: YearLoaded, actorName: string): Planned {
  const { doc } = ctx;
  const stored = sectionsOf(loaded.rows);
  const rows = loaded.rows;
  const touch = (orgId: string | null | undefined) => {
    if (orgId) ctx.touch(orgId, ctx.checked.tree.path(orgId) ?? loaded.orgPaths.get(orgId));
  };
  const touchNow = (orgId: string | null | undefined) => {
    const path = orgId ? loaded.orgPaths.get(orgId) : undefined;
    if (orgId && path) ctx.writes.touched.push({ id: orgId, path });
  };
  /** the records of a section that are new or changed, each counted and its organizations touched */
  function changed<T extends { id: string }>(
    c: Collection & keyof typeof stored,
    records: T[],
    owners: (r: T) => (string | null | undefined)[],
    ownersNow: (id: string) => (string | null | undefined)[],
  ): T[] {
    const had = new Map((stored[c] as { id: string }[]).map((r) => [r.id, r]));
    return records.filter((r) => {
      const before = had.get(r.id);
      if (before && same(before, r)) {
        ctx.tally(c, 'unchanged');
        return false;
      }
      ctx.tally(c, before ? 'updated' : 'created');
      for (const o of owners(r)) touch(o);
      if (before) for (const o of ownersNow(r.id)) touchNow(o);
      return true;
    });
  }
  const findRow = <T extends { id: string }>(xs: T[], id: string) => xs.find((x) => x.id === id);

  const filings = changed(
    'cycleFilings',
    list(doc, 'cycleFilings'),
    (r) => [ctx.cadreOrgFinal(r.cadre) ?? loaded.cadreOrgs.get(r.cadre)],
    (id) => [loaded.cadreOrgs.get(findRow(rows.filings, id)?.cadreId ?? '')],
  );
  const recs = changed(
    'reportRecommendations',
    list(doc, 'reportRecommendations'),
    (r) => [r.org],
    (id) => [findRow(rows.recommendations, id)?.orgId],
  );
  const grades = changed(
    'assessments',
    list(doc, 'assessments'),
    (r) => [r.org],
    (id) => [findRow(rows.assessments, id)?.orgId],
  );
  const orgGrades = changed(
    'orgAssessments',
    list(doc, 'orgAssessments'),
    (r) => [r.org],
    (id) => [findRow(rows.orgAssessments, id)?.orgId],
  );
  const waived = changed(
    'exemptions',
    list(doc, 'exemptions'),
    (r) => [r.requestedBy],
    (id) => [findRow(rows.exemptions, id)?.requestedByOrgId],
  );
  const programs = changed(
    'postingPrograms',
    list(doc, 'postingPrograms'),
    (r) => [r.org],
    (id) => [findRow(rows.programs, id)?.orgId],
  );
  const posted = changed(
    'postings',
    list(doc, 'postings'),
    (r) => [r.org],
    (id) => [findRow(rows.postings, id)?.orgId],
  );

  const writes: {
    table: Parameters<typeof bulkWrite>[1];
    rows: Record<string, unknown>[];
    mode?: 'insert';
  }[] = [
    {
      table: cycleFilings,
      rows: filings.map((r) => ({
        id: r.id,
        cadreId: r.cadre,
        year: r.year,
        kind: r.kind,
        status: r.status,
        content: r.content,
        firstSubmittedOn: r.firstSubmittedOn ?? null,
        submittedOn: r.submittedOn ?? null,
        reviewComment: r.reviewComment ?? null,
        reviewedBy: r.reviewedBy ?? null,
        reviewedOn: r.reviewedOn ?? null,
      })),
    },
    {
      table: reportRecommendations,
      rows: recs.map((r) => ({
        id: r.id,
        year: r.year,
        orgId: r.org,
        department: r.department ?? null,
        activityId: r.activity,
        recommendedOn: r.recommendedOn,
        recommendedBy: r.recommendedBy,
        score: r.score ?? null,
        scoredBy: r.scoredBy ?? null,
      })),
    },
    {
      table: assessments,
      rows: grades.map((r) => ({
        id: r.id,
        year: r.year,
        orgId: r.org,
        department: r.department ?? '',
        status: r.status,
        sampleSize: r.sampleSize,
        publishedAt: r.publishedAt ?? null,
      })),
    },
    {
      table: assessmentEntries,
      mode: 'insert',
      rows: grades.flatMap((r) =>
        r.entries.map((e) => ({
          assessmentId: r.id,
          cadreId: e.cadre,
          grade: e.grade ?? null,
          reviews: e.reviews ?? {},
          talkHeldOn: e.talkHeldOn ?? null,
        })),
      ),
    },
    {
      table: orgAssessments,
      rows: orgGrades.map((r) => ({
        id: r.id,
        year: r.year,
        orgId: r.org,
        status: r.status,
        publishedAt: r.publishedAt ?? null,
      })),
    },
    {
      table: orgAssessmentEntries,
      mode: 'insert',
      rows: orgGrades.flatMap((r) =>
        r.entries.map((e) => ({ assessmentId: r.id, orgId: e.org, grade: e.grade ?? null })),
      ),
    },
    {
      table: exemptions,
      rows: waived.map((r) => ({
        id: r.id,
        rule: r.rule,
        basisRule: r.basis ?? null,
        cadreId: r.cadre ?? null,
        pointId: r.point ?? null,
        orgId: r.org ?? null,
        fromDate: r.from,
        toDate: r.to,
        requestedByOrgId: r.requestedBy,
        approvedBy: r.approvedBy ?? null,
        approvedAt: r.approvedAt ?? null,
        reason: r.reason,
        createdBy: findRow(rows.exemptions, r.id)?.createdBy ?? actorName,
      })),
    },
    {
      table: postingPrograms,
      rows: programs.map((r) => ({
        id: r.id,
        name: r.name,
        kind: r.kind,
        orgId: r.org,
        organIds: r.organs,
        createdBy: findRow(rows.programs, r.id)?.createdBy ?? actorName,
      })),
    },
    {
      table: postingBatches,
      rows: programs.flatMap((r) =>
        r.batches.map((b) => ({ id: b.id, programId: r.id, name: b.name, startDate: b.start })),
      ),
    },
    {
      table: postingGroups,
      rows: programs.flatMap((r) =>
        (r.groups ?? []).map((g) => ({
          id: g.id,
          programId: r.id,
          batchId: g.batch,
          prefectureOrgId: g.prefecture,
          leaderCadreId: g.leader ?? null,
        })),
      ),
    },
    {
      table: postings,
      rows: posted.map((r) => ({
        id: r.id,
        programId: r.program,
        batchId: r.batch,
        cadreId: r.cadre,
        orgId: r.org,
        groupId: r.group ?? null,
        fromDate: r.from,
        toDate: r.to,
        months: r.months,
        pointId: r.point ?? null,
        deliverables: r.deliverables ?? {},
      })),
    },
  ];
  return {
    rows: writes.reduce((n, w) => n + w.rows.length, 0),
    async write(tx, step) {
      // a grading listed is replaced whole: its entries are those the document lists
      await deleteEntries(
        tx,
        grades.map((r) => r.id),
        orgGrades.map((r) => r.id),
      );
      for (const w of writes) await bulkWrite(tx, w.table, w.rows as never[], w.mode ?? 'upsert', step);
    },
  };
}

async function deleteEntries(tx: Db, assessmentIds: string[], orgAssessmentIds: string[]) {
  if (assessmentIds.length > 0)
    await tx.delete(assessmentEntries).where(inArray(assessmentEntries.assessmentId, assessmentIds));
  if (orgAssessmentIds.length > 0)
    await tx.delete(orgAssessmentEntries).where(inArray(orgAssessmentEntries.assessmentId, orgAssessmentIds));
}

/**
 * Adds the year's sections of the subtree at `rootPath` to an exported document: a record travels
 * with the organization that owns it (a filing with its cadre); a recommendation only with its report.
 */
export async function exportYear(db: Db, doc: Doc, rootPath: string) {
  const inSubtree = like(organizations.path, subtreePattern(rootPath));
  const subtree = new Set(
    (await db.select({ id: organizations.id }).from(organizations).where(inSubtree)).map((o) => o.id),
  );
  const own = <T extends { id: string }>(rows: T[], owner: (r: T) => string) =>
    rows.filter((r) => subtree.has(owner(r))).map((r) => r.id);
  const orgIds = [...subtree];
  const programs = await rowsByIds(db, postingPrograms, postingPrograms.orgId, orgIds);
  const reports = new Set(doc.activities.filter((a) => a.type === 'research_report').map((a) => a.id));
  const recs = await rowsByIds(db, reportRecommendations, reportRecommendations.orgId, orgIds);
  const rows: SectionRows = await loadSectionRows(db, {
    filings: (
      await rowsByIds(
        db,
        cycleFilings,
        cycleFilings.cadreId,
        doc.cadres.filter((c) => subtree.has(c.org)).map((c) => c.id),
      )
    ).map((r) => r.id),
    recommendations: recs.filter((r) => reports.has(r.activityId)).map((r) => r.id),
    assessments: own(await rowsByIds(db, assessments, assessments.orgId, orgIds), (r) => r.orgId),
    orgAssessments: own(await rowsByIds(db, orgAssessments, orgAssessments.orgId, orgIds), (r) => r.orgId),
    exemptions: own(
      await rowsByIds(db, exemptions, exemptions.requestedByOrgId, orgIds),
      (r) => r.requestedByOrgId,
    ),
    programs: programs.map((r) => r.id),
    postings: (
      await rowsByIds(
        db,
        postings,
        postings.programId,
        programs.map((r) => r.id),
      )
    ).map((r) => r.id),
  });
  for (const [key, records] of Object.entries(sectionsOf(rows)))
    if (records.length > 0) (doc as Record<string, unknown>)[key] = records;
}
