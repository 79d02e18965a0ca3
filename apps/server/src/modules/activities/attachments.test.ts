import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { openPostgres } from '../../platform/db/client.ts';
import { attachmentBlobs, attachments } from '../../platform/db/schema.ts';
import { createPlatform } from '../../platform/platform.ts';
import { Client, createTestContext, type TestContext } from '../../testing/index.ts';
import { cityWithTwoCounties, uploadPhoto as upload } from '../../testing/scenario.ts';

let ctx: TestContext;
let me: Client;
let other: Client;
let dataDir: string;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lx-store-'));
  ctx.p.config.dataDir = dataDir;
  // two cadres of county A: A1 stores, A2 is the colleague
  const world = await cityWithTwoCounties(ctx);
  me = world.clients.cadreA1;
  other = world.clients.cadreA2;
});
afterAll(async () => {
  await ctx.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A PNG by its signature, carrying a text that must never be found at rest. */
const png = (text: string) =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(text)]);
const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

async function newActivity(c: Client) {
  const res = await c.post('/api/v1/activities', { type: 'event', date: '2026-02-20', kind: 'volunteer' });
  expect(res.statusCode).toBe(201);
  return res.json().activity.id as string;
}

const del = (c: Client, url: string) => c.request({ method: 'DELETE', url });

/** Every stored object: the folder's files (embedded database) or the table's rows (PostgreSQL). */
async function storedObjects(): Promise<Map<string, Buffer>> {
  const folder = path.join(dataDir, 'attachments');
  if (ctx.p.attachmentStore.kind === 'folder') {
    const names = fs.existsSync(folder) ? fs.readdirSync(folder) : [];
    return new Map(names.map((n) => [n, fs.readFileSync(path.join(folder, n))]));
  }
  const rows = await ctx.p.db.select().from(attachmentBlobs);
  return new Map(rows.map((r) => [r.name, r.data]));
}

