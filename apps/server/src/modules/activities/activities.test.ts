import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestContext, type TestContext } from '../../testing/index.ts';
import { cityWithTwoCounties, type World, withContactOf } from '../../testing/scenario.ts';

let ctx: TestContext;
let world: World;
let me: Client;
let colleague: Client;
let admin: Client;
let otherAdmin: Client;
let meId: string;
let colleagueId: string;
let pointId: string;
let y2: string;
let dataDir: string;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  // the records below are dated through 2026: today is the year's last day (no date is in the future)
  ctx.clock.advance(Date.parse('2026-12-31T02:00:00Z') - ctx.clock.now().getTime());
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lx-att-'));
  ctx.p.config.dataDir = dataDir;
  // me: cadre A1 with point pA1 at gA and youth yA (met in the world's talk); colleague: cadre A2
  world = await cityWithTwoCounties(ctx);
  ({ cadreA1: me, cadreA2: colleague, adminA: admin, adminB: otherAdmin } = world.clients);
  meId = world.cadres.A1;
  colleagueId = world.cadres.A2;
  pointId = 'pA1';
  y2 = await withContactOf(world, 'cadreB');
});
afterAll(async () => {
  await ctx.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const paths = (res: { json(): { error: { details?: { path: string }[] } } }) =>
  (res.json().error.details ?? []).map((d) => d.path).join(' ');

const del = (c: Client, url: string) => c.request({ method: 'DELETE', url });

function upload(c: Client, activityId: string, file: Buffer, name: string) {
  const boundary = '----lianxin-att';
  return c.request({
    method: 'POST',
    url: `/api/v1/activities/${activityId}/attachments`,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
}

describe('activities: validation', () => {
  it('a visit whose travel days exceed its length is refused, naming travelDays', async () => {
    const res = await me.post('/api/v1/activities', {
      type: 'visit',
      point: pointId,
      start: '2026-03-02',
      end: '2026-03-04',
      travelDays: 4,
    });
    expect(res.statusCode).toBe(400);
    expect(paths(res)).toContain('travelDays');
    expect(res.json().error.messageZh).toContain('在途天数');
  });

  it('an impossible date is refused, naming the field', async () => {
    const res = await me.post('/api/v1/activities', {
      type: 'talk',
      date: '2026-02-30',
      mode: 'phone',
      attendees: 3,
    });
    expect(res.statusCode).toBe(400);
    expect(paths(res)).toContain('date');
    const backwards = await me.post('/api/v1/activities', {
      type: 'live_with',
      start: '2026-03-09',
      end: '2026-03-02',
    });
    expect(backwards.statusCode).toBe(400);
    expect(paths(backwards)).toContain('end');
  });

  it('unknown points, contacts and committees are named', async () => {
    const point = await me.post('/api/v1/activities', {
      type: 'talk',
      point: 'nope',
      date: '2026-03-02',
      mode: 'phone',
      attendees: 3,
    });
    expect(point.statusCode).toBe(400);
    expect(paths(point)).toContain('point');
    const contact = await me.post('/api/v1/activities', {
      type: 'talk',
      date: '2026-03-02',
      mode: 'phone',
      contacts: ['yA', 'ghost'],
    });
    expect(contact.statusCode).toBe(400);
    expect(paths(contact)).toBe('contacts.1');
    expect(contact.json().error.messageZh).toContain('ghost');
    // y2 exists but is neither kept by me nor met at the point
    const notMine = await me.post('/api/v1/activities', {
      type: 'talk',
      date: '2026-03-02',
      mode: 'phone',
      contacts: [y2],
    });
    expect(notMine.statusCode).toBe(400);
    expect(paths(notMine)).toBe('contacts.0');
    const openDay = await admin.post('/api/v1/activities', {
      cadre: meId,
      type: 'open_day',
      date: '2026-03-02',
      org: 'gA',
      attendees: 40,
    });
    expect(openDay.statusCode).toBe(400);
    expect(paths(openDay)).toBe('org');
  });

  it('a point held by another cadre, or a date outside the tenure, is refused', async () => {
    const other = await colleague.post('/api/v1/activities', {
      type: 'talk',
      point: pointId,
      date: '2026-03-02',
      mode: 'phone',
      attendees: 3,
    });
    expect(other.statusCode).toBe(400);
    expect(paths(other)).toBe('point');
    const early = await me.post('/api/v1/activities', {
      type: 'visit',
      point: pointId,
      start: '2025-12-30',
      end: '2026-01-03',
      travelDays: 0,
    });
    expect(early.statusCode).toBe(400);
    expect(paths(early)).toBe('start');
  });
});

describe('activities: recording and reading', () => {
  let visitId: string;

  it('a cadre records their own visit; the id is generated, on-site days computed', async () => {
    const res = await me.post('/api/v1/activities', {
      type: 'visit',
      point: pointId,
      start: '2026-03-02',
      end: '2026-03-08',
      travelDays: 1,
      contacts: ['yA'],
      note: '蹲点调研',
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.activity).toMatchObject({
      cadre: meId,
      type: 'visit',
      start: '2026-03-02',
      end: '2026-03-08',
      travelDays: 1,
    });
    expect(body.onSiteDays).toBe(6);
    expect(body.contacts).toEqual([{ id: 'yA', name: '甲县青年', masked: false }]);
    visitId = body.activity.id;
    const audit = await ctx.p.db.query.auditLog.findMany({ where: (a, { eq }) => eq(a.objectId, visitId) });
    expect(audit.map((a) => a.action)).toEqual(['activity.create']);
    expect(JSON.stringify(audit)).not.toContain('蹲点调研');
  });

  it('a given id is kept, and taken ids are refused', async () => {
    const first = await me.post('/api/v1/activities', {
      id: 'a-fixed',
      type: 'leader_meeting',
      date: '2026-03-10',
    });
    expect(first.statusCode).toBe(201);
    expect(first.json().activity.id).toBe('a-fixed');
    expect(
      (await me.post('/api/v1/activities', { id: 'a-fixed', type: 'leader_meeting', date: '2026-03-11' }))
        .statusCode,
    ).toBe(409);
  });

  it('a cadre records only their own work; an admin for the cadres of the subtree', async () => {
    expect(
      (
        await colleague.post('/api/v1/activities', {
          cadre: meId,
          type: 'leader_meeting',
          date: '2026-03-03',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await otherAdmin.post('/api/v1/activities', {
          cadre: meId,
          type: 'leader_meeting',
          date: '2026-03-03',
        })
      ).statusCode,
    ).toBe(403);
    const byAdmin = await admin.post('/api/v1/activities', {
      cadre: meId,
      type: 'lecture',
      date: '2026-03-05',
      audience: 50,
    });
    expect(byAdmin.statusCode).toBe(201);
    expect(byAdmin.json().activity.cadre).toBe(meId);
  });

  it('a cadre cannot read another cadre’s activities', async () => {
    expect((await me.get(`/api/v1/activities/${visitId}`)).statusCode).toBe(200);
    expect((await colleague.get(`/api/v1/activities/${visitId}`)).statusCode).toBe(403);
    expect((await colleague.get(`/api/v1/activities?cadre=${meId}`)).statusCode).toBe(403);
    expect((await colleague.get(`/api/v1/activities?point=${pointId}`)).statusCode).toBe(403);
    expect((await otherAdmin.get(`/api/v1/activities/${visitId}`)).statusCode).toBe(403);
    expect((await admin.get(`/api/v1/activities/${visitId}`)).statusCode).toBe(200);
    // the contact's timeline shows only what the reader may see
    expect((await colleague.get('/api/v1/activities?contact=yA')).json().total).toBe(0);
    expect(
      (await me.get('/api/v1/activities?contact=yA')).json().items.map((i: { id: string }) => i.id),
    ).toEqual([visitId, world.activityId]);
  });

  it('the timeline is newest first, paged, with on-site days and contact ids', async () => {
    const page1 = (await me.get(`/api/v1/activities?cadre=${meId}&pageSize=2`)).json();
    expect(page1.total).toBe(4);
    expect(page1.items.map((i: { type: string }) => i.type)).toEqual(['leader_meeting', 'visit']);
    expect(page1.items[1]).toMatchObject({
      onSiteDays: 6,
      contactIds: ['yA'],
      pointId,
      attachmentCount: 0,
      note: '蹲点调研',
    });
    const page2 = (await me.get(`/api/v1/activities?cadre=${meId}&pageSize=2&page=2`)).json();
    // the world's talk of 2026-02-10 is the oldest
    expect(page2.items.map((i: { type: string }) => i.type)).toEqual(['lecture', 'talk']);
    const own = (await me.get('/api/v1/activities')).json();
    expect(own.total).toBe(4);
    const atPoint = (await me.get(`/api/v1/activities?point=${pointId}`)).json();
    expect(atPoint.items.map((i: { id: string }) => i.id)).toEqual([visitId, world.activityId]);
  });

  it('a change is validated again as a whole record', async () => {
    const tooLong = await me.patch(`/api/v1/activities/${visitId}`, { travelDays: 9 });
    expect(tooLong.statusCode).toBe(400);
    expect(paths(tooLong)).toContain('travelDays');
    const wrongField = await me.patch(`/api/v1/activities/${visitId}`, { audience: 3 });
    expect(wrongField.statusCode).toBe(400);
    expect((await colleague.patch(`/api/v1/activities/${visitId}`, { note: '别人改' })).statusCode).toBe(403);
    const ok = await me.patch(`/api/v1/activities/${visitId}`, { end: '2026-03-05', note: null });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().activity.end).toBe('2026-03-05');
    expect(ok.json().activity.note).toBeUndefined();
    expect(ok.json().onSiteDays).toBe(3);
  });

  it('deletes: the author or an admin in scope', async () => {
    const made = (
      await me.post('/api/v1/activities', { type: 'online', date: '2026-03-06', channel: 'wechat' })
    ).json();
    expect((await del(colleague, `/api/v1/activities/${made.activity.id}`)).statusCode).toBe(403);
    expect((await del(admin, `/api/v1/activities/${made.activity.id}`)).statusCode).toBe(200);
    expect((await me.get(`/api/v1/activities/${made.activity.id}`)).statusCode).toBe(404);
  });
});

describe('problems (问题清单)', () => {
  it('moves open → in_progress → resolved and never back to open', async () => {
    const raised = await me.post('/api/v1/activities', {
      type: 'problem',
      point: pointId,
      date: '2026-03-03',
      status: 'open',
      title: '学校团支部缺少活动场地',
      contacts: ['yA'],
    });
    expect(raised.statusCode).toBe(201);
    const id = raised.json().activity.id;
    const unknown = await me.patch(`/api/v1/activities/${id}`, { assignee: 'nobody' });
    expect(unknown.statusCode).toBe(400);
    expect(paths(unknown)).toBe('assignee');
    const assigned = await me.patch(`/api/v1/activities/${id}`, {
      status: 'in_progress',
      assignee: colleagueId,
      dueOn: '2026-04-30',
    });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json().activity).toMatchObject({
      status: 'in_progress',
      assignee: colleagueId,
      dueOn: '2026-04-30',
    });
    // the assignee reads it and moves its status, nothing else
    expect((await colleague.get(`/api/v1/activities/${id}`)).statusCode).toBe(200);
    expect((await colleague.patch(`/api/v1/activities/${id}`, { title: '改标题' })).statusCode).toBe(403);
    expect((await colleague.patch(`/api/v1/activities/${id}`, { status: 'resolved' })).statusCode).toBe(200);
    const back = await me.patch(`/api/v1/activities/${id}`, { status: 'open' });
    expect(back.statusCode).toBe(409);
    expect(paths(back)).toBe('status');
    const bogus = await me.patch(`/api/v1/activities/${id}`, { status: 'forgotten' });
    expect(bogus.statusCode).toBe(400);

    const mine = (await me.get(`/api/v1/problems?cadre=${meId}&status=resolved`)).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect(mine.items[0]).toMatchObject({
      title: '学校团支部缺少活动场地',
      status: 'resolved',
      assignee: colleagueId,
    });
    expect((await me.get(`/api/v1/problems?cadre=${meId}&status=open`)).json().total).toBe(0);
    expect((await colleague.get(`/api/v1/problems?cadre=${colleagueId}`)).json().total).toBe(1);
    expect((await admin.get('/api/v1/problems?org=gA')).json().total).toBe(1);
    expect((await otherAdmin.get('/api/v1/problems?org=cA')).statusCode).toBe(403);
  });
});

describe('attachments (decision 20)', () => {
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.from('0000000d49484452000000010000000108060000001f15c489', 'hex'),
  ]);
  let activityId: string;

  beforeAll(async () => {
    activityId = (
      await me.post('/api/v1/activities', { type: 'event', date: '2026-03-07', kind: 'volunteer' })
    ).json().activity.id;
  });

  it('stores a PNG by content, and serves it to the owner only', async () => {
    const res = await upload(me, activityId, png, '活动照片.png');
    expect(res.statusCode).toBe(201);
    const att = res.json();
    expect(att).toMatchObject({ mime: 'image/png', size: png.length, fileName: '活动照片.png' });

    const got = await me.get(`/api/v1/attachments/${att.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.headers['content-disposition']).toContain('attachment');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.rawPayload).toEqual(png);

    expect((await colleague.get(`/api/v1/attachments/${att.id}`)).statusCode).toBe(403);
    expect((await otherAdmin.get(`/api/v1/attachments/${att.id}`)).statusCode).toBe(403);
    expect((await admin.get(`/api/v1/attachments/${att.id}`)).statusCode).toBe(200);
    const detail = (await me.get(`/api/v1/activities/${activityId}`)).json();
    expect(detail.attachments.map((a: { id: string }) => a.id)).toEqual([att.id]);
    const line = (await me.get(`/api/v1/activities?cadre=${meId}`))
      .json()
      .items.find((i: { id: string }) => i.id === activityId);
    expect(line.attachmentCount).toBe(1);
  });

  it('refuses an executable whatever its name, and uploads by others', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 0x90)]);
    const res = await upload(me, activityId, exe, 'photo.png');
    expect(res.statusCode).toBe(400);
    expect(paths(res)).toBe('file');
    expect(res.json().error.message).toContain('MZ');
    expect((await upload(colleague, activityId, png, 'x.png')).statusCode).toBe(403);
  });
});

describe('activities: what an entry needs (run last: it adds records)', () => {
  it('a talk names a contact or is a group talk with its head count; no date after today', async () => {
    const nobody = await me.post('/api/v1/activities', { type: 'talk', date: '2026-03-02', mode: 'phone' });
    expect(nobody.statusCode).toBe(400);
    expect(paths(nobody)).toMatch(/(^|\.)contacts$/);
    expect(nobody.json().error.details[0].message).toContain('集体谈话人数');
    const group = await me.post('/api/v1/activities', {
      type: 'talk',
      date: '2026-03-02',
      mode: 'face_to_face',
      attendees: 12,
    });
    expect(group.statusCode).toBe(201);
    // a correction may not take the last contact away from a talk either
    const named = await me.post('/api/v1/activities', {
      type: 'talk',
      date: '2026-03-02',
      mode: 'phone',
      contacts: ['yA'],
    });
    expect(named.statusCode).toBe(201);
    const emptied = await me.patch(`/api/v1/activities/${named.json().activity.id}`, { contacts: [] });
    expect(emptied.statusCode).toBe(400);
    expect(paths(emptied)).toBe('contacts');
    const future = await me.post('/api/v1/activities', {
      type: 'visit',
      start: '2026-12-30',
      end: '2027-01-02',
      travelDays: 0,
    });
    expect(future.statusCode).toBe(400);
    expect(paths(future)).toBe('end');
    expect(future.json().error.messageZh).toContain('晚于今天（2026-12-31）');
    const planned = await me.post('/api/v1/activities', {
      type: 'work_item',
      title: '明年的青年夜校',
      status: 'planned',
      date: '2027-03-01',
    });
    expect(planned.statusCode).toBe(201);
  });
});
