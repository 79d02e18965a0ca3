import { expect, type Page, test } from '@playwright/test';
import { login } from './helpers.ts';

// Issue 13: on the demo's own data, a program created as 新建下沉计划 offers it plans with no hard
// violation and is published; the organs' part-time cadres are listed as left out, with why.

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-/;

/** Creates the default program at the admin's own organization, plans it and publishes it. */
async function publishDefault(page: Page, who: string, kind: RegExp) {
  await login(page, who);
  await page.getByRole('menuitem', { name: '下沉基层' }).click();
  await page.getByRole('button', { name: '新建下沉计划' }).click();
  const dialog = page.getByRole('dialog');
  // only the kind this level runs is offered, with its own hint and a first batch after today
  await expect(dialog.getByText(kind)).toBeVisible();
  await dialog.getByLabel('类型').click();
  await expect(page.locator('.ant-select-dropdown:visible .ant-select-item-option')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(dialog.getByText(/已按本组织情况预填/)).toBeVisible();
  const firstStart = await dialog.locator('.ant-picker-selection-item-content').first().innerText();
  expect(firstStart.trim() > new Date().toISOString().slice(0, 10)).toBe(true);
  await page.screenshot({ path: `.tmp/screens/posting-new-${who}.png` });
  const name = await dialog.getByLabel('计划名称').inputValue();
  await dialog.getByRole('button', { name: /新\s*建/ }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();

  await page.getByRole('button', { name: '生成方案' }).click();
  await expect(page.getByText('没有违反硬性规则')).toBeVisible();
  await expect(page.getByRole('button', { name: '发布方案' })).toBeEnabled();
  await expect(page.locator('main')).not.toContainText(UUID);
  await page.screenshot({ path: `.tmp/screens/posting-plan-${who}.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `.tmp/screens/posting-plan-${who}-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1366, height: 768 });
  return name;
}

async function publish(page: Page) {
  await page.getByRole('button', { name: '发布方案' }).click();
  await page.getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.getByText('已发布', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: /小组页面/ }).first()).toBeVisible();
}

test('the province admin publishes the default 常态化下沉基层 as it comes', async ({ page }) => {
  test.setTimeout(120_000);
  await publishDefault(page, 'sx-admin', /常态化下沉基层/);
  await publish(page);
});

test('a county admin publishes the default "8+4", and sees who is left out and why', async ({ page }) => {
  test.setTimeout(120_000);
  await publishDefault(page, 'jt-admin', /8\+4/);
  const leftOut = page.getByTestId('left-out');
  await expect(leftOut).toContainText('未参加编排 2 人');
  await expect(leftOut).toContainText('兼职团干部不是机关在编干部，不参加下沉');
  await publish(page);
});
