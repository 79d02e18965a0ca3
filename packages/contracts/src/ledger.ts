import { z } from 'zod';
import { ZLedgerActivity } from './activity-details.ts';
import { ZDate, ZId } from './common.ts';
import { ZEmployment, ZOrgField, ZOrgLevel, ZRank } from './enums.ts';
import { ledgerYearSections } from './ledger-year.ts';

/**
 * The ledger interchange format `lianxin-ledger/1` (docs/interchange.md). Objects are strict: an
 * unknown field is rejected with a clear message, never ignored silently. Fields beyond the core
 * are marked "extension" and documented in ARCHITECTURE.md.
 */

export const ZContactRole = z.enum(['youth', 'league_cadre']);
export const ZContactTag = z.enum(['needy', 'left_behind_child', 'disabled', 'poor_family', 'non_local']);
/** 联系点类别 of seed 003's 联系点登记表: 巩固 / 提高 / 整顿 / 新建 */
export const ZPointCategory = z.enum(['consolidate', 'improve', 'rectify', 'new']);

export const presetIds = [
  'cyl-2014-contact-points',
  'cyl-2015-sink-to-grassroots',
  'baoji-2018-close-contact',
  'guangdong-2006-contact-points',
  'meizhou-2016-direct-contact',
] as const;
export const ZPresetId = z.enum(presetIds);

export const ZLedgerOrganization = z.strictObject({
  id: ZId,
  name: z.string().min(1).max(100),
  level: ZOrgLevel,
  parent: ZId.optional(),
  divisionCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  field: ZOrgField.optional(),
  // optional part: the spans the committee's secretary post stood empty (cyl2014.secretary_vacancy);
  // the key present, even as [], means the post is tracked
  secretaryVacancies: z.array(z.strictObject({ from: ZDate, to: ZDate.nullable() })).optional(),
});

export const ZLedgerCadre = z.strictObject({
  id: ZId,
  name: z.string().min(1).max(50),
  org: ZId,
  rank: ZRank,
  employment: ZEmployment,
  grassrootsYears: z.number().min(0).max(60).optional(),
  hiredOn: ZDate.optional(),
  probationEndsOn: ZDate.optional(), // extension
  department: z.string().max(50).optional(),
});

export const ZLedgerPreset = z.strictObject({ org: ZId, preset: ZPresetId });

export const ZLedgerContactPoint = z.strictObject({
  id: ZId,
  cadre: ZId.optional(),
  holderOrg: ZId.optional(),
  org: ZId,
  from: ZDate,
  to: ZDate.nullable(),
  // extensions: seed 003's 联系点登记表 and the handover of decision 6
  category: ZPointCategory.optional(),
  topic: z.string().max(200).optional(),
  showcase: z.boolean().optional(),
  predecessor: ZId.optional(),
  handoverNote: z.string().max(20_000).optional(),
  // optional part: the day the point was entered on the 联系点登记表 (gd2006.registration)
  registeredOn: ZDate.optional(),
});

export const ZLedgerContact = z.strictObject({
  id: ZId,
  name: z.string().min(1).max(50),
  role: ZContactRole,
  field: ZOrgField.optional(),
  unit: z.string().max(100).optional(), // extension: 学习工作单位
  tags: z.array(ZContactTag).optional(),
  of: z.array(ZId),
  keyOf: z.array(ZId).optional(),
});

/** Kinds of the top-level `filings`: the half-year report of a county committee (mz2016). */
export const ZLedgerFilingKind = z.enum(['half_year_report']);

/** A report an organization filed (optional part `filings`), dated by its first submission. */
export const ZLedgerFiling = z.strictObject({ id: ZId, kind: ZLedgerFilingKind, org: ZId, date: ZDate });
export type TLedgerFiling = z.infer<typeof ZLedgerFiling>;

export { type TProblemDestination, ZLedgerActivity, ZProblemDestination } from './activity-details.ts';
export type { TActivityType } from './activity-types.ts';
export type TLedgerActivity = z.infer<typeof ZLedgerActivity>;

export const ZLedgerDocument = z.strictObject({
  format: z.literal('lianxin-ledger/1'),
  organizations: z.array(ZLedgerOrganization).default([]),
  cadres: z.array(ZLedgerCadre).default([]),
  presets: z.array(ZLedgerPreset).default([]),
  contactPoints: z.array(ZLedgerContactPoint).default([]),
  contacts: z.array(ZLedgerContact).default([]),
  activities: z.array(ZLedgerActivity).default([]),
  // optional part: reports filed (mz2016.half_year_report; the annual cycle's as an extension)
  filings: z.array(ZLedgerFiling).optional(),
  // extension sections: the whole year between levels (ledger-year.ts)
  ...ledgerYearSections,
});
export type TLedgerDocument = z.infer<typeof ZLedgerDocument>;

/** One bad record of a rejected document, named by its id and field, in Chinese and English. */
export const ZLedgerProblem = z.object({
  collection: z.string(),
  id: z.string().nullable(),
  field: z.string(),
  message: z.string(),
  messageZh: z.string(),
});
export type TLedgerProblem = z.infer<typeof ZLedgerProblem>;

export const ZLedgerImportResult = z.object({
  ok: z.boolean(),
  created: z.record(z.string(), z.number()),
  updated: z.record(z.string(), z.number()),
  unchanged: z.record(z.string(), z.number()),
});
