import { expect, test } from '@playwright/test';
import { login } from './helpers.ts';

// 下级组织考核 (seed 003 三.2): 宝鸡 grades its districts and counties under the cadres' quotas.
test('a city grades its lower organizations beside their pass rates, the quota counted as it goes', async ({
  page,
}) => {
  await login(page, 'bj-admin');
  await page.getByRole('menuitem', { name: '年度考核' }).click();
  await page.getByRole('tab', { name: '下级组织考核' }).click();
  await expect(page.getByText(/名单随即固定/)).toBeVisible();
  await page.getByRole('button', { name: '启动下级组织考核' }).click();
  const wb = page.getByRole('row').filter({ hasText: '共青团渭滨区委' });
  await expect(wb).toBeVisible();
  await expect(wb).toContainText('%'); // its 达标率 from the year's records
  const counted = page.getByText(/^参加考核 \d+ 个下级组织/);
  await expect(counted).toContainText('“优”0/');

  await wb.getByRole('combobox', { name: /的等次$/ }).click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last().getByText('优').click();
  await expect(counted).toContainText('“优”1/'); // counted while chosen, before saving
  await page.getByRole('button', { name: '保存等次' }).click();
  await expect(page.getByText('等次已保存')).toBeVisible();

  await page.getByRole('button', { name: '发布结果' }).click();
  await page.getByRole('button', { name: '发布', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: /尚有 \d+ 个下级组织未评定等次/ })).toBeVisible();
  await page.screenshot({ path: '.tmp/screens/org-assessment.png', fullPage: true });
});
