import crypto from 'node:crypto';
import type { TLoginRequest, TSession } from '@lianxin/contracts';
import { and, count, eq, gt, ne, sql } from 'drizzle-orm';
import * as OTPAuth from 'otpauth';
import {
  type AccountRow,
  accountColumns,
  findAccountById,
  findAccountByUsername,
  toAccountDto,
} from '../../modules/accounts/accounts.repo.ts';
import type { Actor } from '../access/index.ts';
import { preparedPerDb } from '../db/client.ts';
import { accounts, loginFailures, organizations, sessions } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { inTransaction, type Platform } from '../platform.ts';
import { assertAcceptablePassword, hashPassword, verifyPassword } from './passwords.ts';

export const SESSION_IDLE_MS = 30 * 60_000;
export const FAILURE_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES = 5;
export const LOCK_MS = 15 * 60_000;
const TOUCH_EVERY_MS = 60_000;

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
const randomToken = () => crypto.randomBytes(32).toString('base64url');

/**
 * The one answer to every refused login: unknown user, disabled account, wrong password or code,
 * a failure that locks the account, an attempt while locked. Nothing tells them apart.
 */
const badCredentials = () =>
  new AppError(
    'unauthenticated',
    `Wrong username or password (${MAX_FAILURES} failures lock an account for ${LOCK_MS / 60_000} minutes)`,
    `用户名或密码错误（连续 ${MAX_FAILURES} 次失败将锁定 ${LOCK_MS / 60_000} 分钟）`,
  );

let dummyHash: Promise<string> | undefined;
/** Made once: unknown usernames are verified against it, so they cost what a known one costs. */
export const dummyPasswordHash = () => {
  dummyHash ??= hashPassword(randomToken());
  return dummyHash;
};

const isAdmin = (a: AccountRow) => a.role === 'system_admin' || a.role === 'org_admin';

export function sessionDto(
  p: Platform,
  row: Parameters<typeof toAccountDto>[0],
  csrfToken: string,
): TSession {
  const a = row.account;
  return {
    account: toAccountDto(row),
    csrfToken,
    mustChangePassword: a.mustChangePassword,
    // 等保 level 3: admins need a second factor; demo mode waives it (decision 19)
    mustEnrolTotp: isAdmin(a) && !a.totpEnabled && !p.config.demo,
    demo: p.config.demo,
  };
}

/** The time step a code belongs to, or null when wrong or already used (a code is good once). */
function acceptedStep(totp: OTPAuth.TOTP, code: string, lastStep: number | null): number | null {
  const delta = totp.validate({ token: code, window: 1 });
  if (delta === null) return null;
  const step = totp.counter() + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

function totpFor(p: Platform, a: AccountRow): OTPAuth.TOTP | null {
  if (!a.totpSecretEnc) return null;
  const secret = OTPAuth.Secret.fromBase32(p.cipher.decrypt(a.totpSecretEnc));
  return new OTPAuth.TOTP({ issuer: '连心', label: a.username, secret });
}

type Tx = Parameters<Parameters<typeof inTransaction>[1]>[0];

/** Records a failure under the account's row lock; the 5th within the window locks the account. */
async function recordFailure(p: Platform, tx: Tx, a: AccountRow, ip: string | null, why: string) {
  const now = p.clock.now();
  await tx.insert(loginFailures).values({ accountId: a.id, at: now });
  const since = new Date(now.getTime() - FAILURE_WINDOW_MS);
  const [row] = await tx
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.accountId, a.id), gt(loginFailures.at, since)));
  await p.audit.append(tx, {
    actor: a.username,
    action: 'login.failed',
    after: { why },
    ip,
    result: 'failed',
  });
  if ((row?.n ?? 0) < MAX_FAILURES) return;
  await tx
    .update(accounts)
    .set({ lockedUntil: new Date(now.getTime() + LOCK_MS) })
    .where(eq(accounts.id, a.id));
  await p.audit.append(tx, {
    actor: a.username,
    action: 'account.locked',
    objectType: 'account',
    objectId: a.id,
    ip,
  });
}

