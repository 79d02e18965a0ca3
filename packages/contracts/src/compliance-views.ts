import { z } from 'zod';
import { ZId } from './common.ts';
import { ZEmployment, ZOrgField, ZOrgLevel, ZRank } from './enums.ts';
import { ZContactRole } from './ledger.ts';
import { ZActivitySummary, ZContactPoint } from './work-log.ts';

/**
 * The records behind a compliance number: a result's `evidence` (activities, contacts, points,
 * organizations) and the subjects it names (cadres), looked up by id for the progress page and
 * the dashboards. At most 200 ids a call; the page asks again for the next ones.
 */
export const ZComplianceRecordsRequest = z.object({
  ids: z.array(ZId).min(1).max(200),
});
export type TComplianceRecordsRequest = z.infer<typeof ZComplianceRecordsRequest>;

export const ZComplianceRecord = z.discriminatedUnion('kind', [
  z.object({ id: ZId, kind: z.literal('activity'), activity: ZActivitySummary }),
  z.object({
    id: ZId,
    kind: z.literal('contact'),
    contact: z.object({
      name: z.string(),
      role: ZContactRole,
      field: ZOrgField.nullable(),
      unit: z.string().nullable(),
    }),
  }),
  z.object({ id: ZId, kind: z.literal('point'), point: ZContactPoint }),
  z.object({
    id: ZId,
    kind: z.literal('organization'),
    organization: z.object({
      name: z.string(),
      level: ZOrgLevel,
      parentId: ZId.nullable(),
      parentName: z.string().nullable(),
    }),
  }),
  z.object({
    id: ZId,
    kind: z.literal('cadre'),
    cadre: z.object({
      name: z.string(),
      orgId: ZId,
      orgName: z.string(),
      department: z.string().nullable(),
      rank: ZRank,
      employment: ZEmployment,
    }),
  }),
]);
export type TComplianceRecord = z.infer<typeof ZComplianceRecord>;

export const ZComplianceRecords = z.object({
  /** in the order asked */
  items: z.array(ZComplianceRecord),
  /** ids that name no record, or one the caller may not read (each refusal is audited) */
  withheld: z.array(ZId),
});
export type TComplianceRecords = z.infer<typeof ZComplianceRecords>;

export const ZComplianceCadresQuery = z.object({
  /** the caller's scope when absent */
  org: ZId.optional(),
});

/**
 * The cadres of a subtree by name, each with the branch (the organization's child) it sits under:
 * what the dashboards need to name the subjects of results and to sum them per sub-organization.
 */
export const ZComplianceCadres = z.object({
  org: z.object({ id: ZId, name: z.string() }),
  branches: z.array(z.object({ id: ZId, name: z.string() })),
  items: z.array(
    z.object({
      id: ZId,
      name: z.string(),
      orgId: ZId,
      orgName: z.string(),
      department: z.string().nullable(),
      rank: ZRank,
      employment: ZEmployment,
      /** the child of `org` holding the cadre's organization; null for cadres of `org` itself */
      branchId: ZId.nullable(),
    }),
  ),
});
export type TComplianceCadres = z.infer<typeof ZComplianceCadres>;
