import crypto from 'node:crypto';
import type { TSession } from '@lianxin/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../access/index.ts';
import { AppError } from '../errors.ts';
import type { Platform } from '../platform.ts';
import { resolveSession } from './auth.service.ts';

export const SESSION_COOKIE = 'lx_session';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** public: no session; pending: allowed before a forced password change or TOTP enrolment */
    auth?: 'public' | 'pending';
  }
  interface FastifyRequest {
    actor: Actor;
    session: TSession;
    sessionToken: string;
  }
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameToken(given: unknown, expected: string): boolean {
  if (typeof given !== 'string' || given.length !== expected.length) return false;
  return crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

/** Every /api route needs a live session unless it says otherwise; mutations need the CSRF token. */
export function installAuthHook(app: FastifyInstance, p: Platform) {
  // onRequest: a caller without a session is turned away before any body is read (ledgers may be 100 MB)
  app.addHook('onRequest', async (request: FastifyRequest) => {
    if (!request.url.startsWith('/api/')) return;
    const mode = request.routeOptions.config?.auth;
    if (mode === 'public') return;
    const token = request.cookies[SESSION_COOKIE];
    const resolved = token ? await resolveSession(p, token, request.ip) : null;
    if (!token || !resolved) {
      throw new AppError(
        'unauthenticated',
        'Not signed in or session expired',
        '未登录或登录已超时，请重新登录',
      );
    }
    if (
      MUTATING.has(request.method) &&
      !sameToken(request.headers['x-csrf-token'], resolved.session.csrfToken)
    ) {
      throw new AppError('csrf', 'Missing or wrong CSRF token', '请求校验失败，请刷新页面后重试');
    }
    if (mode !== 'pending') {
      if (resolved.session.mustChangePassword) {
        throw new AppError('password_change_required', 'Change your password first', '请先修改初始密码');
      }
      if (resolved.session.mustEnrolTotp) {
        throw new AppError(
          'totp_enrolment_required',
          'Enrol a TOTP second factor first',
          '管理员账号须先启用动态验证码',
        );
      }
    }
    request.actor = resolved.actor;
    request.session = resolved.session;
    request.sessionToken = token;
  });
}
