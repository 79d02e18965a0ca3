/** Typed calls of 典型案例 (publish on the showcase) and of 活跃度 / 满意度. */
import type { TCaseList, TOrgEngagement, TPublishCaseRequest, TPublishedCase } from '@lianxin/contracts';
import { request } from './client.ts';

const publication = (id: string) => `/cases/${encodeURIComponent(id)}/publication`;

export const showcaseApi = {
  cases: (orgId: string) => request<TCaseList>('/cases', { query: { org: orgId } }),
  publish: (id: string, body: TPublishCaseRequest) =>
    request<TPublishedCase>(publication(id), { method: 'PUT', body }),
  unpublish: (id: string) => request<{ ok: true }>(publication(id), { method: 'DELETE' }),
  /** the public page anyone opens, no login */
  pageUrl: (orgId: string) => `${window.location.origin}/s/${encodeURIComponent(orgId)}`,
  engagement: (orgId: string, year: number, month: number) =>
    request<TOrgEngagement>(`/organizations/${encodeURIComponent(orgId)}/engagement`, {
      query: { year, month },
    }),
};
