import type { TCadreInput, TEmployment, TRank, TRole } from '@lianxin/contracts';
import { childPath } from '@lianxin/domain';
import { eq } from 'drizzle-orm';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { accounts, organizations, pointProposals } from '../../platform/db/schema.ts';
import { inTransaction, type Platform } from '../../platform/platform.ts';
import { insertCadre } from '../cadres/cadres.service.ts';
import { seedDivisions } from '../divisions/divisions.service.ts';
import { importLedger, operatorActor } from '../ledger/ledger.import.ts';
import { demoLedger } from './demo-ledger.ts';

/** Demo mode only (decision 19): known passwords, shown on a banner and printed at start. */
export const DEMO_PASSWORD = 'Lianxin@2026';

const demoActor = operatorActor('demo-seed');

const adminAccounts: { username: string; role: TRole; scopeOrgId: string | null }[] = [
  { username: 'admin', role: 'system_admin', scopeOrgId: null },
  { username: 'sx-admin', role: 'org_admin', scopeOrgId: 'div-610000' },
  { username: 'bj-admin', role: 'org_admin', scopeOrgId: 'div-610300' },
  { username: 'wb-admin', role: 'org_admin', scopeOrgId: 'div-610302' },
  { username: 'jt-admin', role: 'org_admin', scopeOrgId: 'div-610303' },
  { username: 'bj-leader', role: 'leader', scopeOrgId: 'div-610300' },
];

// Grassroots organizations of 渭滨区 and 金台区 (宝鸡), the seed 001 city.
const grassroots: { id: string; name: string; parent: string; field: string }[] = [
  { id: 'demo-g-wb-1', name: '共青团宝鸡某机床集团委员会', parent: 'div-610302', field: 'enterprise' },
  { id: 'demo-g-wb-2', name: '共青团渭滨区神农镇委员会', parent: 'div-610302', field: 'rural' },
  { id: 'demo-g-wb-3', name: '宝鸡某中学团委', parent: 'div-610302', field: 'school' },
  { id: 'demo-g-wb-4', name: '经二路社区团支部', parent: 'div-610302', field: 'community' },
  { id: 'demo-g-jt-1', name: '共青团金台区陈仓镇委员会', parent: 'div-610303', field: 'rural' },
  { id: 'demo-g-jt-2', name: '金台区青年志愿者协会团支部', parent: 'div-610303', field: 'social_org' },
  { id: 'demo-g-jt-3', name: '金台区某网络公司团支部', parent: 'div-610303', field: 'new_media' },
];

const surnames = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗';
const given = [
  '晓东',
  '海燕',
  '建军',
  '丽娜',
  '志强',
  '婷婷',
  '文博',
  '雪梅',
  '子豪',
  '佳怡',
  '俊杰',
  '欣然',
];

// where the demo cadres work: organ, department, how many, rank and employment mix
const postings: {
  org: string;
  department: string | null;
  count: number;
  ranks: TRank[];
  employment: TEmployment[];
}[] = [
  {
    org: 'div-610000',
    department: '组织部',
    count: 4,
    ranks: ['bureau', 'division', 'deputy_division', 'section'],
    employment: ['full_time'],
  },
  {
    org: 'div-610300',
    department: '组织部',
    count: 5,
    ranks: ['division', 'deputy_division', 'section', 'staff'],
    employment: ['full_time'],
  },
  {
    org: 'div-610300',
    department: '宣传部',
    count: 5,
    ranks: ['deputy_division', 'section', 'staff'],
    employment: ['full_time', 'seconded'],
  },
  {
    org: 'div-610302',
    department: null,
    count: 6,
    ranks: ['section', 'staff'],
    employment: ['full_time', 'part_time'],
  },
  {
    org: 'div-610303',
    department: null,
    count: 6,
    ranks: ['section', 'staff'],
    employment: ['full_time', 'seconded', 'part_time'],
  },
  { org: 'div-610304', department: null, count: 4, ranks: ['section', 'staff'], employment: ['full_time'] },
];

