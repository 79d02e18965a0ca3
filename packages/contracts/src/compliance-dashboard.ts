import { z } from 'zod';
import { paged, ZDate, ZId, ZPageQuery } from './common.ts';
import { ZComplianceQuery, ZComplianceResult, ZRuleId } from './compliance.ts';
import { ZComplianceCadres } from './compliance-views.ts';

/**
 * The 达标看板 aggregated on the server (issue 12): the browser gets the figures and pages of them,
 * never a whole subtree's results. Rates are met ÷ (met + in progress + unmet) of graded results.
 */
export const ZStatusCounts = z.object({
  met: z.number().int(),
  unmet: z.number().int(),
  in_progress: z.number().int(),
  exempt: z.number().int(),
  not_applicable: z.number().int(),
  total: z.number().int(),
});
export type TStatusCounts = z.infer<typeof ZStatusCounts>;

/** A subtree's cadre by name, with the sub-organization (the root's child) it sits under. */
export const ZDashboardCadre = ZComplianceCadres.shape.items.element;
export type TDashboardCadre = z.infer<typeof ZDashboardCadre>;

export const ZDashboardQuery = ZComplianceQuery.extend({
  /** the page of laggards answered (15 a page unless told) */
  laggardPage: z.coerce.number().int().min(1).default(1),
  laggardPageSize: z.coerce.number().int().min(1).max(200).default(15),
  /** laggards among the organization's own cadres (本级) only: those its 年底考核 grades */
  laggardsOwn: z.stringbool().optional(),
});
export type TDashboardQuery = z.infer<typeof ZDashboardQuery>;

const rated = { counts: ZStatusCounts, rate: z.number().nullable() };

export const ZDashboardLaggard = z.object({
  cadre: ZDashboardCadre,
  ...rated,
  unmetRules: z.array(z.string()),
});
export type TDashboardLaggard = z.infer<typeof ZDashboardLaggard>;

export const ZDashboard = z.object({
  year: z.number().int(),
  asOf: ZDate,
  org: z.object({ id: ZId, name: z.string() }),
  ...rated,
  rules: z.array(z.object({ rule: z.string(), ...rated, advisory: z.boolean() })),
  /** the organization's own cadres (`id` null) and each direct sub-organization with cadres or results */
  branches: z.array(z.object({ id: ZId.nullable(), name: z.string(), cadres: z.number().int(), ...rated })),
  /** cadres with the most unmet rules first, then the lowest rate: one page */
  laggards: paged(ZDashboardLaggard),
  /** cyl2014.province_coverage per province, with the counties it names (few, and small) */
  coverage: z.array(ZComplianceResult),
});
export type TDashboard = z.infer<typeof ZDashboard>;

/** `asOf`: the last day of the series (today unless told). */
export const ZTrendQuery = ZComplianceQuery;
export type TTrendQuery = z.infer<typeof ZTrendQuery>;
export const ZTrend = z.object({
  year: z.number().int(),
  /** each month's end up to `asOf`, then `asOf` itself: the subtree as of that day */
  months: z.array(z.object({ asOf: ZDate, ...rated })),
});
export type TTrend = z.infer<typeof ZTrend>;

/** A page of subject results for a drill-down: one rule's subjects, or one cadre's results. */
export const ZResultsQuery = ZComplianceQuery.extend({
  rule: ZRuleId.optional(),
  cadre: ZId.optional(),
}).extend(ZPageQuery.shape);
export type TResultsQuery = z.infer<typeof ZResultsQuery>;

export const ZResultsPage = paged(ZComplianceResult).extend({
  asOf: ZDate,
  /** the cadres the page's results name */
  cadres: z.array(ZDashboardCadre),
});
export type TResultsPage = z.infer<typeof ZResultsPage>;
