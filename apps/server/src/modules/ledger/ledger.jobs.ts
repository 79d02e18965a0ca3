import crypto from 'node:crypto';
import os from 'node:os';
import type { TImportJob } from '@lianxin/contracts';
import { and, eq, like } from 'drizzle-orm';
import { type Actor, authorize } from '../../platform/access/index.ts';
import { importJobs } from '../../platform/db/schema.ts';
import { AppError, errorBody, notFound } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { importLedger, LedgerRejected, rejectionBody } from './ledger.import.ts';
import { type ImportPhase, type ImportProgress, percentOf } from './ledger.progress.ts';

type JobRow = typeof importJobs.$inferSelect;

// A rejected document may name a problem in each of 200,000 records: the job keeps the first ones.
const KEPT_PROBLEMS = 1_000;
const RUNNER = `${os.hostname()}:${process.pid}`;

/**
 * The progress of the jobs this process runs, kept in memory: the import's one transaction holds
 * PGlite's only connection, so the row is written when the job starts and ends, not at each step.
 */
const live = new Map<string, ImportProgress>();

/** Starts importing the document off the request path and answers the job's id at once. */
export async function startLedgerImport(p: Platform, actor: Actor, raw: unknown): Promise<TImportJob> {
  await authorize(p, actor, { type: 'ledger', id: 'import' }, 'import');
  const id = crypto.randomUUID();
  await p.db.insert(importJobs).values({
    id,
    kind: 'ledger',
    status: 'running',
    phase: 'parse',
    accountId: actor.accountId,
    actor: actor.name,
    scopeOrgId: actor.scopeOrgId,
    runner: RUNNER,
  });
  live.set(id, { phase: 'parse', done: 0, total: 0 });
  void run(p, actor, id, raw);
  return readLedgerImport(p, actor, id);
}

async function run(p: Platform, actor: Actor, id: string, raw: unknown) {
  let end: Partial<JobRow>;
  try {
    const result = await importLedger(p, actor, raw, { onProgress: (progress) => live.set(id, progress) });
    end = {
      status: 'succeeded',
      counts: { created: result.created, updated: result.updated, unchanged: result.unchanged },
    };
  } catch (e) {
    if (e instanceof LedgerRejected) {
      const body = rejectionBody(e);
      end = { status: 'rejected', error: { ...body, problems: e.problems.slice(0, KEPT_PROBLEMS) } };
    } else if (e instanceof AppError) end = { status: 'failed', error: errorBody(e) };
    else {
      console.error(`ledger import ${id}:`, e);
      end = {
        status: 'failed',
        error: errorBody(new AppError('internal', 'Internal error', '服务器内部错误')),
      };
    }
  }
  const last = live.get(id);
  live.delete(id);
  await p.db
    .update(importJobs)
    .set({ ...end, ...last, finishedAt: new Date() })
    .where(eq(importJobs.id, id))
    .catch((e) => console.error(`ledger import ${id}: the job's end was not recorded:`, e));
}

/** A job's state, for its starter or an admin over them (404 when there is none, audited 403 otherwise). */
export async function readLedgerImport(p: Platform, actor: Actor, id: string): Promise<TImportJob> {
  const [row] = await p.db.select().from(importJobs).where(eq(importJobs.id, id));
  if (!row) throw notFound('Import job', id, '导入任务');
  await authorize(p, actor, { type: 'import_job', id }, 'read');
  const progress = live.get(id) ?? { phase: row.phase as ImportPhase, done: row.done, total: row.total };
  const finished = row.status !== 'running';
  return {
    id: row.id,
    kind: 'ledger',
    status: row.status,
    ...progress,
    percent: row.status === 'succeeded' ? 100 : percentOf(progress),
    actor: row.actor,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    result: finished && row.counts ? ({ ok: true, ...row.counts } as TImportJob['result']) : null,
    error: (row.error as TImportJob['error']) ?? null,
  };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * At start: the jobs a process of this host left running when it died are failed (their
 * transaction was rolled back with the process, so nothing of them was written).
 */
export async function failInterruptedImports(p: Platform) {
  const host = os.hostname();
  const running = await p.db
    .select({ id: importJobs.id, runner: importJobs.runner })
    .from(importJobs)
    .where(and(eq(importJobs.status, 'running'), like(importJobs.runner, `${host}:%`)));
  for (const job of running) {
    const pid = Number(job.runner.slice(host.length + 1));
    if (pid === process.pid ? live.has(job.id) : alive(pid)) continue;
    await p.db
      .update(importJobs)
      .set({
        status: 'failed',
        finishedAt: new Date(),
        error: errorBody(
          new AppError(
            'internal',
            'The server stopped during the import; nothing of it was written',
            '导入过程中服务器停止，未写入任何内容',
          ),
        ),
      })
      .where(eq(importJobs.id, job.id));
  }
}
