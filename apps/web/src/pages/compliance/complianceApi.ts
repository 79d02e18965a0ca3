/** The compliance calls of `/api/v1`: evaluation, the dashboard's figures, the records behind a number. */
import type {
  TComplianceAnswer,
  TComplianceCadres,
  TComplianceEvidenceQuery,
  TComplianceRecord,
  TComplianceRecords,
  TDashboard,
  TDashboardQuery,
  TResultsPage,
  TResultsQuery,
  TTrend,
} from '@lianxin/contracts';
import { request } from '../../api/client.ts';

export interface TEvaluationQuery {
  year: number;
  asOf?: string;
  org?: string;
}

// The records route answers at most this many ids a call.
const RECORDS_PER_CALL = 200;

/** Every item of a paged answer, `pageSize` a call (an export of what a table pages). */
export async function everyPage<T>(
  load: (page: number) => Promise<{ items: T[]; total: number }>,
  pageSize: number,
): Promise<T[]> {
  const first = await load(1);
  const items = [...first.items];
  for (let page = 2; (page - 1) * pageSize < first.total; page++) items.push(...(await load(page)).items);
  return items;
}

export const complianceApi = {
  evaluate: (q: TEvaluationQuery) => request<TComplianceAnswer>('/compliance', { query: { ...q } }),
  dashboard: (q: TDashboardQuery) => request<TDashboard>('/compliance/dashboard', { query: { ...q } }),
  trend: (q: TEvaluationQuery) => request<TTrend>('/compliance/trend', { query: { ...q } }),
  results: (q: TResultsQuery) => request<TResultsPage>('/compliance/results', { query: { ...q } }),
  /** one subject's results with the records behind them */
  evidence: (q: TComplianceEvidenceQuery) =>
    request<TComplianceAnswer>('/compliance/evidence', { query: { ...q } }),
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
