import { z } from 'zod';
import {
  ZFilingStatus,
  ZGrade,
  ZSelfCheckContent,
  ZSelfCheckFigure,
  ZTaskListContent,
} from './annual-records.ts';
import { ZDate, ZId } from './common.ts';
import { ZDeliverableKey, ZPostingProgramKind } from './enums.ts';

/**
 * The extension sections of `lianxin-ledger/1` that carry the whole year between levels
 * (docs/interchange.md, "Extensions in this implementation"): the annual cycle's filings, the
 * research reports recommended, the year-end grades of cadres and of organizations, exemptions,
 * and the 常态化下沉 programs with their postings. All are optional top-level keys; no youth's
 * personal data is among them. Objects are strict, like the core's.
 */

const year = z.number().int().min(2000).max(2100);
const name = z.string().min(1).max(100);
const instant = z.iso.datetime({ error: '时间格式应为 ISO 8601 (UTC) / time must be ISO 8601 in UTC' });

const ZTaskListRecord = z.strictObject(ZTaskListContent.shape);
const ZSelfCheckRecord = z.strictObject({
  ...ZSelfCheckContent.shape,
  figures: z.array(z.strictObject(ZSelfCheckFigure.shape)),
  notable: z.array(z.strictObject({ activityId: ZId, date: ZDate.nullable(), title: z.string() })),
});

const filingBase = {
  id: ZId,
  cadre: ZId,
  year,
  status: ZFilingStatus,
  firstSubmittedOn: ZDate.optional(),
  submittedOn: ZDate.optional(),
  reviewComment: z.string().max(2000).optional(),
  reviewedBy: name.optional(),
  reviewedOn: ZDate.optional(),
};

/** `cycleFilings`: a cadre's 任务清单, 半年自查 or 个人总结 of a year, content as the product holds it. */
export const ZLedgerCycleFiling = z.discriminatedUnion('kind', [
  z.strictObject({ ...filingBase, kind: z.literal('task_list'), content: ZTaskListRecord }),
  z.strictObject({ ...filingBase, kind: z.literal('midyear_report'), content: ZSelfCheckRecord }),
  z.strictObject({ ...filingBase, kind: z.literal('year_summary'), content: ZSelfCheckRecord }),
]);
export type TLedgerCycleFiling = z.infer<typeof ZLedgerCycleFiling>;

/** `reportRecommendations`: a research report (a `research_report` activity) recommended, then scored. */
export const ZLedgerRecommendation = z.strictObject({
  id: ZId,
  year,
  org: ZId,
  department: z.string().min(1).max(50).optional(),
  activity: ZId,
  recommendedOn: ZDate,
  recommendedBy: name,
  score: z.number().min(0).max(100).optional(),
  scoredBy: name.optional(),
});
export type TLedgerRecommendation = z.infer<typeof ZLedgerRecommendation>;

/** `assessments`: 年底考核 of one assessing unit, with each cadre's grade, mutual review and 约谈. */
export const ZLedgerAssessment = z.strictObject({
  id: ZId,
  year,
  org: ZId,
  department: z.string().min(1).max(50).optional(),
  status: z.enum(['open', 'published']),
  publishedAt: instant.optional(),
  sampleSize: z.number().int().min(1).max(50),
  entries: z.array(
    z.strictObject({
      cadre: ZId,
      grade: ZGrade.optional(),
      /** reviewer cadre id → score (互检互评) */
      reviews: z.record(ZId, z.number().min(0).max(100)).optional(),
      talkHeldOn: ZDate.optional(),
    }),
  ),
});
export type TLedgerAssessment = z.infer<typeof ZLedgerAssessment>;

/** `orgAssessments`: an organization's grading of its lower organizations for a year. */
export const ZLedgerOrgAssessment = z.strictObject({
  id: ZId,
  year,
  org: ZId,
  status: z.enum(['open', 'published']),
  publishedAt: instant.optional(),
  entries: z.array(z.strictObject({ org: ZId, grade: ZGrade.optional() })),
});
export type TLedgerOrgAssessment = z.infer<typeof ZLedgerOrgAssessment>;

/** `exemptions`: a rule waived for one subject (exactly one of cadre, point, org) over a period. */
export const ZLedgerExemption = z.strictObject({
  id: ZId,
  rule: z.string().min(1).max(100),
  basis: z.string().min(1).max(100).optional(),
  cadre: ZId.optional(),
  point: ZId.optional(),
  org: ZId.optional(),
  from: ZDate,
  to: ZDate,
  requestedBy: ZId,
  reason: z.string().min(1).max(2000),
  approvedBy: name.optional(),
  approvedAt: instant.optional(),
});
export type TLedgerExemption = z.infer<typeof ZLedgerExemption>;

/** `postingPrograms`: a 下沉 program with its batches and working groups. */
export const ZLedgerPostingProgram = z.strictObject({
  id: ZId,
  name: z.string().min(1).max(200),
  kind: ZPostingProgramKind,
  org: ZId,
  organs: z.array(ZId),
  batches: z.array(z.strictObject({ id: ZId, name: z.string().min(1).max(100), start: ZDate })),
  groups: z
    .array(z.strictObject({ id: ZId, batch: ZId, prefecture: ZId, leader: ZId.optional() }))
    .optional(),
});
export type TLedgerPostingProgram = z.infer<typeof ZLedgerPostingProgram>;

/** `postings`: one cadre in one batch at one organization, with the 六个一 as marked. */
export const ZLedgerPosting = z.strictObject({
  id: ZId,
  program: ZId,
  batch: ZId,
  cadre: ZId,
  org: ZId,
  group: ZId.optional(),
  from: ZDate,
  to: ZDate,
  months: z.number().int().min(1).max(60),
  point: ZId.optional(),
  deliverables: z
    .partialRecord(
      ZDeliverableKey,
      z.strictObject({ done: z.boolean(), note: z.string().max(2000).nullable() }),
    )
    .optional(),
});
export type TLedgerPosting = z.infer<typeof ZLedgerPosting>;

/** The sections, as optional top-level keys of the document, in the order they are written. */
export const ledgerYearSections = {
  cycleFilings: z.array(ZLedgerCycleFiling).optional(),
  reportRecommendations: z.array(ZLedgerRecommendation).optional(),
  assessments: z.array(ZLedgerAssessment).optional(),
  orgAssessments: z.array(ZLedgerOrgAssessment).optional(),
  exemptions: z.array(ZLedgerExemption).optional(),
  postingPrograms: z.array(ZLedgerPostingProgram).optional(),
  postings: z.array(ZLedgerPosting).optional(),
};
export type LedgerYearSection = keyof typeof ledgerYearSections;
export const LEDGER_YEAR_SECTIONS = Object.keys(ledgerYearSections) as LedgerYearSection[];
