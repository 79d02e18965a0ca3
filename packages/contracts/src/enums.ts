import { z } from 'zod';

// Enumerations of docs/interchange.md: the wire values never change.
export const ZOrgLevel = z.enum(['central', 'province', 'prefecture', 'county', 'grassroots']);
export type TOrgLevel = z.infer<typeof ZOrgLevel>;

/** 领域: the fields of grassroots organizations and of contacts. */
export const ZOrgField = z.enum([
  'enterprise',
  'rural',
  'organ', // 机关事业单位
  'school',
  'community', // 街道社区
  'social_org',
  'new_media',
  'other',
]);
export type TOrgField = z.infer<typeof ZOrgField>;

export const ZRank = z.enum([
  'secretariat', // 书记处成员
  'bureau', // 局级
  'division', // 正处
  'deputy_division', // 副处
  'section', // 科级
  'staff', // 其他
]);
export type TRank = z.infer<typeof ZRank>;

export const ZEmployment = z.enum([
  'full_time', // 专职
  'seconded', // 挂职
  'part_time', // 兼职
]);
export type TEmployment = z.infer<typeof ZEmployment>;

export const ZRole = z.enum([
  'system_admin',
  'org_admin', // 组织部: one organization subtree
  'leader', // read-only, subtree
  'cadre', // own records
]);
export type TRole = z.infer<typeof ZRole>;

/** `cyl2015`: central and provincial organs to counties, groups of 3–4; `mz2016`: "8+4" inside a county, groups of 2–3. */
export const ZPostingProgramKind = z.enum(['cyl2015', 'mz2016']);
export type TPostingProgramKind = z.infer<typeof ZPostingProgramKind>;

/** 六个一 of seed 002. */
export const ZDeliverableKey = z.enum(['ledger', 'examples', 'new_orgs', 'online', 'friends', 'practical']);
export type TDeliverableKey = z.infer<typeof ZDeliverableKey>;
