import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/config.ts';
import {
  buildServer,
  freePort,
  healthy,
  removeTempDirs,
  type Started,
  start,
  tempDir,
} from './process.fixture.ts';

// A county office's LAN: the compiled server over plain HTTP, reached by a name that is not
// localhost (chromium treats localhost as secure, a LAN name or address is not). The name is mapped
// to 127.0.0.1 inside the browser only. Needs the web build (`npm run build`, which npm test runs).
const hasWeb = fs.existsSync(path.join(loadConfig({}).webDist, 'index.html'));
const running: Started[] = [];

beforeAll(buildServer, 300_000);
afterAll(async () => {
  for (const s of running) {
    s.child.kill('SIGTERM');
    await s.exited;
  }
  removeTempDirs();
});

async function loginPageAt(port: number, waitMs: number) {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--host-resolver-rules=MAP lianxin.lan 127.0.0.1',
    ],
  });
  try {
    const page = await browser.newPage();
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(r.url()));
    await page.goto(`http://lianxin.lan:${port}/login`);
    const form = await page
      .getByLabel('用户名')
      .waitFor({ timeout: waitMs })
      .then(
        () => true,
        () => false,
      );
    return { form, failed };
  } finally {
    await browser.close();
  }
}

describe.skipIf(!!process.env.TEST_DATABASE_URL || !hasWeb)('plain HTTP on a LAN', () => {
  it('with LIANXIN_COOKIE_SECURE=0 the login page renders at http://lianxin.lan', async () => {
    const s = start(process.execPath, ['apps/server/dist/main.js'], tempDir(), await freePort(), {
      LIANXIN_COOKIE_SECURE: '0',
      HOST: '0.0.0.0',
    });
    running.push(s);
    await healthy(s);
    const { form, failed } = await loginPageAt(s.port, 20_000);
    expect(failed).toEqual([]);
    expect(form).toBe(true);
  }, 120_000);

  it('without it (HTTPS expected) the browser is sent to https for the scripts: a blank page', async () => {
    const s = start(process.execPath, ['apps/server/dist/main.js'], tempDir(), await freePort(), {
      HOST: '0.0.0.0',
    });
    running.push(s);
    await healthy(s);
    const { form, failed } = await loginPageAt(s.port, 5_000);
    expect(form).toBe(false);
    expect(failed.some((u) => u.startsWith('https://lianxin.lan'))).toBe(true);
  }, 120_000);
});
