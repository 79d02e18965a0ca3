import type {
  TLedgerAssessment,
  TLedgerCycleFiling,
  TLedgerExemption,
  TLedgerOrgAssessment,
  TLedgerPosting,
  TLedgerPostingProgram,
  TLedgerRecommendation,
} from '@lianxin/contracts';
import type { Db } from '../../platform/db/client.ts';
import {
  assessmentEntries,
  assessments,
  cycleFilings,
  exemptions,
  orgAssessmentEntries,
  orgAssessments,
  postingBatches,
  postingGroups,
  postingPrograms,
  postings,
  reportRecommendations,
} from '../../platform/db/schema.ts';
import { rowsByIds } from './ledger.repo.ts';

/**
 * The rows behind the ledger's extension sections of the year (ledger-year.ts in the contracts) and
 * their interchange form, both ways. Export and import use the same mapping, so a record read back
 * compares equal to the one written: that is how a re-import tells what is unchanged.
 */

export type FilingRow = typeof cycleFilings.$inferSelect;
export type RecommendationRow = typeof reportRecommendations.$inferSelect;
export type AssessmentRow = typeof assessments.$inferSelect;
export type EntryRow = typeof assessmentEntries.$inferSelect;
export type OrgAssessmentRow = typeof orgAssessments.$inferSelect;
export type OrgEntryRow = typeof orgAssessmentEntries.$inferSelect;
export type ExemptionRow = typeof exemptions.$inferSelect;
export type ProgramRow = typeof postingPrograms.$inferSelect;
export type BatchRow = typeof postingBatches.$inferSelect;
export type GroupRow = typeof postingGroups.$inferSelect;
export type PostingRow = typeof postings.$inferSelect;

export const groupBy = <T>(rows: T[], key: (r: T) => string) => {
  const m = new Map<string, T[]>();
  for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
  return m;
};

/** A record with the keys whose value is null, undefined, '' or an empty list or object left out. */
function compact<T>(o: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === null || v === undefined || v === '') continue;
    if (Array.isArray(v) && v.length === 0 && k !== 'entries' && k !== 'organs' && k !== 'batches') continue;
    if (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0) continue;
    out[k] = v;
  }
  return out as T;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export const toLedger = {
  filing: (r: FilingRow) =>
    compact<TLedgerCycleFiling>({
      id: r.id,
      cadre: r.cadreId,
      year: r.year,
      kind: r.kind,
      status: r.status,
      content: r.content,
      firstSubmittedOn: r.firstSubmittedOn,
      submittedOn: r.submittedOn,
      reviewComment: r.reviewComment,
      reviewedBy: r.reviewedBy,
      reviewedOn: r.reviewedOn,
    }),
  recommendation: (r: RecommendationRow) =>
    compact<TLedgerRecommendation>({
      id: r.id,
      year: r.year,
      org: r.orgId,
      department: r.department,
      activity: r.activityId,
      recommendedOn: r.recommendedOn,
      recommendedBy: r.recommendedBy,
      score: r.score,
      scoredBy: r.scoredBy,
    }),
  assessment: (r: AssessmentRow, entries: EntryRow[]) =>
    compact<TLedgerAssessment>({
      id: r.id,
      year: r.year,
      org: r.orgId,
      department: r.department,
      status: r.status,
      publishedAt: iso(r.publishedAt),
      sampleSize: r.sampleSize,
      entries: [...entries]
        .sort((a, b) => cmp(a.cadreId, b.cadreId))
        .map((e) =>
          compact({ cadre: e.cadreId, grade: e.grade, reviews: e.reviews, talkHeldOn: e.talkHeldOn }),
        ),
    }),
  orgAssessment: (r: OrgAssessmentRow, entries: OrgEntryRow[]) =>
    compact<TLedgerOrgAssessment>({
      id: r.id,
      year: r.year,
      org: r.orgId,
      status: r.status,
      publishedAt: iso(r.publishedAt),
      entries: [...entries]
        .sort((a, b) => cmp(a.orgId, b.orgId))
        .map((e) => compact({ org: e.orgId, grade: e.grade })),
    }),
  exemption: (r: ExemptionRow) =>
    compact<TLedgerExemption>({
      id: r.id,
      rule: r.rule,
      basis: r.basisRule,
      cadre: r.cadreId,
      point: r.pointId,
      org: r.orgId,
      from: r.fromDate,
      to: r.toDate,
      requestedBy: r.requestedByOrgId,
      reason: r.reason,
      approvedBy: r.approvedBy,
      approvedAt: iso(r.approvedAt),
    }),
  program: (r: ProgramRow, batches: BatchRow[], groups: GroupRow[]) =>
    compact<TLedgerPostingProgram>({
      id: r.id,
      name: r.name,
      kind: r.kind,
      org: r.orgId,
      organs: r.organIds,
      batches: [...batches]
        .sort((a, b) => cmp(a.id, b.id))
        .map((b) => ({ id: b.id, name: b.name, start: b.startDate })),
      groups: [...groups]
        .sort((a, b) => cmp(a.id, b.id))
        .map((g) =>
          compact({ id: g.id, batch: g.batchId, prefecture: g.prefectureOrgId, leader: g.leaderCadreId }),
        ),
    }),
  posting: (r: PostingRow) =>
    compact<TLedgerPosting>({
      id: r.id,
      program: r.programId,
      batch: r.batchId,
      cadre: r.cadreId,
      org: r.orgId,
      group: r.groupId,
      from: r.fromDate,
      to: r.toDate,
      months: r.months,
      point: r.pointId,
      deliverables: r.deliverables,
    }),
};

