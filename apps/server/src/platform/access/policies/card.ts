import { canOnOrg } from '../actor.ts';
import { cardFacts, cardMessageCards } from '../queries.ts';
import type { Action, Grants } from '../types.ts';
import { grantWhere, type Policy, type PolicyContext } from './policy.ts';

/**
 * A public card (联系名片, decision 31). Its owner — the cadre, or the cadre holding the point —
 * reads and writes it, admins over the owner too, leaders read it. A visitor views it and leaves
 * messages only on the card its URL gave it, and only while it is on: off, it is as if it never
 * was (the caller answers 404).
 */
async function cardGrants(
  { p, actor }: PolicyContext,
  ids: string[],
  action: Action<'card'>,
): Promise<Grants> {
  const facts = await cardFacts(p.db, ids);
  if (actor.role === 'visitor') {
    if (action !== 'view' && action !== 'message') return new Map();
    return grantWhere(facts, (k) => (k.enabled && k.id === actor.card ? 'visitor' : null));
  }
  if (action === 'view' || action === 'message') return new Map();
  return grantWhere(facts, (k) => {
    if (actor.cadreId && actor.cadreId === k.owner_cadre) return 'own';
    const perm = action === 'read' ? 'read' : 'write';
    return k.owner_path !== null && canOnOrg(actor, k.owner_path, perm) ? 'scope' : null;
  });
}

export const cardPolicy: Policy<'card'> = cardGrants;

/**
 * A youth's message left on a card: whoever may write the card reads and replies to it; a visitor
 * follows it (reads the reply by its code) only on the same card, while it is on, so a code found
 * on one card opens nothing on another.
 */
export const cardMessagePolicy: Policy<'card_message'> = async (ctx, ids, action) => {
  const links = await cardMessageCards(ctx.p.db, ids);
  const cardIds = [...new Set(links.map((l) => l.card_id))];
  const onCards =
    action === 'follow' ? await cardGrants(ctx, cardIds, 'view') : await cardGrants(ctx, cardIds, 'write');
  return grantWhere(links, (l) => onCards.get(l.card_id) ?? null);
};
