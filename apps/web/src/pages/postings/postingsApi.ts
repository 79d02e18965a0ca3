/** The postings calls of `/api/v1` (issue 6): programs, the plan, postings, leave, reports, "4+1". */
import type {
  TCreatePostingProgramRequest,
  TDeliverableKey,
  TDeliverableList,
  TFourPlusOne,
  TLeave,
  TLeaveRequest,
  TMoveCadreRequest,
  TMyProgramPreferences,
  TPosting,
  TPostingGroupPage,
  TPostingPlanView,
  TPostingPreferences,
  TPostingProgram,
  TPostingReport,
  TProgramSuggestion,
} from '@lianxin/contracts';
import { request } from '../../api/client.ts';

export interface TTarget {
  id: string;
  name: string;
  prefecture: string;
  prefectureName: string;
}

const enc = encodeURIComponent;

export const postingsApi = {
  programs: () => request<{ items: TPostingProgram[] }>('/posting-programs'),
  program: (id: string) => request<TPostingProgram>(`/posting-programs/${enc(id)}`),
  createProgram: (body: TCreatePostingProgramRequest) =>
    request<TPostingProgram>('/posting-programs', { method: 'POST', body }),
  /** the kinds `org` may run, each with batches its own organ cadres can fill */
  suggestions: (org: string) =>
    request<{ items: TProgramSuggestion[] }>('/posting-programs/suggestions', { query: { org } }),
  myPreferences: () => request<{ items: TMyProgramPreferences[] }>('/posting-preferences'),
  setPreferences: (programId: string, cadre: string, body: TPostingPreferences) =>
    request<TPostingPreferences>(`/posting-programs/${enc(programId)}/cadres/${enc(cadre)}/preferences`, {
      method: 'PUT',
      body,
    }),
  targets: (id: string) => request<{ items: TTarget[] }>(`/posting-programs/${enc(id)}/targets`),
  plan: (programId: string) => request<TPostingPlanView>(`/posting-programs/${enc(programId)}/plan`),
  generate: (programId: string) =>
    request<TPostingPlanView>(`/posting-programs/${enc(programId)}/plan`, { method: 'POST' }),
  move: (planId: string, cadre: string, body: TMoveCadreRequest) =>
    request<TPostingPlanView>(`/posting-plans/${enc(planId)}/cadres/${enc(cadre)}`, {
      method: 'PATCH',
      body,
    }),
  publish: (planId: string) =>
    request<TPostingPlanView>(`/posting-plans/${enc(planId)}/publish`, { method: 'POST' }),
  postings: (query: { program?: string; cadre?: string } = {}) =>
    request<{ items: TPosting[] }>('/postings', { query }),
  posting: (id: string) => request<TPosting>(`/postings/${enc(id)}`),
  requestLeave: (postingId: string, body: TLeaveRequest) =>
    request<TLeave>(`/postings/${enc(postingId)}/leaves`, { method: 'POST', body }),
  leaves: (postingId: string) => request<{ items: TLeave[] }>(`/postings/${enc(postingId)}/leaves`),
  decideLeave: (leaveId: string, approve: boolean) =>
    request<TLeave>(`/posting-leaves/${enc(leaveId)}/decision`, { method: 'POST', body: { approve } }),
  summary: (postingId: string) => request<TPostingReport>(`/postings/${enc(postingId)}/summary`),
  saveSummary: (postingId: string, body: string, submit: boolean) =>
    request<TPostingReport>(`/postings/${enc(postingId)}/summary`, {
      method: 'POST',
      body: { body, submit },
    }),
  deliverables: (postingId: string) => request<TDeliverableList>(`/postings/${enc(postingId)}/deliverables`),
  markDeliverable: (postingId: string, key: TDeliverableKey, done: boolean) =>
    request<TDeliverableList>(`/postings/${enc(postingId)}/deliverables/${key}`, {
      method: 'PUT',
      body: { done },
    }),
  group: (id: string) => request<TPostingGroupPage>(`/posting-groups/${enc(id)}`),
  saveGroupReport: (id: string, body: string, submit: boolean) =>
    request<TPostingReport>(`/posting-groups/${enc(id)}/report`, { method: 'POST', body: { body, submit } }),
  fourPlusOne: (county: string, weeks = 8) =>
    request<TFourPlusOne>('/four-plus-one', { query: { county, weeks } }),
};

export const kindLabels = {
  cyl2015: '常态化下沉基层（中央、省级机关）',
  mz2016: '“8+4”（县级团委）',
} as const;
export const leaveStatusLabels = { pending: '待审批', approved: '已批准', refused: '未批准' } as const;
