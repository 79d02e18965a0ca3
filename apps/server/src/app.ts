import crypto from 'node:crypto';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { ZErrorResponse } from '@lianxin/contracts';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import helmet from 'helmet';
import { z } from 'zod';
import { accountRoutes } from './modules/accounts/accounts.routes.ts';
import { activityRoutes } from './modules/activities/activities.routes.ts';
import { annualCycleRoutes } from './modules/annual-cycle/annual-cycle.routes.ts';
import { assessmentRoutes } from './modules/annual-cycle/assessment.routes.ts';
import { orgAssessmentRoutes } from './modules/annual-cycle/org-assessment.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { bulletinRoutes } from './modules/bulletins/bulletins.routes.ts';
import { cadreRoutes } from './modules/cadres/cadres.routes.ts';
import { cardPageRoute, cardPublicRoutes, cardRoutes } from './modules/cards/cards.routes.ts';
import { complianceRoutes } from './modules/compliance/compliance.routes.ts';
import { complianceViewRoutes } from './modules/compliance-views/compliance-views.routes.ts';
import { conductRecordRoutes } from './modules/conduct-records/conduct-records.routes.ts';
import { contactPointRoutes } from './modules/contact-points/contact-points.routes.ts';
import { contactRoutes } from './modules/contacts/contacts.routes.ts';
import { engagementRoutes } from './modules/engagement/engagement.routes.ts';
import { formRoutes } from './modules/forms/forms.routes.ts';
import { importRoutes } from './modules/imports/imports.routes.ts';
import { ledgerRoutes } from './modules/ledger/ledger.routes.ts';
import {
  openDayPageRoute,
  openDayPublicRoutes,
  openDayRoutes,
} from './modules/open-days/open-days.routes.ts';
import { installMetrics } from './modules/operations/metrics.ts';
import { halfYearReportRoutes } from './modules/org-reports/org-reports.routes.ts';
import { organizationRoutes } from './modules/organizations/organizations.routes.ts';
import { pointProposalRoutes } from './modules/point-proposals/point-proposals.routes.ts';
import { planningRoutes } from './modules/postings/planning.routes.ts';
import { postingRoutes } from './modules/postings/postings.routes.ts';
import { secretaryPostRoutes } from './modules/secretary-posts/secretary-posts.routes.ts';
import {
  showcasePageRoute,
  showcasePublicRoutes,
  showcaseRoutes,
} from './modules/showcase/showcase.routes.ts';
import { installAuthHook } from './platform/auth/auth.hook.ts';
import { authRoutes } from './platform/auth/auth.routes.ts';
import { ping } from './platform/db/client.ts';
import { installErrorHandler } from './platform/errors.ts';
import { installResponseDefaults, installTextGuard } from './platform/http.ts';
import { installRequestLog } from './platform/logger.ts';
import type { Platform } from './platform/platform.ts';
import { installPublicScope, PUBLIC_PREFIX } from './platform/public.ts';
import { serveWebApp } from './platform/web-app.ts';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** Wires the platform and the domain modules into one Fastify app (no listening here). */
export async function buildApp(
  p: Platform,
  /** logger: the server's (platform/logger.ts); none, the default, logs nothing (tests) */
  opts: { logger?: FastifyBaseLogger } = {},
): Promise<FastifyInstance> {
  // X-Forwarded-For is believed only from the configured proxies: anyone else could write it
  const app = Fastify({
    ...(opts.logger ? { loggerInstance: opts.logger } : { logger: false }),
    // one line per request, written when it is answered (installRequestLog)
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => crypto.randomUUID(),
    trustProxy: p.config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  installRequestLog(app);
  installMetrics(app, p.db, p.config.metricsToken);

  // built once: @fastify/helmet builds the middleware, parsing the CSP, on every request
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd's CSS-in-JS writes style elements at run time
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        // plain HTTP on a LAN (LIANXIN_COOKIE_SECURE=0): the browser must not be sent to https
        upgradeInsecureRequests: p.config.cookieSecure ? [] : null,
      },
    },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: p.config.cookieSecure,
  });
  app.addHook('onRequest', (request, reply, done) =>
    securityHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined)),
  );
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: {
        title: '连心 Lianxin API',
        version: '1',
        description: '团干部直接联系青年工作平台 / cadre–youth contact work',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/v1/docs' });

  // API answers may hold personal data: never cached
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
  });
  installAuthHook(app, p);
  installTextGuard(app);
  installResponseDefaults(app);

  await app.register(
    async (api) => {
      api.get(
        '/health',
        {
          config: { auth: 'public' },
          schema: {
            tags: ['platform'],
            response: { 200: z.object({ ok: z.literal(true), database: z.string() }), 503: ZErrorResponse },
          },
        },
        async (_request, reply) => {
          try {
            await ping(p.db);
          } catch {
            return reply.code(503).send({
              error: {
                code: 'unavailable',
                message: 'Database does not answer',
                messageZh: '数据库无响应',
              },
            });
          }
          return { ok: true as const, database: p.dbKind };
        },
      );
      api.get('/openapi.json', { config: { auth: 'public' }, schema: { hide: true } }, async () =>
        app.swagger(),
      );
      await api.register(authRoutes(p));
      await api.register(organizationRoutes(p));
      await api.register(cadreRoutes(p));
      await api.register(contactRoutes(p));
      await api.register(accountRoutes(p));
      await api.register(importRoutes(p));
      await api.register(auditRoutes(p));
      await api.register(ledgerRoutes(p));
      await api.register(contactPointRoutes(p));
      await api.register(activityRoutes(p));
      await api.register(annualCycleRoutes(p));
      await api.register(assessmentRoutes(p));
      await api.register(orgAssessmentRoutes(p));
      await api.register(formRoutes(p));
      await api.register(bulletinRoutes(p));
      await api.register(openDayRoutes(p));
      await api.register(planningRoutes(p));
      await api.register(postingRoutes(p));
      await api.register(complianceRoutes(p));
      await api.register(complianceViewRoutes(p));
      await api.register(pointProposalRoutes(p));
      await api.register(secretaryPostRoutes(p));
      await api.register(conductRecordRoutes(p));
      await api.register(halfYearReportRoutes(p));
      await api.register(cardRoutes(p));
      await api.register(showcaseRoutes(p));
      await api.register(engagementRoutes(p));
    },
    { prefix: '/api/v1' },
  );
  // public pages (decision 31): no session, no CSRF, small bodies, rate-limited, no markup
  await app.register(
    async (pub) => {
      installPublicScope(pub, p);
      await pub.register(cardPublicRoutes(p));
      await pub.register(openDayPublicRoutes(p));
      await pub.register(showcasePublicRoutes(p));
    },
    { prefix: PUBLIC_PREFIX },
  );
  await app.register(cardPageRoute(p));
  await app.register(openDayPageRoute(p));
  await app.register(showcasePageRoute(p));

  serveWebApp(app, p.config.webDist);
  return app;
}
