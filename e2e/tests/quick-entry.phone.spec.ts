/// <reference lib="dom" />
import { expect, type Page, test } from '@playwright/test';
import { login } from './helpers.ts';

/** The title of the screen on show (each quick-entry screen marks its title with data-screen). */
async function screenTitle(page: Page): Promise<string> {
  const title = page.locator('[data-screen]').first();
  await expect(title).toBeVisible();
  return (await title.innerText()).trim();
}

test('a cadre records a face-to-face talk with two contacts in at most three screens', async ({ page }) => {
  await login(page, 'cadre01');
  await expect(page).toHaveURL(/\/me$/);
  const note = `快速录入 ${Date.now()}`;
  const screens: string[] = [];
  const started = Date.now();

  await page.getByRole('button', { name: '记一笔' }).click();
  screens.push(await screenTitle(page)); // 1: the type
  await page.getByRole('button', { name: '谈心谈话' }).click();
  await expect(page.locator('[data-screen]')).toHaveText('记一笔 · 谈心谈话');
  screens.push(await screenTitle(page)); // 2: the form, defaults filled in
  await expect(page.getByRole('radio', { name: '面对面' })).toBeChecked();
  await page.getByRole('button', { name: /^张明/ }).click();
  await page.getByRole('button', { name: /^李娜/ }).click();
  await expect(page.getByText('已选 2 人')).toBeVisible();
  await page.getByLabel('备注（可不填）').fill(note);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.locator('[data-screen]')).toHaveText('已保存');
  screens.push(await screenTitle(page)); // 3: the confirmation
  const elapsed = Date.now() - started;

  // decision 24: the time is printed, never asserted
  console.log(`quick entry: ${screens.length} screens (${screens.join(' → ')}), ${elapsed} ms`);
  expect(screens.length).toBeLessThanOrEqual(3);
  await page.screenshot({ path: '.tmp/screens/quick-entry-done-phone.png' });

  await page.getByRole('button', { name: '返回' }).click();
  await expect(page).toHaveURL(/\/me$/);
  const item = page.locator('.lx-activity', { hasText: note });
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('谈心谈话');
  await expect(item).toContainText('张明、李娜');
  await expect(item).toContainText('联系青年 2 人');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('再记一笔 starts a new entry from the type screen', async ({ page }) => {
  await login(page, 'cadre01');
  await page.goto('/me/log/online');
  await expect(page.locator('[data-screen]')).toHaveText('记一笔 · 线上互动');
  await page.getByRole('button', { name: /^王磊/ }).click();
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.locator('[data-screen]')).toHaveText('已保存');
  await page.getByRole('button', { name: '再记一笔' }).click();
  await expect(page).toHaveURL(/\/me\/log$/);
  await expect(page.getByRole('button', { name: '更多…' })).toBeVisible();
});
