import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../platform/config.ts';
import { boundaryLedger } from '../compliance/compliance.fixture.ts';
import { buildServer, freePort, healthy, removeTempDirs, run, start, tempDir } from './process.fixture.ts';

// backup → restore → the same export and a verified audit chain, with the compiled command line:
// the embedded database (backed up through the server that owns it) and PostgreSQL.
const cli = (env: Record<string, string>, ...args: string[]) =>
  run(process.execPath, ['apps/server/dist/cli/main.js', ...args], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: '', ...env },
    maxBuffer: 1 << 26,
  });
const exitCode = (env: Record<string, string>, ...args: string[]) =>
  cli(env, ...args).then(
    () => 0,
    (e: { code: number }) => e.code,
  );
const json = async (p: Promise<{ stdout: string }>) => JSON.parse((await p).stdout);
const backupText = (file: string) => zlib.gunzipSync(fs.readFileSync(file)).toString('utf8');

beforeAll(buildServer, 300_000);
afterAll(removeTempDirs);

describe.skipIf(!!process.env.TEST_DATABASE_URL)('backup and restore, embedded', () => {
  it('backs up through the running server; the restore gives the same ledger and audit chain', async () => {
    const work = tempDir();
    const from = path.join(work, 'from');
    const ledger = path.join(work, 'ledger.json');
    fs.writeFileSync(ledger, JSON.stringify(boundaryLedger()));
    await cli({ LIANXIN_DATA: from }, 'import', ledger);
    // an attachment as the store keeps it (name: a keyed hash, content: ciphertext)
    const attachment = crypto.randomBytes(3000);
    const name = crypto.createHash('sha256').update(attachment).digest('hex');
    fs.mkdirSync(path.join(from, 'attachments'));
    fs.writeFileSync(path.join(from, 'attachments', name), attachment);

    const server = start(process.execPath, ['apps/server/dist/main.js'], from, await freePort());
    const file = path.join(work, 'backup.lxbak');
    try {
      await healthy(server);
      const made = await json(cli({ LIANXIN_DATA: from }, 'backup', '--out', file));
      expect(made.from).toBe(`server ${server.child.pid}`);
    } finally {
      server.child.kill('SIGTERM');
      expect((await server.exited).code).toBe(0);
    }
    expect(fs.statSync(file).mode & 0o077).toBe(0);
    const text = backupText(file);
    for (const key of ['secret.key', 'audit.key']) {
      expect(text).not.toContain(fs.readFileSync(path.join(from, key), 'utf8').trim());
    }

    const to = path.join(work, 'to');
    const keys = {
      LIANXIN_KEY_FILE: path.join(from, 'secret.key'),
      LIANXIN_AUDIT_KEY_FILE: path.join(from, 'audit.key'),
    };
    expect(await exitCode({ LIANXIN_DATA: to }, 'restore', file)).toBe(1); // no key given
    const restored = await json(cli({ LIANXIN_DATA: to, ...keys }, 'restore', file));
    expect(restored.restored.attachments).toBe(1);
    expect(fs.readFileSync(path.join(to, 'attachments', name))).toEqual(attachment);
    expect(fs.existsSync(path.join(to, 'secret.key'))).toBe(false);
    expect(await exitCode({ LIANXIN_DATA: to, ...keys }, 'restore', file)).toBe(1); // not empty any more

    const before = await json(cli({ LIANXIN_DATA: from }, 'export'));
    const after = await json(cli({ LIANXIN_DATA: to, ...keys }, 'export'));
    expect(after).toEqual(before);
    expect(before.organizations.length).toBeGreaterThan(0);
    const verified = await json(cli({ LIANXIN_DATA: to, ...keys }, 'audit-verify'));
    expect(verified).toMatchObject({ ok: true });
    expect(verified.rows).toBeGreaterThan(0);
    // a wrong audit key is told at once
    const wrong = path.join(work, 'wrong.key');
    fs.writeFileSync(wrong, crypto.randomBytes(32).toString('base64'));
    const again = path.join(work, 'again');
    expect(
      await exitCode({ LIANXIN_DATA: again, ...keys, LIANXIN_AUDIT_KEY_FILE: wrong }, 'restore', file),
    ).toBe(1);
  }, 300_000);

  it('backs up a folder no server owns, and refuses a file cut short', async () => {
    const work = tempDir();
    const from = path.join(work, 'from');
    await cli({ LIANXIN_DATA: from }, 'audit-verify'); // creates the database
    const file = path.join(work, 'b.lxbak');
    expect((await json(cli({ LIANXIN_DATA: from }, 'backup', '--out', file))).kind).toBe('pglite');
    expect(fs.existsSync(path.join(from, 'lianxin.lock'))).toBe(false);
    const cut = path.join(work, 'cut.lxbak');
    const whole = zlib.gunzipSync(fs.readFileSync(file));
    fs.writeFileSync(cut, zlib.gzipSync(whole.subarray(0, whole.length - 40)));
    const keys = {
      LIANXIN_KEY_FILE: path.join(from, 'secret.key'),
      LIANXIN_AUDIT_KEY_FILE: path.join(from, 'audit.key'),
    };
    expect(await exitCode({ LIANXIN_DATA: path.join(work, 'to'), ...keys }, 'restore', cut)).toBe(1);
  }, 180_000);
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('backup and restore, PostgreSQL', () => {
  const url = process.env.TEST_DATABASE_URL ?? '';
  const created: string[] = [];
  const database = async () => {
    const name = `lx_${crypto.randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    created.push(name);
    const u = new URL(url);
    u.pathname = `/${name}`;
    return u.toString();
  };
  afterAll(async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    for (const name of created) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('restores into an empty database: the same ledger, the audit chain verified', async () => {
    const keys = {
      LIANXIN_KEY: crypto.randomBytes(32).toString('base64'),
      LIANXIN_AUDIT_KEY: crypto.randomBytes(32).toString('base64'),
    };
    const from = { DATABASE_URL: await database(), ...keys };
    const work = tempDir();
    const ledger = path.join(work, 'ledger.json');
    fs.writeFileSync(ledger, JSON.stringify(boundaryLedger()));
    await cli(from, 'import', ledger);
    const file = path.join(work, 'pg.lxbak');
    const made = await json(cli(from, 'backup', '--out', file));
    expect(made.kind).toBe('postgres');
    expect(made.counts.audit_log).toBeGreaterThan(0);
    expect(backupText(file)).not.toContain(keys.LIANXIN_KEY);

    const to = { DATABASE_URL: await database(), ...keys };
    await cli(to, 'restore', file);
    expect(await exitCode(to, 'restore', file)).toBe(1); // not empty any more
    expect(await json(cli(to, 'export'))).toEqual(await json(cli(from, 'export')));
    expect(await json(cli(to, 'audit-verify'))).toMatchObject({ ok: true });
    // the restored database goes on: a new import appends to the audit chain
    await cli(to, 'create-admin', '--username', 'after-restore', '--password', 'Restored-pass-2026!');
    expect(await json(cli(to, 'audit-verify'))).toMatchObject({ ok: true });
  }, 300_000);
});
