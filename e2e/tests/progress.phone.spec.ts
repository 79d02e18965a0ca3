/// <reference lib="dom" />
import { expect, test } from '@playwright/test';
import { login } from './helpers.ts';

test('a cadre opens 我的进度 on a phone: bars per rule, and the records behind a number', async ({
  page,
}) => {
  await login(page, 'cadre01');
  await page.getByRole('navigation', { name: '底部导航' }).getByRole('link', { name: '进度' }).click();
  await expect(page).toHaveURL(/\/me\/progress$/);

  // the demo's 宝鸡 preset: every rule a bar, grouped under the preset's title
  const preset = page.locator('[data-preset="baoji-2018-close-contact"]');
  await expect(preset).toContainText('团的领导机关干部密切联系青年机制');
  const lectures = preset.locator('.lx-result[data-rule="baoji2018.lectures"]');
  await expect(lectures).toHaveAttribute('data-status', 'met');
  await expect(lectures.getByRole('progressbar')).toBeVisible();
  expect(await preset.getByRole('progressbar').count()).toBeGreaterThanOrEqual(8);
  await expect(page.getByTestId('due-red')).toContainText('任务清单');

  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: '.tmp/screens/progress-phone.png', fullPage: true });

  // 4 lectures counted: the number opens them, and one opens in full
  await lectures.getByRole('button', { name: /查看计入的记录：4 \/ 4/ }).click();
  const drawer = page.locator('.lx-records-drawer');
  await expect(drawer.getByText('工作记录（4）')).toBeVisible();
  await expect(drawer.locator('.lx-activity')).toHaveCount(4);
  await expect(drawer).toContainText('青年创业政策宣讲');
  await drawer.locator('.lx-activity', { hasText: '2026-04-12' }).click();
  await expect(page.getByRole('dialog').getByText('听众人数')).toBeVisible();
});
