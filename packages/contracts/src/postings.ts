import { z } from 'zod';
import { ZDate, ZId } from './common.ts';
import { ZDeliverableKey, ZPostingProgramKind, ZRank } from './enums.ts';
import { ZActivitySummary } from './work-log.ts';

/**
 * Postings to the grassroots (常态化下沉基层, seed 002; "8+4", seed 004; issue 6): programs and their
 * batches, the planner's plan (`lianxin-posting/1`, docs/planner.md) as a draft an admin edits and
 * publishes, the postings it creates, leave, group page, reports and the six deliverables (六个一).
 */

export const ZPostingBatch = z.object({ id: ZId, name: z.string(), start: ZDate });
export type TPostingBatch = z.infer<typeof ZPostingBatch>;

export const ZCreatePostingProgramRequest = z.object({
  name: z.string().trim().min(2, '名称至少 2 个字 / name too short').max(100),
  kind: ZPostingProgramKind,
  /** the organization running the program; postings go to targets inside its subtree */
  orgId: ZId,
  /** 派出机关: the organs whose organ cadres are posted */
  organIds: z.array(ZId).min(1, '至少一个派出机关 / at least one organ').max(100),
  batches: z
    .array(z.object({ name: z.string().trim().min(1).max(50), start: ZDate }))
    .min(1, '至少一个批次 / at least one batch')
    .max(12),
});
export type TCreatePostingProgramRequest = z.infer<typeof ZCreatePostingProgramRequest>;

export const ZPlanStatus = z.enum(['draft', 'published']);

/** What a new program of one kind starts from, for the organization the admin is at. */
export const ZProgramSuggestion = z.object({
  kind: ZPostingProgramKind,
  name: z.string(),
  /** the organ cadres (active full-time and seconded) the plan will post */
  staff: z.number().int(),
  batches: z.array(z.object({ name: z.string(), start: ZDate })),
  /** the kind's rules and why these batches, in one sentence */
  hint: z.string(),
});
export type TProgramSuggestion = z.infer<typeof ZProgramSuggestion>;
/** Only the kinds the organization's level may run (none below a county or at a prefecture). */
export const ZProgramSuggestionList = z.object({ items: z.array(ZProgramSuggestion) });
export const ZProgramSuggestionQuery = z.object({ org: ZId });

export const ZPostingProgram = z.object({
  id: ZId,
  name: z.string(),
  kind: ZPostingProgramKind,
  orgId: ZId,
  orgName: z.string(),
  organIds: z.array(ZId),
  batches: z.array(ZPostingBatch),
  plan: z
    .object({ id: ZId, status: ZPlanStatus, createdAt: z.string(), publishedAt: z.string().nullable() })
    .nullable(),
});
export type TPostingProgram = z.infer<typeof ZPostingProgram>;
export const ZPostingProgramList = z.object({ items: z.array(ZPostingProgram) });

/** An organ cadre of the program, with what the planner will make of them. */
export const ZEligibleCadre = z.object({
  id: ZId,
  name: z.string(),
  organId: ZId,
  organName: z.string(),
  department: z.string().nullable(),
  rank: ZRank,
  grassrootsYears: z.number(),
  probationEndsOn: ZDate.nullable(),
  /** 4, or 6 with under 2 years of grassroots experience */
  months: z.number().int(),
  /** the batches starting after probation ends and not avoided */
  openBatches: z.array(ZId),
  prefersBatches: z.array(ZId),
  avoidBatches: z.array(ZId),
});
export const ZEligibleCadreList = z.object({ items: z.array(ZEligibleCadre) });

/** 意愿: batches a cadre prefers (soft) and those they cannot go in (declared constraints, hard). */
export const ZPostingPreferences = z.object({
  prefersBatches: z.array(ZId).max(12).default([]),
  avoidBatches: z.array(ZId).max(12).default([]),
});
export type TPostingPreferences = z.infer<typeof ZPostingPreferences>;

/** A program the caller's organ sends to, with their own 意愿: what the cadre states on a phone. */
export const ZMyProgramPreferences = z.object({
  programId: ZId,
  programName: z.string(),
  kind: ZPostingProgramKind,
  batches: z.array(ZPostingBatch),
  /** once the plan is published, wishes no longer change it */
  published: z.boolean(),
  prefersBatches: z.array(ZId),
  avoidBatches: z.array(ZId),
});
export type TMyProgramPreferences = z.infer<typeof ZMyProgramPreferences>;
export const ZMyProgramPreferencesList = z.object({ items: z.array(ZMyProgramPreferences) });

