/// <reference lib="dom" />
import { expect, test } from '@playwright/test';
import { login } from './helpers.ts';

test('an admin records a commendation on a cadre’s page and sees it listed (表彰与处理)', async ({
  page,
}) => {
  await login(page, 'wb-admin');
  await page.getByRole('menuitem', { name: '团干部' }).click();
  const open = page.getByRole('button', { name: /^联系工作 / }).first();
  const cadreName = ((await open.getAttribute('aria-label')) ?? '').replace('联系工作 ', '');
  await open.click();
  const card = page.getByTestId('conduct-records');
  await expect(card).toContainText('暂无表彰或处理记录');
  await card.getByRole('button', { name: '记录' }).click();
  await card.getByLabel('名称').fill('优秀共青团干部');
  await card.getByLabel('决定日期').click();
  await card.getByLabel('决定日期').fill('2026-05-04');
  await card.getByLabel('决定日期').press('Enter');
  await card.getByLabel('决定机关').fill('共青团宝鸡市委');
  await card.getByLabel('文号').fill('宝市团发〔2026〕12号');
  await card.getByLabel('事由').fill('深入联系点，建立非公企业团组织 2 个');
  await card.getByRole('button', { name: '保存' }).click();
  await expect(card).toContainText('优秀共青团干部');
  await expect(card).toContainText('2026-05-04 · 共青团宝鸡市委 宝市团发〔2026〕12号');
  await expect(page.getByRole('dialog')).toContainText(`联系工作 · ${cadreName}`);
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '.tmp/conduct-records.png' });

  // a 文号 typed wrongly is corrected in place
  const item = card.locator('.ant-list-item', { hasText: '优秀共青团干部' });
  await item.getByRole('button', { name: /更\s*正/ }).click();
  await expect(card.getByLabel('名称')).toHaveValue('优秀共青团干部');
  await expect(card.getByLabel('决定日期')).toHaveValue('2026-05-04');
  await card.getByLabel('文号').fill('宝市团发〔2026〕21号');
  await card.getByRole('button', { name: '保存更正' }).click();
  await expect(card).toContainText('2026-05-04 · 共青团宝鸡市委 宝市团发〔2026〕21号');
  await expect(card).not.toContainText('〔2026〕12号');

  // one that should not be there is withdrawn, after a confirmation
  await item.getByRole('button', { name: /撤\s*销/ }).click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /撤\s*销/ })
    .click();
  await expect(card).toContainText('暂无表彰或处理记录');
});
