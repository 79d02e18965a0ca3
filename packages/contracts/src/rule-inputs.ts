import { z } from 'zod';
import { ZFilingState, ZFilingStatus } from './annual-cycle.ts';
import { ZDate, ZId } from './common.ts';
import { ZOrgField } from './enums.ts';
import { ZPointCategory, ZProblemDestination } from './ledger.ts';
import { ZActivitySummary } from './work-log.ts';

/**
 * The inputs of rules that nothing recorded before (issue 15): candidate contact points proposed
 * below and approved above (gd2006.registration), secretary posts and their vacancies
 * (cyl2014.secretary_vacancy), county committees' half-year reports (mz2016.half_year_report), and
 * problems followed to the end (mz2016.problem_list).
 */

// — 候选联系点 (seed 003, seed 001 三.2) —

export const ZProposalStatus = z.enum(['pending', 'approved', 'declined']);

export const ZPointProposalRequest = z.object({
  /** the lower committee proposing (its admin) */
  proposedBy: ZId,
  /** the organ above it that is asked to take the point */
  to: ZId,
  /** the grassroots organization proposed, inside the proposing committee */
  org: ZId,
  category: ZPointCategory.optional(),
  topic: z.string().trim().max(200).optional(),
  showcase: z.boolean().optional(),
  reason: z.string().trim().max(2000).optional(),
});
export type TPointProposalRequest = z.infer<typeof ZPointProposalRequest>;

export const ZPointProposal = z.object({
  id: ZId,
  proposedBy: ZId,
  proposedByName: z.string(),
  to: ZId,
  toName: z.string(),
  org: ZId,
  orgName: z.string(),
  orgField: ZOrgField.nullable(),
  category: ZPointCategory.nullable(),
  topic: z.string().nullable(),
  showcase: z.boolean(),
  reason: z.string().nullable(),
  status: ZProposalStatus,
  proposedOn: ZDate,
  decidedOn: ZDate.nullable(),
  decisionNote: z.string().nullable(),
  point: ZId.nullable(),
});
export type TPointProposal = z.infer<typeof ZPointProposal>;

/** 审批: approve with the holder (a cadre of the organ, or the organ itself) and the 登记表 details, or decline. */
export const ZPointProposalDecision = z
  .object({
    decision: z.enum(['approve', 'decline']),
    cadreId: ZId.optional(),
    holderOrgId: ZId.optional(),
    from: ZDate.optional(),
    category: ZPointCategory.optional(),
    topic: z.string().trim().max(200).optional(),
    showcase: z.boolean().optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'approve' && (v.cadreId === undefined) === (v.holderOrgId === undefined))
      ctx.addIssue({
        code: 'custom',
        path: ['cadreId'],
        message:
          '批准时须指定联系领导（cadreId）或联系部门（holderOrgId）之一 / give exactly one of cadreId and holderOrgId',
      });
    if (v.decision === 'decline' && !v.note)
      ctx.addIssue({
        code: 'custom',
        path: ['note'],
        message: '不予确定须说明理由 / a decline needs a note',
      });
  });
export type TPointProposalDecision = z.infer<typeof ZPointProposalDecision>;

export const ZPointProposalListQuery = z.object({ org: ZId, status: ZProposalStatus.optional() });
export const ZPointProposalList = z.object({
  /** proposals the organization was asked (to decide) */
  received: z.array(ZPointProposal),
  /** proposals the organization made (upwards) */
  sent: z.array(ZPointProposal),
});
export type TPointProposalList = z.infer<typeof ZPointProposalList>;

// — 书记职位 (cyl2014.secretary_vacancy) —

export const ZSecretaryTerm = z.object({
  id: ZId,
  holderName: z.string(),
  cadreId: ZId.nullable(),
  from: ZDate,
  to: ZDate.nullable(),
});
export type TSecretaryTerm = z.infer<typeof ZSecretaryTerm>;
export const ZSecretaryPost = z.object({
  org: ZId,
  tracked: z.boolean(),
  terms: z.array(ZSecretaryTerm),
  vacancies: z.array(z.object({ from: ZDate, to: ZDate.nullable() })),
});
export type TSecretaryPost = z.infer<typeof ZSecretaryPost>;