describe('attachments at rest', () => {
  it('are encrypted and named by a keyed hash; the download is the original', async () => {
    const file = png('秘密材料 secret-marker-7f3a');
    const res = await upload(me, await newActivity(me), file);
    expect(res.statusCode).toBe(201);
    const att = res.json();
    expect(att.sha256).toBe(sha256(file));

    const stored = [...(await storedObjects()).entries()];
    expect(stored).toHaveLength(1);
    const [name, data] = stored[0]!;
    expect(name).toMatch(/^[0-9a-f]{64}$/);
    expect(name).not.toBe(att.sha256);
    expect(data.includes(Buffer.from('secret-marker-7f3a'))).toBe(false);
    expect(data.includes(Buffer.from('秘密材料'))).toBe(false);
    expect(data.includes(file.subarray(0, 8))).toBe(false);

    const got = await me.get(`/api/v1/attachments/${att.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload).toEqual(file);
  });

  it('a file stored before encryption (plain, named by its SHA-256) is still served', async () => {
    const file = png('stored in 2025, before encryption');
    fs.mkdirSync(path.join(dataDir, 'attachments'), { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'attachments', sha256(file)), file);
    const activityId = await newActivity(me);
    const id = crypto.randomUUID();
    await ctx.p.db.insert(attachments).values({
      id,
      activityId,
      fileName: 'old.png',
      mime: 'image/png',
      size: file.length,
      sha256: sha256(file),
      createdBy: 'cadreA1',
    });
    const got = await me.get(`/api/v1/attachments/${id}`);
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload).toEqual(file);

    // a plain file whose bytes do not match its name is not taken for the content
    fs.writeFileSync(path.join(dataDir, 'attachments', sha256(file)), png('tampered'));
    expect((await me.get(`/api/v1/attachments/${id}`)).statusCode).toBe(404);

    expect((await del(me, `/api/v1/attachments/${id}`)).statusCode).toBe(200);
    expect(fs.existsSync(path.join(dataDir, 'attachments', sha256(file)))).toBe(false);
  });
});

describe('attachments removed when nothing refers to them', () => {
  it('an object shared by two records stays until the last one is deleted', async () => {
    const shared = png('shared by two activities');
    const own = png('only in the first activity');
    const first = await newActivity(me);
    const second = await newActivity(me);
    const a = (await upload(me, first, shared)).json();
    const b = (await upload(me, second, shared)).json();
    const c = (await upload(me, first, own)).json();
    const before = (await storedObjects()).size;

    expect((await del(other, `/api/v1/attachments/${a.id}`)).statusCode).toBe(403);
    expect((await del(me, `/api/v1/attachments/${a.id}`)).statusCode).toBe(200);
    expect((await me.get(`/api/v1/attachments/${a.id}`)).statusCode).toBe(404);
    expect((await storedObjects()).size).toBe(before);
    expect((await me.get(`/api/v1/attachments/${b.id}`)).rawPayload).toEqual(shared);

    // deleting the first activity takes its own file; the shared one is still the second's
    expect((await del(me, `/api/v1/activities/${first}`)).statusCode).toBe(200);
    expect((await storedObjects()).size).toBe(before - 1);
    expect((await me.get(`/api/v1/attachments/${c.id}`)).statusCode).toBe(404);
    expect((await me.get(`/api/v1/attachments/${b.id}`)).rawPayload).toEqual(shared);

    expect((await del(me, `/api/v1/activities/${second}`)).statusCode).toBe(200);
    expect((await storedObjects()).size).toBe(before - 2);
  });

  it('a removal racing an upload of the same content never leaves a record without its file', async () => {
    const file = png('uploaded while another record of it is deleted');
    for (let round = 0; round < 8; round++) {
      const old = (await upload(me, await newActivity(me), file)).json();
      const target = await newActivity(me);
      const [removed, added] = await Promise.all([
        del(me, `/api/v1/attachments/${old.id}`),
        upload(me, target, file),
      ]);
      expect(removed.statusCode).toBe(200);
      expect(added.statusCode).toBe(201);
      const got = await me.get(`/api/v1/attachments/${added.json().id}`);
      expect(got.statusCode).toBe(200);
      expect(got.rawPayload).toEqual(file);
      expect((await del(me, `/api/v1/activities/${target}`)).statusCode).toBe(200);
    }
  });
});

describe('attachment quota per cadre', () => {
  it('an upload over the quota is refused with 413 naming quota and use, and nothing is written', async () => {
    const { config } = ctx.p;
    const saved = config.attachmentQuotaMb;
    try {
      const activityId = await newActivity(me);
      const used = async () =>
        ((await me.get(`/api/v1/activities/${activityId}`)).json().attachments as unknown[]).length;
      // the quota counts every attachment of the cadre: what earlier tests left, and this one
      const first = png(`first ${'x'.repeat(200_000)}`);
      expect((await upload(me, activityId, first)).statusCode).toBe(201);
      config.attachmentQuotaMb = 0.5;
      const objects = (await storedObjects()).size;
      const second = png(`second ${'y'.repeat(400_000)}`);
      const res = await upload(me, activityId, second);
      expect(res.statusCode).toBe(413);
      const { error } = res.json();
      expect(error.code).toBe('payload_too_large');
      expect(error.message).toMatch(/0\.5 MB per cadre, 0\.\d MB used, this file 0\.4 MB/);
      expect(error.messageZh).toMatch(/每位团干部上限 0\.5 MB，已用 0\.\d MB/);
      expect(await used()).toBe(1);
      expect((await storedObjects()).size).toBe(objects);

      // the quota is the cadre's own: a colleague still uploads
      expect((await upload(other, await newActivity(other), second)).statusCode).toBe(201);
    } finally {
      config.attachmentQuotaMb = saved;
    }
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('attachments with several app servers (PostgreSQL)', () => {
  it('what one app server stores, a second one on the same database serves, and back', async () => {
    const result = await ctx.p.db.execute(sql`select current_database() as name`);
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${(result as unknown as { rows: { name: string }[] }).rows[0]?.name}`;
    const database = await openPostgres(url.toString(), 2);
    // its own data folder: nothing is shared but the database (and the key)
    const ownFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'lx-second-'));
    const second = await buildApp(
      createPlatform(database, ctx.p.cipher, ctx.clock, { ...ctx.p.config, dataDir: ownFolder }),
    );
    try {
      const there = new Client(second);
      expect((await there.login('cadreA1')).statusCode).toBe(200);
      const first = png('stored through the first app server');
      const a = (await upload(me, await newActivity(me), first)).json();
      const got = await there.get(`/api/v1/attachments/${a.id}`);
      expect(got.statusCode).toBe(200);
      expect(got.rawPayload).toEqual(first);

      const back = png('stored through the second app server');
      const b = (await upload(there, await newActivity(there), back)).json();
      expect((await me.get(`/api/v1/attachments/${b.id}`)).rawPayload).toEqual(back);
      expect(fs.readdirSync(ownFolder)).toEqual([]);
    } finally {
      await second.close();
      await database.close();
      fs.rmSync(ownFolder, { recursive: true, force: true });
    }
  });
});
