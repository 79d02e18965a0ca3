import { z } from 'zod';
import { ZErrorResponse } from './common.ts';
import { ZLedgerImportResult, ZLedgerProblem } from './ledger.ts';

/** A ledger import run as a job (issue 12): `POST /ledger/imports` starts it, `GET …/:id` follows it. */
export const ZImportJob = z.object({
  id: z.string(),
  kind: z.literal('ledger'),
  status: z.enum(['running', 'succeeded', 'rejected', 'failed']),
  phase: z.enum(['parse', 'check', 'plan', 'write']),
  done: z.number().int(),
  total: z.number().int(),
  /** 0…100 over the whole import */
  percent: z.number().int(),
  actor: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  /** succeeded: what was created, updated, left unchanged */
  result: ZLedgerImportResult.nullable(),
  /** rejected or failed: the error, with every problem of a rejected document */
  error: ZErrorResponse.extend({ problems: z.array(ZLedgerProblem).optional() }).nullable(),
});
export type TImportJob = z.infer<typeof ZImportJob>;
