import type { TLedgerActivity, TLedgerDocument } from '@lianxin/contracts';
import { pathIds } from '@lianxin/domain';
import { canonicalJson } from '../../platform/audit.ts';
import type { Db } from '../../platform/db/client.ts';
import {
  activities,
  activityContacts,
  cadres,
  contactKeepers,
  contactPoints,
  contacts,
  organizations,
  orgPresets,
} from '../../platform/db/schema.ts';
import type { LedgerWrites } from './ledger.access.ts';
import { type Existing, presetKey } from './ledger.existing.ts';
import { inSlices } from './ledger.progress.ts';
import {
  bulkWrite,
  deleteActivityContacts,
  deleteKeepers,
  type KeeperRow,
  rewriteSubtreePaths,
} from './ledger.repo.ts';
import type { Checked, Collection } from './ledger.validate.ts';

export type Status = 'created' | 'updated' | 'unchanged';

/** What a section's planner sees: the checked document, the database's rows, and what to report. */
export interface PlanContext {
  doc: TLedgerDocument;
  ex: Existing;
  checked: Checked;
  /** the access layer's view of the writes, filled in by each section */
  writes: LedgerWrites;
  /** counts the record under its status and returns it */
  tally(c: Collection, s: Status): Status;
  /** an organization the change touches, where it will stand (or at `path`) */
  touch(orgId: string | null | undefined, path?: string): void;
  /** an organization the change touches, where it stands now */
  touchNow(orgId: string | null | undefined): void;
  cadreOrgNow(cadreId: string | null): string | undefined;
  cadreOrgFinal(cadreId: string | null): string | undefined;
}

/** A section's writes, planned: rows to write and how, in one transaction with the others. */
export interface Planned {
  rows: number;
  /** `step(n)`: n more rows written */
  write(tx: Db, step: (rows: number) => void): Promise<void>;
}

/**
 * One section of the document (a collection of `lianxin-ledger/1`): compares its records with the
 * database, tells the access layer what would change, and plans the writes. Sections are planned
 * and written in the order of `SECTIONS` (parents before what refers to them); a new optional
 * section of the format is a new entry there.
 */
export type Section = (ctx: PlanContext) => Promise<Planned>;

type Rec = Record<string, unknown>;
const sameOn = (a: object, b: object, keys: string[]) =>
  keys.every((k) => canonicalJson((a as Rec)[k]) === canonicalJson((b as Rec)[k]));
/** The fields a record's content is compared on: all but the key. */
const contentKeys = (row: object) => Object.keys(row).filter((k) => k !== 'id');

const status = (ctx: PlanContext, c: Collection, target: object, now: object | undefined, keys: string[]) =>
  ctx.tally(c, now === undefined ? 'created' : sameOn(target, now, keys) ? 'unchanged' : 'updated');

/**
 * Rows new to the database are inserted, those on file updated (only the columns the rows carry):
 * a plain insert costs less than an upsert, and the split is known from the snapshot.
 */
function upsertPlan<T extends Parameters<typeof bulkWrite>[1]>(
  table: T,
  rows: T['$inferInsert'][],
  exists: (id: string) => boolean,
): Planned {
  const isOld = (r: T['$inferInsert']) => exists((r as { id: string }).id);
  return {
    rows: rows.length,
    async write(tx, step) {
      await bulkWrite(
        tx,
        table,
        rows.filter((r) => !isOld(r)),
        'insert',
        step,
      );
      await bulkWrite(tx, table, rows.filter(isOld), 'upsert', step);
    },
  };
}

const organizationsSection: Section = async (ctx) => {
  const { tree } = ctx.checked;
  const rows = ctx.doc.organizations
    .map((o) => ({
      id: o.id,
      name: o.name,
      level: o.level,
      parentId: tree.parent(o.id),
      path: tree.path(o.id) as string,
      divisionCode: o.divisionCode ?? null,
      field: o.field ?? null,
    }))
    // parents before children
    .sort((a, b) => pathIds(a.path).length - pathIds(b.path).length || a.id.localeCompare(b.id));
  const changed: typeof rows = [];
  const moves: { from: string; to: string }[] = [];
  for (const row of rows) {
    const now = ctx.ex.orgs.get(row.id);
    const s = status(ctx, 'organizations', row, now, ['name', 'level', 'parentId', 'divisionCode', 'field']);
    if (s === 'unchanged') continue;
    changed.push(row);
    ctx.touch(row.id);
    if (now) {
      ctx.writes.changed.organizations.push(row.id);
      ctx.touch(now.id, now.path);
      if (now.path !== row.path) moves.push({ from: now.path, to: row.path });
    }
  }
  return {
    rows: changed.length,
    async write(tx, step) {
      // one upsert keeps parents before children in one statement's order
      await bulkWrite(tx, organizations, changed, 'upsert', step);
      // the rest of a moved subtree follows; the deepest first, so a move inside a moved subtree
      // is applied before its ancestor's rewrite would carry it along the old way
      moves.sort((a, b) => b.from.length - a.from.length);
      for (const m of moves) await rewriteSubtreePaths(tx, m.from, m.to);
    },
  };
};

