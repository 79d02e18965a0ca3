import { paged, ZErrorResponse, ZPageQuery } from '@lianxin/contracts';
import { desc, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../../platform/access/index.ts';
import { auditLog } from '../../platform/db/schema.ts';
import type { Platform } from '../../platform/platform.ts';
import { auditObjectNames } from './audit.names.ts';

const ZAuditRow = z.object({
  seq: z.number(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  /** the object's Chinese name where the reader may read it (a youth's masked); else null */
  objectName: z.string().nullable(),
  ip: z.string().nullable(),
  result: z.string(),
});

/** 操作日志: read-only for system admins; no route edits or deletes it. */
export function auditRoutes(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/audit',
      {
        schema: {
          tags: ['audit'],
          querystring: ZPageQuery,
          response: { 200: paged(ZAuditRow), 403: ZErrorResponse },
        },
      },
      async (request) => {
        await authorize(p, request.actor, { type: 'audit_log', id: 'log' }, 'read');
        const { page, pageSize } = request.query;
        const rows = await p.db
          .select()
          .from(auditLog)
          .orderBy(desc(auditLog.seq))
          .limit(pageSize)
          .offset((page - 1) * pageSize);
        const [total] = await p.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
        const names = await auditObjectNames(
          p,
          request.actor,
          rows.map((r) => ({ type: r.objectType, id: r.objectId })),
        );
        return {
          items: rows.map((r) => ({
            ...r,
            at: r.at.toISOString(),
            objectName: names.get(`${r.objectType}:${r.objectId}`) ?? null,
          })),
          total: Number(total?.n ?? 0),
          page,
          pageSize,
        };
      },
    );
  };
}
