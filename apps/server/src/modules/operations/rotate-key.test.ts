import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { idNumberCheckChar } from '@lianxin/domain';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, repoRoot } from '../../platform/config.ts';
import { createFieldCipher, readKeyFile } from '../../platform/crypto.ts';
import { accounts } from '../../platform/db/schema.ts';
import { openRuntime } from '../../platform/runtime.ts';
import { signedIn } from '../../testing/index.ts';
import { cityWithTwoCounties, uploadPhoto } from '../../testing/scenario.ts';
import { buildServer, removeTempDirs, run, tempDir } from './process.fixture.ts';
import { openAsServer } from './world.fixture.ts';

// rotate-key with the compiled command line: SIGKILLed once it reported progress, run again, and then
// everything opens with the new key alone.

const CONTACTS = 40;
const png = (i: number) =>
  Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.from(`附件 ${i} secret`),
  ]);
const idNumber = (i: number) => {
  const first17 = `6103021990010${String(1000 + i).slice(-4)}`;
  return `${first17}${idNumberCheckChar(first17)}`;
};
const phone = (i: number) => `139${String(10_000_000 + i).slice(-8)}`;

type Env = Record<string, string>;
const cli = (env: Env, ...args: string[]) =>
  run(process.execPath, ['apps/server/dist/cli/main.js', ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    maxBuffer: 1 << 26,
  });

/** The world: contacts with phone and ID number, attachments, a TOTP secret; all under the first key. */
async function world(env: Env) {
  const ctx = await openAsServer(env);
  try {
    const { clients, activityId } = await cityWithTwoCounties(ctx);
    const contacts = new Map<string, number>();
    for (let i = 0; i < CONTACTS; i++) {
      const res = await clients.cadreA1.post('/api/v1/contacts', {
        name: `青年${i}`,
        role: 'youth',
        phone: phone(i),
        idNumber: idNumber(i),
        channels: { wechat: `wx-${i}` },
      });
      expect(res.statusCode).toBe(201);
      contacts.set(res.json().id, i);
    }
    const files = new Map<string, Buffer>();
    for (let i = 0; i < 4; i++) {
      const res = await uploadPhoto(clients.cadreA1, activityId, png(i));
      expect(res.statusCode).toBe(201);
      files.set(res.json().id, png(i));
    }
    await ctx.p.db
      .update(accounts)
      .set({ totpSecretEnc: ctx.p.cipher.encrypt('JBSWY3DPEHPK3PXP') })
      .where(eq(accounts.username, 'sys'));
    return { contacts, files };
  } finally {
    await ctx.close();
  }
}

