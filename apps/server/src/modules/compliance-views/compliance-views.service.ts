import type { TComplianceRecord, TComplianceRecords, TOrgLevel } from '@lianxin/contracts';
import type { Actor } from '../../platform/access.ts';
import { AppError } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { loadActivity } from '../activities/activities.access.ts';
import { findActivity, toActivitySummary } from '../activities/activities.repo.ts';
import { findCadre, toCadreDto } from '../cadres/cadres.repo.ts';
import { loadCadre } from '../cadres/cadres.service.ts';
import { findPoint } from '../contact-points/contact-points.repo.ts';
import { getPoint } from '../contact-points/contact-points.service.ts';
import { findContact } from '../contacts/contacts.repo.ts';
import { getContact } from '../contacts/contacts.service.ts';
import { findOrg } from '../organizations/organizations.repo.ts';
import { loadOrg } from '../organizations/organizations.service.ts';

type Lookup = (p: Platform, actor: Actor, id: string) => Promise<TComplianceRecord | null>;

// Each kind of record a result's evidence or subject may name: whether the id is one (no audit
// row for a miss), then the module's own access-checked read, so the rules of who sees what stay
// in one place per module.
const lookups: Lookup[] = [
  async (p, actor, id) => {
    if (!(await findActivity(p.db, id))) return null;
    const view = await loadActivity(p, actor, id, 'read');
    return { id, kind: 'activity', activity: toActivitySummary(view) };
  },
  async (p, actor, id) => {
    if (!(await findContact(p.db, id))) return null;
    const c = await getContact(p, actor, id);
    return { id, kind: 'contact', contact: { name: c.name, role: c.role, field: c.field, unit: c.unit } };
  },
  async (p, actor, id) => {
    if (!(await findPoint(p.db, id))) return null;
    return { id, kind: 'point', point: await getPoint(p, actor, id) };
  },
  async (p, actor, id) => {
    if (!(await findOrg(p.db, id))) return null;
    const org = await loadOrg(p, actor, id, 'read');
    const parent = org.parentId ? await findOrg(p.db, org.parentId) : null;
    return {
      id,
      kind: 'organization',
      organization: {
        name: org.name,
        level: org.level as TOrgLevel,
        parentId: org.parentId,
        parentName: parent?.name ?? null,
      },
    };
  },
  async (p, actor, id) => {
    if (!(await findCadre(p.db, id))) return null;
    const row = await loadCadre(p, actor, id, 'read');
    const c = toCadreDto(row);
    const { name, orgId, orgName, department, rank, employment } = c;
    return { id, kind: 'cadre', cadre: { name, orgId, orgName, department, rank, employment } };
  },
];

async function lookUp(p: Platform, actor: Actor, id: string): Promise<TComplianceRecord | null> {
  for (const lookup of lookups) {
    try {
      const found = await lookup(p, actor, id);
      if (found) return found;
    } catch (e) {
      // a refusal is already audited by the module; the id is withheld like an unknown one
      if (e instanceof AppError && e.code === 'forbidden') return null;
      throw e;
    }
  }
  return null;
}

/** The records behind a compliance number, those the actor may read; the others are withheld. */
export async function complianceRecords(
  p: Platform,
  actor: Actor,
  ids: readonly string[],
): Promise<TComplianceRecords> {
  const items: TComplianceRecord[] = [];
  const withheld: string[] = [];
  for (const id of new Set(ids)) {
    const found = await lookUp(p, actor, id);
    if (found) items.push(found);
    else withheld.push(id);
  }
  return { items, withheld };
}
