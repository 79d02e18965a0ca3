/** Typed calls of the annual cycle (任务清单 … 年底考核) and the links of its generated forms. */
import type {
  TAssessment,
  TFilingRoster,
  TGrade,
  TMaterialPack,
  TOrgAssessment,
  TOrgAssessmentFigures,
  TOrgGradesRequest,
  TRecommendation,
  TRecommendationList,
  TReminders,
  TResearch,
  TSelfCheck,
  TSelfCheckContent,
  TSpotCheck,
  TTalkList,
  TTaskList,
  TTaskListContent,
} from '@lianxin/contracts';
import { buildUrl, request } from './client.ts';

const cadreBase = (year: number, cadreId: string) => `/annual/${year}/cadres/${encodeURIComponent(cadreId)}`;
const assessmentBase = (id: string) => `/assessments/${encodeURIComponent(id)}`;

export const annualApi = {
  taskList: {
    get: (year: number, cadreId: string) => request<TTaskList>(`${cadreBase(year, cadreId)}/task-list`),
    save: (year: number, cadreId: string, body: TTaskListContent) =>
      request<TTaskList>(`${cadreBase(year, cadreId)}/task-list`, { method: 'PUT', body }),
    submit: (year: number, cadreId: string) =>
      request<{ ok: true }>(`${cadreBase(year, cadreId)}/task-list/submit`, { method: 'POST' }),
    review: (year: number, cadreId: string, body: { decision: 'accept' | 'return'; comment?: string }) =>
      request<{ ok: true }>(`${cadreBase(year, cadreId)}/task-list/review`, { method: 'POST', body }),
  },
  selfCheck: {
    get: (year: number, cadreId: string) => request<TSelfCheck>(`${cadreBase(year, cadreId)}/self-check`),
    draft: (year: number, cadreId: string) =>
      request<TSelfCheckContent>(`${cadreBase(year, cadreId)}/self-check/draft`),
    save: (year: number, cadreId: string, text: string) =>
      request<TSelfCheck>(`${cadreBase(year, cadreId)}/self-check`, { method: 'PUT', body: { text } }),
    submit: (year: number, cadreId: string) =>
      request<{ ok: true }>(`${cadreBase(year, cadreId)}/self-check/submit`, { method: 'POST' }),
  },
  research: {
    get: (year: number, cadreId: string) => request<TResearch>(`${cadreBase(year, cadreId)}/research`),
    /** Logged as a research_report activity; its file is uploaded as that activity's attachment. */
    submit: (year: number, cadreId: string, body: { title: string; text: string }) =>
      request<TResearch>(`${cadreBase(year, cadreId)}/research/report`, { method: 'POST', body }),
  },
  recommendations: {
    list: (year: number, org: string) =>
      request<TRecommendationList>(`/annual/${year}/recommendations`, { query: { org } }),
    recommend: (year: number, body: { orgId: string; department?: string; activityId: string }) =>
      request<TRecommendation>(`/annual/${year}/recommendations`, { method: 'POST', body }),
    score: (id: string, score: number) =>
      request<TRecommendation>(`/annual/recommendations/${encodeURIComponent(id)}/score`, {
        method: 'PUT',
        body: { score },
      }),
  },
  roster: (year: number, org: string, kind: 'task_list' | 'midyear_report') =>
    request<TFilingRoster>(`/annual/${year}/filings`, { query: { org, kind } }),
  reminders: (year: number) => request<TReminders>(`/annual/${year}/reminders`),
  /** 下级组织考核: the organization grades its lower organizations (seed 003 三.2). */
  orgAssessments: {
    list: (year: number, org: string) =>
      request<{ items: TOrgAssessment[] }>(`/annual/${year}/org-assessments`, { query: { org } }),
    create: (year: number, orgId: string) =>
      request<TOrgAssessment>(`/annual/${year}/org-assessments`, { method: 'POST', body: { orgId } }),
    grade: (id: string, grades: TOrgGradesRequest['grades']) =>
      request<TOrgAssessment>(`/org-assessments/${encodeURIComponent(id)}/grades`, {
        method: 'PUT',
        body: { grades },
      }),
    publish: (id: string) =>
      request<TOrgAssessment>(`/org-assessments/${encodeURIComponent(id)}/publish`, { method: 'POST' }),
    figures: (id: string) =>
      request<TOrgAssessmentFigures>(`/org-assessments/${encodeURIComponent(id)}/figures`),
  },
  assessments: {
    list: (year: number, org: string) =>
      request<{ items: TAssessment[] }>(`/annual/${year}/assessments`, { query: { org } }),
    create: (year: number, body: { orgId: string; department?: string; sampleSize?: number }) =>
      request<TAssessment>(`/annual/${year}/assessments`, { method: 'POST', body }),
    grade: (id: string, grades: { cadreId: string; grade: TGrade | null }[]) =>
      request<TAssessment>(`${assessmentBase(id)}/grades`, { method: 'PUT', body: { grades } }),
    drawSpotChecks: (id: string, cadreId: string) =>
      request<TSpotCheck[]>(`${assessmentBase(id)}/spot-checks`, { method: 'POST', body: { cadreId } }),
    /** The checker's result of one drawn contact (电话/网络抽查). */
    recordSpotCheck: (
      checkId: string,
      body: { confirmed: boolean; channel: 'phone' | 'online'; note?: string },
    ) => request<TSpotCheck>(`/spot-checks/${encodeURIComponent(checkId)}`, { method: 'PUT', body }),
    /** 互检互评: one reviewer's scores of the others in the unit. */
    reviews: (id: string, reviews: { reviewerId: string; cadreId: string; score: number }[]) =>
      request<TAssessment>(`${assessmentBase(id)}/reviews`, { method: 'PUT', body: { reviews } }),
    pack: (id: string, cadreId: string) =>
      request<TMaterialPack>(`${assessmentBase(id)}/cadres/${encodeURIComponent(cadreId)}/pack`),
    recordTalk: (id: string, cadreId: string, heldOn: string) =>
      request<TAssessment>(`${assessmentBase(id)}/talks`, { method: 'POST', body: { cadreId, heldOn } }),
    talks: (year: number, org: string) => request<TTalkList>(`/annual/${year}/talks`, { query: { org } }),
    publish: (id: string) => request<TAssessment>(`${assessmentBase(id)}/publish`, { method: 'POST' }),
    unlock: (id: string, reason: string) =>
      request<TAssessment>(`${assessmentBase(id)}/unlock`, { method: 'POST', body: { reason } }),
  },
  forms: {
    taskList: (year: number, cadreId: string) =>
      buildUrl(`/annual/${year}/forms/task-list/${encodeURIComponent(cadreId)}`),
    summary: (year: number, org: string, department?: string) =>
      buildUrl(`/annual/${year}/forms/summary`, { org, department }),
    registration: (year: number, org: string) =>
      buildUrl(`/annual/${year}/forms/point-registration`, { org }),
    admins: (org: string) => buildUrl('/forms/admins', { org }),
    archive: (year: number, cadreId: string) =>
      buildUrl(`/annual/${year}/forms/archive/${encodeURIComponent(cadreId)}`),
    pointLedger: (pointId: string) => buildUrl(`/forms/point-ledger/${encodeURIComponent(pointId)}`),
  },
};

/** The year the cycle is in, in China time. */
export const currentYear = () => Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
