import { z } from 'zod';

/** One bad cell or row of an uploaded spreadsheet: 行号, 列, 原因. */
export const ZImportRowError = z.object({
  row: z.number().int(),
  column: z.string(),
  reason: z.string(),
});

export const ZImportResult = z.object({
  /** false: nothing was written; `errors` lists every problem. */
  ok: z.boolean(),
  committed: z.boolean(),
  rows: z.number().int(),
  errors: z.array(ZImportRowError),
  created: z.number().int(),
});
export type TImportResult = z.infer<typeof ZImportResult>;

/**
 * The header row of a cadre sheet exported from 智慧团建, in its order. The cadre import reads such
 * a sheet as it is: 所在团支部 names the organization, and the columns it does not keep (学习工作单位,
 * 电子邮箱, QQ) are passed over.
 */
export const zhtjCadreHeaders = [
  '姓名',
  '身份证号码',
  '所在团支部',
  '民族',
  '政治面貌',
  '文化程度',
  '入团年月',
  '手机号码',
  '团内现任职务',
  '团干部性质',
  '任现职年月',
  '学习工作单位',
  '电子邮箱',
  'QQ',
] as const;
