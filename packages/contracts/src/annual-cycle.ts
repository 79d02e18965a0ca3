import { z } from 'zod';
import {
  ZFilingKind,
  ZFilingStatus,
  ZGrade,
  ZSelfCheckContent,
  ZSelfCheckFigure,
  ZTaskListContent,
} from './annual-records.ts';
import { ZDate, ZId } from './common.ts';
import { ZComplianceResult } from './compliance.ts';
import { ZCadreYearEngagement } from './showcase.ts';

export * from './annual-records.ts';

/**
 * The annual cycle of seed 001 (宝市团发〔2018〕84号): task list (任务清单, January), mid-year
 * self-check (半年自查, June), research report (调研报告, October), year-end assessment (年底考核,
 * November) with grade quotas, and report recommendations (推荐调研报告, December).
 */

export const ZYearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const ZYearCadreParams = ZYearParams.extend({ cadreId: ZId });

/** Against its deadline: filed on time or late; unfiled, pending before the deadline, missing after. */
export const ZFilingState = z.enum(['on_time', 'late', 'pending', 'missing']);
export type TFilingState = z.infer<typeof ZFilingState>;

const filingBase = {
  id: ZId,
  cadreId: ZId,
  cadreName: z.string(),
  year: z.number().int(),
  status: ZFilingStatus,
  /** The first submission counts for the deadline; a return for corrections does not make it late. */
  firstSubmittedOn: ZDate.nullable(),
  submittedOn: ZDate.nullable(),
  due: ZDate.nullable(),
  state: ZFilingState,
  reviewComment: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedOn: ZDate.nullable(),
};

export const ZTaskList = z.object({ ...filingBase, content: ZTaskListContent });
export type TTaskList = z.infer<typeof ZTaskList>;
export const ZSelfCheck = z.object({ ...filingBase, content: ZSelfCheckContent });
export type TSelfCheck = z.infer<typeof ZSelfCheck>;

export const ZReviewRequest = z.object({
  decision: z.enum(['accept', 'return']),
  comment: z.string().trim().max(2000).optional(),
});

/** A roster line: every cadre of the organization, with their filing of the year or its absence. */
export const ZFilingRosterItem = z.object({
  cadreId: ZId,
  cadreName: z.string(),
  orgId: ZId,
  orgName: z.string(),
  department: z.string().nullable(),
  filingId: ZId.nullable(),
  status: ZFilingStatus.nullable(),
  submittedOn: ZDate.nullable(),
  state: ZFilingState,
});
export const ZFilingRoster = z.object({
  kind: ZFilingKind,
  due: ZDate.nullable(),
  items: z.array(ZFilingRosterItem),
});
export const ZFilingRosterQuery = z.object({ org: ZId, kind: ZFilingKind, asOf: ZDate.optional() });

// — Research (调查研究) —

export const ZResearchReportRequest = z.object({
  title: z.string().trim().min(1).max(200),
  text: z.string().trim().max(100_000),
  date: ZDate.optional(),
});

export const ZResearch = z.object({
  cadreId: ZId,
  year: z.number().int(),
  /** The topic set in the task list (调查研究: 确定调研课题). */
  topic: z.string().nullable(),
  due: ZDate.nullable(),
  state: ZFilingState,
  /** The research_report activity of the work log; its file is an attachment of that activity. */
  report: z
    .object({
      activityId: ZId,
      title: z.string(),
      date: ZDate,
      text: z.string().nullable(),
      attachmentCount: z.number().int(),
    })
    .nullable(),
  /**
   * A posting of the year whose personal summary is submitted: it counts as the year's research
   * (seed 002 四.2), with or without a report of its own.
   */
  posting: z
    .object({ postingId: ZId, orgName: z.string(), from: ZDate, to: ZDate, submittedOn: ZDate })
    .nullable(),
});

export const ZRecommendRequest = z.object({
  orgId: ZId,
  department: z.string().trim().max(50).optional(),
  activityId: ZId,
});
export const ZScoreRequest = z.object({ score: z.number().min(0).max(100) });

export const ZRecommendation = z.object({
  id: ZId,
  year: z.number().int(),
  orgId: ZId,
  department: z.string().nullable(),
  activityId: ZId,
  title: z.string(),
  cadreId: ZId,
  cadreName: z.string(),
  recommendedOn: ZDate,
  score: z.number().nullable(),
});
export type TRecommendation = z.infer<typeof ZRecommendation>;