/** 任职: the next holder starts (an open vacancy closes the day before; a sitting holder leaves that day before). */
export const ZSecretaryStart = z.object({
  holderName: z.string().trim().min(1).max(50),
  cadreId: ZId.optional(),
  from: ZDate,
});
/** 离任: the holder leaves on `to`; the post stands vacant from the next day until the next holder starts. */
export const ZSecretaryLeave = z.object({ to: ZDate });
export type TSecretaryStart = z.infer<typeof ZSecretaryStart>;

// — 半年工作情况报告 (mz2016.half_year_report) —

export const ZHalf = z.coerce.number().int().min(1).max(2);
export const ZHalfYearParams = z.object({
  id: ZId,
  year: z.coerce.number().int().min(2000).max(2100),
  half: ZHalf,
});

export const ZHalfYearReport = z.object({
  id: ZId,
  org: ZId,
  orgName: z.string(),
  /** the city committee it goes to */
  to: ZId.nullable(),
  year: z.number().int(),
  half: z.number().int(),
  status: ZFilingStatus,
  body: z.string().nullable(),
  fileName: z.string().nullable(),
  firstSubmittedOn: ZDate.nullable(),
  submittedOn: ZDate.nullable(),
  reviewComment: z.string().nullable(),
  reviewedOn: ZDate.nullable(),
});
export type THalfYearReport = z.infer<typeof ZHalfYearReport>;

/** One half of a county's year: its deadline, its state against it, and the report if one was started. */
export const ZHalfYearSlot = z.object({
  org: ZId,
  orgName: z.string(),
  half: z.number().int(),
  due: ZDate.nullable(),
  state: ZFilingState,
  report: ZHalfYearReport.nullable(),
});
export const ZHalfYearSlots = z.object({ year: z.number().int(), items: z.array(ZHalfYearSlot) });
export type THalfYearSlot = z.infer<typeof ZHalfYearSlot>;
export type THalfYearSlots = z.infer<typeof ZHalfYearSlots>;
export type THalfYearReview = z.infer<typeof ZHalfYearReview>;

export const ZHalfYearSave = z.object({
  body: z.string().trim().min(1, '报告正文不能为空 / the text is required').max(50_000),
});
export const ZHalfYearReview = z.object({
  decision: z.enum(['accept', 'return']),
  comment: z.string().trim().max(2000).optional(),
});

// — 问题跟踪 (seed 004 细则四.4) —

export const ZProblemPass = z
  .object({
    to: ZProblemDestination,
    /** the committee, when passed to a League committee above */
    org: ZId.optional(),
    /** the department, or the 两会 proposal */
    unit: z.string().trim().min(1).max(200).optional(),
    on: ZDate,
    dueOn: ZDate.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.to === 'committee' && v.org === undefined)
      ctx.addIssue({ code: 'custom', path: ['org'], message: '请选择转交的团委 / name the committee' });
    if (v.to !== 'committee' && v.unit === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['unit'],
        message: '请填写部门或提案 / name the department or the proposal',
      });
  });
export type TProblemPass = z.infer<typeof ZProblemPass>;
export const ZProblemText = z.object({ text: z.string().trim().min(1).max(5000), on: ZDate });
export type TProblemText = z.infer<typeof ZProblemText>;

/** The queue at one level: problems passed up to it and waiting for an answer, and the overdue ones below it. */
export const ZProblemQueueQuery = z.object({ org: ZId });
export const ZProblemQueue = z.object({
  waiting: z.array(ZActivitySummary),
  overdue: z.array(ZActivitySummary),
});
export type TProblemQueue = z.infer<typeof ZProblemQueue>;
