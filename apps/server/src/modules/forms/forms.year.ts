import { and, eq, isNull, like } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '../../platform/access/index.ts';
import { cadres, contactPoints, organizations } from '../../platform/db/schema.ts';
import type { Platform } from '../../platform/platform.ts';
import { findFiling } from '../annual-cycle/annual-cycle.repo.ts';
import { subtreePattern } from '../organizations/organizations.repo.ts';
import { loadOrg } from '../organizations/organizations.service.ts';
import {
  adminsForm,
  cadreArchiveForm,
  type FormFile,
  pointArchiveForm,
  pointRegistrationForm,
  summaryForm,
  taskListForm,
} from './forms.service.ts';

const contactOrg = alias(organizations, 'contact_org');

/**
 * Every form of an organization's year: 附表2 for the organization and for each of its departments,
 * the point registration, the admins, and per cadre of the subtree the task list (when filed) and
 * the annual archive, and the handover archive of every point they hold now.
 */
export async function formsOfYear(
  p: Platform,
  actor: Actor,
  year: number,
  orgId: string,
): Promise<FormFile[]> {
  const org = await loadOrg(p, actor, orgId, 'read');
  const staff = await p.db
    .select({ id: cadres.id, orgId: cadres.orgId, department: cadres.department })
    .from(cadres)
    .innerJoin(organizations, eq(organizations.id, cadres.orgId))
    .where(and(like(organizations.path, subtreePattern(org.path)), eq(cadres.active, true)));
  const departments = [
    ...new Set(staff.filter((c) => c.orgId === org.id && c.department).map((c) => c.department as string)),
  ];
  const files: FormFile[] = [
    await summaryForm(p, actor, year, org.id),
    ...(await Promise.all(departments.sort().map((d) => summaryForm(p, actor, year, org.id, d)))),
    await pointRegistrationForm(p, actor, year, org.id),
    await adminsForm(p, actor, org.id),
  ];
  for (const c of staff) {
    if (await findFiling(p.db, c.id, year, 'task_list')) files.push(await taskListForm(p, actor, year, c.id));
    files.push(await cadreArchiveForm(p, actor, year, c.id));
  }
  const heldNow = await p.db
    .select({ id: contactPoints.id })
    .from(contactPoints)
    .innerJoin(cadres, eq(cadres.id, contactPoints.cadreId))
    .innerJoin(contactOrg, eq(contactOrg.id, cadres.orgId))
    .where(and(like(contactOrg.path, subtreePattern(org.path)), isNull(contactPoints.toDate)));
  for (const pt of heldNow) files.push(await pointArchiveForm(p, actor, pt.id));
  return uniqueNames(files);
}

/** Two cadres of one name get `-2`, `-3` … so no file overwrites another. */
function uniqueNames(files: FormFile[]): FormFile[] {
  const seen = new Map<string, number>();
  return files.map((f) => {
    const n = (seen.get(f.fileName) ?? 0) + 1;
    seen.set(f.fileName, n);
    return n === 1 ? f : { ...f, fileName: f.fileName.replace(/(\.\w+)$/, `-${n}$1`) };
  });
}
