import type { Platform } from '../platform.ts';
import type { Actor } from './actor.ts';
import { accountPolicy } from './policies/account.ts';
import { activityPolicy, attachmentPolicy, problemPolicy } from './policies/activity.ts';
import { bulletinPolicy } from './policies/bulletin.ts';
import { cadreBasis, cadrePolicy, filingPolicy } from './policies/cadre.ts';
import { cardMessagePolicy, cardPolicy } from './policies/card.ts';
import { contactPolicy, keeperRequestPolicy } from './policies/contact.ts';
import { contactPointPolicy } from './policies/contact-point.ts';
import { importJobPolicy } from './policies/import-job.ts';
import { openDayPolicy } from './policies/open-day.ts';
import {
  assessmentPolicy,
  exemptionPolicy,
  orgAssessmentPolicy,
  orgReportPolicy,
  pointProposalPolicy,
  postingProgramPolicy,
  reportRecommendationPolicy,
} from './policies/org-owned.ts';
import { organizationBasis, organizationPolicy } from './policies/organization.ts';
import type { Policy } from './policies/policy.ts';
import { postingGroupPolicy, postingPolicy } from './policies/posting.ts';
import { showcaseCasePolicy } from './policies/showcase.ts';
import { auditLogPolicy, ledgerPolicy } from './policies/system.ts';
import { refuse } from './refuse.ts';
import type { Action, Grants, ObjectType } from './types.ts';

export { type Actor, canOnOrg, isAdmin, type Permission, visitorActor } from './actor.ts';
export { tenuresReadBy } from './queries.ts';
export { refuse } from './refuse.ts';
export { activityReadScope } from './scopes.ts';
export type { Action, Grants, ObjectType } from './types.ts';

/**
 * The one access layer (decision 25). Every read and write of an object — from a route, the
 * ledger import or a public page — asks here; a module never decides a permission itself.
 * Deny by default: an object type without a policy, an unknown id, or a policy that finds no
 * basis is refused.
 */
const policies: { [T in ObjectType]: Policy<T> } = {
  organization: organizationPolicy,
  cadre: cadrePolicy,
  account: accountPolicy,
  contact: contactPolicy,
  keeper_request: keeperRequestPolicy,
  contact_point: contactPointPolicy,
  activity: activityPolicy,
  attachment: attachmentPolicy,
  problem: problemPolicy,
  posting: postingPolicy,
  posting_group: postingGroupPolicy,
  filing: filingPolicy,
  posting_program: postingProgramPolicy,
  assessment: assessmentPolicy,
  report_recommendation: reportRecommendationPolicy,
  exemption: exemptionPolicy,
  point_proposal: pointProposalPolicy,
  org_report: orgReportPolicy,
  audit_log: auditLogPolicy,
  ledger: ledgerPolicy,
  import_job: importJobPolicy,
  bulletin: bulletinPolicy,
  org_assessment: orgAssessmentPolicy,
  open_day: openDayPolicy,
  showcase_case: showcaseCasePolicy,
  card: cardPolicy,
  card_message: cardMessagePolicy,
};

/** The ids among `ids` the actor may act on, each with its basis; nothing is audited. */
export async function allowed<T extends ObjectType>(
  p: Platform,
  actor: Actor,
  type: T,
  ids: string[],
  action: Action<T>,
): Promise<Grants> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const policy = policies[type] as Policy<T>;
  return policy({ p, actor }, unique, action);
}

/** Whether the actor may act on one object; nothing is audited (for shaping an answer). */
export async function can<T extends ObjectType>(
  p: Platform,
  actor: Actor,
  object: { type: T; id: string },
  action: Action<T>,
): Promise<boolean> {
  return (await allowed(p, actor, object.type, [object.id], action)).has(object.id);
}

/**
 * The actor acts on the object, or a 403 is thrown and the refusal audited. Returns the basis
 * (keeper, successor, scope, own …), which reveals record.
 */
export async function authorize<T extends ObjectType>(
  p: Platform,
  actor: Actor,
  object: { type: T; id: string },
  action: Action<T>,
  refusalContext?: unknown,
): Promise<string> {
  const basis = (await allowed(p, actor, object.type, [object.id], action)).get(object.id);
  return decided(p, actor, object.type, object.id, action, basis ?? null, refusalContext);
}

/**
 * `authorize` on a cadre whose organization path the caller read already, in the statement that
 * read the cadre's other facts (a write's one read): the cadre policy's own decision, without its read.
 */
export async function authorizeCadre(
  p: Platform,
  actor: Actor,
  cadre: { id: string; path: string },
  action: Action<'cadre'>,
): Promise<string> {
  return decided(p, actor, 'cadre', cadre.id, action, cadreBasis(actor, cadre, action));
}

/** `authorize` on an organization whose row the caller read already: the policy's decision on its path. */
export async function authorizeOrg(
  p: Platform,
  actor: Actor,
  org: { id: string; path: string },
  action: Action<'organization'>,
): Promise<string> {
  return decided(p, actor, 'organization', org.id, action, organizationBasis(actor, org, action));
}

/** The basis of a decision, or a 403 thrown and the refusal audited. */
async function decided<T extends ObjectType>(
  p: Platform,
  actor: Actor,
  type: T,
  id: string,
  action: Action<T>,
  basis: string | null,
  refusalContext?: unknown,
): Promise<string> {
  if (basis === null) throw await refuse(p, actor, type, id, action, refusalContext);
  return basis;
}

/** Every object of the batch, or a 403 naming the first refused (audited). */
export async function authorizeAll<T extends ObjectType>(
  p: Platform,
  actor: Actor,
  type: T,
  ids: string[],
  action: Action<T>,
): Promise<Grants> {
  const grants = await allowed(p, actor, type, ids, action);
  const refused = ids.find((id) => !grants.has(id));
  if (refused !== undefined) throw await refuse(p, actor, type, refused, action);
  return grants;
}