/** A posting target: a county committee (cyl2015) or a grassroots organization ("8+4"). */
export const ZPostingTarget = z.object({
  id: ZId,
  name: z.string(),
  prefecture: ZId,
  prefectureName: z.string(),
});
export const ZPostingTargetList = z.object({ items: z.array(ZPostingTarget) });

export const ZPlanViolation = z.object({
  rule: z.string(),
  subject: z.string(),
  hard: z.boolean(),
  /** every cadre, batch, organization and group named by its Chinese name */
  message: z.string(),
  /** what would mend it, in Chinese */
  fix: z.string(),
});
export type TPlanViolation = z.infer<typeof ZPlanViolation>;

export const ZPlanRow = z.object({
  cadre: ZId,
  cadreName: z.string(),
  organName: z.string(),
  rank: ZRank,
  batch: ZId,
  county: ZId,
  countyName: z.string(),
  prefecture: ZId,
  prefectureName: z.string(),
  group: ZId,
  leader: z.boolean(),
  months: z.number().int(),
});
export type TPlanRow = z.infer<typeof ZPlanRow>;

export const ZPlanGroupView = z.object({
  id: ZId,
  batch: ZId,
  prefecture: ZId,
  prefectureName: z.string(),
  leader: ZId.nullable(),
  members: z.array(ZId),
});

export const ZPostingPlanView = z.object({
  id: ZId,
  programId: ZId,
  status: ZPlanStatus,
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
  rows: z.array(ZPlanRow),
  groups: z.array(ZPlanGroupView),
  unassigned: z.array(z.object({ cadre: ZId, cadreName: z.string(), reason: z.string() })),
  /** the organs' cadres the planner never saw (part-time cadres are not organ staff), with why */
  leftOut: z.array(z.object({ cadre: ZId, cadreName: z.string(), reason: z.string() })),
  violations: z.array(ZPlanViolation),
  /** the planner's soft score: `total` and its parts */
  score: z.record(z.string(), z.number()),
});
export type TPostingPlanView = z.infer<typeof ZPostingPlanView>;

/** 调整: move one cadre; the plan's violations come back at once. `group: "new"` opens a new group. */
export const ZMoveCadreRequest = z
  .strictObject({
    batch: ZId.optional(),
    county: ZId.optional(),
    group: ZId.optional(),
    months: z.number().int().min(1).max(12).optional(),
    /** make the cadre their group's leader (牵头人) */
    lead: z.literal(true).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: '至少修改一项 / change at least one thing' });
export type TMoveCadreRequest = z.infer<typeof ZMoveCadreRequest>;

export const ZPosting = z.object({
  id: ZId,
  programId: ZId,
  programName: z.string(),
  batchId: ZId,
  batchName: z.string(),
  cadreId: ZId,
  cadreName: z.string(),
  orgId: ZId,
  orgName: z.string(),
  groupId: ZId.nullable(),
  leader: z.boolean(),
  from: ZDate,
  to: ZDate,
  months: z.number().int(),
  pointId: ZId.nullable(),
});
export type TPosting = z.infer<typeof ZPosting>;
export const ZPostingList = z.object({ items: z.array(ZPosting) });
export const ZPostingListQuery = z.object({ program: ZId.optional(), cadre: ZId.optional() });

export const ZLeaveStatus = z.enum(['pending', 'approved', 'refused']);
/** 请假: seed 002 allows no leave without special cause, so the cause is required and decided by an admin. */
export const ZLeaveRequest = z
  .object({
    reason: z.string().trim().min(4, '请写明特殊原因 / state the special cause').max(1000),
    from: ZDate,
    to: ZDate,
  })
  .refine((v) => v.to >= v.from, { path: ['to'], message: '结束日期早于开始日期 / to is before from' });
export type TLeaveRequest = z.infer<typeof ZLeaveRequest>;

