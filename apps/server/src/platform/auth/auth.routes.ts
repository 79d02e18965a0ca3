import {
  ZChangePasswordRequest,
  ZErrorResponse,
  ZLoginRequest,
  ZOk,
  ZSession,
  ZTotpEnableRequest,
  ZTotpSetupResponse,
} from '@lianxin/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { findAccountById } from '../../modules/accounts/accounts.repo.ts';
import { AppError } from '../errors.ts';
import type { Platform } from '../platform.ts';
import { SESSION_COOKIE } from './auth.hook.ts';
import { changePassword, enableTotp, login, logout, sessionDto, setupTotp } from './auth.service.ts';

const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse };

export function authRoutes(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    const cookieOptions = {
      httpOnly: true,
      secure: p.config.cookieSecure,
      sameSite: 'strict',
      path: '/',
    } as const;
    const tags = ['auth'];
    const currentSession = async (request: FastifyRequest) => {
      const row = await findAccountById(p.db, request.actor.accountId ?? '');
      if (!row) throw new AppError('unauthenticated', 'Account gone', '账号不存在');
      return sessionDto(p, row, request.session.csrfToken);
    };

    app.post(
      '/auth/login',
      {
        config: { auth: 'public' },
        schema: { tags, body: ZLoginRequest, response: { 200: ZSession, ...errors } },
      },
      async (request, reply) => {
        const { token, session } = await login(p, request.body, request.ip, request.cookies[SESSION_COOKIE]);
        reply.setCookie(SESSION_COOKIE, token, cookieOptions);
        return session;
      },
    );

    app.post(
      '/auth/logout',
      { config: { auth: 'pending' }, schema: { tags, response: { 200: ZOk, ...errors } } },
      async (request, reply) => {
        await logout(p, request.sessionToken, request.actor);
        reply.clearCookie(SESSION_COOKIE, cookieOptions);
        return { ok: true as const };
      },
    );

    app.get(
      '/auth/session',
      { config: { auth: 'pending' }, schema: { tags, response: { 200: ZSession, ...errors } } },
      async (request) => request.session,
    );

    app.post(
      '/auth/password',
      {
        config: { auth: 'pending' },
        schema: { tags, body: ZChangePasswordRequest, response: { 200: ZSession, ...errors } },
      },
      async (request) => {
        await changePassword(
          p,
          request.actor,
          request.body.currentPassword,
          request.body.newPassword,
          request.sessionToken,
        );
        return currentSession(request);
      },
    );

    app.post(
      '/auth/totp/setup',
      { config: { auth: 'pending' }, schema: { tags, response: { 200: ZTotpSetupResponse, ...errors } } },
      async (request) => setupTotp(p, request.actor),
    );

    app.post(
      '/auth/totp/enable',
      {
        config: { auth: 'pending' },
        schema: { tags, body: ZTotpEnableRequest, response: { 200: ZSession, ...errors } },
      },
      async (request) => {
        await enableTotp(p, request.actor, request.body.code);
        return currentSession(request);
      },
    );
  };
}
