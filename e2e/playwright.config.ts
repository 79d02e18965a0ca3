import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';

// Browser tests against the real server (PGlite, demo data), in Debian's chromium (`npx playwright
// install` cannot download here; scripts/system-deps.sh installs /usr/bin/chromium + fonts-noto-cjk).
// Files named `*.phone.spec.ts` run in the `phone` project, every other `*.spec.ts` in `desktop`.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tmp = path.join(root, '.tmp');
// E2E_PORT lets several runs share a machine.
const port = Number(process.env.E2E_PORT ?? 3417);
const baseURL = `http://127.0.0.1:${port}`;

// A fresh data folder per run. The config is also loaded by each worker: keep the name the runner
// chose (workers inherit its environment) so every process agrees on it.
const dataDir =
  process.env.LIANXIN_E2E_DATA ??
  path.join(tmp, `e2e-data-${new Date().toISOString().replace(/[:.]/g, '-')}`);
process.env.LIANXIN_E2E_DATA = dataDir;

export default defineConfig({
  testDir: './tests',
  outputDir: path.join(tmp, `playwright-output${process.env.E2E_PORT ? `-${port}` : ''}`),
  workers: 1,
  retries: 0,
  timeout: 60_000,
  forbidOnly: !!process.env.CI,
  // The JSON file feeds scripts/test-summary.mjs; env PLAYWRIGHT_JSON_OUTPUT_FILE overrides the path.
  reporter: [
    ['list'],
    [
      'json',
      { outputFile: path.join(tmp, `playwright-results${process.env.E2E_PORT ? `-${port}` : ''}.json`) },
    ],
  ],
  use: {
    baseURL,
    locale: 'zh-CN',
    reducedMotion: 'reduce',
    timezoneId: 'Asia/Shanghai',
    screenshot: 'only-on-failure',
    trace: 'off',
    video: 'off',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    },
  },
  projects: [
    {
      name: 'desktop',
      testMatch: /.*\.spec\.ts$/,
      testIgnore: /.*\.phone\.spec\.ts$/,
      use: { browserName: 'chromium', viewport: { width: 1366, height: 768 } },
    },
    {
      name: 'phone',
      testMatch: /.*\.phone\.spec\.ts$/,
      use: {
        browserName: 'chromium',
        userAgent: devices['Pixel 7'].userAgent,
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
      },
    },
  ],
  // The compiled server (`npm run build`, which scripts/test.sh runs first), as in production.
  webServer: {
    command: 'node apps/server/dist/main.js',
    cwd: root,
    env: { PORT: String(port), LIANXIN_DEMO: '1', LIANXIN_DATA: dataDir, LIANXIN_LOG_LEVEL: 'warn' },
    url: `${baseURL}/api/v1/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
