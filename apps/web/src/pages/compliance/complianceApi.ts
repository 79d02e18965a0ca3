/** The compliance calls of `/api/v1`: evaluation, the records behind a number, a subtree's cadres. */
import type {
  TComplianceAnswer,
  TComplianceCadres,
  TComplianceRecord,
  TComplianceRecords,
} from '@lianxin/contracts';
import { request } from '../../api/client.ts';

export interface TEvaluationQuery {
  year: number;
  asOf?: string;
  org?: string;
}

// The records route answers at most this many ids a call.
const RECORDS_PER_CALL = 200;

export const complianceApi = {
  evaluate: (q: TEvaluationQuery) => request<TComplianceAnswer>('/compliance', { query: { ...q } }),
  cadres: (org?: string) => request<TComplianceCadres>('/compliance/cadres', { query: { org } }),
  /** The records behind ids, in calls of 200; unknown and unreadable ids come back withheld. */
  async records(ids: readonly string[]): Promise<TComplianceRecords> {
    const items: TComplianceRecord[] = [];
    const withheld: string[] = [];
    for (let i = 0; i < ids.length; i += RECORDS_PER_CALL) {
      const part = await request<TComplianceRecords>('/compliance/records', {
        method: 'POST',
        body: { ids: ids.slice(i, i + RECORDS_PER_CALL) },
      });
      items.push(...part.items);
      withheld.push(...part.withheld);
    }
    return { items, withheld };
  },
};
