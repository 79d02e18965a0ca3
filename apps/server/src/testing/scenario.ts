import type { TRole } from '@lianxin/contracts';
import { contactKeepers, contactPoints, contacts } from '../platform/db/schema.ts';
import { type Client, makeAccount, makeCadre, makeOrg, signedIn, type TestContext } from './index.ts';

/** Who acts in the shared world: each an account of its own. */
export const roles = [
  'sys',
  'province',
  'city',
  'adminA',
  'leaderA',
  'cadreA1',
  'cadreA2',
  'adminB',
  'cadreB',
] as const;
export type Role = (typeof roles)[number];

/**
 * One world for access tests: a province with a city of two counties (A and B), each with a
 * grassroots organization and cadres; cadre A1 holds a point in A, keeps a youth there and
 * logged a talk with them. Every role is signed in.
 */
export async function cityWithTwoCounties(ctx: TestContext) {
  const { p } = ctx;
  for (const [id, level, parent] of [
    ['central', 'central', null],
    ['prov', 'province', 'central'],
    ['city', 'prefecture', 'prov'],
    ['cA', 'county', 'city'],
    ['cB', 'county', 'city'],
    ['gA', 'grassroots', 'cA'],
    ['gB', 'grassroots', 'cB'],
  ] as const)
    await makeOrg(p, { id, level, parent, name: `组织${id}` });
  const cadre = async (orgId: string, name: string) => (await makeCadre(p, { orgId, name })).id;
  const cadres = { A1: await cadre('cA', '甲一'), A2: await cadre('cA', '甲二'), B: await cadre('cB', '乙') };
  const accounts: Record<Role, [TRole, string | null, string | null]> = {
    sys: ['system_admin', null, null],
    province: ['org_admin', 'prov', null],
    city: ['org_admin', 'city', null],
    adminA: ['org_admin', 'cA', null],
    leaderA: ['leader', 'cA', null],
    cadreA1: ['cadre', 'cA', cadres.A1],
    cadreA2: ['cadre', 'cA', cadres.A2],
    adminB: ['org_admin', 'cB', null],
    cadreB: ['cadre', 'cB', cadres.B],
  };
  const accountIds = {} as Record<Role, string>;
  for (const [name, [role, scopeOrgId, cadreId]] of Object.entries(accounts) as [
    Role,
    (typeof accounts)[Role],
  ][])
    accountIds[name] = await makeAccount(p, { username: name, role, scopeOrgId, cadreId });
  await p.db
    .insert(contactPoints)
    .values({ id: 'pA1', cadreId: cadres.A1, orgId: 'gA', fromDate: '2026-01-01' });
  await p.db.insert(contacts).values({ id: 'yA', name: '甲县青年', role: 'youth' });
  await p.db.insert(contactKeepers).values({ contactId: 'yA', cadreId: cadres.A1 });
  const clients = {} as Record<Role, Client>;
  for (const role of roles) clients[role] = await signedIn(ctx, role);
  const talk = await clients.cadreA1.post('/api/v1/activities', {
    type: 'talk',
    date: '2026-02-10',
    mode: 'face_to_face',
    point: 'pA1',
    contacts: ['yA'],
  });
  if (talk.statusCode !== 201) throw new Error(`scenario talk: ${talk.statusCode} ${talk.body}`);
  return { cadres, accountIds, clients, activityId: talk.json().activity.id as string };
}
