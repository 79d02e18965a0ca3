import { hasField, type TLedgerDocument } from '@lianxin/contracts';
import { pathIds } from '@lianxin/domain';
import { type Actor, refuse } from '../../platform/access/index.ts';
import type { Platform } from '../../platform/platform.ts';
import { loadOrg } from '../organizations/organizations.service.ts';
import { exportParts } from './ledger.parts.ts';
import {
  type ActivityRow,
  type CadreRow,
  type ContactRow,
  cadresByIds,
  contactIdsKeptInSubtree,
  contactsByIds,
  contactsOfActivities,
  keepersAmong,
  type OrgRow,
  orgsByIds,
  type PointRow,
  pointsByIds,
  presetsOfOrgs,
  subtreeActivities,
  subtreeCadres,
  subtreeOrgs,
  subtreePoints,
} from './ledger.repo.ts';
import { exportYear } from './ledger.year.ts';

type Doc = TLedgerDocument;
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const sorted = (xs: Iterable<string>) => [...xs].sort();

/** Sets the key only when there is a value: optional fields are omitted, never written as null. */
function put(o: Record<string, unknown>, key: string, v: unknown) {
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return;
  o[key] = v;
}

function organization(o: OrgRow): Doc['organizations'][number] {
  const r: Record<string, unknown> = { id: o.id, name: o.name, level: o.level };
  put(r, 'parent', o.parentId);
  put(r, 'divisionCode', o.divisionCode);
  put(r, 'field', o.field);
  return r as Doc['organizations'][number];
}

function cadre(c: CadreRow): Doc['cadres'][number] {
  const r: Record<string, unknown> = {
    id: c.id,
    name: c.name,
    org: c.orgId,
    rank: c.rank,
    employment: c.employment,
    grassrootsYears: Number(c.grassrootsYears),
  };
  put(r, 'hiredOn', c.hiredOn);
  put(r, 'probationEndsOn', c.probationEndsOn);
  put(r, 'department', c.department);
  return r as Doc['cadres'][number];
}

function point(pt: PointRow): Doc['contactPoints'][number] {
  const r: Record<string, unknown> = { id: pt.id };
  put(r, 'cadre', pt.cadreId);
  put(r, 'holderOrg', pt.holderOrgId);
  r.org = pt.orgId;
  r.from = pt.fromDate;
  r.to = pt.toDate; // always present: null while the point is still held
  put(r, 'category', pt.category);
  put(r, 'topic', pt.topic);
  if (pt.showcase) r.showcase = true;
  put(r, 'predecessor', pt.predecessorId);
  put(r, 'handoverNote', pt.handoverNote);
  put(r, 'registeredOn', pt.registeredOn);
  return r as Doc['contactPoints'][number];
}

function contact(c: ContactRow, keepers: { cadreId: string; key: boolean }[]): Doc['contacts'][number] {
  const r: Record<string, unknown> = { id: c.id, name: c.name, role: c.role };
  put(r, 'field', c.field);
  put(r, 'unit', c.unit);
  put(r, 'tags', sorted(c.tags ?? []));
  r.of = sorted(keepers.map((k) => k.cadreId));
  put(r, 'keyOf', sorted(keepers.filter((k) => k.key).map((k) => k.cadreId)));
  return r as Doc['contacts'][number];
}

/** The interchange record of a stored activity: the dates and the type's own fields back in place. */
function activity(a: ActivityRow, contactIds: string[]): Doc['activities'][number] {
  const r: Record<string, unknown> = { id: a.id, cadre: a.cadreId, type: a.type };
  put(r, 'point', a.pointId);
  if (hasField(a.type, 'start')) {
    r.start = a.startDate;
    r.end = a.endDate;
    if (hasField(a.type, 'travelDays')) r.travelDays = a.travelDays ?? 0;
  } else put(r, 'date', a.startDate);
  const details = (a.details ?? {}) as Record<string, unknown>;
  for (const k of sorted(Object.keys(details))) put(r, k, details[k]);
  put(r, 'contacts', sorted(contactIds));
  put(r, 'note', a.note);
  return r as Doc['activities'][number];
}

/**
 * A document that imports to the same state: the subtree (everything when `orgId` is absent) with
 * the organizations above it, so it also imports into an empty database, and everything its records
 * refer to — the tenure a subtree activity was logged at, a predecessor tenure, the cadre of a
 * tenure held inside the subtree. Deterministic: the same state gives the same bytes.
 */
