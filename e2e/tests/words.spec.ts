/// <reference lib="dom" />
import { expect, test } from '@playwright/test';
import { login } from './helpers.ts';

const shots = '.tmp/screens';

test('操作日志 reads in Chinese: actions, results and object kinds, no codes', async ({ page }) => {
  await login(page, 'admin');
  await page.goto('/audit');
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows.first()).toBeVisible();
  const header = await page.locator('.ant-table-thead th').allInnerTexts();
  const column = (title: string) => header.findIndex((h) => h.trim() === title) + 1;
  const cells = async (title: string) =>
    page.locator(`.ant-table-tbody tr.ant-table-row td:nth-child(${column(title)})`).allInnerTexts();
  const actions = await cells('操作');
  expect(actions.length).toBeGreaterThan(0);
  for (const a of actions) expect(a, a).not.toMatch(/^[a-z_]+(\.[a-z_]+)*$/);
  expect(actions).toContain('登录');
  for (const r of await cells('结果')) expect(['成功', '失败', '拒绝']).toContain(r.trim());
  const objects = await cells('对象');
  for (const o of objects) expect(o).not.toMatch(/^[a-z_]+ ·|[0-9a-f]{8}(-|…)/);
  // each object by its kind and Chinese name
  expect(objects.some((o) => /^[\u4e00-\u9fa5“”]+ · [\u4e00-\u9fa5]/.test(o))).toBe(true);
  await page.screenshot({ path: `${shots}/audit-words.png` });
});

test('达标看板 › 按规则 shows no rule ids and fits 1366 px with 达标率 in view', async ({ page }) => {
  await login(page, 'wb-admin');
  await page.getByRole('menuitem', { name: '达标看板' }).click();
  await expect(page.getByRole('img', { name: '各规则达标率条形图' }).locator('canvas')).toBeVisible();
  const table = page.locator('.ant-card').filter({ hasText: '各规则达标情况' });
  await expect(table.getByRole('columnheader', { name: '规则编号' })).toHaveCount(0);
  await expect(table.getByText(/baoji2018\./)).toHaveCount(0);
  const rate = table.getByRole('columnheader', { name: /达标率/ });
  await rate.scrollIntoViewIfNeeded();
  const box = await rate.boundingBox();
  expect(box).not.toBeNull();
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(1366);
  const overflow = await table
    .locator('.ant-table-content, .ant-table-body')
    .first()
    .evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${shots}/compliance-rules-words.png`, fullPage: true });
});
