import { z } from 'zod';
import { ZDate, ZId } from './common.ts';

/**
 * 典型案例 on a showcase: a `case` activity of the work log, published by an admin over its author
 * with a title and body the admin approved. The showcase is public; the youths of the case are
 * never named on it (the server refuses their names, phones and ID numbers).
 */
export const ZPublishCaseRequest = z.object({
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(20_000),
});
export type TPublishCaseRequest = z.infer<typeof ZPublishCaseRequest>;

/** A case as the showcase shows it. */
export const ZPublishedCase = z.object({
  id: ZId,
  title: z.string(),
  body: z.string(),
  orgId: ZId,
  orgName: z.string(),
  /** the case's date in the work log */
  date: ZDate,
  publishedAt: z.string(),
});
export type TPublishedCase = z.infer<typeof ZPublishedCase>;

/** A case of the work log as the in-app list shows it: with the publication, if any. */
export const ZCaseItem = z.object({
  id: ZId,
  date: ZDate,
  cadreId: ZId,
  cadreName: z.string(),
  orgName: z.string(),
  title: z.string(),
  /** a title and body to start from: the log's words with the youths' names replaced (李某) */
  suggested: ZPublishCaseRequest,
  published: ZPublishedCase.nullable(),
  /** whether the reader may publish or unpublish it */
  canPublish: z.boolean(),
});
export type TCaseItem = z.infer<typeof ZCaseItem>;

export const ZCaseListQuery = z.object({ org: ZId });
export const ZCaseList = z.object({ items: z.array(ZCaseItem) });
export type TCaseList = z.infer<typeof ZCaseList>;

/** The public showcase of an organization: the published cases of its subtree, newest first. */
export const ZShowcase = z.object({
  orgId: ZId,
  orgName: z.string(),
  items: z.array(ZPublishedCase),
});
export type TShowcase = z.infer<typeof ZShowcase>;

/**
 * 活跃度 and 满意度 of an organization in a month. 活跃度: the share of the contacts kept by the
 * cadres (of the subtree, or the one cadre) that were named in an online interaction or a talk
 * dated in the month. 满意度: the youths' ratings on the cards, in the month and the year so far.
 */
export const ZEngagementQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  month: z.coerce.number().int().min(1).max(12),
});

export const ZActiveness = z.object({
  contacts: z.number().int(),
  reached: z.number().int(),
  /** reached ÷ contacts, 0–1; null without contacts */
  share: z.number().nullable(),
});
export type TActiveness = z.infer<typeof ZActiveness>;

export const ZSatisfaction = z.object({
  ratings: z.number().int(),
  /** mean score 1–5, one decimal; null without ratings */
  average: z.number().nullable(),
});
export type TSatisfaction = z.infer<typeof ZSatisfaction>;

export const ZCadreEngagement = z.object({
  cadreId: ZId,
  cadreName: z.string(),
  activeness: ZActiveness,
  satisfaction: ZSatisfaction,
  satisfactionYear: ZSatisfaction,
});
export type TCadreEngagement = z.infer<typeof ZCadreEngagement>;

export const ZOrgEngagement = z.object({
  orgId: ZId,
  year: z.number().int(),
  month: z.number().int(),
  activeness: ZActiveness,
  satisfaction: ZSatisfaction,
  satisfactionYear: ZSatisfaction,
  /** the subtree's active cadres, by name */
  cadres: z.array(ZCadreEngagement),
});
export type TOrgEngagement = z.infer<typeof ZOrgEngagement>;

/** One cadre's year in the material pack: 活跃度 per month begun, 满意度 over the year so far. */
export const ZCadreYearEngagement = z.object({
  months: z.array(ZActiveness.extend({ month: z.number().int() })),
  satisfaction: ZSatisfaction,
});
export type TCadreYearEngagement = z.infer<typeof ZCadreYearEngagement>;