type Decision =
  | { kind: 'refused' }
  | { kind: 'totp_required' }
  | { kind: 'ok'; account: AccountRow; token: string; csrfToken: string };

/**
 * Signs in. The password is checked first (argon2 takes milliseconds: not under a lock), then
 * every decision about the account — locked or not, count the failure, lock it, open a session —
 * is taken in one transaction holding the account's row lock, so parallel attempts are decided
 * one after another and none can slip past a lock another one is setting.
 */
export async function login(
  p: Platform,
  req: TLoginRequest,
  ip: string | null,
  oldToken: string | undefined,
) {
  const row = await findAccountByUsername(p.db, req.username);
  const known = row && !row.account.disabled ? row : null;
  const stored = known?.account.passwordHash ?? (await dummyPasswordHash());
  const passwordOk = await verifyPassword(stored, req.password);
  if (!known) {
    await p.audit.record(p.db, {
      actor: req.username,
      action: 'login.failed',
      after: { why: row ? 'disabled' : 'unknown' },
      ip,
      result: 'failed',
    });
    throw badCredentials();
  }
  const decision = await inTransaction(p, async (tx): Promise<Decision> => {
    const [a] = await tx.select().from(accounts).where(eq(accounts.id, known.account.id)).for('update');
    if (!a || a.disabled) return { kind: 'refused' };
    const now = p.clock.now();
    if (a.lockedUntil && a.lockedUntil > now) {
      await p.audit.append(tx, { actor: a.username, action: 'login.refused_locked', ip, result: 'denied' });
      return { kind: 'refused' };
    }
    // a password changed while this one was being checked: the check was against the old one
    if (!passwordOk || a.passwordHash !== stored) {
      await recordFailure(p, tx, a, ip, 'password');
      return { kind: 'refused' };
    }
    const totp = a.totpEnabled ? totpFor(p, a) : null;
    let totpStep: number | null = null;
    if (totp) {
      if (!req.totp) return { kind: 'totp_required' };
      totpStep = acceptedStep(totp, req.totp, a.totpLastStep);
      if (totpStep === null) {
        await recordFailure(p, tx, a, ip, 'totp');
        return { kind: 'refused' };
      }
    }
    const token = randomToken();
    const csrfToken = randomToken();
    // a new session id at every login (no fixation); the old one, if any, dies
    if (oldToken) await tx.delete(sessions).where(eq(sessions.tokenHash, sha256(oldToken)));
    await tx.delete(loginFailures).where(eq(loginFailures.accountId, a.id));
    const unlocked = { lockedUntil: null, ...(totpStep !== null && { totpLastStep: totpStep }) };
    await tx.update(accounts).set(unlocked).where(eq(accounts.id, a.id));
    await tx
      .insert(sessions)
      .values({ tokenHash: sha256(token), accountId: a.id, csrfToken, createdAt: now, lastSeenAt: now });
    await p.audit.append(tx, {
      actor: a.username,
      action: 'login.ok',
      objectType: 'account',
      objectId: a.id,
      ip,
    });
    return { kind: 'ok', account: { ...a, ...unlocked }, token, csrfToken };
  });
  if (decision.kind === 'refused') throw badCredentials();
  if (decision.kind === 'totp_required') {
    throw new AppError('totp_required', 'TOTP code required', '请输入动态验证码');
  }
  const { account, token, csrfToken } = decision;
  return { token, session: sessionDto(p, { ...known, account }, csrfToken) };
}

// one query for session, account and scope: this runs on every API call
const sessionRead = preparedPerDb((db) =>
  db
    .select({ ...accountColumns, session: sessions })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .leftJoin(organizations, eq(organizations.id, accounts.scopeOrgId))
    .where(eq(sessions.tokenHash, sql.placeholder('tokenHash')))
    .prepare('session_read'),
);

export interface ResolvedSession {
  session: TSession;
  actor: Actor;
}

/**
 * A live session for the cookie's token, or null: unknown, 30 minutes idle, or older than the
 * absolute lifetime (LIANXIN_SESSION_MAX_HOURS), however busy — a stolen cookie does not live on.
 */
