import { canOnOrg } from '../actor.ts';
import { cadreOrgs, orgPaths } from '../queries.ts';
import { grantWhere, type Policy } from './policy.ts';

/**
 * A level's bulletin (通报, id: the issuing organization's): read by admins and leaders over that
 * level and by the level's own cadres (it is published to them); its ranking switches are set by
 * the level's admins.
 */
export const bulletinPolicy: Policy<'bulletin'> = async ({ p, actor }, ids, action) => {
  const own = actor.cadreId ? (await cadreOrgs(p.db, [actor.cadreId]))[0]?.org_id : undefined;
  return grantWhere(await orgPaths(p.db, ids), (o) => {
    if (canOnOrg(actor, o.path, action === 'read' ? 'read' : 'write')) return 'scope';
    return action === 'read' && own === o.id ? 'own_level' : null;
  });
};
