/// <reference lib="dom" />
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { login } from './helpers.ts';

test('a cadre adds a contact, reveals the phone with a reason; a second cadre asks to keep the same person', async ({
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
  // decision 26: nothing of the person is shown, only a request an admin decides
  const offer = page.getByRole('dialog', { name: '该青年已由其他团干部联系，申请加入我的联系人？' });
  await expect(offer).toBeVisible();
  await expect(offer).not.toContainText(name.slice(0, 1));
  await page.getByRole('button', { name: '申请加入' }).click();
  await expect(page.getByText('已提交申请，等待管理员审核')).toBeVisible();
});

test('a cadre imports contacts from Excel: a bad row is named, the clean file joins their list', async ({
  page,
}) => {
  const stamp = String(Date.now()).slice(-6);
  const first = `导入青年甲${stamp}`;
  const second = `导入青年乙${stamp}`;
  await login(page, 'cadre03');
  await page.getByRole('link', { name: '联系青年' }).click();
  const before = Number(await page.getByTestId('progress-count').innerText());

  const template = await page.request.get('/api/v1/imports/contacts/template');
  expect(template.ok()).toBe(true);
  const sheet = async (roleOfSecond: string) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await template.body()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    ws.getRow(3).values = [first, '普通青年', '企业', '某机床集团', '困难青年', '是'];
    ws.getRow(4).values = [second, roleOfSecond, '学校'];
    return Buffer.from(await wb.xlsx.writeBuffer());
  };

  await page.getByRole('button', { name: '从 Excel 导入' }).click();
  const drawer = page.getByRole('dialog');
  const choose = async (buffer: Buffer) => {
    await drawer
      .locator('input[type=file]')
      .setInputFiles({ name: '联系青年.xlsx', mimeType: 'application/octet-stream', buffer });
    await drawer.getByRole('button', { name: '预览校验' }).click();
  };
  await choose(await sheet('学生'));
  await expect(drawer.getByText('未导入任何数据')).toBeVisible();
  await expect(drawer.getByRole('row', { name: /身份/ })).toContainText('4');
  await page.screenshot({ path: '.tmp/screens/contacts-import-phone.png' });

  await choose(await sheet('基层团干部'));
  await expect(drawer.getByText('共 2 行，校验通过')).toBeVisible();
  await drawer.getByRole('button', { name: '确认导入' }).click();
  await expect(drawer.getByText('导入完成：新增 2 条联系青年')).toBeVisible();
  await drawer.getByRole('button', { name: /关闭|Close/ }).click();
  await expect(page.getByTestId('progress-count')).toHaveText(String(before + 2));
  await page.getByLabel('搜索联系青年').fill(stamp);
  await expect(page.getByRole('link', { name: new RegExp(`${first}.*结对.*困难青年`) })).toHaveCount(1);
  await expect(page.getByRole('link', { name: new RegExp(second) })).toHaveCount(1);
});
