/** Typed calls of the `/api/v1` endpoints, all through `request`. */
import type {
  TAccount,
  TActivityDetail,
  TActivitySummary,
  TAddKeeperRequest,
  TAttachment,
  TBulletin,
  TBulletinQuery,
  TBulletinSettings,
  TCadre,
  TCadreInput,
  TCard,
  TCardFeedback,
  TCardMessage,
  TCardSettings,
  TConductRecord,
  TConductRecordList,
  TContact,
  TContactList,
  TContactPoint,
  TContactReveal,
  TCreateAccountRequest,
  TCreateActivityRequest,
  TCreateConductRecord,
  TCreateContactPointRequest,
  TCreateContactRequest,
  TCreateOpenDayRequest,
  TCreateOrganizationRequest,
  TFactBook,
  TFactBookSection,
  TImportJob,
  TImportResult,
  TKeeperRequestCreate,
  TKeeperRequestReceipt,
  TOpenDay,
  TOpenDayRoster,
  TOpenDaySignup,
  TOrganization,
  TOrgLevel,
  TOverContacted,
  TPointLedger,
  TPresetAdoption,
  TProblemQueue,
  TProblemStatus,
  TRankingSwitches,
  TRotateContactPointRequest,
  TSession,
  TUpdateActivityRequest,
  TUpdateContactRequest,
  TUpdateOrganizationRequest,
} from '@lianxin/contracts';
import { API_BASE, ApiError, buildUrl, request, setCsrfToken } from './client.ts';

export interface TPaged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface TPageQuery {
  page: number;
  pageSize: number;
}

export interface TOrgPathItem {
  id: string;
  name: string;
  level: TOrgLevel;
}

export type TOrganizationDetail = TOrganization & { path: TOrgPathItem[] };

export interface TAuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  objectType: string | null;
  objectId: string | null;
  /** the object's Chinese name (a youth's masked); null when gone or not readable */
  objectName: string | null;
  ip: string | null;
  result: string;
}

export type TImportKind = 'cadres' | 'organizations' | 'contacts';

/** A PATCH of a cadre: every field optional; `active` retires or restores the record. */
export type TUpdateCadre = Partial<TCadreInput> & { active?: boolean };

export interface TUpdateAccount {
  disabled?: boolean;
  unlock?: true;
  resetPassword?: string;
}

function keepSession(session: TSession): TSession {
  setCsrfToken(session.csrfToken);
  return session;
}

