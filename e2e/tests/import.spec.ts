import { zhtjCadreHeaders } from '@lianxin/contracts';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { login } from './helpers.ts';

test('an admin imports a cadre sheet with one bad row and sees the error by row and column', async ({
  page,
}) => {
  await login(page, 'wb-admin');
  await page.getByRole('menuitem', { name: '批量导入' }).click();
  // the template the page offers, filled as an organization department would
  const template = await page.request.get('/api/v1/imports/cadres/template');
  expect(template.ok()).toBe(true);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await template.body()) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  ws.getRow(3).values = [
    '韩梅',
    '共青团渭滨区委',
    '',
    '科级',
    '专职',
    '1',
    '2020-07-01',
    '',
    '委员',
    '13609170001',
  ];
  ws.getRow(4).values = ['李雷', '共青团渭滨区委', '', '处长', '专职'];
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());

  await page
    .locator('input[type=file]')
    .first()
    .setInputFiles({ name: '团干部.xlsx', mimeType: 'application/octet-stream', buffer });
  await page.getByRole('button', { name: '预览校验' }).first().click();
  await expect(page.getByText('未导入任何数据')).toBeVisible();
  const row = page.getByRole('row', { name: /职级/ });
  await expect(row).toContainText('4');
  await expect(row).toContainText('处长');
  await expect(page.getByRole('button', { name: '确认导入' }).first()).toBeDisabled();
  await page.screenshot({ path: '.tmp/screens/import-errors.png' });
});

test('a sheet exported from 智慧团建 is read as it is; an unknown 团支部 is named by row and column', async ({
  page,
}) => {
  await login(page, 'wb-admin');
  await page.getByRole('menuitem', { name: '批量导入' }).click();
  // its headers, data from row 2, no 职级 (the columns we do not keep left empty)
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('团干部信息');
  ws.addRow([...zhtjCadreHeaders]);
  ws.addRow([
    '韩梅',
    '',
    '某村团支部',
    '汉族',
    '共青团员',
    '大学本科',
    '2008-05',
    '',
    '书记',
    '兼职',
    '2022-07',
  ]);
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  await page
    .locator('input[type=file]')
    .first()
    .setInputFiles({ name: '智慧团建导出.xlsx', mimeType: 'application/octet-stream', buffer });
  await page.getByRole('button', { name: '预览校验' }).first().click();
  await expect(page.getByText('未导入任何数据')).toBeVisible();
  const row = page.getByRole('row', { name: /所在团支部/ });
  await expect(row).toContainText('2');
  await expect(row).toContainText('某村团支部');
  await page.screenshot({ path: '.tmp/screens/import-zhtj.png' });
});
