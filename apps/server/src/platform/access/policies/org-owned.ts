import { canOnOrg } from '../actor.ts';
import { exemptionRequesters, ownerPaths } from '../queries.ts';
import { grantWhere, type Policy } from './policy.ts';

type Owned = 'posting_program' | 'assessment' | 'report_recommendation';

/** A record owned by an organization is read and written as that organization is. */
function ownedBy<T extends Owned>(table: Parameters<typeof ownerPaths>[1]): Policy<T> {
  return async ({ p, actor }, ids, action) =>
    grantWhere(await ownerPaths(p.db, table, ids), (r) =>
      canOnOrg(actor, r.path, action === 'read' ? 'read' : 'write') ? 'scope' : null,
    );
}

export const postingProgramPolicy = ownedBy<'posting_program'>('posting_programs');
export const assessmentPolicy = ownedBy<'assessment'>('assessments');
export const reportRecommendationPolicy = ownedBy<'report_recommendation'>('report_recommendations');

/**
 * An exemption is approved from above the requesting organization (the seed: the provincial
 * committee asks, the central organization department approves), never by the requester itself.
 */
export const exemptionPolicy: Policy<'exemption'> = async ({ p, actor }, ids) =>
  grantWhere(await exemptionRequesters(p.db, ids), (r) => {
    if (actor.role === 'system_admin') return 'system';
    const above =
      actor.role === 'org_admin' && actor.scopePath !== r.path && canOnOrg(actor, r.path, 'write');
    return above ? 'above' : null;
  });
