import { z } from 'zod';
import { ZDate, ZId } from './common.ts';
import { ZOrgField, ZOrgLevel } from './enums.ts';

export const ZOrganization = z.object({
  id: ZId,
  name: z.string(),
  shortName: z.string().nullable(),
  level: ZOrgLevel,
  parentId: ZId.nullable(),
  divisionCode: z.string().nullable(),
  field: ZOrgField.nullable(),
  /** 直辖市 / 副省级城市: cyl2014.municipal_grassroots_points */
  municipal: z.boolean(),
  closedOn: ZDate.nullable(),
  childCount: z.number().int(),
});
export type TOrganization = z.infer<typeof ZOrganization>;

export const ZOrganizationListQuery = z.object({
  parent: ZId.optional(),
  q: z.string().max(50).optional(),
  includeClosed: z.stringbool().default(false),
});

export const ZCreateOrganizationRequest = z.object({
  name: z.string().trim().min(2, '名称至少 2 个字 / name too short').max(100),
  shortName: z.string().trim().max(50).optional(),
  level: ZOrgLevel,
  parentId: ZId,
  divisionCode: z
    .string()
    .regex(/^\d{6}$/, '行政区划代码应为 6 位数字 / division code must be 6 digits')
    .optional(),
  field: ZOrgField.optional(),
});
export type TCreateOrganizationRequest = z.infer<typeof ZCreateOrganizationRequest>;

/** Rename and/or move. Closing is its own call so it is audited as such. */
export const ZUpdateOrganizationRequest = z
  .object({
    name: z.string().trim().min(2).max(100).optional(),
    shortName: z.string().trim().max(50).nullable().optional(),
    parentId: ZId.optional(),
    field: ZOrgField.nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, '没有要修改的内容 / nothing to change');
export type TUpdateOrganizationRequest = z.infer<typeof ZUpdateOrganizationRequest>;

export const ZCloseOrganizationRequest = z.object({ closedOn: ZDate });

export const ZOrganizationPath = z.array(ZOrganization.pick({ id: true, name: true, level: true }));