export const api = {
  auth: {
    login: async (body: { username: string; password: string; totp?: string }) =>
      keepSession(await request<TSession>('/auth/login', { method: 'POST', body, quiet: true })),
    logout: async () => {
      try {
        await request<{ ok: true }>('/auth/logout', { method: 'POST', body: {}, quiet: true });
      } finally {
        setCsrfToken(null);
      }
    },
    /** The current session, or null when there is none (401). */
    session: async (): Promise<TSession | null> => {
      try {
        return keepSession(await request<TSession>('/auth/session', { quiet: true }));
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    changePassword: async (body: { currentPassword: string; newPassword: string }) =>
      keepSession(await request<TSession>('/auth/password', { method: 'POST', body, quiet: true })),
    totpSetup: () =>
      request<{ secret: string; uri: string }>('/auth/totp/setup', { method: 'POST', body: {}, quiet: true }),
    totpEnable: async (code: string) =>
      keepSession(
        await request<TSession>('/auth/totp/enable', { method: 'POST', body: { code }, quiet: true }),
      ),
  },

  orgs: {
    /** Children of `parent`; without it, the caller's scope roots. */
    children: (parent?: string, includeClosed = false) =>
      request<{ items: TOrganization[] }>('/organizations', {
        // only sent when true, to keep URLs short
        query: { parent, includeClosed: includeClosed ? 'true' : undefined },
      }),
    search: (q: string) => request<{ items: TOrganization[] }>('/organizations', { query: { q } }),
    get: (id: string) => request<TOrganizationDetail>(`/organizations/${encodeURIComponent(id)}`),
    create: (body: TCreateOrganizationRequest) =>
      request<TOrganization>('/organizations', { method: 'POST', body }),
    update: (id: string, body: TUpdateOrganizationRequest) =>
      request<TOrganization>(`/organizations/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
    close: (id: string, closedOn: string) =>
      request<TOrganization>(`/organizations/${encodeURIComponent(id)}/close`, {
        method: 'POST',
        body: { closedOn },
      }),
  },

  cadres: {
    list: (query: TPageQuery & { org?: string; q?: string }) =>
      request<TPaged<TCadre>>('/cadres', { query: { ...query } }),
    get: (id: string) => request<TCadre>(`/cadres/${encodeURIComponent(id)}`),
    create: (body: TCadreInput) => request<TCadre>('/cadres', { method: 'POST', body }),
    update: (id: string, body: TUpdateCadre) =>
      request<TCadre>(`/cadres/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
    /** 表彰与处理 */
    conduct: (id: string) => request<TConductRecordList>(`/cadres/${encodeURIComponent(id)}/conduct-records`),
    recordConduct: (id: string, body: TCreateConductRecord) =>
      request<TConductRecord>(`/cadres/${encodeURIComponent(id)}/conduct-records`, { method: 'POST', body }),
    correctConduct: (id: string, recordId: string, body: TCreateConductRecord) =>
      request<TConductRecord>(
        `/cadres/${encodeURIComponent(id)}/conduct-records/${encodeURIComponent(recordId)}`,
        { method: 'PUT', body },
      ),
    withdrawConduct: (id: string, recordId: string) =>
      request<{ ok: true }>(
        `/cadres/${encodeURIComponent(id)}/conduct-records/${encodeURIComponent(recordId)}`,
        {
          method: 'DELETE',
        },
      ),
  },

  accounts: {
    list: (query: TPageQuery & { org?: string }) =>
      request<TPaged<TAccount>>('/accounts', { query: { ...query } }),
    create: (body: TCreateAccountRequest) => request<TAccount>('/accounts', { method: 'POST', body }),
    update: (id: string, body: TUpdateAccount) =>
      request<TAccount>(`/accounts/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
  },

  ledgerImports: {
    /** Starts importing a lianxin-ledger/1 file as a job; its progress is read with `get`. */
    start: (file: Blob) => request<TImportJob>('/ledger/imports', { method: 'POST', json: file }),
    get: (id: string) => request<TImportJob>(`/ledger/imports/${encodeURIComponent(id)}`),
  },

  imports: {
    templateUrl: (kind: TImportKind) => buildUrl(`/imports/${kind}/template`),
    /**
     * Preview (`commit` false) or write (`commit` true) a spreadsheet. `target`: the organization
     * receiving grassroots organizations (`parent`), or the cadre whose list receives contacts
     * (`cadre`, the caller's own when absent).
     */
    upload: async (
      kind: TImportKind,
      file: File,
      commit: boolean,
      target: { parent?: string; cadre?: string } = {},
    ): Promise<TImportResult> => {
      const form = new FormData();
      form.append('file', file, file.name);
      try {
        return await request<TImportResult>(`/imports/${kind}`, {
          method: 'POST',
          form,
          query: { commit: commit ? 'true' : 'false', ...target },
        });
      } catch (error) {
        // A rejected sheet may come back as 4xx with the result in the body: show it like a preview.
        if (error instanceof ApiError && isImportResult(error.body)) return error.body;
        throw error;
      }
    },
  },

  contacts: {
    /** A cadre's "100" (the caller's own when `cadre` is absent), with the 1+100 progress. */
    list: (query: Partial<TPageQuery> & { cadre?: string; q?: string }) =>
      request<TContactList>('/contacts', { query: { ...query } }),
    get: (id: string) => request<TContact>(`/contacts/${encodeURIComponent(id)}`),
    create: (body: TCreateContactRequest) => request<TContact>('/contacts', { method: 'POST', body }),
    update: (id: string, body: TUpdateContactRequest) =>
      request<TContact>(`/contacts/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
    /** A person recorded elsewhere (decision 26): ask an admin to let me keep them too. */
    requestKeeping: (body: TKeeperRequestCreate) =>
      request<TKeeperRequestReceipt>('/keeper-requests', { method: 'POST', body }),
    /** The merge offered on a duplicate: keep an existing person in my list too. */
    addKeeper: (id: string, body: TAddKeeperRequest = {}) =>
      request<TContact>(`/contacts/${encodeURIComponent(id)}/keepers`, { method: 'POST', body }),
    /** mz2016.no_over_contact: people kept by 3 or more cadres of the organization's subtree. */
    overContacted: (org: string) => request<TOverContacted>('/contacts/over-contacted', { query: { org } }),
    /** The phone and other personal data in clear; audited with the reason. */
    reveal: (id: string, reason: string) =>
      request<TContactReveal>(`/contacts/${encodeURIComponent(id)}/reveal`, {
        method: 'POST',
        body: { reason },
      }),
  },

  points: {
    list: (query: { cadre?: string; org?: string }) =>
      request<{ items: TContactPoint[] }>('/contact-points', { query: { ...query } }),
    /** Every tenure at the organizations under `orgId`, at any depth, one page at a time. */
    under: (orgId: string, query: TPageQuery) =>
      request<TPaged<TContactPoint>>(`/organizations/${encodeURIComponent(orgId)}/contact-points`, {
        query: { ...query },
      }),
    get: (id: string) => request<TContactPoint>(`/contact-points/${encodeURIComponent(id)}`),
    create: (body: TCreateContactPointRequest) =>
      request<TContactPoint>('/contact-points', { method: 'POST', body }),
    end: (id: string, to: string) =>
      request<TContactPoint>(`/contact-points/${encodeURIComponent(id)}/end`, {
        method: 'POST',
        body: { to },
      }),
    rotate: (id: string, body: TRotateContactPointRequest) =>
      request<{ predecessor: TContactPoint; successor: TContactPoint }>(
        `/contact-points/${encodeURIComponent(id)}/rotate`,
        { method: 'POST', body },
      ),
    ledger: (id: string) => request<TPointLedger>(`/contact-points/${encodeURIComponent(id)}/ledger`),
    factBook: (id: string) => request<TFactBook>(`/contact-points/${encodeURIComponent(id)}/fact-book`),
    writeFactBook: (id: string, body: { section: TFactBookSection; text: string }) =>
      request<TFactBook>(`/contact-points/${encodeURIComponent(id)}/fact-book`, { method: 'PUT', body }),
  },

  cards: {
    /** 联系名片 of a cadre (null before it is first saved) */
    ofCadre: (cadreId: string) => request<TCard | null>(`/cadres/${encodeURIComponent(cadreId)}/card`),
    saveForCadre: (cadreId: string, body: Partial<TCardSettings>) =>
      request<TCard>(`/cadres/${encodeURIComponent(cadreId)}/card`, { method: 'PUT', body }),
    posterUrl: (cardId: string, format: 'png' | 'pdf') =>
      `${API_BASE}/cards/${encodeURIComponent(cardId)}/poster.${format}`,
    /** 满意度 from the youths' ratings, and the card messages answered */
    feedback: (cadreId: string) =>
      request<TCardFeedback>(`/cadres/${encodeURIComponent(cadreId)}/card-feedback`),
    messageOfProblem: (problemId: string) =>
      request<TCardMessage>(`/problems/${encodeURIComponent(problemId)}/card-message`),
    reply: (messageId: string, reply: string) =>
      request<TCardMessage>(`/card-messages/${encodeURIComponent(messageId)}/reply`, {
        method: 'POST',
        body: { reply },
      }),
  },

  bulletins: {
    /** 通报 of a level for a month, quarter or half year */
    get: (orgId: string, q: TBulletinQuery) =>
      request<TBulletin>(`/organizations/${encodeURIComponent(orgId)}/bulletin`, { query: { ...q } }),
    docxUrl: (orgId: string, q: TBulletinQuery) =>
      buildUrl(`/organizations/${encodeURIComponent(orgId)}/bulletin.docx`, { ...q }),
    settings: (orgId: string) =>
      request<TBulletinSettings>(`/organizations/${encodeURIComponent(orgId)}/bulletin-settings`),
    saveSettings: (orgId: string, body: TRankingSwitches) =>
      request<TBulletinSettings>(`/organizations/${encodeURIComponent(orgId)}/bulletin-settings`, {
        method: 'PUT',
        body,
      }),
    /** The presets in force at a level: the level adopts presets when one of them is its own. */
    presets: (orgId: string) =>
      request<{ items: TPresetAdoption[] }>(`/organizations/${encodeURIComponent(orgId)}/presets`),
  },

  openDays: {
    list: (org: string) => request<{ items: TOpenDay[] }>('/open-days', { query: { org } }),
    create: (body: TCreateOpenDayRequest) => request<TOpenDay>('/open-days', { method: 'POST', body }),
    roster: (id: string) => request<TOpenDayRoster>(`/open-days/${encodeURIComponent(id)}/roster`),
    checkIn: (id: string, signupId: string) =>
      request<TOpenDaySignup>(
        `/open-days/${encodeURIComponent(id)}/signups/${encodeURIComponent(signupId)}/check-in`,
        { method: 'POST', body: {} },
      ),
    /** An attendee who consented, into a cadre's contacts (the caller's own cadre when none is named). */
    take: (id: string, signupId: string, cadreId?: string) =>
      request<TContact>(`/open-days/${encodeURIComponent(id)}/signups/${encodeURIComponent(signupId)}/take`, {
        method: 'POST',
        body: cadreId ? { cadreId } : {},
      }),
  },

  activities: {
    create: (body: TCreateActivityRequest) =>
      request<TActivityDetail>('/activities', { method: 'POST', body }),
    /** A timeline, newest first: one cadre's (the caller's when nothing is named), a point's or a contact's. */
    list: (query: Partial<TPageQuery> & { cadre?: string; point?: string; contact?: string }) =>
      request<TPaged<TActivitySummary>>('/activities', { query: { ...query } }),
    get: (id: string) => request<TActivityDetail>(`/activities/${encodeURIComponent(id)}`),
    update: (id: string, body: TUpdateActivityRequest) =>
      request<TActivityDetail>(`/activities/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
    remove: (id: string) =>
      request<{ ok: true }>(`/activities/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    problems: (query: Partial<TPageQuery> & { cadre?: string; org?: string; status?: TProblemStatus }) =>
      request<TPaged<TActivitySummary>>('/problems', { query: { ...query } }),
    /** problems passed up to `org` and waiting for its answer, and the overdue ones below it */
    problemQueue: (org: string) => request<TProblemQueue>('/problems/queue', { query: { org } }),
    upload: (id: string, file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return request<TAttachment>(`/activities/${encodeURIComponent(id)}/attachments`, {
        method: 'POST',
        form,
      });
    },
    attachmentUrl: (id: string) => buildUrl(`/attachments/${encodeURIComponent(id)}`),
  },

  audit: {
    list: (query: TPageQuery) => request<TPaged<TAuditRow>>('/audit', { query: { ...query } }),
  },
};

function isImportResult(body: unknown): body is TImportResult {
  return typeof body === 'object' && body !== null && 'errors' in body && 'rows' in body && 'ok' in body;
}
