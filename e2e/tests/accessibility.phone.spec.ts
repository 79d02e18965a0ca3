/// <reference lib="dom" />
import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { login } from './helpers.ts';

// The cadre's phone pages: no serious or critical axe-core violation.
test('the cadre’s phone pages have no serious or critical axe-core violation', async ({ page }) => {
  // one test walks every page, each checked by axe: more than the default minute on a loaded machine
  test.setTimeout(180_000);
  await login(page, 'cadre01');
  for (const path of [
    '/me',
    '/me/log',
    '/me/log/talk',
    '/me/log/visit',
    '/me/progress',
    '/me/contacts',
    '/me/annual',
    '/me/postings',
  ]) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    await expect(page.locator('.ant-spin-spinning, .ant-skeleton, .lx-skeleton')).toHaveCount(0);
    await expectAccessible(page, path);
  }
  await page.screenshot({ path: '.tmp/screens/axe-phone-last.png', fullPage: true });
});
