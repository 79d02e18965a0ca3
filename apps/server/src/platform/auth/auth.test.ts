import { sql } from 'drizzle-orm';
import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestContext, makeAccount, PASSWORD, type TestContext } from '../../testing/index.ts';
import { cityWithTwoCounties } from '../../testing/scenario.ts';
import { LOCK_MS, SESSION_IDLE_MS } from './auth.service.ts';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext(); // production rules: forced changes, TOTP for admins
  // leaderA is locked out, cadreA2 left idle, adminA enrols TOTP
  await cityWithTwoCounties(ctx);
  // what the world lacks: an account at its first login
  await makeAccount(ctx.p, {
    username: 'newbie',
    role: 'leader',
    scopeOrgId: 'cA',
    mustChangePassword: true,
  });
});
afterAll(() => ctx.close());

describe('login and lockout', () => {
  it('locks an account for 15 minutes after 5 failed logins in 15 minutes', async () => {
    const c = new Client(ctx.app);
    for (let i = 0; i < 5; i++) expect((await c.login('leaderA', 'Wrong-pass-1')).statusCode).toBe(401);
    // even the right password is refused while locked, with the answer of any failure
    const locked = await c.login('leaderA');
    expect(locked.statusCode).toBe(401);
    expect(locked.json().error.messageZh).toContain('锁定 15 分钟');
    ctx.clock.advance(LOCK_MS + 1000);
    expect((await c.login('leaderA')).statusCode).toBe(200);
  });

  it('does not lock on failures spread beyond the 15-minute window', async () => {
    const c = new Client(ctx.app);
    for (let i = 0; i < 4; i++) await c.login('leaderA', 'Wrong-pass-1');
    ctx.clock.advance(16 * 60_000);
    expect((await c.login('leaderA', 'Wrong-pass-1')).statusCode).toBe(401);
    expect((await c.login('leaderA')).statusCode).toBe(200);
  });

  it('answers an unknown user like a wrong password', async () => {
    const res = await new Client(ctx.app).login('nobody-here', 'Whatever-1');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.messageZh).toMatch(/^用户名或密码错误/);
  });

  it('sets an httpOnly, Secure, SameSite=Strict cookie and a new session id at every login', async () => {
    const c = new Client(ctx.app);
    const first = await c.login('leaderA');
    const cookie = first.cookies.find((k) => k.name === 'lx_session');
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict' });
    const second = await c.login('leaderA');
    expect(second.cookies.find((k) => k.name === 'lx_session')?.value).not.toBe(cookie?.value);
    expect(first.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('passwords', () => {
  it('forces a first-login change and enforces the policy and the last 3', async () => {
    const c = new Client(ctx.app);
    const login = await c.login('newbie');
    expect(login.json().mustChangePassword).toBe(true);
    const blocked = await c.get('/api/v1/organizations');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('password_change_required');
    const weak = await c.post('/api/v1/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'abcdefgh',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details.length).toBeGreaterThan(0);
    const same = await c.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: PASSWORD });
    expect(same.statusCode).toBe(400);
    expect(same.json().error.messageZh).toContain('最近 3 次');
    const ok = await c.post('/api/v1/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'Fresh-pass-2026',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().mustChangePassword).toBe(false);
    expect((await c.get('/api/v1/organizations')).statusCode).toBe(200);
  });
});

describe('sessions', () => {
  it('dies after 30 idle minutes and at logout', async () => {
    const c = new Client(ctx.app);
    await c.login('cadreA2');
    ctx.clock.advance(SESSION_IDLE_MS - 60_000);
    expect((await c.get('/api/v1/auth/session')).statusCode).toBe(200);
    ctx.clock.advance(SESSION_IDLE_MS + 1000);
    expect((await c.get('/api/v1/auth/session')).statusCode).toBe(401);

    const d = new Client(ctx.app);
    await d.login('cadreA2');
    const stolenCookie = (d as unknown as { cookie: string }).cookie;
    expect((await d.post('/api/v1/auth/logout')).statusCode).toBe(200);
    const replay = await ctx.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: stolenCookie },
    });
    expect(replay.statusCode).toBe(401);
  });
});

describe('TOTP', () => {
  it('is required of admins: enrol, then every login needs the code', async () => {
    const c = new Client(ctx.app);
    const login = await c.login('adminA');
    expect(login.json().mustEnrolTotp).toBe(true);
    expect((await c.get('/api/v1/organizations')).json().error.code).toBe('totp_enrolment_required');
    const setup = (await c.post('/api/v1/auth/totp/setup')).json();
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(setup.secret) });
    const code = (at: Date) => totp.generate({ timestamp: at.getTime() });
    // the server checks codes against real time; the test clock only governs sessions
    expect((await c.post('/api/v1/auth/totp/enable', { code: '000000' })).statusCode).toBe(400);
    const enabledAt = new Date();
    const enabled = await c.post('/api/v1/auth/totp/enable', { code: code(enabledAt) });
    expect(enabled.statusCode).toBe(200);
    expect(enabled.json().mustEnrolTotp).toBe(false);

    const d = new Client(ctx.app);
    const noCode = await d.login('adminA');
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json().error.code).toBe('totp_required');
    // the code that enabled TOTP is spent: a replay inside its window is refused
    expect((await d.login('adminA', PASSWORD, code(enabledAt))).statusCode).toBe(401);
    expect((await d.login('adminA', PASSWORD, code(new Date(enabledAt.getTime() + 30_000)))).statusCode).toBe(
      200,
    );
  });
});

describe('audit log', () => {
  it('is append-only in the database and its hash chain verifies', async () => {
    const before = await ctx.p.audit.verify(ctx.p.db);
    expect(before.brokenAt).toBeNull();
    expect(before.rows).toBeGreaterThan(5);
    await expect(ctx.p.db.execute(sql`update audit_log set actor = 'x'`)).rejects.toThrow();
    await expect(ctx.p.db.execute(sql`delete from audit_log`)).rejects.toThrow();
  });

  it('detects a row altered behind the triggers back', async () => {
    await ctx.p.db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    await ctx.p.db.execute(sql`update audit_log set actor = 'mallory' where seq = 3`);
    await ctx.p.db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    expect((await ctx.p.audit.verify(ctx.p.db)).brokenAt).toBe(3);
  });
});
