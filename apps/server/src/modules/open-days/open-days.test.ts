import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, openDaySignups } from '../../platform/db/schema.ts';
import { createTestContext, type TestContext } from '../../testing/index.ts';
import { cityWithTwoCounties } from '../../testing/scenario.ts';

let ctx: TestContext;
let world: Awaited<ReturnType<typeof cityWithTwoCounties>>;
let dayId: string;

const publicPost = (url: string, payload: unknown, remoteAddress = '203.0.113.7') =>
  ctx.app.inject({ method: 'POST', url, payload: payload as object, remoteAddress });

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  world = await cityWithTwoCounties(ctx);
  const adopted = await world.clients.city.post('/api/v1/organizations/city/presets', {
    preset: 'meizhou-2016-direct-contact',
  });
  if (adopted.statusCode !== 200) throw new Error(adopted.body);
});
afterAll(() => ctx.close());

describe('open days (专题开放日)', () => {
  it('is announced by a county committee only', async () => {
    const city = await world.clients.city.post('/api/v1/open-days', {
      orgId: 'city',
      theme: '学讲话 话改革 谋发展',
      heldOn: '2026-03-20',
      place: '团市委',
    });
    expect(city.statusCode).toBe(400);
    expect(
      (
        await world.clients.adminB.post('/api/v1/open-days', {
          orgId: 'cA',
          theme: 't',
          heldOn: '2026-03-20',
          place: 'p',
        })
      ).statusCode,
    ).toBe(403);
    const res = await world.clients.adminA.post('/api/v1/open-days', {
      orgId: 'cA',
      theme: '学讲话 话改革 谋发展',
      heldOn: '2026-03-20',
      place: '甲县团委会议室',
    });
    expect(res.statusCode).toBe(201);
    dayId = res.json().id;
    expect(res.json().signupUrl).toMatch(new RegExp(`^https?://[^/]+/o/${dayId}$`));
  });

  it('serves its sign-up page at /o/<id> while sign-up is open, a real 404 for an unknown day', async () => {
    const page = await ctx.app.inject({ method: 'GET', url: `/o/${dayId}` });
    // the public entry, or 503 where the web app is not built: never the 404 of a closed day
    expect([200, 503]).toContain(page.statusCode);
    expect(page.headers['cache-control']).toBe('no-store');
    const unknown = await ctx.app.inject({ method: 'GET', url: `/o/${crypto.randomUUID()}` });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('报名已结束');
  });

  it('takes sign-ups on the public page without a session, phones encrypted, one per phone', async () => {
    const shown = await ctx.app.inject({ method: 'GET', url: `/api/public/open-days/${dayId}` });
    expect(shown.json()).toMatchObject({ theme: '学讲话 话改革 谋发展', orgName: '组织cA' });
    expect(shown.json().signedUp).toBeUndefined();
    const form = { name: '李青', phone: '13800138000', unit: '甲县中学', consent: true };
    expect((await publicPost(`/api/public/open-days/${dayId}/signups`, form)).statusCode).toBe(201);
    expect((await publicPost(`/api/public/open-days/${dayId}/signups`, form)).statusCode).toBe(409);
    const noConsent = { name: '王青', phone: '13900139000', unit: '甲县工厂', consent: false };
    expect((await publicPost(`/api/public/open-days/${dayId}/signups`, noConsent)).statusCode).toBe(201);
    const bad = await publicPost(`/api/public/open-days/${dayId}/signups`, {
      ...form,
      phone: '123',
      name: '',
    });
    expect(bad.statusCode).toBe(400);
    const scripted = await publicPost(`/api/public/open-days/${dayId}/signups`, {
      ...form,
      phone: '13700137000',
      unit: '<script>x</script>',
    });
    expect(scripted.statusCode).toBe(400);
    const stored = await ctx.p.db.select().from(openDaySignups);
    expect(stored.every((s) => !s.phoneEnc.toString('latin1').includes('13800138000'))).toBe(true);
    const audit = JSON.stringify(await ctx.p.db.select().from(auditLog));
    expect(audit).not.toContain('13800138000');
    expect(audit).not.toContain('李青');
  });

  it('limits sign-ups per address', async () => {
    let last = 0;
    for (let i = 0; i < 12; i++)
      last = (
        await publicPost(
          `/api/public/open-days/${dayId}/signups`,
          { name: `青${i}`, phone: `1360013${String(i).padStart(4, '0')}`, unit: '乙校', consent: false },
          '198.51.100.9',
        )
      ).statusCode;
    expect(last).toBe(429);
  });

  it('keeps a roster for the admins, checks people in, and counts the open day from it', async () => {
    expect((await world.clients.adminB.get(`/api/v1/open-days/${dayId}/roster`)).statusCode).toBe(403);
    const roster = (await world.clients.adminA.get(`/api/v1/open-days/${dayId}/roster`)).json();
    const li = roster.signups.find((s: { name: string }) => s.name === '李青');
    expect(li.phoneMasked).toBe('138****8000');
    const checked = await world.clients.adminA.post(`/api/v1/open-days/${dayId}/signups/${li.id}/check-in`);
    expect(checked.json().checkedInAt).not.toBeNull();
    const rest = roster.signups.filter((s: { id: string }) => s.id !== li.id);
    for (const s of rest)
      await world.clients.adminA.post(`/api/v1/open-days/${dayId}/signups/${s.id}/check-in`);
    const day = (await world.clients.adminA.get('/api/v1/open-days?org=cA')).json().items[0];
    expect(day.checkedIn).toBe(roster.signups.length);
    const results = (
      await world.clients.adminA.get('/api/v1/compliance?year=2026&org=cA&asOf=2026-03-31')
    ).json().results;
    const openDay = results.find(
      (r: { rule: string; org: string }) => r.rule === 'mz2016.open_day' && r.org === 'cA',
    );
    // the roster's check-ins are the attendance: fewer than 50 do not make the quarter
    expect(roster.signups.length).toBeLessThan(50);
    expect(openDay.actual).toBe(0);
  });

  it("takes a consenting attendee into a cadre's contacts with one tap, never one who did not consent", async () => {
    const roster = (await world.clients.adminA.get(`/api/v1/open-days/${dayId}/roster`)).json();
    const li = roster.signups.find((s: { name: string }) => s.name === '李青');
    const wang = roster.signups.find((s: { name: string }) => s.name === '王青');
    expect(
      (await world.clients.cadreB.post(`/api/v1/open-days/${dayId}/signups/${li.id}/take`, {})).statusCode,
    ).toBe(403);
    expect(
      (await world.clients.cadreA1.post(`/api/v1/open-days/${dayId}/signups/${wang.id}/take`, {})).statusCode,
    ).toBe(400);
    const taken = await world.clients.cadreA1.post(`/api/v1/open-days/${dayId}/signups/${li.id}/take`, {});
    expect(taken.statusCode).toBe(201);
    expect(taken.json()).toMatchObject({ name: '李青', unit: '甲县中学' });
    expect(
      (await world.clients.cadreA1.post(`/api/v1/open-days/${dayId}/signups/${li.id}/take`, {})).statusCode,
    ).toBe(409);
  });
});
