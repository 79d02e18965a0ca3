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
