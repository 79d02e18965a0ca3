import { type ChainLink, countyOf, type OrgLevel, pathIds } from '@lianxin/domain';
import { chinaToday } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { canOnOrg } from '../actor.ts';
import { chainsOf, orgPaths, pointHolders, tenuresReadBy } from '../queries.ts';
import type { Grants } from '../types.ts';
import { grantWhere, type Policy, type PolicyContext } from './policy.ts';

/**
 * The county committee (县级团委) of each point organization: the organization itself or its
 * nearest county ancestor; for a grassroots organization hanging straight from a city, the
 * committee above it.
 */
async function committeePaths(db: Db, orgPathsOfPoints: string[]): Promise<Map<string, string | null>> {
  const all = [...new Set(orgPathsOfPoints.flatMap((path) => pathIds(path)))];
  const byId = new Map((await orgPaths(db, all)).map((o) => [o.id, o]));
  return new Map(
    orgPathsOfPoints.map((path) => {
      const chain = pathIds(path)
        .map((id) => byId.get(id))
        .filter((o) => o !== undefined)
        .reverse()
        .map((o) => ({ id: o.id, level: o.level as OrgLevel, path: o.path }));
      const county = countyOf<ChainLink & { path: string }>(chain);
      return [path, county?.path ?? chain.find((o) => o.level !== 'grassroots')?.path ?? null];
    }),
  );
}

/**
 * Reading a tenure's ledger (decision 15, cyl2014.ledger_handover): admins and leaders over any
 * holder of its chain or over the point's county committee read the whole chain; a holder reads
 * their own tenures and every earlier one.
 */
async function readGrants({ p, actor }: PolicyContext, ids: string[]): Promise<Grants> {
  const grants: Grants = new Map();
  if (actor.role === 'system_admin') {
    for (const r of await pointHolders(p.db, ids)) grants.set(r.id, 'system');
    return grants;
  }
  if (actor.role === 'org_admin' || actor.role === 'leader') {
    const chains = await chainsOf(p.db, ids);
    const committees = await committeePaths(p.db, [...new Set(chains.map((c) => c.org_path))]);
    for (const t of chains) {
      const committee = committees.get(t.org_path);
      const holderInScope = t.holder_path !== null && canOnOrg(actor, t.holder_path, 'read');
      if (holderInScope || (committee && canOnOrg(actor, committee, 'read'))) grants.set(t.start, 'scope');
    }
  }
  if (actor.cadreId) {
    const inherited = new Set(await tenuresReadBy(p.db, actor.cadreId));
    for (const id of ids) if (!grants.has(id) && inherited.has(id)) grants.set(id, 'holder');
  }
  return grants;
}

/**
 * Only an admin over the holder (the cadre's organization, or the holding organ) changes a tenure.
 * The 明白帐 is kept by the holder while the tenure runs (seed 000 四.2), and by those admins.
 */
export const contactPointPolicy: Policy<'contact_point'> = async (ctx, ids, action) => {
  if (action === 'read') return readGrants(ctx, ids);
  const day = chinaToday(ctx.p.clock);
  return grantWhere(await pointHolders(ctx.p.db, ids), (t) => {
    if (ctx.actor.role !== 'cadre' && t.holder_path !== null && canOnOrg(ctx.actor, t.holder_path, 'write'))
      return 'scope';
    const running = t.to_date === null || t.to_date >= day;
    return action === 'book' && running && t.cadre_id !== null && t.cadre_id === ctx.actor.cadreId
      ? 'holder'
      : null;
  });
};
