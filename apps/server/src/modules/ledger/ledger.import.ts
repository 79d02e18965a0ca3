import type { TLedgerActivity, TLedgerDocument, TLedgerProblem } from '@lianxin/contracts';
import { pathIds } from '@lianxin/domain';
import { type Actor, authorize } from '../../platform/access/index.ts';
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
import { AppError, errorBody } from '../../platform/errors.ts';
import { inTransaction, type Platform } from '../../platform/platform.ts';
import { importDuration, timed } from '../operations/metrics.ts';
import { authorizeLedgerWrites, type LedgerWrites } from './ledger.access.ts';
import {
  type ActivityRow,
  activitiesByIds,
  cadresByIds,
  chunks,
  contactsByIds,
  contactsOfActivities,
  deleteActivityContacts,
  deleteKeepers,
  type KeeperRow,
  keepersOfContacts,
  orgsByDivisionCodes,
  orgsByIds,
  pointsByIds,
  presetsOfOrgs,
  rewriteSubtreePaths,
  upsertById,
} from './ledger.repo.ts';
import { COLLECTIONS, type Collection, checkLedger, parseLedger, type Snapshot } from './ledger.validate.ts';

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

interface Existing extends Snapshot {
  keepers: Map<string, KeeperRow[]>;
  activities: Map<string, ActivityRow>;
  activityContacts: Map<string, string[]>;
  presets: Set<string>;
}

const group = <T, K>(rows: T[], key: (r: T) => K) => {
  const m = new Map<K, T[]>();
  for (const r of rows) {
    const list = m.get(key(r));
    if (list) list.push(r);
    else m.set(key(r), [r]);
  }
  return m;
};
const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
const defined = <T>(v: T | null | undefined): v is T => v !== null && v !== undefined;
const presetKey = (org: string, preset: string) => `${org}\u0000${preset}`;

/** Everything the database holds of the records the document names or refers to. */
async function loadExisting(db: Db, doc: TLedgerDocument): Promise<Existing> {
  const points = byId(
    await pointsByIds(
      db,
      [
        ...doc.contactPoints.flatMap((p) => [p.id, p.predecessor]),
        ...doc.activities.map((a) => a.point),
      ].filter(defined),
    ),
  );
  const contactRows = byId(
    await contactsByIds(db, [
      ...doc.contacts.map((c) => c.id),
      ...doc.activities.flatMap((a) => a.contacts ?? []),
    ]),
  );
  const keepers = await keepersOfContacts(
    db,
    doc.contacts.map((c) => c.id),
  );
  const activityRows = await activitiesByIds(
    db,
    doc.activities.map((a) => a.id),
  );
  const activityContactRows = await contactsOfActivities(
    db,
    activityRows.map((a) => a.id),
  );
  const cadreRows = byId(
    await cadresByIds(
      db,
      [
        ...doc.cadres.map((c) => c.id),
        ...doc.contactPoints.map((p) => p.cadre),
        ...doc.contacts.flatMap((c) => c.of),
        ...doc.activities.map((a) => a.cadre),
        ...[...points.values()].map((p) => p.cadreId),
        ...activityRows.map((a) => a.cadreId),
        ...keepers.map((k) => k.cadreId),
      ].filter(defined),
    ),
  );
  const orgIds = [
    ...doc.organizations.flatMap((o) => [o.id, o.parent]),
    ...doc.cadres.map((c) => c.org),
    ...doc.presets.map((p) => p.org),
    ...doc.contactPoints.flatMap((p) => [p.org, p.holderOrg]),
    ...doc.activities.map((a) => (a.type === 'open_day' ? a.org : undefined)),
    ...[...cadreRows.values()].map((c) => c.orgId),
    ...[...points.values()].flatMap((p) => [p.orgId, p.holderOrgId]),
  ].filter(defined);
  const orgs = byId(await orgsByIds(db, orgIds));
  // the ancestors too: where the tree will stand depends on every parent up to the root
  const above = [...orgs.values()].flatMap((o) => pathIds(o.path)).filter((id) => !orgs.has(id));
  for (const o of await orgsByIds(db, above)) orgs.set(o.id, o);
  const codeOwners = new Map<string, string>();
  const codes = doc.organizations.map((o) => o.divisionCode).filter(defined);
  for (const o of await orgsByDivisionCodes(db, codes)) codeOwners.set(`${o.level}:${o.divisionCode}`, o.id);
  const presets = await presetsOfOrgs(
    db,
    doc.presets.map((p) => p.org),
  );
  return {
    orgs,
    cadres: cadreRows,
    points,
    contacts: contactRows,
    codeOwners,
    keepers: group(keepers, (k) => k.contactId),
    activities: byId(activityRows),
    activityContacts: new Map(
      [...group(activityContactRows, (r) => r.activityId)].map(([id, rows]) => [
        id,
        rows.map((r) => r.contactId).sort(),
      ]),
    ),
    presets: new Set(presets.map((p) => presetKey(p.orgId, p.preset))),
  };
}

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

