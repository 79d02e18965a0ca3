/// <reference lib="dom" />
import { expect, test } from '@playwright/test';
import { login } from './helpers.ts';

const shots = '/tmp/shots-ledger2';

test('a city admin lists the grassroots points two levels down, with their 领域', async ({ page }) => {
  await login(page, 'bj-admin'); // 宝鸡市: points at 渭滨区's grassroots organizations sit two levels down
  await page.getByRole('menuitem', { name: '联系点' }).click();
  await expect(page.getByText('本组织及其各级下级组织的联系点')).toBeVisible();
  const machine = page.getByRole('row').filter({ hasText: '共青团宝鸡某机床集团委员会' }).first();
  await expect(machine).toContainText('企业');
  await expect(page.getByRole('row').filter({ hasText: '共青团渭滨区神农镇委员会' }).first()).toContainText(
    '农村',
  );
  await expect(page.getByRole('row').filter({ hasText: '宝鸡某中学团委' }).first()).toContainText('学校');
  await expect(page.getByText(/共 \d+ 个任期/)).toBeVisible();
  await page.screenshot({ path: `${shots}/points-desktop.png`, fullPage: true });

  // the point's own page shows the field of its 联系点登记表
  await machine.getByRole('link', { name: '台账' }).click();
  await expect(page.getByRole('heading', { name: '联系点台账' })).toBeVisible();
  const field = page.locator('.ant-descriptions-item').filter({ hasText: '领域' });
  await expect(field).toContainText('企业');
  await page.screenshot({ path: `${shots}/point-ledger-desktop.png`, fullPage: true });

  // an admin over the author corrects a record in the same quick-entry form as the phone
  await page.locator('[data-activity="demo-a2"]').getByRole('button', { name: '详情/附件' }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByRole('button', { name: /修改记录/ }).click();
  await expect(drawer.getByLabel('备注（可不填）')).toBeVisible();
  await expect(drawer.getByRole('radio', { name: '面对面' })).toBeChecked();
  await page.screenshot({ path: `${shots}/activity-edit-desktop.png` });
  await drawer.getByRole('button', { name: /取\s*消/ }).click();
  await expect(drawer.getByRole('button', { name: /删除记录/ })).toBeVisible();
  await drawer.getByRole('button', { name: /关闭|Close/ }).click();

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(field).toContainText('企业');
  await page.screenshot({ path: `${shots}/point-ledger-390.png`, fullPage: true });
  await page.goBack();
  await expect(machine).toContainText('企业');
  await expect(page.locator('.ant-spin-blur')).toHaveCount(0);
  await page.screenshot({ path: `${shots}/points-390.png`, fullPage: true });
});
