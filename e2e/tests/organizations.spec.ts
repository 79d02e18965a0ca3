import { expect, test } from '@playwright/test';
import { login } from './helpers.ts';

test('an org admin logs in and creates a grassroots organization under their county', async ({ page }) => {
  await login(page, 'wb-admin');
  await expect(page.getByText('演示模式').first()).toBeVisible();
  await page.getByRole('menuitem', { name: '组织管理' }).click();
  await expect(page.getByText('共青团渭滨区委').first()).toBeVisible();
  await page.getByRole('button', { name: '新增下级组织' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('组织名称').fill('共青团渭滨区某科技公司支部');
  // a county's children are grassroots organizations: the level comes preselected
  await expect(dialog.getByTitle('基层')).toBeVisible();
  await dialog.getByLabel('领域').click();
  await page.locator('.ant-select-item-option[title="新媒体"]').click();
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('cell', { name: '共青团渭滨区某科技公司支部' })).toBeVisible();
  await page.screenshot({ path: '.tmp/screens/orgs-desktop.png' });
});
