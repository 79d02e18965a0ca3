import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../platform/config.ts';
import { PASSWORD } from '../../testing/index.ts';
import {
  buildServer,
  freePort,
  freshPostgres,
  healthy,
  httpAs,
  httpLogin,
  removeTempDirs,
  run,
  type Started,
  start,
  tempDir,
} from './process.fixture.ts';
import { seedWorld } from './world.fixture.ts';

// Two compiled app servers on one PostgreSQL: what one writes the other reads (attachments too), a
// session opened on one works on the other, and the audit chain holds after concurrent writes.

const url = process.env.TEST_DATABASE_URL ?? '';

const png = (text: string) =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(text)]);
const multipart = (file: Buffer) => {
  const boundary = '----lianxin-two';
  return {
    body: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="照片.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
};

beforeAll(buildServer, 300_000);
afterAll(removeTempDirs);

describe.skipIf(!url)('two app servers on one PostgreSQL', () => {
  const servers: Started[] = [];
  let drop = async () => {};
  afterAll(async () => {
    for (const s of servers) s.child.kill('SIGTERM');
    await Promise.all(servers.map((s) => s.exited));
    await drop();
  });

  it('each reads what the other wrote; sessions work on either; the audit chain holds', async () => {
    const db = await freshPostgres(url);
    drop = db.drop;
    const env = {
      DATABASE_URL: db.url,
      LIANXIN_KEY: crypto.randomBytes(32).toString('base64'),
      LIANXIN_AUDIT_KEY: crypto.randomBytes(32).toString('base64'),
      LIANXIN_COOKIE_SECURE: '0',
    };
    const { activityId } = await seedWorld(env);
    for (let i = 0; i < 2; i++) {
      const s = start(process.execPath, ['apps/server/dist/main.js'], tempDir(), await freePort(), env);
      servers.push(s);
    }
    await Promise.all(servers.map((s) => healthy(s)));
    const [one, two] = servers.map((s) => s.port) as [number, number];

    // a session opened on one server is good on the other
    const a1 = await httpLogin(one, 'cadreA1', PASSWORD);
    expect((await httpAs(a1, two, 'GET', '/api/v1/contacts')).status).toBe(200);

    // concurrent writes through both: contacts, activities, attachments
    const writes = Array.from({ length: 12 }, async (_, i) => {
      const port = i % 2 === 0 ? one : two;
      const contact = await httpAs(a1, port, 'POST', '/api/v1/contacts', {
        name: `青年${i}`,
        role: 'youth',
        phone: `1390000${String(1000 + i)}`,
      });
      expect(contact.status).toBe(201);
      const id = (contact.json() as { id: string }).id;
      const activity = await httpAs(a1, port, 'POST', '/api/v1/activities', {
        type: 'talk',
        date: '2026-02-11',
        mode: 'face_to_face',
        point: 'pA1',
        contacts: [id],
      });
      expect(activity.status).toBe(201);
      const file = png(`server ${port} file ${i}`);
      const { body, headers } = multipart(file);
      const att = await httpAs(
        a1,
        port,
        'POST',
        `/api/v1/activities/${activityId}/attachments`,
        body,
        headers,
      );
      expect(att.status).toBe(201);
      return {
        port,
        contact: id,
        activity: (activity.json() as { activity: { id: string } }).activity.id,
        attachment: (att.json() as { id: string }).id,
        file,
      };
    });
    const written = await Promise.all(writes);

    for (const w of written) {
      const other = w.port === one ? two : one;
      const reveal = await httpAs(a1, other, 'POST', `/api/v1/contacts/${w.contact}/reveal`, {
        reason: '核对',
      });
      expect(reveal.status).toBe(200);
      expect((await httpAs(a1, other, 'GET', `/api/v1/activities/${w.activity}`)).status).toBe(200);
      const download = await httpAs(a1, other, 'GET', `/api/v1/attachments/${w.attachment}`);
      expect(download.status).toBe(200);
      expect(download.bytes).toEqual(w.file);
    }
    const { stdout } = await run(process.execPath, ['apps/server/dist/cli/main.js', 'audit-verify'], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
    });
    expect(JSON.parse(stdout)).toMatchObject({ ok: true });
  }, 180_000);
});