function demoCadres(): TCadreInput[] {
  const out: TCadreInput[] = [];
  let n = 0;
  for (const post of postings) {
    for (let i = 0; i < post.count; i++, n++) {
      out.push({
        name: `${surnames[n % surnames.length]}${given[(n * 7) % given.length]}`,
        orgId: post.org,
        department: post.department,
        rank: post.ranks[i % post.ranks.length] as TRank,
        employment: post.employment[i % post.employment.length] as TEmployment,
        grassrootsYears: n % 5,
        hiredOn: `${2012 + (n % 12)}-07-01`,
        probationEndsOn: n % 9 === 0 ? '2027-01-01' : null,
        position: i === 0 ? '书记' : '工作人员',
        mobile: `1380917${String(1000 + n).padStart(4, '0')}`,
        idNumber: null,
      });
    }
  }
  return out;
}

/**
 * 陕西's real tree, grassroots organizations of 宝鸡, 30 cadres and accounts of every role.
 * Runs once: a database that already has the demo admin is left as it is.
 */
export async function seedDemo(p: Platform) {
  const list = [
    ...adminAccounts.map((a) => ({ username: a.username, password: DEMO_PASSWORD, role: a.role })),
    ...['cadre01', 'cadre02', 'cadre03'].map((u) => ({
      username: u,
      password: DEMO_PASSWORD,
      role: 'cadre',
    })),
  ];
  const [existing] = await p.db
    .select({ id: accounts.id })
    .from(accounts)
    .where(eq(accounts.username, 'admin'));
  if (existing) return list;
  await seedDivisions(p, demoActor.name, '61');
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const cadreIds = await inTransaction(p, async (tx) => {
    for (const g of grassroots) {
      const [parent] = await tx.select().from(organizations).where(eq(organizations.id, g.parent));
      await tx
        .insert(organizations)
        .values({ ...g, parentId: g.parent, level: 'grassroots', path: childPath(parent!.path, g.id) });
    }
    const cadres = [];
    for (const c of demoCadres()) cadres.push(await insertCadre(p, tx, demoActor, c.orgId, c));
    const rows = [
      ...adminAccounts.map((a) => ({ ...a, cadreId: null })),
      // the first county cadres of 渭滨 and 金台 get accounts of their own
      ...[cadres[14], cadres[15], cadres[20]].map((c, i) => ({
        username: `cadre0${i + 1}`,
        role: 'cadre' as TRole,
        scopeOrgId: c!.orgId,
        cadreId: c!.id,
      })),
    ];
    for (const a of rows) {
      await tx
        .insert(accounts)
        .values({ id: crypto.randomUUID(), ...a, passwordHash, mustChangePassword: false });
    }
    await p.audit.append(tx, {
      actor: demoActor.name,
      action: 'demo.seed',
      after: { accounts: rows.map((r) => r.username) },
    });
    // demoCadres() makes 30: the first three are the provincial committee's, 14 and 15 渭滨's
    const ids = cadres.map((c) => c.id);
    const id = (i: number) => ids[i] ?? '';
    return { cadre01: id(14), cadre02: id(15), province: [id(0), id(1), id(2)] as [string, string, string] };
  });
  await importLedger(p, demoActor, demoLedger(cadreIds));
  // 渭滨 proposes one of its organizations as a point of 宝鸡's organ, waiting for 宝鸡 to decide (seed 003)
  await p.db.insert(pointProposals).values({
    id: 'demo-proposal-1',
    proposedByOrgId: 'div-610302',
    toOrgId: 'div-610300',
    orgId: 'demo-g-wb-4',
    category: 'improve',
    topic: '社区青年之家建设',
    reason: '社区青年多、团支部活力不足，需上级联系指导',
    status: 'pending',
    proposedBy: 'wb-admin',
    proposedOn: '2026-02-10',
  });
  return list;
}