const presetsSection: Section = async (ctx) => {
  const rows = ctx.doc.presets
    .filter((pr) => {
      const exists = ctx.ex.presets.has(presetKey(pr.org, pr.preset));
      ctx.tally('presets', exists ? 'unchanged' : 'created');
      if (!exists) ctx.touch(pr.org);
      return !exists;
    })
    .map((pr) => ({ orgId: pr.org, preset: pr.preset }));
  return { rows: rows.length, write: (tx, step) => bulkWrite(tx, orgPresets, rows, 'insert', step) };
};

const cadresSection: Section = async (ctx) => {
  const rows: (typeof cadres.$inferInsert)[] = [];
  await inSlices(ctx.doc.cadres, (c) => {
    const row = {
      id: c.id,
      name: c.name,
      orgId: c.org,
      rank: c.rank,
      employment: c.employment,
      grassrootsYears: c.grassrootsYears ?? 0,
      hiredOn: c.hiredOn ?? null,
      probationEndsOn: c.probationEndsOn ?? null,
      department: c.department ?? null,
    };
    const now = ctx.ex.cadres.get(c.id);
    const current = now && { ...now, grassrootsYears: Number(now.grassrootsYears) };
    if (status(ctx, 'cadres', row, current, contentKeys(row)) === 'unchanged') return;
    rows.push(row);
    if (now) ctx.writes.changed.cadres.push(c.id);
    ctx.touch(c.org);
    ctx.touchNow(now?.orgId);
  });
  return upsertPlan(cadres, rows, (id) => ctx.ex.cadres.has(id));
};

const contactPointsSection: Section = async (ctx) => {
  const docPointIds = new Set(ctx.doc.contactPoints.map((pt) => pt.id));
  const rows: (typeof contactPoints.$inferInsert)[] = [];
  await inSlices(ctx.doc.contactPoints, (pt) => {
    const row = {
      id: pt.id,
      cadreId: pt.cadre ?? null,
      holderOrgId: pt.holderOrg ?? null,
      orgId: pt.org,
      fromDate: pt.from,
      toDate: pt.to,
      category: pt.category ?? null,
      topic: pt.topic ?? null,
      showcase: pt.showcase ?? false,
      predecessorId: pt.predecessor ?? null,
      handoverNote: pt.handoverNote ?? null,
      registeredOn: pt.registeredOn ?? null,
    };
    const now = ctx.ex.points.get(pt.id);
    if (status(ctx, 'contactPoints', row, now, contentKeys(row)) === 'unchanged') return;
    rows.push(row);
    if (now) ctx.writes.changed.contactPoints.push(pt.id);
    // naming a tenure on file as predecessor hands its ledger on, as a rotation would
    const linked = row.predecessorId;
    if (linked && linked !== now?.predecessorId && (ctx.ex.points.has(linked) || !docPointIds.has(linked)))
      ctx.writes.predecessors.push(linked);
    for (const o of [row.orgId, row.holderOrgId, ctx.cadreOrgFinal(row.cadreId)]) ctx.touch(o);
    for (const o of [now?.orgId, now?.holderOrgId, ctx.cadreOrgNow(now?.cadreId ?? null)]) ctx.touchNow(o);
  });
  return upsertPlan(contactPoints, rows, (id) => ctx.ex.points.has(id));
};

