import type { TAccount } from '@lianxin/contracts';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { accounts, organizations } from '../../platform/db/schema.ts';

export type AccountRow = typeof accounts.$inferSelect;

export const accountColumns = {
  account: accounts,
  scopeOrgName: organizations.name,
  scopePath: organizations.path,
};

export function selectAccounts(db: Db) {
  return db
    .select(accountColumns)
    .from(accounts)
    .leftJoin(organizations, eq(organizations.id, accounts.scopeOrgId));
}

export async function findAccountByUsername(db: Db, username: string) {
  const [row] = await selectAccounts(db).where(sql`lower(${accounts.username}) = lower(${username})`);
  return row ?? null;
}

export async function findAccountById(db: Db, id: string) {
  const [row] = await selectAccounts(db).where(eq(accounts.id, id));
  return row ?? null;
}

export function toAccountDto(row: { account: AccountRow; scopeOrgName: string | null }): TAccount {
  const a = row.account;
  return {
    id: a.id,
    username: a.username,
    role: a.role as TAccount['role'],
    scopeOrgId: a.scopeOrgId,
    scopeOrgName: row.scopeOrgName,
    cadreId: a.cadreId,
    mustChangePassword: a.mustChangePassword,
    totpEnabled: a.totpEnabled,
    lockedUntil: a.lockedUntil?.toISOString() ?? null,
    disabled: a.disabled,
  };
}