/** The stored rows of each section, by the records' ids (with their entries, batches and groups). */
export async function loadSectionRows(
  db: Db,
  ids: {
    filings: Iterable<string>;
    recommendations: Iterable<string>;
    assessments: Iterable<string>;
    orgAssessments: Iterable<string>;
    exemptions: Iterable<string>;
    programs: Iterable<string>;
    postings: Iterable<string>;
  },
) {
  const assessmentRows = await rowsByIds(db, assessments, assessments.id, ids.assessments);
  const orgAssessmentRows = await rowsByIds(db, orgAssessments, orgAssessments.id, ids.orgAssessments);
  const programRows = await rowsByIds(db, postingPrograms, postingPrograms.id, ids.programs);
  const programIds = programRows.map((r) => r.id);
  return {
    filings: await rowsByIds(db, cycleFilings, cycleFilings.id, ids.filings),
    recommendations: await rowsByIds(
      db,
      reportRecommendations,
      reportRecommendations.id,
      ids.recommendations,
    ),
    assessments: assessmentRows,
    entries: groupBy(
      await rowsByIds(
        db,
        assessmentEntries,
        assessmentEntries.assessmentId,
        assessmentRows.map((r) => r.id),
      ),
      (e) => e.assessmentId,
    ),
    orgAssessments: orgAssessmentRows,
    orgEntries: groupBy(
      await rowsByIds(
        db,
        orgAssessmentEntries,
        orgAssessmentEntries.assessmentId,
        orgAssessmentRows.map((r) => r.id),
      ),
      (e) => e.assessmentId,
    ),
    exemptions: await rowsByIds(db, exemptions, exemptions.id, ids.exemptions),
    programs: programRows,
    batches: groupBy(
      await rowsByIds(db, postingBatches, postingBatches.programId, programIds),
      (b) => b.programId,
    ),
    groups: groupBy(
      await rowsByIds(db, postingGroups, postingGroups.programId, programIds),
      (g) => g.programId,
    ),
    postings: await rowsByIds(db, postings, postings.id, ids.postings),
  };
}
export type SectionRows = Awaited<ReturnType<typeof loadSectionRows>>;

/** Each section's records in interchange form, sorted by id, as export writes them. */
export function sectionsOf(rows: SectionRows) {
  const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => cmp(a.id, b.id));
  return {
    cycleFilings: byId(rows.filings).map(toLedger.filing),
    reportRecommendations: byId(rows.recommendations).map(toLedger.recommendation),
    assessments: byId(rows.assessments).map((r) => toLedger.assessment(r, rows.entries.get(r.id) ?? [])),
    orgAssessments: byId(rows.orgAssessments).map((r) =>
      toLedger.orgAssessment(r, rows.orgEntries.get(r.id) ?? []),
    ),
    exemptions: byId(rows.exemptions).map(toLedger.exemption),
    postingPrograms: byId(rows.programs).map((r) =>
      toLedger.program(r, rows.batches.get(r.id) ?? [], rows.groups.get(r.id) ?? []),
    ),
    postings: byId(rows.postings).map(toLedger.posting),
  };
}