/** Starts rotate-key and SIGKILLs it at its first progress line on the contacts. */
function killedHalfWay(env: Env, newKey: string) {
  const child = spawn(
    process.execPath,
    ['apps/server/dist/cli/main.js', 'rotate-key', '--new-key-file', newKey, '--batch-size', '1'],
    { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let err = '';
  child.stderr.on('data', (d) => {
    err += d;
    if (err.includes('rotate-key: table:contacts')) child.kill('SIGKILL');
  });
  return new Promise<{ signal: NodeJS.Signals | null; err: string }>((resolve) =>
    child.on('exit', (_code, signal) => resolve({ signal, err })),
  );
}

async function rotateKilledAndResumed(env: Env, keys: string) {
  const { contacts, files } = await world(env);
  const oldKey = readKeyFile(env.LIANXIN_KEY_FILE ?? '');
  const newKeyFile = path.join(keys, 'new.key');

  const killed = await killedHalfWay(env, newKeyFile);
  expect(killed.signal, killed.err).toBe('SIGKILL');
  // half way: nobody starts on the old key, and the contacts are part old, part new
  await expect(openAsServer(env)).rejects.toThrow(/unfinished/);
  const newKey = readKeyFile(newKeyFile);
  const oldCipher = createFieldCipher('aes-256-gcm', oldKey);
  const newCipher = createFieldCipher('aes-256-gcm', newKey);
  const runtime = await openRuntime('test', loadConfig(env), { warn: () => {} }, { checkKey: false });
  try {
    const res = (await runtime.platform.db.execute(
      sql`SELECT phone_enc FROM contacts WHERE phone_enc IS NOT NULL`,
    )) as unknown as {
      rows: { phone_enc: Uint8Array }[];
    };
    const opensWith = (c: typeof oldCipher) =>
      res.rows.filter((r) => {
        try {
          c.decrypt(Buffer.from(r.phone_enc));
          return true;
        } catch {
          return false;
        }
      }).length;
    expect(opensWith(newCipher)).toBeGreaterThan(0);
    expect(opensWith(oldCipher)).toBeGreaterThan(0);
    expect(opensWith(newCipher) + opensWith(oldCipher)).toBe(CONTACTS);
  } finally {
    await runtime.close();
  }

  const resumed = JSON.parse(
    (await cli(env, 'rotate-key', '--new-key-file', newKeyFile, '--batch-size', '7')).stdout,
  );
  expect(resumed).toMatchObject({ resumed: true, newKeyId: newCipher.keyId, missing: [] });
  expect(resumed.counts['table:contacts']).toBe(CONTACTS + 1);
  expect(resumed.counts.attachments).toBe(files.size);
  // the key file now holds the new key; the retired one is kept aside, the staging file gone
  expect(readKeyFile(env.LIANXIN_KEY_FILE ?? '')).toEqual(newKey);
  expect(fs.existsSync(newKeyFile)).toBe(false);
  const retired = resumed.retiredKeyFile as string;
  expect(readKeyFile(retired)).toEqual(oldKey);
  fs.rmSync(retired); // from here on only the new key exists

  const ctx = await openAsServer(env);
  try {
    const cadre = await signedIn(ctx, 'cadreA1');
    for (const [id, i] of contacts) {
      const res = await cadre.post(`/api/v1/contacts/${id}/reveal`, { reason: '轮换后核对' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        phone: phone(i),
        idNumber: idNumber(i),
        channels: { wechat: `wx-${i}` },
      });
    }
    for (const [id, bytes] of files) {
      const res = await cadre.get(`/api/v1/attachments/${id}`);
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload).toEqual(bytes);
    }
    // the blind index is the new key's: a duplicate phone is still found
    expect(
      (await cadre.post('/api/v1/contacts', { name: '重复', role: 'youth', phone: phone(3) })).statusCode,
    ).toBe(409);
    const [sys] = await ctx.p.db.select().from(accounts).where(eq(accounts.username, 'sys'));
    expect(ctx.p.cipher.decrypt(sys?.totpSecretEnc ?? Buffer.alloc(0))).toBe('JBSWY3DPEHPK3PXP');
    // no object is left under the old key's names
    const objects =
      ctx.p.attachmentStore.kind === 'folder'
        ? fs.readdirSync(path.join(env.LIANXIN_DATA ?? '', 'attachments'))
        : ((await ctx.p.db.execute(sql`SELECT name FROM attachment_blobs`)) as unknown as { rows: unknown[] })
            .rows;
    expect(objects).toHaveLength(files.size);
  } finally {
    await ctx.close();
  }
  expect(JSON.parse((await cli(env, 'audit-verify')).stdout)).toMatchObject({ ok: true });
  // a second run with a fresh new key is another rotation; the old key is refused outright
  const oldFile = path.join(keys, 'old.key');
  fs.writeFileSync(oldFile, oldKey.toString('base64'));
  await expect(cli({ ...env, LIANXIN_KEY_FILE: oldFile }, 'export')).rejects.toMatchObject({ code: 1 });
}

function keyFiles() {
  const dir = tempDir();
  const keys = path.join(dir, 'keys');
  fs.mkdirSync(keys);
  for (const name of ['secret.key', 'audit.key'])
    fs.writeFileSync(path.join(keys, name), crypto.randomBytes(32).toString('base64'), { mode: 0o600 });
  return {
    dir,
    keys,
    env: {
      LIANXIN_KEY_FILE: path.join(keys, 'secret.key'),
      LIANXIN_AUDIT_KEY_FILE: path.join(keys, 'audit.key'),
      LIANXIN_DATA: path.join(dir, 'data'),
    },
  };
}

beforeAll(buildServer, 300_000);
afterAll(removeTempDirs);

describe.skipIf(!!process.env.TEST_DATABASE_URL)('rotate-key, embedded', () => {
  it('killed half way, resumed: every reveal and download works with the new key alone', async () => {
    const { keys, env } = keyFiles();
    await rotateKilledAndResumed({ ...env, DATABASE_URL: '' }, keys);
  }, 240_000);
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('rotate-key, PostgreSQL', () => {
  const url = process.env.TEST_DATABASE_URL ?? '';
  const name = `lx_${crypto.randomBytes(6).toString('hex')}`;
  afterAll(async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('killed half way, resumed: every reveal and download works with the new key alone', async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${name}`;
    const { keys, env } = keyFiles();
    await rotateKilledAndResumed({ ...env, DATABASE_URL: u.toString() }, keys);
  }, 240_000);
});