// The document speaks for the keeping of the cadres it carries and of those it names in `of`; the
// keepers of other cadres (outside an exported subtree) stay as they are.
const contactsSection: Section = async (ctx) => {
  const { docCadres } = ctx.checked;
  const rows: (typeof contacts.$inferInsert)[] = [];
  const removed: { contactId: string; cadreId: string }[] = [];
  const added: KeeperRow[] = [];
  await inSlices(ctx.doc.contacts, (ct) => {
    const row = {
      id: ct.id,
      name: ct.name,
      role: ct.role,
      field: ct.field ?? null,
      unit: ct.unit ?? null,
      tags: [...(ct.tags ?? [])].sort(),
    };
    const keyOf = new Set(ct.keyOf ?? []);
    const want = ct.of.map((cadreId) => ({ contactId: ct.id, cadreId, key: keyOf.has(cadreId) }));
    const speaksFor = (cadreId: string) => docCadres.has(cadreId) || ct.of.includes(cadreId);
    const onFile = ctx.ex.keepers.get(ct.id) ?? [];
    const have = onFile.filter((k) => speaksFor(k.cadreId));
    const sig = (ks: KeeperRow[]) => ks.map((k) => `${k.cadreId}:${k.key}`).sort();
    const keepersSame = canonicalJson(sig(want)) === canonicalJson(sig(have));
    const now = ctx.ex.contacts.get(ct.id);
    const fieldsSame = now !== undefined && sameOn(row, now, ['name', 'role', 'field', 'unit', 'tags']);
    ctx.tally(
      'contacts',
      now === undefined ? 'created' : fieldsSame && keepersSame ? 'unchanged' : 'updated',
    );
    if (now && !(fieldsSame && keepersSame)) ctx.writes.changed.contacts.push(ct.id);
    const keptNow = new Set(onFile.map((k) => k.cadreId));
    if (now && want.some((k) => !keptNow.has(k.cadreId))) ctx.writes.keepersAdded.push(ct.id);
    if (!fieldsSame) rows.push(row);
    if (keepersSame) return;
    for (const k of have) removed.push({ contactId: ct.id, cadreId: k.cadreId });
    added.push(...want);
    const before = new Set(sig(have));
    const after = new Set(sig(want));
    for (const k of [...have, ...want])
      if (before.has(`${k.cadreId}:${k.key}`) !== after.has(`${k.cadreId}:${k.key}`)) {
        ctx.touch(ctx.cadreOrgFinal(k.cadreId));
        ctx.touchNow(ctx.cadreOrgNow(k.cadreId));
      }
  });
  const fields = upsertPlan(contacts, rows, (id) => ctx.ex.contacts.has(id));
  return {
    rows: fields.rows + added.length,
    async write(tx, step) {
      // only the interchange's columns are set: encrypted phone and ID numbers stay as they are
      await fields.write(tx, step);
      await deleteKeepers(tx, removed);
      await bulkWrite(tx, contactKeepers, added, 'insert', step);
    },
  };
};

/** How an interchange activity is stored: dates in columns, the type's own fields in `details`. */
export function activityRow(a: TLedgerActivity) {
  const {
    id,
    cadre,
    type,
    point,
    contacts: _contacts,
    note,
    ...rest
  } = a as TLedgerActivity & Record<string, unknown>;
  const { start, end, date, travelDays, ...details } = rest as Record<string, unknown>;
  const from = (start ?? date ?? null) as string | null;
  const to = (end ?? date ?? null) as string | null;
  return {
    id,
    cadreId: cadre,
    type,
    pointId: point ?? null,
    startDate: from,
    endDate: to,
    travelDays: (travelDays as number | undefined) ?? null,
    details,
    note: note ?? null,
  };
}

const activitiesSection: Section = async (ctx) => {
  const rows: ReturnType<typeof activityRow>[] = [];
  const links: { activityId: string; contactId: string }[] = [];
  await inSlices(ctx.doc.activities, (a) => {
    const row = activityRow(a);
    const contactIds = a.contacts ? [...a.contacts].sort() : [];
    const now = ctx.ex.activities.get(a.id);
    // a new record is counted as such without building its comparison (most of a first import)
    if (now === undefined) ctx.tally('activities', 'created');
    else {
      const target = { ...row, contactIds };
      const current = { ...now, contactIds: ctx.ex.activityContacts.get(a.id) ?? [] };
      if (status(ctx, 'activities', target, current, contentKeys(target)) === 'unchanged') return;
    }
    rows.push(row);
    if (now) ctx.writes.changed.activities.push(a.id);
    for (const contactId of contactIds) {
      links.push({ activityId: a.id, contactId });
      if (ctx.ex.contacts.has(contactId)) ctx.writes.contactsNamed.push(contactId);
    }
    ctx.touch(ctx.cadreOrgFinal(a.cadre));
    ctx.touchNow(ctx.cadreOrgNow(now?.cadreId ?? null));
    if (a.type === 'open_day') ctx.touch(a.org);
  });
  const exists = (id: string) => ctx.ex.activities.has(id);
  const records = upsertPlan(activities, rows, exists);
  return {
    rows: rows.length + links.length,
    async write(tx, step) {
      await records.write(tx, step);
      await deleteActivityContacts(tx, rows.map((a) => a.id).filter(exists));
      await bulkWrite(tx, activityContacts, links, 'insert', step);
    },
  };
};

/** The sections in the order they are planned and written: parents before what refers to them. */
export const SECTIONS: Section[] = [
  organizationsSection,
  presetsSection,
  cadresSection,
  contactPointsSection,
  contactsSection,
  activitiesSection,
];
