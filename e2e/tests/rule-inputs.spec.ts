/// <reference lib="dom" />
import { expect, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { login } from './helpers.ts';

// A valid 1×1 PNG (a red pixel): the half-year report's file.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);
const problem = '园区青年职工缺少技能培训渠道';

async function switchTo(page: Page, username: string) {
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '退出' }).click();
  await expect(page).toHaveURL(/\/login/);
  await login(page, username);
}

/** The page at 1366×768 and at 390×844, into .tmp/screens. */
async function screens(page: Page, name: string) {
  await page.screenshot({ path: `.tmp/screens/${name}-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `.tmp/screens/${name}-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1366, height: 768 });
}

/** A page of the admin layout, on one of its tabs. */
async function openTab(page: Page, path: string, tab: string) {
  await page.goto(path);
  // the page re-renders once the current organization is loaded: click until the tab stays chosen
  await expect(async () => {
    await page.getByRole('tab', { name: tab }).click();
    await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true', {
      timeout: 1000,
    });
  }).toPass();
}

async function pickDate(page: Page, label: string, date: string) {
  const input = page.getByRole('dialog').getByLabel(label);
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

test('a county proposes a candidate point, the city approves it and it is on the 登记表', async ({
  page,
}) => {
  await login(page, 'wb-admin');
  await openTab(page, '/points', '候选联系点');
  await page.getByRole('button', { name: '推荐候选联系点' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('报送的上级团委')).toBeVisible();
  // (经二路社区团支部 is already proposed in the demo)
  await dialog.getByLabel('推荐的基层团组织').fill('中学');
  await page.locator('.ant-select-item-option', { hasText: '宝鸡某中学团委' }).first().click();
  await dialog.getByLabel('建议联系主题').fill('社区青年就业服务');
  await dialog.getByLabel('推荐理由').fill('社区青年多、需求集中');
  await dialog.getByRole('button', { name: /推\s*荐/ }).click();
  await expect(dialog).toBeHidden();
  const sent = page.getByRole('row').filter({ hasText: '宝鸡某中学团委' });
  await expect(sent).toContainText('待审批');

  await switchTo(page, 'bj-admin');
  await openTab(page, '/points', '候选联系点');
  await screens(page, 'proposals');
  const received = page.getByRole('row').filter({ hasText: '宝鸡某中学团委' });
  await received.getByRole('button', { name: '审批' }).click();
  await dialog.getByText('（部门联系）').click();
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await expect(dialog).toBeHidden();
  await expect(received).toContainText('已批准');
  await expect(received.getByRole('link', { name: '查看联系点' })).toBeVisible();

  // the new point is on the 联系点登记表 of the city
  const year = new Date().getFullYear();
  // div-610300: 宝鸡's committee, bj-admin's scope
  const sheet = await page.request.get(`/api/v1/annual/${year}/forms/point-registration?org=div-610300`);
  expect(sheet.ok()).toBeTruthy();
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await sheet.body()) as unknown as ArrayBuffer);
  const cells = book.worksheets.flatMap((ws) =>
    ws.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.map(String) : [])),
  );
  expect(cells.some((c) => c.includes('宝鸡某中学团委'))).toBe(true);
});

