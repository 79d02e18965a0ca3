/**
 * The one HTTP client of the web app: JSON in and out, the session cookie, the CSRF header, and
 * the error envelope `{ error: { code, message, messageZh, details } }` turned into `ApiError`.
 * Typed endpoint functions live in `endpoints.ts` and call `request` only.
 */
import type { TErrorCode, TErrorResponse } from '@lianxin/contracts';

export const API_BASE = '/api/v1';

type TErrorDetail = NonNullable<TErrorResponse['error']['details']>[number];

export class ApiError extends Error {
  readonly status: number;
  readonly code: TErrorCode;
  readonly messageZh: string;
  readonly details: TErrorDetail[];
  /** The parsed body, for answers that carry data besides the error (e.g. an import preview). */
  readonly body: unknown;

  constructor(
    status: number,
    code: TErrorCode,
    message: string,
    messageZh: string,
    details: TErrorDetail[] = [],
    body?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.messageZh = messageZh;
    this.details = details;
    this.body = body;
  }
}

/** The codes that send the user somewhere else, whatever page asked. */
export type TAuthFailure = 'unauthenticated' | 'password_change_required' | 'totp_enrolment_required';

let csrfToken: string | null = null;
let onAuthFailure: ((code: TAuthFailure) => void) | null = null;

/** Kept in memory only: set from the login answer or `GET /auth/session`, cleared at logout. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setAuthFailureHandler(handler: ((code: TAuthFailure) => void) | null): void {
  onAuthFailure = handler;
}

export type TQuery = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: TQuery;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as multipart/form-data (the browser sets the boundary). */
  form?: FormData;
  /** A JSON document sent as it is (a chosen file: not parsed and written again in the browser). */
  json?: Blob;
  /** Do not redirect on 401/403 auth codes: the caller handles them (login, session probe). */
  quiet?: boolean;
}

export function buildUrl(path: string, query?: TQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

function isErrorResponse(body: unknown): body is TErrorResponse {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error;
}

const authFailures: readonly string[] = [
  'unauthenticated',
  'password_change_required',
  'totp_enrolment_required',
];

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method =
    options.method ?? (options.body !== undefined || options.form || options.json ? 'POST' : 'GET');
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.form) {
    body = options.form;
  } else if (options.json) {
    headers['content-type'] = 'application/json';
    body = options.json;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'unavailable', 'network error', '无法连接服务器，请检查网络后重试');
  }

  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }

  if (response.ok) return parsed as T;

  if (isErrorResponse(parsed)) {
    const { code, message, messageZh, details } = parsed.error;
    const error = new ApiError(response.status, code, message, messageZh, details ?? [], parsed);
    if (!options.quiet && authFailures.includes(code)) onAuthFailure?.(code as TAuthFailure);
    throw error;
  }
  const fallbackCode: TErrorCode =
    response.status === 401 ? 'unauthenticated' : response.status >= 500 ? 'internal' : 'bad_request';
  throw new ApiError(
    response.status,
    fallbackCode,
    `HTTP ${response.status}`,
    `服务器返回错误（HTTP ${response.status}），请稍后重试`,
    [],
    parsed,
  );
}
