import type { SQL } from 'drizzle-orm';
import { type Actor, activityReadScope, authorize } from '../../platform/access/index.ts';
import { notFound } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { cadreOrg, findActivity, pointOrg } from './activities.repo.ts';

/** The activity, or 404; then the access layer's answer, or 403 (audited). */
export async function loadActivity(p: Platform, actor: Actor, id: string, action: 'read' | 'write') {
  const v = await findActivity(p.db, id);
  if (!v) throw notFound('Activity', id, '活动记录');
  await authorize(p, actor, { type: 'activity', id }, action);
  return v;
}

/** Rows of a list the actor may read, as SQL over activities ⋈ cadre_org ⟕ point_org. */
export function readScope(p: Platform, actor: Actor): Promise<SQL | undefined> {
  return activityReadScope(p, actor, { cadreOrgPath: cadreOrg.path, pointOrgPath: pointOrg.path });
}