/** Per recommending unit: what it recommended against the floor (county ≥ 2, department ≥ 1). */
export const ZRecommendationList = z.object({
  items: z.array(ZRecommendation),
  units: z.array(
    z.object({
      orgId: ZId,
      department: z.string().nullable(),
      count: z.number().int(),
      required: z.number(),
    }),
  ),
});

// — Year-end assessment (年底考核) —

export const ZCreateAssessmentRequest = z.object({
  orgId: ZId,
  /** A department (机关部室) of a city committee is its own assessing unit (decision 5). */
  department: z.string().trim().max(50).optional(),
  sampleSize: z.number().int().min(1).max(50).default(5),
});

export const ZSpotCheck = z.object({
  id: ZId,
  cadreId: ZId,
  contactId: ZId,
  contactName: z.string(),
  /** Masked unless revealed through the contacts API (decision 14). */
  phoneMasked: z.string().nullable(),
  confirmed: z.boolean().nullable(),
  channel: z.enum(['phone', 'online']).nullable(),
  note: z.string().nullable(),
  checkedBy: z.string().nullable(),
});
export type TSpotCheck = z.infer<typeof ZSpotCheck>;

export const ZRecordSpotCheckRequest = z.object({
  confirmed: z.boolean(),
  channel: z.enum(['phone', 'online']),
  note: z.string().trim().max(2000).optional(),
});

export const ZAssessmentEntry = z.object({
  cadreId: ZId,
  cadreName: z.string(),
  grade: ZGrade.nullable(),
  mutualScore: z.number().nullable(),
  reviewCount: z.number().int(),
  /** 差 leads to a formal talk (约谈); the day it was held, once it was. */
  talkRequired: z.boolean(),
  talkHeldOn: ZDate.nullable(),
  spotChecks: z.array(ZSpotCheck),
});

export const ZAssessment = z.object({
  id: ZId,
  year: z.number().int(),
  orgId: ZId,
  orgName: z.string(),
  department: z.string().nullable(),
  status: z.enum(['open', 'published']),
  publishedAt: z.string().nullable(),
  sampleSize: z.number().int(),
  /** The most cadres each capped grade may reach, of those assessed. */
  quota: z.object({ assessed: z.number().int(), excellent: z.number().int(), good: z.number().int() }),
  entries: z.array(ZAssessmentEntry),
});
export type TAssessment = z.infer<typeof ZAssessment>;

export const ZGradesRequest = z.object({
  grades: z.array(z.object({ cadreId: ZId, grade: ZGrade.nullable() })).min(1),
});
export const ZReviewsRequest = z.object({
  reviews: z.array(z.object({ reviewerId: ZId, cadreId: ZId, score: z.number().min(0).max(100) })).min(1),
});
export const ZTalkRequest = z.object({ cadreId: ZId, heldOn: ZDate });
export const ZUnlockRequest = z.object({ reason: z.string().trim().min(4).max(500) });
export const ZAssessmentListQuery = z.object({ org: ZId.optional() });

/** 约谈名单: cadres graded 差 in published or open assessments of the caller's scope. */
export const ZTalkList = z.object({
  items: z.array(
    z.object({
      assessmentId: ZId,
      cadreId: ZId,
      cadreName: z.string(),
      orgName: z.string(),
      department: z.string().nullable(),
      talkHeldOn: ZDate.nullable(),
    }),
  ),
});

/** 考核材料: what the assessors read for one cadre, compiled from the records, never re-typed. */
export const ZMaterialPack = z.object({
  cadreId: ZId,
  cadreName: z.string(),
  year: z.number().int(),
  taskList: ZTaskList.nullable(),
  selfCheck: ZSelfCheck.nullable(),
  /** 个人总结 (seed 001 四.3 资料核查), as submitted: frozen figures and the cadre's words */
  yearSummary: ZSelfCheck.nullable(),
  research: ZResearch,
  figures: z.array(ZSelfCheckFigure),
  spotChecks: z.array(ZSpotCheck),
  mutualScore: z.number().nullable(),
  /** The rules in force about the cadre and their points, with the records that counted (evidence). */
  compliance: z.array(ZComplianceResult),
  /** 活跃度 per month and 满意度 of the year (seed 004 五.3), from the work log and the card ratings */
  engagement: ZCadreYearEngagement,
});

