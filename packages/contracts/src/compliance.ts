import { z } from 'zod';
import { ZDate, ZId } from './common.ts';
import { ZPresetId } from './ledger.ts';

/** Compliance evaluation (docs/interchange.md "Evaluation"): one result per rule and subject. */

export const ZComplianceStatus = z.enum(['met', 'unmet', 'in_progress', 'exempt', 'not_applicable']);
export type TComplianceStatus = z.infer<typeof ZComplianceStatus>;

/** A rule id of docs/policy-rules.md, e.g. `baoji2018.lectures`. */
export const ZRuleId = z
  .string()
  .regex(/^[a-z0-9]+\.[a-z0-9_]+$/, '规则编号格式应如 baoji2018.lectures / rule id like baoji2018.lectures');

export const ZComplianceQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  /** Defaults to today in China time, capped at the year's end (decision 9). */
  asOf: ZDate.optional(),
  /** Defaults to the caller's scope. */
  org: ZId.optional(),
});
export type TComplianceQuery = z.infer<typeof ZComplianceQuery>;

/** One subject's results with the records behind them (the records drawer): the subject by its ids. */
export const ZComplianceEvidenceQuery = ZComplianceQuery.extend({
  rule: ZRuleId.optional(),
  cadre: ZId.optional(),
  point: ZId.optional(),
  /** The organization a result speaks of (`org` is the subtree evaluated, as for the dashboard). */
  subjectOrg: ZId.optional(),
});
export type TComplianceEvidenceQuery = z.infer<typeof ZComplianceEvidenceQuery>;

export const ZComplianceResult = z.object({
  rule: z.string(),
  /** Subjects by the ids the ledger gave them; those that do not apply are null. */
  cadre: z.string().nullable(),
  point: z.string().nullable(),
  org: z.string().nullable(),
  status: ZComplianceStatus,
  actual: z.number(),
  required: z.number(),
  // beyond the core answer:
  posting: z.string().nullable().optional(),
  batch: z.string().optional(),
  department: z.string().optional(),
  /** The ceiling of a band "A to B". */
  max: z.number().optional(),
  /** Ids of the records that counted. */
  evidence: z.array(z.string()).optional(),
  detail: z.record(z.string(), z.array(z.string())).optional(),
  /** The exemption that turned the result into `exempt`. */
  exemption: z.string().optional(),
  /** Shown to the person, not counted in assessment grades. */
  advisory: z.literal(true).optional(),
});
export type TComplianceResult = z.infer<typeof ZComplianceResult>;

export const ZComplianceAnswer = z.object({
  year: z.number().int(),
  asOf: ZDate,
  results: z.array(ZComplianceResult),
});
export type TComplianceAnswer = z.infer<typeof ZComplianceAnswer>;

/** A new value per parameter name; a band takes `{ min, max }` (the domain's `tighten` checks it). */
export const ZParamOverride = z.union([
  z.number(),
  z.string(),
  z.boolean(),
  z.array(z.string()),
  z.strictObject({ min: z.number().optional(), max: z.number().optional() }),
]);
/** Per rule id, the parameters a level tightens. */
export const ZRuleOverrides = z.record(ZRuleId, z.record(z.string(), ZParamOverride));

export const ZPresetAdoptionRequest = z.strictObject({
  preset: ZPresetId,
  params: ZRuleOverrides.default({}),
});
export type TPresetAdoptionRequest = z.infer<typeof ZPresetAdoptionRequest>;

export const ZPresetAdoption = z.object({
  org: z.string(),
  preset: ZPresetId,
  params: ZRuleOverrides,
});
export type TPresetAdoption = z.infer<typeof ZPresetAdoption>;

export const ZPresetAdoptionList = z.object({ items: z.array(ZPresetAdoption) });

/** 豁免申请: exactly one subject — a cadre, a point or an organization (its subtree). */
export const ZExemptionRequest = z
  .strictObject({
    rule: ZRuleId,
    /** The rule that allows it, e.g. `cyl2014.remote_exemption`. */
    basis: ZRuleId.optional(),
    cadre: ZId.optional(),
    point: ZId.optional(),
    org: ZId.optional(),
    from: ZDate,
    to: ZDate,
    /** The organization asking for it (e.g. the provincial committee); an admin above it approves. */
    requestedBy: ZId,
    reason: z.string().trim().min(1).max(2000),
  })
  .refine((e) => [e.cadre, e.point, e.org].filter((s) => s !== undefined).length === 1, {
    message: '须且只须指定一个对象：干部、联系点或组织 / name exactly one subject: cadre, point or org',
    path: ['cadre'],
  })
  .refine((e) => e.from <= e.to, {
    message: '结束日期不能早于开始日期 / to must not be before from',
    path: ['to'],
  });
export type TExemptionRequest = z.infer<typeof ZExemptionRequest>;

export const ZExemption = z.object({
  id: z.string(),
  rule: z.string(),
  basis: z.string().nullable(),
  cadre: z.string().nullable(),
  point: z.string().nullable(),
  org: z.string().nullable(),
  from: ZDate,
  to: ZDate,
  requestedBy: z.string(),
  reason: z.string(),
  /** Pending until an admin above the requesting organization approves it. */
  status: z.enum(['pending', 'approved']),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type TExemption = z.infer<typeof ZExemption>;

export const ZExemptionListQuery = z.object({
  org: ZId.optional(),
  status: z.enum(['pending', 'approved']).optional(),
});
export const ZExemptionList = z.object({ items: z.array(ZExemption) });
