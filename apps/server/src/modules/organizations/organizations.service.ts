import crypto from 'node:crypto';
import type {
  TCreateOrganizationRequest,
  TOrganization,
  TUpdateOrganizationRequest,
} from '@lianxin/contracts';
import { canPlaceUnder, childPath, moveWouldCycle, pathIds } from '@lianxin/domain';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { type Actor, authorizeOrg, refuse } from '../../platform/access/index.ts';
import type { Db } from '../../platform/db/client.ts';
import { cadres, organizations } from '../../platform/db/schema.ts';
import { AppError, badRequest, notFound } from '../../platform/errors.ts';
import { inTransaction, type Platform } from '../../platform/platform.ts';
import {
  countOpenChildren,
  findByDivisionCode,
  findOrg,
  findOrgDto,
  findOrgsByIds,
  findWithChildren,
  listChildren,
  type OrgRow,
  rewriteSubtreePaths,
  searchOrgs,
} from './organizations.repo.ts';

/** The organization, or 404; then the actor's access to it, or 403 (audited). */
export async function loadOrg(
  p: Platform,
  actor: Actor,
  id: string,
  perm: 'read' | 'write',
): Promise<OrgRow> {
  const org = await findOrg(p.db, id);
  if (!org) throw notFound('Organization', id, '组织');
  await authorizeOrg(p, actor, org, perm);
  return org;
}

export async function listOrganizations(
  p: Platform,
  actor: Actor,
  q: { parent?: string; q?: string; includeClosed: boolean },
): Promise<TOrganization[]> {
  if (q.q) {
    if (actor.role === 'cadre') throw await refuse(p, actor, 'organization', 'search', 'read');
    const found = await searchOrgs(p.db, q.q, actor.role === 'system_admin' ? null : actor.scopePath);
    return found.filter((o) => q.includeClosed || !o.closedOn);
  }
  if (q.parent) return listChildrenOf(p, actor, q.parent, q.includeClosed);
  // no parent: the roots of the caller's scope
  if (actor.role === 'system_admin') return listChildren(p.db, null, q.includeClosed);
  if (!actor.scopeOrgId) throw await refuse(p, actor, 'organization', 'roots', 'read');
  const root = await findOrgDto(p.db, actor.scopeOrgId);
  return root ? [root] : [];
}

/** The web tree's expand: the parent is read with its children, then access decided on its path. */
async function listChildrenOf(p: Platform, actor: Actor, parentId: string, includeClosed: boolean) {
  const parent = await findWithChildren(p.db, parentId, includeClosed);
  if (!parent) throw notFound('Organization', parentId, '组织');
  await authorizeOrg(p, actor, { id: parentId, path: parent.path }, 'read');
  return parent.children;
}

export async function getOrganization(p: Platform, actor: Actor, id: string) {
  const org = await loadOrg(p, actor, id, 'read');
  const shown = await findOrgDto(p.db, id);
  // root → self, for breadcrumbs
  const chain = await findOrgsByIds(p.db, pathIds(org.path));
  const byId = new Map(chain.map((o) => [o.id, o]));
  const path = pathIds(org.path)
    .map((a) => byId.get(a))
    .filter((o): o is OrgRow => o !== undefined)
    .map((o) => ({ id: o.id, name: o.name, level: o.level as TOrganization['level'] }));
  return { ...shown!, path };
}

function placementError(childLevel: string, parent: OrgRow | null) {
  const problem = canPlaceUnder(
    childLevel as TOrganization['level'],
    (parent?.level ?? null) as TOrganization['level'] | null,
  );
  if (problem)
    throw badRequest(problem.en, problem.zh, [
      { path: 'parentId', message: `${problem.zh} / ${problem.en}` },
    ]);
}

async function assertDivisionCodeFree(
  db: Db,
  level: string,
  code: string | null | undefined,
  selfId?: string,
) {
  if (!code) return;
  const taken = await findByDivisionCode(db, level, code);
  if (taken && taken.id !== selfId) {
    throw new AppError(
      'conflict',
      `Division code ${code} is already used at level ${level} by ${taken.id}`,
      `行政区划代码 ${code} 已被同级组织「${taken.name}」（${taken.id}）使用`,
      [{ path: 'divisionCode', message: `已被 ${taken.id} 使用 / used by ${taken.id}` }],
    );
  }
}