export async function resolveSession(
  p: Platform,
  token: string,
  ip: string | null,
): Promise<ResolvedSession | null> {
  const tokenHash = sha256(token);
  const [found] = await sessionRead(p.db).execute({ tokenHash });
  if (!found) return null;
  const { session: s, ...row } = found;
  const now = p.clock.now();
  const maxAgeMs = p.config.sessionMaxHours * 3600_000;
  if (
    now.getTime() - s.lastSeenAt.getTime() > SESSION_IDLE_MS ||
    now.getTime() - s.createdAt.getTime() > maxAgeMs
  ) {
    await p.db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    return null;
  }
  if (row.account.disabled) return null;
  if (now.getTime() - s.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await p.db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
  }
  const a = row.account;
  const actor: Actor = {
    accountId: a.id,
    name: a.username,
    role: a.role as Actor['role'],
    scopeOrgId: a.scopeOrgId,
    scopePath: row.scopePath,
    cadreId: a.cadreId,
    ip,
  };
  return { session: sessionDto(p, row, s.csrfToken), actor };
}

export async function logout(p: Platform, token: string, actor: Actor) {
  await inTransaction(p, async (tx) => {
    await tx.delete(sessions).where(eq(sessions.tokenHash, sha256(token)));
    await p.audit.append(tx, { actor: actor.name, action: 'logout', ip: actor.ip });
  });
}

export async function changePassword(
  p: Platform,
  actor: Actor,
  current: string,
  next: string,
  keepToken: string,
) {
  const row = await findAccountById(p.db, actor.accountId ?? '');
  if (!row) throw badCredentials();
  const a = row.account;
  if (!(await verifyPassword(a.passwordHash, current))) {
    throw new AppError('bad_request', 'Current password is wrong', '当前密码不正确', [
      { path: 'currentPassword', message: '当前密码不正确 / wrong current password' },
    ]);
  }
  await assertAcceptablePassword(next, a.username, [a.passwordHash, ...a.passwordHistory], 'newPassword');
  const passwordHash = await hashPassword(next);
  await inTransaction(p, async (tx) => {
    await tx
      .update(accounts)
      .set({
        passwordHash,
        passwordHistory: [a.passwordHash, ...a.passwordHistory].slice(0, 3),
        mustChangePassword: false,
      })
      .where(eq(accounts.id, a.id));
    // the account's other sessions end with the old password
    await tx
      .delete(sessions)
      .where(and(eq(sessions.accountId, a.id), ne(sessions.tokenHash, sha256(keepToken))));
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'password.changed',
      objectType: 'account',
      objectId: a.id,
      ip: actor.ip,
    });
  });
}

export async function setupTotp(p: Platform, actor: Actor) {
  const row = await findAccountById(p.db, actor.accountId ?? '');
  if (!row) throw badCredentials();
  if (row.account.totpEnabled) {
    throw new AppError('conflict', 'TOTP is already enabled', '已启用动态验证码');
  }
  const secret = new OTPAuth.Secret({ size: 20 });
  const totp = new OTPAuth.TOTP({ issuer: '连心', label: row.account.username, secret });
  await p.db
    .update(accounts)
    .set({ totpSecretEnc: p.cipher.encrypt(secret.base32) })
    .where(eq(accounts.id, row.account.id));
  return { secret: secret.base32, uri: totp.toString() };
}

export async function enableTotp(p: Platform, actor: Actor, code: string) {
  const row = await findAccountById(p.db, actor.accountId ?? '');
  const totp = row && totpFor(p, row.account);
  if (!row || !totp) throw new AppError('bad_request', 'Set up TOTP first', '请先生成动态验证码密钥');
  const step = acceptedStep(totp, code, null);
  if (step === null) {
    throw new AppError('bad_request', 'Wrong code', '验证码不正确', [
      { path: 'code', message: '验证码不正确 / wrong code' },
    ]);
  }
  await inTransaction(p, async (tx) => {
    await tx
      .update(accounts)
      .set({ totpEnabled: true, totpLastStep: step })
      .where(eq(accounts.id, row.account.id));
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'totp.enabled',
      objectType: 'account',
      objectId: row.account.id,
      ip: actor.ip,
    });
  });
}
