import { chinaToday } from '../../clock.ts';
import { canOnOrg } from '../actor.ts';
import { cadreOrgs, openDayFacts } from '../queries.ts';
import { grantWhere, type Policy } from './policy.ts';

/**
 * 专题开放日 of a county committee: its admins announce it, keep the roster and check people in;
 * leaders over it read; anyone signs up while sign-up is open and the day has not passed (the
 * public form asks nothing else of the actor); an attendee is taken into the contacts of one of
 * the committee's own cadres (by that cadre, or an admin over the committee).
 */
export const openDayPolicy: Policy<'open_day'> = async ({ p, actor }, ids, action) => {
  const facts = await openDayFacts(p.db, ids, chinaToday(p.clock));
  const own = actor.cadreId ? (await cadreOrgs(p.db, [actor.cadreId]))[0]?.org_id : undefined;
  return grantWhere(facts, (d) => {
    switch (action) {
      case 'sign_up':
        return d.signup ? 'open' : null;
      case 'read':
        return canOnOrg(actor, d.path, 'read') ? 'scope' : null;
      case 'take':
        if (canOnOrg(actor, d.path, 'write')) return 'scope';
        return own === d.org_id ? 'own_level' : null;
      default:
        return canOnOrg(actor, d.path, 'write') ? 'scope' : null;
    }
  });
};
