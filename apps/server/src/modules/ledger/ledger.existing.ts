import type { TLedgerDocument } from '@lianxin/contracts';
import { pathIds } from '@lianxin/domain';
import type { Db } from '../../platform/db/client.ts';
import {
  type ActivityRow,
  activitiesByIds,
  cadresByIds,
  contactsByIds,
  contactsOfActivities,
  type KeeperRow,
  keepersOfContacts,
  orgsByDivisionCodes,
  orgsByIds,
  pointsByIds,
  presetsOfOrgs,
} from './ledger.repo.ts';
import type { Snapshot } from './ledger.validate.ts';

export interface Existing extends Snapshot {
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
export const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
export const defined = <T>(v: T | null | undefined): v is T => v !== null && v !== undefined;
export const presetKey = (org: string, preset: string) => `${org}\u0000${preset}`;

/** Everything the database holds of the records the document names or refers to. */
export async function loadExisting(db: Db, doc: TLedgerDocument): Promise<Existing> {
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
