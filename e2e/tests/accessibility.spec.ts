/// <reference lib="dom" />
import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { login } from './helpers.ts';

// The admins' main pages: no serious or critical axe-core violation.
const pages: [string, string][] = [
  ['工作台', '/home'],
  ['组织管理', '/orgs'],
  ['团干部', '/people'],
  ['联系点', '/points'],
  ['问题清单', '/problems'],
  ['达标看板', '/compliance'],
  ['年度考核', '/annual'],
  ['下沉基层', '/postings'],
];

test('the admin pages have no serious or critical axe-core violation', async ({ page }) => {
  // one test walks every page, each checked by axe: more than the default minute on a loaded machine
  test.setTimeout(180_000);
  await login(page, 'wb-admin');
  for (const [name] of pages) {
    await page.getByRole('menuitem', { name }).click();
    await page.waitForLoadState('networkidle');
    await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
    await expectAccessible(page, name);
  }
  await page.screenshot({ path: '.tmp/screens/axe-admin-last.png' });
});

test('the system admin’s 操作日志 has no serious or critical axe-core violation', async ({ page }) => {
  await login(page, 'admin');
  await page.getByRole('menuitem', { name: '操作日志' }).click();
  await expect(page.locator('.ant-table-tbody tr.ant-table-row').first()).toBeVisible();
  await expectAccessible(page, '操作日志');
});
