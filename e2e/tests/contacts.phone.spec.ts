/// <reference lib="dom" />
import { expect, test } from '@playwright/test';
import { login } from './helpers.ts';

test('a cadre adds a contact, reveals the phone with a reason; a second cadre is offered the same person', async ({
  page,
}) => {
  const stamp = Date.now();
  const name = `测试青年${String(stamp).slice(-6)}`;
  const phone = `139${String(stamp).slice(-8)}`;

  await login(page, 'cadre01');
  await page.getByRole('link', { name: '联系青年' }).click();
  await page.getByRole('button', { name: '新增联系青年' }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByLabel('姓名').fill(name);
  await drawer.getByLabel('手机号码').fill(phone);
  await drawer.getByRole('button', { name: '保存', exact: true }).click();
  await expect(drawer).toBeHidden();
  await page.getByLabel('搜索联系青年').fill(name);
  await page.getByRole('link', { name: new RegExp(name) }).click();
  await expect(page.getByTestId('phone')).toHaveText(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
  await page.getByRole('button', { name: '查看号码' }).click();
  await page.getByLabel('查看原因').fill('电话回访');
  await page.getByRole('button', { name: '查看', exact: true }).click();
  await expect(page.getByTestId('phone')).toHaveText(phone);

  await page.getByRole('button', { name: '退出' }).click();
  await login(page, 'cadre02');
  await page.getByRole('link', { name: '联系青年' }).click();
  await page.getByRole('button', { name: '新增联系青年' }).click();
  await page.getByRole('dialog').getByLabel('姓名').fill(name);
  await page.getByRole('dialog').getByLabel('手机号码').fill(phone);
  await page.getByRole('dialog').getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('dialog', { name: /该青年已在系统中（.+），加入我的联系人？/ })).toBeVisible();
  await page.getByRole('button', { name: '加入', exact: true }).click();
  await page.getByLabel('搜索联系青年').fill(name);
  await expect(page.getByRole('link', { name: new RegExp(name) })).toHaveCount(1);
});