export async function createOrganization(
  p: Platform,
  actor: Actor,
  body: TCreateOrganizationRequest,
  id?: string,
) {
  const parent = await loadOrg(p, actor, body.parentId, 'write');
  placementError(body.level, parent);
  if (body.field && body.level !== 'grassroots') {
    throw badRequest('Only grassroots organizations have a field', '只有基层组织填写领域', [
      { path: 'field', message: '只有基层组织填写领域 / only grassroots organizations have a field' },
    ]);
  }
  const orgId = id ?? crypto.randomUUID();
  return inTransaction(p, async (tx) => {
    await assertDivisionCodeFree(tx, body.level, body.divisionCode);
    const row = {
      id: orgId,
      name: body.name,
      shortName: body.shortName ?? null,
      level: body.level,
      parentId: parent.id,
      path: childPath(parent.path, orgId),
      divisionCode: body.divisionCode ?? null,
      field: body.field ?? null,
    };
    // the day of entry is the founding day the 六个一 count (new_orgs) reads: the product's clock
    const createdAt = p.clock.now();
    await tx.insert(organizations).values({ ...row, createdAt });
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'organization.create',
      objectType: 'organization',
      objectId: orgId,
      after: row,
      ip: actor.ip,
    });
    const { path: _, ...shown } = row;
    return { ...shown, municipal: false, closedOn: null, childCount: 0 } satisfies TOrganization;
  });
}

export async function updateOrganization(
  p: Platform,
  actor: Actor,
  id: string,
  body: TUpdateOrganizationRequest,
) {
  const org = await loadOrg(p, actor, id, 'write');
  if (org.closedOn) throw new AppError('conflict', 'Organization is closed', '该组织已撤销，不能修改');
  let newPath = org.path;
  if (body.parentId !== undefined && body.parentId !== org.parentId) {
    const parent = await loadOrg(p, actor, body.parentId, 'write');
    if (moveWouldCycle(org.path, parent.path)) {
      throw badRequest(
        'Cannot move an organization under itself or its descendants',
        '不能移动到自身或其下级组织之下',
        [{ path: 'parentId', message: '不能移动到自身或其下级之下 / would create a cycle' }],
      );
    }
    placementError(org.level, parent);
    newPath = childPath(parent.path, org.id);
  }
  if (body.field !== undefined && body.field !== null && org.level !== 'grassroots') {
    throw badRequest('Only grassroots organizations have a field', '只有基层组织填写领域');
  }
  const changes = {
    ...(body.name !== undefined && { name: body.name }),
    ...(body.shortName !== undefined && { shortName: body.shortName }),
    ...(body.field !== undefined && { field: body.field }),
    ...(newPath !== org.path && { parentId: body.parentId, path: newPath }),
  };
  return inTransaction(p, async (tx) => {
    await tx.update(organizations).set(changes).where(eq(organizations.id, id));
    if (newPath !== org.path) await rewriteSubtreePaths(tx, org.path, newPath);
    await p.audit.append(tx, {
      actor: actor.name,
      action: newPath !== org.path ? 'organization.move' : 'organization.update',
      objectType: 'organization',
      objectId: id,
      before: pick(org, Object.keys(changes)),
      after: changes,
      ip: actor.ip,
    });
    return (await findOrgDto(tx, id))!;
  });
}

/** 撤销: like 智慧团建, only an organization with no open sub-organizations and no active cadres. */
export async function closeOrganization(p: Platform, actor: Actor, id: string, closedOn: string) {
  const org = await loadOrg(p, actor, id, 'write');
  if (org.closedOn) throw new AppError('conflict', 'Organization already closed', '该组织已撤销');
  if (actor.scopeOrgId === id) throw await refuse(p, actor, 'organization', id, 'write');
  const children = await countOpenChildren(p.db, id);
  const [active] = await p.db
    .select({ n: sql<number>`count(*)::int` })
    .from(cadres)
    .where(and(eq(cadres.orgId, id), eq(cadres.active, true)));
  if (children > 0 || Number(active?.n ?? 0) > 0) {
    throw new AppError(
      'conflict',
      `Organization still has ${children} open sub-organizations and ${active?.n ?? 0} active cadres`,
      `该组织下还有 ${children} 个未撤销的下级组织、${active?.n ?? 0} 名在职团干部，不能撤销`,
    );
  }
  return inTransaction(p, async (tx) => {
    await tx
      .update(organizations)
      .set({ closedOn })
      .where(and(eq(organizations.id, id), isNull(organizations.closedOn)));
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'organization.close',
      objectType: 'organization',
      objectId: id,
      before: { closedOn: null },
      after: { closedOn },
      ip: actor.ip,
    });
    return (await findOrgDto(tx, id))!;
  });
}

function pick<T extends object>(o: T, keys: string[]) {
  return Object.fromEntries(keys.map((k) => [k, (o as Record<string, unknown>)[k]]));
}
