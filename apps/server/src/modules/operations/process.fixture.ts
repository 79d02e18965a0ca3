import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../../platform/config.ts';

// Starting the compiled server as production runs it, for the tests of the process.

export const run = promisify(execFile);

/** Compiles the server (incremental: quick when the build is current). */
export const buildServer = () =>
  run('npx', ['tsc', '-b', 'apps/server/tsconfig.build.json'], { cwd: repoRoot });

const dirs: string[] = [];
export const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lx-process-'));
  dirs.push(dir);
  return dir;
};
export const removeTempDirs = () => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
};

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface Started {
  child: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function start(
  command: string,
  args: string[],
  dataDir: string,
  port: number,
  env: Record<string, string> = {},
): Started {
  const child = spawn(command, args, {
    cwd: repoRoot,
    env: {
      ...process.env,
      LIANXIN_DATA: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, port, output: () => out, exited };
}

export async function healthy(s: Started, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (s.child.exitCode !== null) throw new Error(`exited early:\n${s.output()}`);
    const ok = await fetch(`http://127.0.0.1:${s.port}/api/v1/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`not healthy in time:\n${s.output()}`);
}

export const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** A session over HTTP with a running server: the cookie and the CSRF token of one sign-in. */
export interface HttpSession {
  cookie: string;
  csrf: string;
}

export async function httpLogin(port: number, username: string, password: string): Promise<HttpSession> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

/** A request as that session, on any server; a network failure is status 0. */
export async function httpAs(
  s: HttpSession,
  port: number,
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: () => unknown; bytes: Buffer }> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}${url}`, {
      method,
      headers: {
        cookie: s.cookie,
        ...(method === 'GET' ? {} : { 'x-csrf-token': s.csrf }),
        ...(body === undefined || body instanceof Buffer ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : body instanceof Buffer ? body : JSON.stringify(body),
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    return { status: res.status, bytes, json: () => JSON.parse(bytes.toString('utf8')) };
  } catch {
    return { status: 0, bytes: Buffer.alloc(0), json: () => null };
  }
}

/** A fresh database on TEST_DATABASE_URL's server, and its removal. */
export async function freshPostgres(url: string) {
  const pg = (await import('pg')).default;
  const name = `lx_${Math.random().toString(16).slice(2, 14)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const again = new pg.Client({ connectionString: url });
      await again.connect();
      await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.end();
    },
  };
}
