/// <reference lib="dom" />
import { expect, test } from '@playwright/test';
import { login } from './helpers.ts';

test('a cadre signs in on a phone and sees their own page without sideways scrolling', async ({ page }) => {
  await login(page, 'cadre01');
  await expect(page).toHaveURL(/\/me/);
  await expect(page.getByText('共青团渭滨区委').first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: '.tmp/screens/me-phone.png', fullPage: true });
});
