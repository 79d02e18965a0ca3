import type { TLedgerProblem } from '@lianxin/contracts';

/** One problem of a rejected document, named by collection, record id and field. */
export const problem = (
  collection: string,
  id: string | null,
  field: string,
  messageZh: string,
  message: string,
): TLedgerProblem => ({ collection, id, field, message, messageZh });
