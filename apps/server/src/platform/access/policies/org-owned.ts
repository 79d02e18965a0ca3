import { canOnOrg } from '../actor.ts';
import {
  exemptionRequesters,
  orgAssessmentSides,
  orgReportOwners,
  ownerPaths,
  proposalSides,
} from '../queries.ts';
import { grantWhere, type Policy } from './policy.ts';

type Owned = 'posting_program' | 'assessment' | 'report_recommendation' | 'org_assessment';

/** A record owned by an organization is read and written as that organization is. */
function ownedBy<T extends Owned>(table: Parameters<typeof ownerPaths>[1]): Policy<T> {
  return async ({ p, actor }, ids, action) =>
    grantWhere(await ownerPaths(p.db, table, ids), (r) =>
      canOnOrg(actor, r.path, action === 'read' ? 'read' : 'write') ? 'scope' : null,
    );
}

export const postingProgramPolicy = ownedBy<'posting_program'>('posting_programs');
export const assessmentPolicy = ownedBy<'assessment'>('assessments');
const recommendationOwner = ownedBy<'report_recommendation'>('report_recommendations');
/** 优秀调研报告评选: a recommendation is scored from above the recommending unit, never by it. */
export const reportRecommendationPolicy: Policy<'report_recommendation'> = async (ctx, ids, action) =>
  action === 'score'
    ? grantWhere(await ownerPaths(ctx.p.db, 'report_recommendations', ids), (r) =>
        above(ctx.actor, r.path) ? 'above' : null,
      )
    : recommendationOwner(ctx, ids, action);
const gradingLevel = ownedBy<'org_assessment'>('org_assessments');
/**
 * 下级组织考核: read and written as the grading level is. One organization's entry (`read_entry`) is
 * read there too and, once published, by the admins of the organizations graded: not a draft, and
 * the service gives them their own organization's entry only.
 */
export const orgAssessmentPolicy: Policy<'org_assessment'> = async (ctx, ids, action) =>
  action === 'read_entry'
    ? grantWhere(await orgAssessmentSides(ctx.p.db, ids), (r) => {
        if (canOnOrg(ctx.actor, r.path, 'read')) return 'scope';
        const graded =
          r.status === 'published' &&
          ctx.actor.role === 'org_admin' &&
          r.graded_paths.some((path) => canOnOrg(ctx.actor, path, 'write'));
        return graded ? 'graded' : null;
      })
    : gradingLevel(ctx, ids, action);

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

/** Strictly above an organization: a system admin, or an org admin whose scope holds it and is not it. */
const above = (actor: Parameters<typeof canOnOrg>[0], path: string) =>
  actor.role === 'system_admin' ||
  (actor.role === 'org_admin' && actor.scopePath !== path && canOnOrg(actor, path, 'write'));

/**
 * A candidate contact point (seed 003): read by the admins and leaders of either side; decided by
 * an admin of the organ asked (never by the proposing committee alone).
 */
export const pointProposalPolicy: Policy<'point_proposal'> = async ({ p, actor }, ids, action) =>
  grantWhere(await proposalSides(p.db, ids), (r) => {
    if (action === 'decide') return canOnOrg(actor, r.to_path, 'write') ? 'organ' : null;
    if (canOnOrg(actor, r.to_path, 'read')) return 'organ';
    return canOnOrg(actor, r.by_path, 'read') ? 'proposer' : null;
  });

/** An organization's report upward: its admins write it, admins and leaders over it read it, admins above review it. */
export const orgReportPolicy: Policy<'org_report'> = async ({ p, actor }, ids, action) =>
  grantWhere(await orgReportOwners(p.db, ids), (r) => {
    if (action === 'review') return above(actor, r.path) ? 'above' : null;
    return canOnOrg(actor, r.path, action === 'read' ? 'read' : 'write') ? 'scope' : null;
  });
