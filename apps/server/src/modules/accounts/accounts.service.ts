import crypto from 'node:crypto';
import type { TCreateAccountRequest } from '@lianxin/contracts';
import { and, eq, like, sql } from 'drizzle-orm';
import { type Actor, authorize, refuse } from '../../platform/access/index.ts';
import { assertAcceptablePassword, hashPassword } from '../../platform/auth/passwords.ts';
import { accounts, loginFailures, organizations, sessions } from '../../platform/db/schema.ts';
import { AppError, badRequest, notFound } from '../../platform/errors.ts';
import { inTransaction, type Platform } from '../../platform/platform.ts';
import { loadCadre } from '../cadres/cadres.service.ts';
import { subtreePattern } from '../organizations/organizations.repo.ts';
import { loadOrg } from '../organizations/organizations.service.ts';
import { findAccountById, findAccountByUsername, selectAccounts, toAccountDto } from './accounts.repo.ts';

/**
 * An account bound to a cadre acts as that cadre (their contacts, reveals): the creator must be
 * an admin over the cadre, and the cadre must sit inside the account's own scope.
 */
async function assertCadreInside(p: Platform, actor: Actor, cadreId: string, scopePath: string | null) {
  const cadre = await loadCadre(p, actor, cadreId, 'write');
  if (scopePath !== null && !cadre.orgPath.startsWith(scopePath)) {
    throw badRequest(
      'The cadre does not belong to the organization the account manages',
      '关联的团干部不在该账号管理的组织范围内',
      [{ path: 'cadreId', message: '不在所管组织内 / outside the account scope' }],
    );
  }
}

export async function listAccounts(
  p: Platform,
  actor: Actor,
  q: { org?: string; page: number; pageSize: number },
) {
  if (actor.role === 'cadre') throw await refuse(p, actor, 'account', 'list', 'read');
  const orgId = q.org ?? actor.scopeOrgId;
  const org = orgId ? await loadOrg(p, actor, orgId, 'read') : null;
  const where = org ? like(organizations.path, subtreePattern(org.path)) : undefined;
  const rows = await selectAccounts(p.db)
    .where(where)
    .orderBy(accounts.username)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [total] = await p.db
    .select({ n: sql<number>`count(*)::int` })
    .from(accounts)
    .leftJoin(organizations, eq(organizations.id, accounts.scopeOrgId))
    .where(where);
  return { items: rows.map(toAccountDto), total: Number(total?.n ?? 0), page: q.page, pageSize: q.pageSize };
}

export async function createAccount(p: Platform, actor: Actor, body: TCreateAccountRequest) {
  let scopeOrgId = body.scopeOrgId ?? null;
  if (body.role === 'cadre') {
    if (!body.cadreId)
      throw badRequest('A cadre account names its cadre', '团干部账号须关联团干部', [
        { path: 'cadreId', message: '必填 / required' },
      ]);
    scopeOrgId = (await loadCadre(p, actor, body.cadreId, 'write')).cadre.orgId;
  } else if (body.role !== 'system_admin' && !scopeOrgId) {
    throw badRequest('Name the organization this account manages', '请指定账号管理的组织', [
      { path: 'scopeOrgId', message: '必填 / required' },
    ]);
  }
  const id = crypto.randomUUID();
  // only a system admin makes system admins; anyone else makes accounts inside their subtree
  if (body.role === 'system_admin' && actor.role !== 'system_admin')
    throw await refuse(p, actor, 'account', id, 'write');
  const scope = scopeOrgId ? await loadOrg(p, actor, scopeOrgId, 'write') : null;
  if (body.cadreId) await assertCadreInside(p, actor, body.cadreId, scope?.path ?? null);
  if (await findAccountByUsername(p.db, body.username)) {
    throw new AppError('conflict', `Username ${body.username} is taken`, `用户名 ${body.username} 已被使用`, [
      { path: 'username', message: '已被使用 / taken' },
    ]);
  }
  await assertAcceptablePassword(body.password, body.username, []);
  const passwordHash = await hashPassword(body.password);
  await inTransaction(p, async (tx) => {
    const row = {
      id,
      username: body.username,
      role: body.role,
      scopeOrgId: body.role === 'system_admin' ? null : scopeOrgId,
      cadreId: body.cadreId ?? null,
      passwordHash,
      mustChangePassword: true,
    };
    await tx.insert(accounts).values(row);
    const { passwordHash: _, ...visible } = row;
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'account.create',
      objectType: 'account',
      objectId: id,
      after: visible,
      ip: actor.ip,
    });
  });
  return toAccountDto((await findAccountById(p.db, id))!);
}

export async function updateAccount(
  p: Platform,
  actor: Actor,
  id: string,
  body: { disabled?: boolean; unlock?: true; resetPassword?: string },
) {
  const row = await findAccountById(p.db, id);
  if (!row) throw notFound('Account', id, '账号');
  await authorize(p, actor, { type: 'account', id }, 'write');
  const changes: Partial<typeof accounts.$inferInsert> = {};
  if (body.disabled !== undefined) changes.disabled = body.disabled;
  if (body.unlock) changes.lockedUntil = null;
  if (body.resetPassword) {
    await assertAcceptablePassword(body.resetPassword, row.account.username, []);
    changes.passwordHash = await hashPassword(body.resetPassword);
    changes.passwordHistory = [row.account.passwordHash, ...row.account.passwordHistory].slice(0, 3);
    changes.mustChangePassword = true;
  }
  if (Object.keys(changes).length === 0) throw badRequest('Nothing to change', '没有要修改的内容');
  await inTransaction(p, async (tx) => {
    await tx.update(accounts).set(changes).where(eq(accounts.id, id));
    if (body.unlock) await tx.delete(loginFailures).where(eq(loginFailures.accountId, id));
    // a disabled account or a reset password ends every session at once
    if (body.disabled || body.resetPassword) await tx.delete(sessions).where(and(eq(sessions.accountId, id)));
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'account.update',
      objectType: 'account',
      objectId: id,
      after: { disabled: body.disabled, unlock: body.unlock, passwordReset: Boolean(body.resetPassword) },
      ip: actor.ip,
    });
  });
  return toAccountDto((await findAccountById(p.db, id))!);
}
