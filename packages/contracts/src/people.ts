import { z } from 'zod';
import { ZDate, ZId, ZIdNumber, ZMobile } from './common.ts';
import { ZEmployment, ZRank, ZRole } from './enums.ts';

/** 年月 as 智慧团建 keeps 入团年月 and 任现职年月: YYYY-MM. */
export const ZYearMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '年月格式应为 YYYY-MM / year-month must be YYYY-MM');

/** 团内现任职务 as 智慧团建 offers it (familiar.md); any other text is still accepted. */
export const leaguePositionChoices = ['书记', '副书记', '常委', '委员', '候补委员', '工作人员', '其他'];
/** 政治面貌 as 智慧团建 lists it. */
export const politicalStatusChoices = ['共青团员', '中共党员', '中共预备党员', '群众'];

/**
 * The person as 智慧团建's cadre form records them (familiar.md): kept so that a sheet exported from it
 * imports without losing a column. None is used by a rule.
 */
const leagueRecord = {
  ethnicity: z.string().trim().max(20).nullable(), // 民族
  politicalStatus: z.string().trim().max(20).nullable(), // 政治面貌
  education: z.string().trim().max(20).nullable(), // 文化程度
  joinedLeagueOn: ZYearMonth.nullable(), // 入团年月
  positionSince: ZYearMonth.nullable(), // 任现职年月
};

/** 团干部. Mobile and ID number are personal data: encrypted at rest, masked in answers. */
export const ZCadre = z.object({
  id: ZId,
  name: z.string(),
  orgId: ZId,
  orgName: z.string(),
  department: z.string().nullable(), // 机关部室
  rank: ZRank,
  employment: ZEmployment,
  grassrootsYears: z.number(), // 基层工作经历（年）
  hiredOn: ZDate.nullable(),
  probationEndsOn: ZDate.nullable(),
  position: z.string().nullable(), // 团内现任职务
  ...leagueRecord,
  mobileMasked: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  active: z.boolean(),
});
export type TCadre = z.infer<typeof ZCadre>;

export const ZCadreInput = z.object({
  name: z.string().trim().min(2, '姓名至少 2 个字 / name too short').max(50),
  orgId: ZId,
  department: z.string().trim().max(50).nullable().optional(),
  rank: ZRank,
  employment: ZEmployment,
  grassrootsYears: z.number().min(0).max(60).default(0),
  hiredOn: ZDate.nullable().optional(),
  probationEndsOn: ZDate.nullable().optional(),
  position: z.string().trim().max(50).nullable().optional(),
  ethnicity: leagueRecord.ethnicity.optional(),
  politicalStatus: leagueRecord.politicalStatus.optional(),
  education: leagueRecord.education.optional(),
  joinedLeagueOn: leagueRecord.joinedLeagueOn.optional(),
  positionSince: leagueRecord.positionSince.optional(),
  mobile: ZMobile.nullable().optional(),
  idNumber: ZIdNumber.nullable().optional(),
});
export type TCadreInput = z.infer<typeof ZCadreInput>;

export const ZUpdateCadreRequest = ZCadreInput.partial().extend({ active: z.boolean().optional() });
export type TUpdateCadreRequest = z.infer<typeof ZUpdateCadreRequest>;

export const ZCadreListQuery = z.object({
  org: ZId.optional(),
  q: z.string().max(50).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
});

export const ZAccount = z.object({
  id: ZId,
  username: z.string(),
  role: ZRole,
  scopeOrgId: ZId.nullable(),
  scopeOrgName: z.string().nullable(),
  cadreId: ZId.nullable(),
  mustChangePassword: z.boolean(),
  totpEnabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  disabled: z.boolean(),
});
export type TAccount = z.infer<typeof ZAccount>;

export const ZUsername = z
  .string()
  .trim()
  .regex(
    /^[A-Za-z0-9_.-]{3,40}$/,
    '用户名为 3–40 位字母、数字、点、横线或下划线 / username: 3–40 letters, digits, . _ -',
  );

export const ZCreateAccountRequest = z.object({
  username: ZUsername,
  role: ZRole,
  scopeOrgId: ZId.nullable().optional(),
  cadreId: ZId.nullable().optional(),
  /** Initial password; the holder must change it at first login. */
  password: z.string().min(1),
});
export type TCreateAccountRequest = z.infer<typeof ZCreateAccountRequest>;

export const ZUpdateAccountRequest = z.object({
  disabled: z.boolean().optional(),
  unlock: z.literal(true).optional(),
  resetPassword: z.string().min(1).optional(),
});

export const ZAccountListQuery = z.object({
  org: ZId.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
});