export const ZLeave = z.object({
  id: ZId,
  postingId: ZId,
  cadreId: ZId,
  cadreName: z.string(),
  reason: z.string(),
  from: ZDate,
  to: ZDate,
  status: ZLeaveStatus,
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
});
export type TLeave = z.infer<typeof ZLeave>;
export const ZLeaveDecision = z.object({
  approve: z.boolean(),
  note: z.string().trim().max(1000).optional(),
});

/** What the log says of a posting, for the summary's draft and the deliverables. */
export const ZPostingFigures = z.object({
  /** 交朋友: distinct youths named in activities at the posted county during the posting */
  friends: z.number().int(),
  practical: z.array(z.object({ date: ZDate.nullable(), text: z.string() })),
  cases: z.array(z.object({ date: ZDate.nullable(), text: z.string() })),
  workPushed: z.array(z.object({ date: ZDate.nullable(), text: z.string() })),
  online: z.number().int(),
  activities: z.number().int(),
});
export type TPostingFigures = z.infer<typeof ZPostingFigures>;

export const ZReportKind = z.enum(['personal', 'group']);
export const ZPostingReport = z.object({
  kind: ZReportKind,
  postingId: ZId.nullable(),
  groupId: ZId.nullable(),
  /** a stored draft or submitted text; when nothing is stored yet, the draft written from the log */
  body: z.string(),
  status: z.enum(['new', 'draft', 'submitted']),
  figures: ZPostingFigures,
  updatedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
});
export type TPostingReport = z.infer<typeof ZPostingReport>;
/** Saves the text as a draft, or with `submit` hands it in (final). */
export const ZSaveReportRequest = z.object({
  body: z.string().trim().min(1, '内容不能为空 / text required').max(50_000),
  submit: z.boolean().default(false),
});

export const ZDeliverable = z.object({
  key: ZDeliverableKey,
  label: z.string(),
  /** the log shows it (evidence > 0), or, where the log holds nothing, a person confirmed it */
  done: z.boolean(),
  /** the posted cadre's or an admin's confirmation, for work done outside the log */
  marked: z.boolean(),
  note: z.string().nullable(),
  /** what the log holds towards it (count) */
  evidence: z.number().int(),
  /** what the count is made of (empty where the count is the evidence: friends, online work) */
  evidenceItems: z.array(z.string()),
});
export type TDeliverable = z.infer<typeof ZDeliverable>;
export const ZDeliverableList = z.object({ postingId: ZId, items: z.array(ZDeliverable) });
export type TDeliverableList = z.infer<typeof ZDeliverableList>;
export const ZMarkDeliverableRequest = z.object({
  done: z.boolean(),
  note: z.string().trim().max(1000).nullable().optional(),
});
export const ZDeliverableParams = z.object({ id: ZId, key: ZDeliverableKey });

export const ZPostingGroupPage = z.object({
  id: ZId,
  programId: ZId,
  programName: z.string(),
  batch: ZPostingBatch,
  prefectureOrgId: ZId,
  prefectureName: z.string(),
  leaderCadreId: ZId.nullable(),
  members: z.array(ZPosting),
  leaves: z.array(ZLeave),
  /** the members' logs for their postings' time: for the leader and admins only (decision 15) */
  logs: z.array(ZActivitySummary).nullable(),
  report: ZPostingReport.nullable(),
});
export type TPostingGroupPage = z.infer<typeof ZPostingGroupPage>;

/** "4+1": a county committee's organ cadres, their days among grassroots youth per week (Monday first). */
export const ZFourPlusOneQuery = z.object({
  county: ZId,
  weeks: z.coerce.number().int().min(1).max(26).default(8),
  /** the last week shown is the one holding this day; default today */
  until: ZDate.optional(),
});
export const ZFourPlusOne = z.object({
  county: ZId,
  countyName: z.string(),
  /** the Mondays of the weeks shown, oldest first */
  weeks: z.array(ZDate),
  /** the week still running, not yet missed by anyone */
  currentWeek: ZDate.nullable(),
  cadres: z.array(
    z.object({
      id: ZId,
      name: z.string(),
      /** per week (aligned with `weeks`), the days among grassroots youth */
      days: z.array(z.array(ZDate)),
      missed: z.number().int(),
    }),
  ),
});
export type TFourPlusOne = z.infer<typeof ZFourPlusOne>;
