/**
 * The public pages' calls: no session, no CSRF token, `/api/public` only. The admin app's client
 * is not imported, so this entry loads none of its code.
 */
import type {
  TCardMessageFollow,
  TErrorResponse,
  TOpenDaySignupRequest,
  TPublicCard,
  TPublicOpenDay,
  TShowcase,
} from '@lianxin/contracts';

export class PublicError extends Error {
  constructor(
    readonly status: number,
    readonly messageZh: string,
  ) {
    super(messageZh);
  }
}

/** What to tell the visitor about a failure, in Chinese. */
export const say = (e: unknown) => (e instanceof PublicError ? e.messageZh : '网络异常，请稍后再试');

async function call<T>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(`/api/public${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = (await res.json().catch(() => null)) as T | TErrorResponse | null;
  if (!res.ok) {
    const error = (data as TErrorResponse | null)?.error;
    const field = error?.details?.[0]?.message.split(' / ')[0];
    throw new PublicError(
      res.status,
      [error?.messageZh ?? '网络异常，请稍后再试', field].filter(Boolean).join('：'),
    );
  }
  return data as T;
}

const card = (token: string) => `/cards/${encodeURIComponent(token)}`;

export const publicApi = {
  card: (token: string) => call<TPublicCard>(card(token)),
  leave: (
    token: string,
    body: { kind: 'message' | 'problem'; text: string; caller?: string; phone?: string },
  ) => call<{ code: string }>(`${card(token)}/messages`, body),
  follow: (token: string, code: string) => call<TCardMessageFollow>(`${card(token)}/follow`, { code }),
  rate: (token: string, body: { score: number; comment?: string; code?: string }) =>
    call<{ ok: true }>(`${card(token)}/ratings`, body),
  openDay: (id: string) => call<TPublicOpenDay>(`/open-days/${encodeURIComponent(id)}`),
  signUp: (id: string, body: TOpenDaySignupRequest) =>
    call<{ ok: true }>(`/open-days/${encodeURIComponent(id)}/signups`, body),
  showcase: (orgId: string) => call<TShowcase>(`/showcase/${encodeURIComponent(orgId)}`),
};