test('a county records its secretary leaving: the post stands vacant', async ({ page }) => {
  await login(page, 'wb-admin');
  await page.goto('/orgs');
  const card = page.locator('.ant-card').filter({ has: page.getByText('书记职位', { exact: true }) });
  await card.getByRole('button', { name: '登记新任书记' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('姓名').fill('王书记');
  await pickDate(page, '任职日期', '2024-03-01');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(dialog).toBeHidden();
  await expect(card.getByText('现任书记：')).toContainText('王书记');
  await card.getByRole('button', { name: '登记离任' }).click();
  // the date is the form's one field: Enter sends it
  await pickDate(page, '离任日期', '2026-06-30');
  await expect(dialog).toBeHidden();
  await expect(card.getByText('书记职位空缺，自 2026-07-01 起')).toBeVisible();
  await screens(page, 'secretary-post');
});

test('a county files its half-year report; the city returns it, then accepts the correction', async ({
  page,
}) => {
  test.setTimeout(150_000); // four sign-ins on a shared machine
  await login(page, 'wb-admin');
  await openTab(page, '/annual', '半年工作报告');
  const first = page.getByRole('row').filter({ hasText: '上半年' });
  await first.getByRole('button', { name: '填写报告' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('报告正文').fill('上半年新建联系点 2 个，走访青年 120 人次。');
  await dialog.locator('input[type=file]').setInputFiles({
    name: '半年报告.png',
    mimeType: 'image/png',
    buffer: png,
  });
  await expect(dialog.getByText('半年报告.png')).toBeVisible();
  await dialog.getByRole('button', { name: /报\s*送/ }).click();
  await expect(dialog).toBeHidden();
  await expect(first).toContainText('已报送');

  await switchTo(page, 'bj-admin');
  await openTab(page, '/annual', '半年工作报告');
  const wb = page.getByRole('row').filter({ hasText: '渭滨' }).filter({ hasText: '上半年' });
  await wb.getByRole('button', { name: '审核' }).click();
  await dialog.getByText('退回', { exact: true }).click();
  await dialog.getByLabel('退回意见').fill('请补充问题清单的办理情况');
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await expect(dialog).toBeHidden();
  await expect(wb).toContainText('已退回');
  await expect(wb).toContainText('请补充问题清单的办理情况');

  await switchTo(page, 'wb-admin');
  await openTab(page, '/annual', '半年工作报告');
  await first.getByRole('button', { name: '修改并报送' }).click();
  await expect(dialog.getByText('退回意见：请补充问题清单的办理情况')).toBeVisible();
  await dialog.getByLabel('报告正文').fill('上半年新建联系点 2 个；问题清单 1 件已转交市团委。');
  await dialog.getByRole('button', { name: /报\s*送/ }).click();
  await expect(dialog).toBeHidden();

  await switchTo(page, 'bj-admin');
  await openTab(page, '/annual', '半年工作报告');
  await wb.getByRole('button', { name: '审核' }).click();
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await expect(dialog).toBeHidden();
  await expect(wb).toContainText('已通过');
  await screens(page, 'half-year');
});

test('a problem is passed up, waits in the city queue overdue, is answered and replied to', async ({
  page,
}) => {
  await login(page, 'wb-admin');
  await openTab(page, '/problems', '问题清单');
  await page.getByText('全部', { exact: true }).click();
  await page.getByRole('button', { name: problem }).click();
  const drawer = page.getByRole('dialog');
  const tracking = drawer.locator('.ant-card').filter({ has: page.getByText('跟踪', { exact: true }) });
  await tracking.getByRole('button', { name: '转交' }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: '转交问题' });
  await expect(dialog.getByLabel('转交的团委')).toBeVisible();
  await pickDate(page, '转交日期', '2026-07-01');
  await pickDate(page, '办理期限（可选）', '2026-07-31');
  await dialog.getByRole('button', { name: /转\s*交/ }).click();
  await expect(dialog).toBeHidden();
  await expect(tracking).toContainText('上级团委');
  await expect(drawer).toContainText('2026-07-31');

  await switchTo(page, 'bj-admin');
  await openTab(page, '/problems', '待办');
  const waiting = page.locator('.ant-card').filter({ hasText: '转交本级、待答复' });
  await expect(waiting.getByText(problem)).toBeVisible();
  await expect(waiting.getByText('已逾期')).toBeVisible();
  await screens(page, 'problem-queue');
  await waiting.getByRole('button', { name: problem }).click();
  await tracking.getByRole('button', { name: '登记答复' }).click();
  const answer = page.getByRole('dialog').filter({ hasText: '收到的答复' });
  await answer.getByLabel('收到的答复').fill('市团委已协调人社局开设技能培训班');
  await answer.getByRole('button', { name: /保\s*存/ }).click();
  await expect(answer).toBeHidden();
  await expect(tracking).toContainText('市团委已协调人社局开设技能培训班');
  await tracking.getByRole('button', { name: '回复青年' }).click();
  const reply = page.getByRole('dialog').filter({ hasText: '给青年的回复' });
  await reply.getByLabel('给青年的回复').fill('已告知青年：九月开班，可报名');
  await reply.getByRole('button', { name: /保\s*存/ }).click();
  await expect(reply).toBeHidden();
  await expect(tracking).toContainText('已告知青年：九月开班，可报名');
  await screens(page, 'problem-tracking');
});
