import {
  ZErrorResponse,
  ZId,
  ZImportJob,
  ZLedgerDocument,
  ZLedgerImportResult,
  ZLedgerProblem,
} from '@lianxin/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Platform } from '../../platform/platform.ts';
import { parseLedgerBodyInTurns } from './ledger.body.ts';
import { exportLedger } from './ledger.export.ts';
import { importLedger, LedgerRejected, rejectionBody } from './ledger.import.ts';
import { readLedgerImport, startLedgerImport } from './ledger.jobs.ts';

const tags = ['ledger'];

/** Decision 21: documents up to 100 MB, configurable. */
export const ledgerBodyLimit = (env: NodeJS.ProcessEnv = process.env) =>
  Math.round(Number(env.LIANXIN_LEDGER_LIMIT_MB || 100) * 1024 * 1024);

/** A rejected document: the usual error, and every problem by collection, record id and field. */
export const ZLedgerRejection = ZErrorResponse.extend({ problems: z.array(ZLedgerProblem).optional() });

const errors = {
  400: ZLedgerRejection,
  401: ZErrorResponse,
  403: ZErrorResponse,
  404: ZErrorResponse,
  413: ZErrorResponse,
};

// The document is checked by the service, which names every bad record by id and field (a schema
// failure in the route would only give paths), so the route's body schema documents, not validates.
const passThrough = () => (data: unknown) => ({ value: data });
// An export may run to 100 MB: it is built field by field in a fixed order, so it is sent as it is
// rather than parsed once more by the response schema.
const asJson = () => (data: unknown) => JSON.stringify(data);

/** The ledger interchange `lianxin-ledger/1` (docs/interchange.md). */
export function ledgerRoutes(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    parseLedgerBodyInTurns(app);
    app.post(
      '/ledger',
      {
        bodyLimit: ledgerBodyLimit(),
        validatorCompiler: passThrough,
        schema: {
          tags,
          summary: 'Import a ledger document: all or nothing, every bad record named',
          body: ZLedgerDocument,
          response: { 200: ZLedgerImportResult, ...errors },
        },
      },
      async (request, reply) => {
        try {
          return await importLedger(p, request.actor, request.body as unknown);
        } catch (e) {
          if (e instanceof LedgerRejected) return reply.code(400).send(rejectionBody(e));
          throw e;
        }
      },
    );

    // The same import as a job, off the request path: answered at once with the job to follow.
    app.post(
      '/ledger/imports',
      {
        bodyLimit: ledgerBodyLimit(),
        validatorCompiler: passThrough,
        schema: {
          tags,
          summary:
            'Start importing a ledger document as a job; its progress and outcome at GET /ledger/imports/:id',
          body: ZLedgerDocument,
          response: { 202: ZImportJob, ...errors },
        },
      },
      async (request, reply) => reply.code(202).send(await startLedgerImport(p, request.actor, request.body)),
    );

    app.get(
      '/ledger/imports/:id',
      {
        schema: {
          tags,
          summary:
            'An import job: progress while it runs, then its counts or every problem (its starter, or an admin over them)',
          params: z.object({ id: ZId }),
          response: { 200: ZImportJob, ...errors },
        },
      },
      async (request) => readLedgerImport(p, request.actor, request.params.id),
    );

    app.get(
      '/ledger',
      {
        serializerCompiler: asJson,
        schema: {
          tags,
          summary: 'Export an organization subtree (or, for a system admin, everything) as a ledger',
          querystring: z.object({ org: ZId.optional() }),
          response: { 200: ZLedgerDocument, ...errors },
        },
      },
      async (request) => exportLedger(p, request.actor, request.query.org),
    );
  };
}
