/** Typed calls of the rule inputs (issue 15): 候选联系点, 书记职位, 半年工作报告 and 问题跟踪. */
import type {
  TActivitySummary,
  THalfYearReport,
  THalfYearReview,
  THalfYearSlots,
  TPointProposal,
  TPointProposalDecision,
  TPointProposalList,
  TPointProposalRequest,
  TProblemPass,
  TProblemQueue,
  TProblemText,
  TSecretaryPost,
  TSecretaryStart,
} from '@lianxin/contracts';
import { buildUrl, request } from './client.ts';

const enc = encodeURIComponent;
const halfBase = (orgId: string, year: number, half: number) =>
  `/organizations/${enc(orgId)}/half-year-reports/${year}/${half}`;

export const ruleInputsApi = {
  proposals: {
    at: (org: string) => request<TPointProposalList>('/point-proposals', { query: { org } }),
    propose: (body: TPointProposalRequest) =>
      request<TPointProposal>('/point-proposals', { method: 'POST', body }),
    decide: (id: string, body: TPointProposalDecision) =>
      request<TPointProposal>(`/point-proposals/${enc(id)}/decide`, { method: 'POST', body }),
  },
  secretary: {
    post: (orgId: string) => request<TSecretaryPost>(`/organizations/${enc(orgId)}/secretary-post`),
    start: (orgId: string, body: TSecretaryStart) =>
      request<TSecretaryPost>(`/organizations/${enc(orgId)}/secretary-post/terms`, { method: 'POST', body }),
    vacantSince: (orgId: string, from: string) =>
      request<TSecretaryPost>(`/organizations/${enc(orgId)}/secretary-post/vacancy`, {
        method: 'POST',
        body: { from },
      }),
    leave: (termId: string, to: string) =>
      request<TSecretaryPost>(`/secretary-terms/${enc(termId)}/leave`, { method: 'POST', body: { to } }),
  },
  halfYear: {
    slots: (orgId: string, year: number) =>
      request<THalfYearSlots>(`/organizations/${enc(orgId)}/half-year-reports/${year}`),
    save: (orgId: string, year: number, half: number, body: string) =>
      request<THalfYearReport>(halfBase(orgId, year, half), { method: 'PUT', body: { body } }),
    upload: (orgId: string, year: number, half: number, file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return request<THalfYearReport>(`${halfBase(orgId, year, half)}/file`, { method: 'PUT', form });
    },
    submit: (orgId: string, year: number, half: number) =>
      request<THalfYearReport>(`${halfBase(orgId, year, half)}/submit`, { method: 'POST' }),
    review: (id: string, body: THalfYearReview) =>
      request<THalfYearReport>(`/half-year-reports/${enc(id)}/review`, { method: 'POST', body }),
    fileUrl: (id: string) => buildUrl(`/half-year-reports/${enc(id)}/file`),
  },
  problems: {
    pass: (id: string, body: TProblemPass) =>
      request<TActivitySummary>(`/problems/${enc(id)}/pass`, { method: 'POST', body }),
    answer: (id: string, body: TProblemText) =>
      request<TActivitySummary>(`/problems/${enc(id)}/answer`, { method: 'POST', body }),
    reply: (id: string, body: TProblemText) =>
      request<TActivitySummary>(`/problems/${enc(id)}/reply`, { method: 'POST', body }),
    queue: (org: string) => request<TProblemQueue>('/problems/queue', { query: { org } }),
  },
};
