import type { TComplianceRecord, TComplianceRecords, TOrgLevel } from '@lianxin/contracts';
import { inArray } from 'drizzle-orm';
import { type Actor, allowed, refuse } from '../../platform/access/index.ts';
import type { Db } from '../../platform/db/client.ts';
import { activities, cadres, contactPoints, contacts, organizations } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { loadActivity } from '../activities/activities.access.ts';
import { toActivitySummary } from '../activities/activities.repo.ts';
import { toCadreDto } from '../cadres/cadres.repo.ts';
import { loadCadre } from '../cadres/cadres.service.ts';
import { getPoint } from '../contact-points/contact-points.service.ts';
import { getContact } from '../contacts/contacts.service.ts';

type Kind = TComplianceRecord['kind'];

// The tables a result's evidence or subjects may name, in the order an id is looked for.
const tables = [
  ['activity', activities],
  ['contact', contacts],
  ['point', contactPoints],
  ['organization', organizations],
  ['cadre', cadres],
] as const;

/** Which kind of record each id names: one query per table, whatever the number of ids. */
async function kindsOf(db: Db, ids: string[]): Promise<Map<string, Kind>> {
  const found = await Promise.all(
    tables.map(async ([kind, table]) => {
      const rows = await db.select({ id: table.id }).from(table).where(inArray(table.id, ids));
      return rows.map((r) => [r.id, kind] as const);
    }),
  );
  const out = new Map<string, Kind>();
  for (const [id, kind] of found.flat()) if (!out.has(id)) out.set(id, kind);
  return out;
}

// Each kind through its module's own access-checked read, so who sees what stays in one place.
const readers: Record<
  Exclude<Kind, 'organization'>,
  (p: Platform, a: Actor, id: string) => Promise<TComplianceRecord>
> = {
  activity: async (p, actor, id) => ({
    id,
    kind: 'activity',
    activity: toActivitySummary(await loadActivity(p, actor, id, 'read')),
  }),
  contact: async (p, actor, id) => {
    const c = await getContact(p, actor, id);
    return { id, kind: 'contact', contact: { name: c.name, role: c.role, field: c.field, unit: c.unit } };
  },
  point: async (p, actor, id) => ({ id, kind: 'point', point: await getPoint(p, actor, id) }),
  cadre: async (p, actor, id) => {
    const { name, orgId, orgName, department, rank, employment } = toCadreDto(
      await loadCadre(p, actor, id, 'read'),
    );
    return { id, kind: 'cadre', cadre: { name, orgId, orgName, department, rank, employment } };
  },
};

/** Organizations come in numbers (a province's counties): read with their parents in two queries. */
async function readOrganizations(p: Platform, actor: Actor, ids: string[]) {
  const out = new Map<string, TComplianceRecord>();
  if (ids.length === 0) return out;
  const rows = await p.db.select().from(organizations).where(inArray(organizations.id, ids));
  const parentIds = [...new Set(rows.map((o) => o.parentId).filter((id): id is string => id !== null))];
  const parents = parentIds.length
    ? await p.db
        .select({ id: organizations.id, name: organizations.name })
        .from(organizations)
        .where(inArray(organizations.id, parentIds))
    : [];
  const parentName = new Map(parents.map((o) => [o.id, o.name]));
  const readableIds = await allowed(p, actor, 'organization', ids, 'read');
  for (const org of rows) {
    if (!readableIds.has(org.id)) {
      await refuse(p, actor, 'organization', org.id, 'read');
      continue;
    }
    out.set(org.id, {
      id: org.id,
      kind: 'organization',
      organization: {
        name: org.name,
        level: org.level as TOrgLevel,
        parentId: org.parentId,
        parentName: org.parentId ? (parentName.get(org.parentId) ?? null) : null,
      },
    });
  }
  return out;
}

/** False on a refusal (already audited by the check); other errors go on. */
async function readable(check: () => Promise<unknown>): Promise<boolean> {
  try {
    await check();
    return true;
  } catch (e) {
    if (e instanceof AppError && e.code === 'forbidden') return false;
    throw e;
  }
}

/** The records behind a compliance number, those the actor may read; the others are withheld. */
export async function complianceRecords(
  p: Platform,
  actor: Actor,
  asked: readonly string[],
): Promise<TComplianceRecords> {
  const ids = [...new Set(asked)];
  const kinds = await kindsOf(p.db, ids);
  const orgs = await readOrganizations(
    p,
    actor,
    ids.filter((id) => kinds.get(id) === 'organization'),
  );
  const items: TComplianceRecord[] = [];
  const withheld: string[] = [];
  for (const id of ids) {
    const kind = kinds.get(id);
    let record: TComplianceRecord | undefined;
    if (kind === 'organization') record = orgs.get(id);
    else if (kind) {
      const read = readers[kind];
      await readable(async () => {
        record = await read(p, actor, id);
      });
    }
    if (record) items.push(record);
    else withheld.push(id);
  }
  return { items, withheld };
}