type Rec = Record<string, unknown>;
const sameOn = (a: object, b: object, keys: string[]) =>
  keys.every((k) => canonicalJson((a as Rec)[k]) === canonicalJson((b as Rec)[k]));
/** The fields a record's content is compared on: all but the key. */
const contentKeys = (row: object) => Object.keys(row).filter((k) => k !== 'id');

type Status = 'created' | 'updated' | 'unchanged';

/**
 * `lianxin-ledger/1` import (docs/interchange.md): all or nothing. The whole document is checked
 * first and every problem named; a clean one is written by id in one transaction with one audit row.
 */
export function importLedger(p: Platform, actor: Actor, raw: unknown): Promise<LedgerImportResult> {
  return timed(importDuration, () => importLedgerNow(p, actor, raw));
}

async function importLedgerNow(p: Platform, actor: Actor, raw: unknown): Promise<LedgerImportResult> {
  await authorize(p, actor, { type: 'ledger', id: 'import' }, 'import');
  const parsed = parseLedger(raw);
  const doc = parsed.doc;
  const ex = await loadExisting(p.db, doc);
  const checked = checkLedger(doc, ex, parsed.failedIds);
  const problems = [...parsed.problems, ...checked.problems];
  if (problems.length > 0) throw new LedgerRejected(problems);
  const { tree, docCadres } = checked;

  const counts = { created: zero(), updated: zero(), unchanged: zero() };
  const tally = (c: Collection, s: Status) => {
    counts[s][c]++;
    return s;
  };
  const status = (c: Collection, target: object, existing: object | undefined, keys: string[]) =>
    tally(c, existing === undefined ? 'created' : sameOn(target, existing, keys) ? 'unchanged' : 'updated');
  const finalPath = (orgId: string) => tree.path(orgId) as string;
  // org admins: every organization a change touches, where it stands now and after, is in the subtree
  const touched: { id: string; path: string }[] = [];
  const touch = (orgId: string | null | undefined, path?: string) => {
    if (orgId) touched.push({ id: orgId, path: path ?? finalPath(orgId) });
  };
  const touchNow = (orgId: string | null | undefined) => {
    const o = orgId ? ex.orgs.get(orgId) : undefined;
    if (o) touch(o.id, o.path);
  };
  const writes: LedgerWrites = {
    touched,
    changed: { organizations: [], cadres: [], contactPoints: [], contacts: [], activities: [] },
    keepersAdded: [],
    predecessors: [],
    contactsNamed: [],
  };
  const docPointIds = new Set(doc.contactPoints.map((pt) => pt.id));

  const orgRows = doc.organizations
    .map((o) => ({
      id: o.id,
      name: o.name,
      level: o.level,
      parentId: o.parent ?? null,
      path: finalPath(o.id),
      divisionCode: o.divisionCode ?? null,
      field: o.field ?? null,
    }))
    // parents before children
    .sort((a, b) => pathIds(a.path).length - pathIds(b.path).length || a.id.localeCompare(b.id));
  const orgWrites: typeof orgRows = [];
  const moves: { from: string; to: string }[] = [];
  for (const row of orgRows) {
    const now = ex.orgs.get(row.id);
    const s = status('organizations', row, now, ['name', 'level', 'parentId', 'divisionCode', 'field']);
    if (s === 'unchanged') continue;
    orgWrites.push(row);
    touch(row.id);
    if (now) {
      writes.changed.organizations.push(row.id);
      touch(now.id, now.path);
      if (now.path !== row.path) moves.push({ from: now.path, to: row.path });
    }
  }

  const presetWrites = doc.presets.filter((pr) => {
    const exists = ex.presets.has(presetKey(pr.org, pr.preset));
    tally('presets', exists ? 'unchanged' : 'created');
    if (!exists) touch(pr.org);
    return !exists;
  });

  const cadreOrgNow = (id: string | null) => (id ? ex.cadres.get(id)?.orgId : undefined);
  const cadreOrgFinal = (id: string | null) => (id ? (docCadres.get(id)?.org ?? cadreOrgNow(id)) : undefined);
  const cadreWrites: (typeof cadres.$inferInsert)[] = [];
  for (const c of doc.cadres) {
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
    const now = ex.cadres.get(c.id);
    const current = now && { ...now, grassrootsYears: Number(now.grassrootsYears) };
    if (status('cadres', row, current, contentKeys(row)) === 'unchanged') continue;
    cadreWrites.push(row);
    if (now) writes.changed.cadres.push(c.id);
    touch(c.org);
    touchNow(now?.orgId);
  }

  const pointWrites: (typeof contactPoints.$inferInsert)[] = [];
  for (const pt of doc.contactPoints) {
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
    };
    const now = ex.points.get(pt.id);
    if (status('contactPoints', row, now, contentKeys(row)) === 'unchanged') continue;
    pointWrites.push(row);
    if (now) writes.changed.contactPoints.push(pt.id);
    // naming a tenure on file as predecessor hands its ledger on, as a rotation would
    const linked = row.predecessorId;
    if (linked && linked !== now?.predecessorId && (ex.points.has(linked) || !docPointIds.has(linked)))
      writes.predecessors.push(linked);
    for (const o of [row.orgId, row.holderOrgId, cadreOrgFinal(row.cadreId)]) touch(o);
    for (const o of [now?.orgId, now?.holderOrgId, cadreOrgNow(now?.cadreId ?? null)]) touchNow(o);
  }

  // The document speaks for the keeping of the cadres it carries and of those it names in `of`; the
  // keepers of other cadres (outside an exported subtree) stay as they are.
  const contactWrites: (typeof contacts.$inferInsert)[] = [];
  const keeperWrites: { contactId: string; remove: string[]; add: KeeperRow[] }[] = [];
  for (const ct of doc.contacts) {
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
    const have = (ex.keepers.get(ct.id) ?? []).filter((k) => speaksFor(k.cadreId));
    const sig = (ks: KeeperRow[]) => ks.map((k) => `${k.cadreId}:${k.key}`).sort();
    const keepersSame = canonicalJson(sig(want)) === canonicalJson(sig(have));
    const now = ex.contacts.get(ct.id);
    const fieldsSame = now !== undefined && sameOn(row, now, ['name', 'role', 'field', 'unit', 'tags']);
    tally('contacts', now === undefined ? 'created' : fieldsSame && keepersSame ? 'unchanged' : 'updated');
    if (now && !(fieldsSame && keepersSame)) writes.changed.contacts.push(ct.id);
    const keptNow = new Set((ex.keepers.get(ct.id) ?? []).map((k) => k.cadreId));
    if (now && want.some((k) => !keptNow.has(k.cadreId))) writes.keepersAdded.push(ct.id);
    if (!fieldsSame) contactWrites.push(row);
    if (!keepersSame) {
      keeperWrites.push({ contactId: ct.id, remove: have.map((k) => k.cadreId), add: want });
      const before = new Set(sig(have));
      const after = new Set(sig(want));
      for (const k of [...have, ...want])
        if (before.has(`${k.cadreId}:${k.key}`) !== after.has(`${k.cadreId}:${k.key}`)) {
          touch(cadreOrgFinal(k.cadreId));
          touchNow(cadreOrgNow(k.cadreId));
        }
    }
  }

  const activityWrites: ReturnType<typeof activityRow>[] = [];
  const activityContactWrites: { activityId: string; contactId: string }[] = [];
  for (const a of doc.activities) {
    const row = activityRow(a);
    const contactIds = [...(a.contacts ?? [])].sort();
    const now = ex.activities.get(a.id);
    const current = now && { ...now, contactIds: ex.activityContacts.get(a.id) ?? [] };
    const target = { ...row, contactIds };
    if (status('activities', target, current, contentKeys(target)) === 'unchanged') continue;
    activityWrites.push(row);
    if (now) writes.changed.activities.push(a.id);
    for (const contactId of contactIds) {
      activityContactWrites.push({ activityId: a.id, contactId });
      if (ex.contacts.has(contactId)) writes.contactsNamed.push(contactId);
    }
    touch(cadreOrgFinal(a.cadre));
    touchNow(cadreOrgNow(now?.cadreId ?? null));
    if (a.type === 'open_day') touch(a.org);
  }

  // access is decided before the transaction opens (a refusal is audited on its own)
  await authorizeLedgerWrites(p, actor, writes);

  await inTransaction(p, async (tx) => {
    await upsertById(tx, organizations, orgWrites);
    // the rest of a moved subtree follows; the deepest first, so a move inside a moved subtree
    // is applied before its ancestor's rewrite would carry it along the old way
    moves.sort((a, b) => b.from.length - a.from.length);
    for (const m of moves) await rewriteSubtreePaths(tx, m.from, m.to);
    for (const chunk of chunks(presetWrites, 1000))
      await tx.insert(orgPresets).values(chunk.map((pr) => ({ orgId: pr.org, preset: pr.preset })));
    await upsertById(tx, cadres, cadreWrites);
    await upsertById(tx, contactPoints, pointWrites);
    // only the interchange's columns are set: encrypted phone and ID numbers stay as they are
    await upsertById(tx, contacts, contactWrites);
    for (const k of keeperWrites) if (k.remove.length > 0) await deleteKeepers(tx, k.contactId, k.remove);
    for (const chunk of chunks(
      keeperWrites.flatMap((k) => k.add),
      5000,
    ))
      await tx.insert(contactKeepers).values(chunk);
    await upsertById(tx, activities, activityWrites);
    await deleteActivityContacts(
      tx,
      activityWrites.map((a) => a.id).filter((id) => ex.activities.has(id)),
    );
    for (const chunk of chunks(activityContactWrites, 5000)) await tx.insert(activityContacts).values(chunk);
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
