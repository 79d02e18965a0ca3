import crypto from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../../platform/audit.ts';
import { createAuditMac } from '../../platform/crypto.ts';
import { activityContacts, auditChain, auditLog } from '../../platform/db/schema.ts';
import { createTestContext, type TestContext } from '../../testing/index.ts';
import { cityWithTwoCounties, type World } from '../../testing/scenario.ts';

// A cadre's new record is answered from what was written, without reading it back (issue 12,
// writes): the answer must be the one a read gives, and a draft sent twice must be refused whole.
let ctx: TestContext;
let world: World;
beforeAll(async () => {
  ctx = await createTestContext({ demo: true }); // demo: admins without a second factor
  world = await cityWithTwoCounties(ctx);
});
afterAll(() => ctx.close());

describe('recording an activity', () => {
  it("answers a cadre's new talk exactly as reading it back does", async () => {
    const { cadreA1 } = world.clients;
    const res = await cadreA1.post('/api/v1/activities', {
      type: 'talk',
      date: '2026-02-20',
      mode: 'face_to_face',
      point: 'pA1',
      contacts: ['yA'],
      note: '聊了就业',
    });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created.contacts).toEqual([{ id: 'yA', name: '甲县青年', masked: false }]);
    const read = await cadreA1.get(`/api/v1/activities/${created.activity.id}`);
    expect(read.json()).toEqual(created);
  });

  it("answers an admin's record for a cadre through the admin's view (names masked)", async () => {
    const res = await world.clients.adminA.post('/api/v1/activities', {
      type: 'talk',
      cadre: world.cadres.A1,
      date: '2026-02-21',
      mode: 'phone',
      contacts: ['yA'],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().contacts).toEqual([{ id: 'yA', name: '甲***', masked: true }]);
    expect((await world.clients.adminA.get(`/api/v1/activities/${res.json().activity.id}`)).json()).toEqual(
      res.json(),
    );
  });

  it('refuses a draft sent twice with 409 and keeps one record and one audit row', async () => {
    const { cadreA1 } = world.clients;
    const draft = {
      id: '0b6c1f0e-2d7a-4c52-9a57-8d1f7c1e0a01',
      type: 'talk',
      date: '2026-02-22',
      mode: 'face_to_face',
      contacts: ['yA'],
    };
    expect((await cadreA1.post('/api/v1/activities', draft)).statusCode).toBe(201);
    const again = await cadreA1.post('/api/v1/activities', { ...draft, date: '2026-02-23' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details).toEqual([{ path: 'id', message: '已存在 / exists' }]);
    expect((await cadreA1.get(`/api/v1/activities/${draft.id}`)).json().activity.date).toBe('2026-02-22');
    const audited = await ctx.p.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, draft.id), eq(auditLog.action, 'activity.create')));
    expect(audited).toHaveLength(1);
  });

  it('writes once when another server moved the audit chain first: the missed attempt left nothing', async () => {
    const elsewhere = new AuditLog(createAuditMac('aes-256-gcm', crypto.randomBytes(32)), ctx.clock);
    await elsewhere.record(ctx.p.db, { actor: 'another server', action: 'test.elsewhere' });
    const res = await world.clients.cadreA1.post('/api/v1/activities', {
      type: 'talk',
      date: '2026-02-24',
      mode: 'phone',
      contacts: ['yA'],
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().activity.id;
    const [last] = await ctx.p.db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
    expect(last).toMatchObject({ action: 'activity.create', objectId: id });
    const [head] = await ctx.p.db.select().from(auditChain);
    expect(head?.lastHash).toBe(last?.hash);
    const contacts = await ctx.p.db
      .select()
      .from(activityContacts)
      .where(eq(activityContacts.activityId, id));
    expect(contacts.map((c) => c.contactId)).toEqual(['yA']);
  });
});