export async function exportLedger(p: Platform, actor: Actor, orgId?: string): Promise<TLedgerDocument> {
  let rootPath = '/';
  if (orgId !== undefined) rootPath = (await loadOrg(p, actor, orgId, 'read')).path;
  else if (actor.role !== 'system_admin') throw await refuse(p, actor, 'organization', 'all', 'read');
  const db = p.db;

  const orgs = new Map((await subtreeOrgs(db, rootPath)).map((o) => [o.id, o]));
  const ownCadres = await subtreeCadres(db, rootPath);
  const points = new Map((await subtreePoints(db, rootPath)).map((pt) => [pt.id, pt]));
  const acts = new Map((await subtreeActivities(db, rootPath)).map((a) => [a.id, a]));
  // the tenures activities name and the chains of predecessors, until nothing is missing
  const gone = new Set<string>();
  for (;;) {
    const want = new Set<string>();
    const need = (id: string | null) => {
      if (id && !points.has(id) && !gone.has(id)) want.add(id);
    };
    for (const a of acts.values()) need(a.pointId);
    for (const pt of points.values()) need(pt.predecessorId);
    if (want.size === 0) break;
    for (const pt of await pointsByIds(db, want)) points.set(pt.id, pt);
    for (const id of want) if (!points.has(id)) gone.add(id);
  }

  const cadreMap = new Map(ownCadres.map((c) => [c.id, c]));
  const moreCadres = [...points.values()].map((pt) => pt.cadreId).filter((id): id is string => !!id);
  moreCadres.push(...[...acts.values()].map((a) => a.cadreId));
  for (const c of await cadresByIds(
    db,
    moreCadres.filter((id) => !cadreMap.has(id)),
  ))
    cadreMap.set(c.id, c);

  const activityContacts = new Map<string, string[]>();
  for (const ac of await contactsOfActivities(db, acts.keys())) {
    const list = activityContacts.get(ac.activityId);
    if (list) list.push(ac.contactId);
    else activityContacts.set(ac.activityId, [ac.contactId]);
  }
  // the subtree cadres' contacts and anyone an exported activity names; keeping is limited to the
  // exported cadres, so the document never names a cadre it does not carry
  const contactIds = new Set(await contactIdsKeptInSubtree(db, rootPath));
  for (const list of activityContacts.values()) for (const id of list) contactIds.add(id);
  const contactRows = await contactsByIds(db, contactIds);
  const keepers = await keepersAmong(db, [...contactIds], new Set(cadreMap.keys()));

  const wantOrgs = new Set<string>();
  for (const c of cadreMap.values()) wantOrgs.add(c.orgId);
  for (const pt of points.values()) {
    wantOrgs.add(pt.orgId);
    if (pt.holderOrgId) wantOrgs.add(pt.holderOrgId);
  }
  for (const a of acts.values()) {
    const org = (a.details as Record<string, unknown>)?.org;
    if (a.type === 'open_day' && typeof org === 'string') wantOrgs.add(org);
  }
  for (const o of await orgsByIds(
    db,
    [...wantOrgs].filter((id) => !orgs.has(id)),
  ))
    orgs.set(o.id, o);
  // and every organization above them, so the document stands on its own
  const above = new Set([...orgs.values()].flatMap((o) => pathIds(o.path)).filter((id) => !orgs.has(id)));
  for (const o of await orgsByIds(db, above)) orgs.set(o.id, o);
  const presets = await presetsOfOrgs(db, orgs.keys());

  const keepersOf = new Map<string, { cadreId: string; key: boolean }[]>();
  for (const k of keepers) {
    const list = keepersOf.get(k.contactId);
    if (list) list.push(k);
    else keepersOf.set(k.contactId, [k]);
  }
  const depth = (o: OrgRow) => pathIds(o.path).length;
  const doc: TLedgerDocument = {
    format: 'lianxin-ledger/1',
    organizations: [...orgs.values()].sort((a, b) => depth(a) - depth(b) || byId(a, b)).map(organization),
    cadres: [...cadreMap.values()].sort(byId).map(cadre),
    presets: presets
      .map((pr) => ({ org: pr.orgId, preset: pr.preset as Doc['presets'][number]['preset'] }))
      .sort((a, b) => (a.org === b.org ? (a.preset < b.preset ? -1 : 1) : a.org < b.org ? -1 : 1)),
    contactPoints: [...points.values()].sort(byId).map(point),
    contacts: contactRows.sort(byId).map((c) => contact(c, keepersOf.get(c.id) ?? [])),
    activities: [...acts.values()].sort(byId).map((a) => activity(a, activityContacts.get(a.id) ?? [])),
  };
  await exportParts(db, doc, rootPath);
  await exportYear(db, doc, rootPath);
  return doc;
}
