/// <reference lib="dom" />
import { expect, test } from '@playwright/test';
import { login } from './helpers.ts';

// Issue 13: on a phone the 年度考核 tables are cards, one per cadre, read without scrolling sideways.
test('年度考核 on a phone shows the roster as cards that fit the screen', async ({ page }) => {
  await login(page, 'wb-admin');
  await page.goto('/annual');
  const cards = page.locator('.ant-list-item .ant-card');
  // a full load of the admin shell on a loaded machine
  await expect(cards.first()).toBeVisible({ timeout: 30_000 });
  await expect(cards.first()).toContainText('姓名');
  await expect(cards.first()).toContainText('状态');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  // a status reads on one line
  const status = cards.first().locator('.ant-descriptions-item').filter({ hasText: '状态' });
  const { height } = (await status.boundingBox()) ?? { height: 0 };
  expect(height).toBeLessThan(40);
  await page.screenshot({ path: '.tmp/screens/annual-phone.png', fullPage: true });
  await page.getByRole('tab', { name: '年底考核' }).click();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: '.tmp/screens/annual-assessment-phone.png', fullPage: true });
});
