import type { TLedgerProblem } from '@lianxin/contracts';
import { type Actor, authorize } from '../../platform/access/index.ts';
import { AppError, errorBody } from '../../platform/errors.ts';
import { inTransaction, type Platform } from '../../platform/platform.ts';
import { importDuration, timed } from '../operations/metrics.ts';
import { authorizeLedgerWrites, type LedgerWrites } from './ledger.access.ts';
import { loadExisting } from './ledger.existing.ts';
import { planParts, writeParts } from './ledger.parts.ts';
import type { OnProgress } from './ledger.progress.ts';
import { type PlanContext, type Planned, SECTIONS, type Status } from './ledger.sections.ts';
import { COLLECTIONS, type Collection, checkLedger, parseLedger, recordCount } from './ledger.validate.ts';
import { loadYear, planYear } from './ledger.year.ts';
import { checkYear } from './ledger.year-check.ts';

export { activityRow } from './ledger.sections.ts';

/**
 * A rejected document: nothing was written. `details` carries each problem as
 * `collection[id].field`; the route and the CLI add the structured `problems` list beside it.
 */
export class LedgerRejected extends AppError {
  constructor(readonly problems: TLedgerProblem[]) {
    super(
      'bad_request',
      `The ledger has ${problems.length} problem(s); nothing was imported`,
      `台账有 ${problems.length} 处问题，未导入任何内容`,
      problems.map((p) => ({
        path: `${p.collection}[${p.id ?? ''}].${p.field}`,
        message: `${p.messageZh} / ${p.message}`,
      })),
    );
  }
}

export const rejectionBody = (e: LedgerRejected) => ({ ...errorBody(e), problems: e.problems });

/** The local operator of decision 18: system admin, audited under its own name. */
export const operatorActor = (name: string): Actor => ({
  accountId: null,
  name,
  role: 'system_admin',
  scopeOrgId: null,
  scopePath: null,
  cadreId: null,
  ip: null,
});

type Counts = Record<Collection, number>;
const zero = (): Counts => Object.fromEntries(COLLECTIONS.map((c) => [c, 0])) as Counts;

export interface LedgerImportResult {
  ok: true;
  created: Counts;
  updated: Counts;
  unchanged: Counts;
}

export interface ImportOptions {
  /** hears each step: records parsed and checked, rows written */
  onProgress?: OnProgress;
}

/**
 * `lianxin-ledger/1` import (docs/interchange.md): all or nothing. The whole document is checked
 * first and every problem named; a clean one is written by id in one transaction with one audit row.
 * The checks run a slice at a time and the rows go in bulk, so other users are served meanwhile.
 */
export function importLedger(
  p: Platform,
  actor: Actor,
  raw: unknown,
  options: ImportOptions = {},
): Promise<LedgerImportResult> {
  return timed(importDuration, () => importLedgerNow(p, actor, raw, options.onProgress ?? (() => {})));
}

async function importLedgerNow(
  p: Platform,
  actor: Actor,
  raw: unknown,
  progress: OnProgress,
): Promise<LedgerImportResult> {
  await authorize(p, actor, { type: 'ledger', id: 'import' }, 'import');
  const records = recordCount(raw);
  const parsed = await parseLedger(raw, (done) => progress({ phase: 'parse', done, total: records }));
  const doc = parsed.doc;
  const ex = await loadExisting(p.db, doc);
  const activities = doc.activities.length;
  const checked = await checkLedger(doc, ex, parsed.failedIds, (done) =>
    progress({ phase: 'check', done, total: activities }),
  );
  const year = await loadYear(p.db, doc);
  const problems = [
    ...parsed.problems,
    ...checked.problems,
    ...checkYear(doc, checked, parsed.failedIds, year),
  ];
  if (problems.length > 0) throw new LedgerRejected(problems);

  const counts = { created: zero(), updated: zero(), unchanged: zero() };
  const writes: LedgerWrites = {
    touched: [],
    changed: { organizations: [], cadres: [], contactPoints: [], contacts: [], activities: [] },
    keepersAdded: [],
    predecessors: [],
    contactsNamed: [],
  };
  // each organization once per place (200,000 activities touch a few hundred organizations)
  const lastPath = new Map<string, string>();
  const touched = (id: string, path: string) => {
    if (lastPath.get(id) === path) return;
    lastPath.set(id, path);
    writes.touched.push({ id, path });
  };
  const cadreOrgNow = (id: string | null) => (id ? ex.cadres.get(id)?.orgId : undefined);
  const ctx: PlanContext = {
    doc,
    ex,
    checked,
    writes,
    tally: (c: Collection, s: Status) => {
      counts[s][c]++;
      return s;
    },
    // org admins: every organization a change touches, where it stands now and after, is in the subtree
    touch: (orgId, path) => {
      if (orgId) touched(orgId, path ?? (checked.tree.path(orgId) as string));
    },
    touchNow: (orgId) => {
      const o = orgId ? ex.orgs.get(orgId) : undefined;
      if (o) touched(o.id, o.path);
    },
    cadreOrgNow,
    cadreOrgFinal: (id) => (id ? (checked.docCadres.get(id)?.org ?? cadreOrgNow(id)) : undefined),
  };
  const planned: Planned[] = [];
  for (const [i, section] of SECTIONS.entries()) {
    planned.push(await section(ctx));
    progress({ phase: 'plan', done: i + 1, total: SECTIONS.length });
  }
  planned.push(planYear(ctx, year, actor.name));

  const parts = await planParts(p.db, doc, {
    actorName: actor.name,
    parentOf: (orgId) => checked.tree.parent(orgId),
    touch: (orgId) => ctx.touch(orgId),
    tally: ctx.tally,
  });

  // access is decided before the transaction opens (a refusal is audited on its own)
  await authorizeLedgerWrites(p, actor, writes);

  const total = planned.reduce((n, s) => n + s.rows, 0);
  let written = 0;
  const step = (rows: number) => {
    written += rows;
    progress({ phase: 'write', done: written, total });
  };
  await inTransaction(p, async (tx) => {
    for (const section of planned) await section.write(tx, step);
    await writeParts(tx, parts);
    // counts only: the records themselves may hold personal data (decision 16)
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'ledger.import',
      objectType: 'ledger',
      after: counts,
      ip: actor.ip,
    });
  });
  return { ok: true, ...counts };
}