// — Reminders (提醒) —

export const ZMilestoneKind = z.enum([
  'task_list',
  'midyear_report',
  'research_report',
  'year_summary',
  'midyear_summary',
  'assessment',
  'report_recommendation',
  'point_registration',
  'half_year_report',
  'point_rotation',
]);

export const ZReminder = z.object({
  kind: ZMilestoneKind,
  rule: z.string(),
  due: ZDate,
  daysLeft: z.number().int(),
  state: z.enum(['pending', 'missing']),
  title: z.string(),
  titleEn: z.string(),
  /** For an admin: the cadres who have not filed yet. */
  cadres: z.array(z.object({ id: ZId, name: z.string() })).optional(),
});
export const ZReminders = z.object({ asOf: ZDate, items: z.array(ZReminder) });
export const ZRemindersQuery = z.object({
  asOf: ZDate.optional(),
  days: z.coerce.number().int().min(0).max(366).default(30),
});

export type TFilingRoster = z.infer<typeof ZFilingRoster>;
export type TResearch = z.infer<typeof ZResearch>;
export type TReminder = z.infer<typeof ZReminder>;
export type TReminders = z.infer<typeof ZReminders>;
export type TMaterialPack = z.infer<typeof ZMaterialPack>;
export type TTalkList = z.infer<typeof ZTalkList>;
export type TRecommendationList = z.infer<typeof ZRecommendationList>;

/** A cadre's own 考核等次: null until the assessment is published. */
export const ZPublishedGrade = z.object({
  cadreId: ZId,
  year: z.number().int(),
  grade: ZGrade.nullable(),
  publishedAt: z.string().nullable(),
});

// — 下级组织考核 (seed 003 三.2): a level grades its lower organizations under the cadres' quotas —

export const ZCreateOrgAssessmentRequest = z.object({ orgId: ZId });
export const ZOrgAssessmentListQuery = z.object({ org: ZId });

export const ZOrgAssessmentEntry = z.object({
  orgId: ZId,
  name: z.string(),
  grade: ZGrade.nullable(),
});

/** The grading as it is stored: what every write answers (the figures beside it are read apart). */
export const ZOrgAssessment = z.object({
  id: ZId,
  year: z.number().int(),
  orgId: ZId,
  orgName: z.string(),
  status: z.enum(['open', 'published']),
  publishedAt: z.string().nullable(),
  /** The most organizations each capped grade may reach, of those assessed. */
  quota: z.object({ assessed: z.number().int(), excellent: z.number().int(), good: z.number().int() }),
  entries: z.array(ZOrgAssessmentEntry),
});
export type TOrgAssessment = z.infer<typeof ZOrgAssessment>;

/**
 * The year's figures to date of each organization assessed, as the level's bulletin counts them:
 * a whole-subtree evaluation, read once beside the grading rather than with every grade saved.
 */
export const ZOrgAssessmentFigures = z.object({
  /** the day the figures count to: today, or the year's end once past */
  asOf: ZDate,
  items: z.array(
    z.object({
      orgId: ZId,
      cadres: z.number().int(),
      rate: z.number().nullable(),
      coverage: z.object({ covered: z.number(), total: z.number(), rate: z.number().nullable() }),
    }),
  ),
});
export type TOrgAssessmentFigures = z.infer<typeof ZOrgAssessmentFigures>;

/**
 * The grade one organization was given by the level above it: read by the grading level, and by the
 * organization's own admins once published.
 */
export const ZOrgGrade = z.object({
  assessmentId: ZId,
  year: z.number().int(),
  gradedBy: z.object({ id: ZId, name: z.string() }),
  orgId: ZId,
  name: z.string(),
  status: z.enum(['open', 'published']),
  grade: ZGrade.nullable(),
  publishedAt: z.string().nullable(),
});
export type TOrgGrade = z.infer<typeof ZOrgGrade>;
export const ZOrgGradeQuery = z.object({ org: ZId });

export const ZOrgGradesRequest = z.object({
  grades: z.array(z.object({ orgId: ZId, grade: ZGrade.nullable() })).min(1),
});
export type TOrgGradesRequest = z.infer<typeof ZOrgGradesRequest>;
