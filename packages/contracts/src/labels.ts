import type { z } from 'zod';
import { activityRegistry, activityTypes, type TActivityType } from './activity-types.ts';
import type { TEmployment, TOrgField, TOrgLevel, TRank, TRole } from './enums.ts';
import type { ZContactRole, ZContactTag, ZPointCategory } from './ledger.ts';

/**
 * The wire values' Chinese labels, as plain data: this module loads no zod, so a phone page that
 * imports them from `@lianxin/contracts` carries no schema. The activity types' labels are the registry's.
 */

export const orgLevelLabels: Record<TOrgLevel, string> = {
  central: '中央',
  province: '省级',
  prefecture: '地市级',
  county: '县级',
  grassroots: '基层',
};

export const orgFieldLabels: Record<TOrgField, string> = {
  enterprise: '企业',
  rural: '农村',
  organ: '机关事业单位',
  school: '学校',
  community: '街道社区',
  social_org: '社会组织',
  new_media: '新媒体',
  other: '其他',
};

export const rankLabels: Record<TRank, string> = {
  secretariat: '书记处成员',
  bureau: '局级',
  division: '正处',
  deputy_division: '副处',
  section: '科级',
  staff: '其他',
};

export const employmentLabels: Record<TEmployment, string> = {
  full_time: '专职',
  seconded: '挂职',
  part_time: '兼职',
};

export const roleLabels: Record<TRole, string> = {
  system_admin: '系统管理员',
  org_admin: '组织部管理员',
  leader: '领导（只读）',
  cadre: '团干部',
};

export const contactRoleLabels: Record<z.infer<typeof ZContactRole>, string> = {
  youth: '普通青年',
  league_cadre: '基层团干部',
};

export const contactTagLabels: Record<z.infer<typeof ZContactTag>, string> = {
  needy: '困难青年',
  left_behind_child: '留守儿童',
  disabled: '残疾青年',
  poor_family: '贫困家庭',
  non_local: '外来青年',
};

/** Chinese names of the activity types, as forms and pages print them (from the registry). */
export const activityTypeLabels = Object.fromEntries(
  activityTypes.map((t) => [t, activityRegistry[t].label]),
) as Record<TActivityType, string>;

/** 联系点登记表 类别 (巩固一批、提高一批、整顿一批、新建一批, seed 003). */
export const pointCategoryLabels: Record<z.infer<typeof ZPointCategory>, string> = {
  consolidate: '巩固',
  improve: '提高',
  rectify: '整顿',
  new: '新建',
};

/** Where a problem was passed (seed 004 细则四.4). */
export const problemDestinationLabels = {
  committee: '上级团委',
  party_government: '党政部门',
  two_sessions: '两会提案',
} as const;
/**
 * 明白帐 of a point (seed 000 四.2 工作台账制度, seed 002 三 “为当地团组织做一本明白帐”): its
 * sections in the seeds' order; the last four are the support won (seed 000 三.四 优化环境).
 */
export const factBookSections = [
  'situation',
  'members',
  'organizations',
  'difficulties',
  'support_policy',
  'support_funds',
  'support_staff',
  'support_premises',
] as const;
export type TFactBookSection = (typeof factBookSections)[number];

export const factBookSectionLabels: Record<TFactBookSection, string> = {
  situation: '当地基本情况',
  members: '团员和团干部队伍情况',
  organizations: '基层团组织情况',
  difficulties: '存在的困难和问题',
  support_policy: '争取支持：政策',
  support_funds: '争取支持：资金',
  support_staff: '争取支持：工作力量',
  support_premises: '争取支持：阵地建设',
};

/** The steps of a ledger import job (`ZImportJob.phase`), as the command line and the web name them. */
export const importPhaseLabels = { parse: '读取', check: '校验', plan: '比对', write: '写入' } as const;

/** A ledger document's collections (lianxin-ledger/1), as import results and problems name them. */
export const ledgerCollectionLabels: Record<string, string> = {
  organizations: '组织',
  cadres: '团干部',
  presets: '采用的规则',
  contactPoints: '联系点',
  contacts: '联系青年',
  activities: '工作记录',
  filings: '报备材料',
  document: '文件',
};
