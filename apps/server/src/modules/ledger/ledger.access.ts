import { type Actor, authorizeAll, canOnOrg, refuse } from '../../platform/access/index.ts';
import type { Platform } from '../../platform/platform.ts';

/** What a clean document would write, as the access layer needs to judge it. */
export interface LedgerWrites {
  /** every organization a change touches, where it stands now and where it will stand */
  touched: { id: string; path: string }[];
  /** ids of records that exist now and would change, per kind */
  changed: {
    organizations: string[];
    cadres: string[];
    contactPoints: string[];
    contacts: string[];
    activities: string[];
  };
  /** existing contacts the document gives a keeper they did not have */
  keepersAdded: string[];
  /** existing tenures a written tenure would name as its predecessor (it would inherit their ledger) */
  predecessors: string[];
  /** existing contacts a written activity names (it would link them to the activity's point) */
  contactsNamed: string[];
}

/**
 * The ledger import asks the access layer per record, batched (decision 25): to place every
 * touched organization, to change each existing record, to add keepers to a person
 * on file (as a keeper request would), to link a tenure to a predecessor (as a rotation would) and
 * to name an existing person in an activity. The first refusal is audited and answered 403.
 */
export async function authorizeLedgerWrites(p: Platform, actor: Actor, w: LedgerWrites) {
  if (actor.role === 'system_admin') return;
  // organizations not yet in the database are judged by where the document places them
  for (const t of w.touched)
    if (!canOnOrg(actor, t.path, 'write')) throw await refuse(p, actor, 'organization', t.id, 'write');
  await authorizeAll(p, actor, 'organization', w.changed.organizations, 'write');
  await authorizeAll(p, actor, 'cadre', w.changed.cadres, 'write');
  await authorizeAll(p, actor, 'contact_point', w.changed.contactPoints, 'write');
  await authorizeAll(p, actor, 'contact', w.changed.contacts, 'write');
  await authorizeAll(p, actor, 'activity', w.changed.activities, 'write');
  await authorizeAll(p, actor, 'contact', w.keepersAdded, 'keep');
  await authorizeAll(p, actor, 'contact_point', w.predecessors, 'write');
  await authorizeAll(p, actor, 'contact', w.contactsNamed, 'read');
}
