/// <reference lib="dom" />
import type { TContactPoint } from '@lianxin/contracts';
import { expect, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { login } from './helpers.ts';

/** cadre01 of the demo holds demo-p1: their name as the dashboards show it. */
async function cadre01Name(page: Page) {
  const answer = await page.request.get('/api/v1/contact-points?org=demo-g-wb-1');
  const { items } = (await answer.json()) as { items: TContactPoint[] };
  const name = items.find((p) => p.id === 'demo-p1')?.cadreName;
  expect(name).toBeTruthy();
  return name as string;
}

async function openDashboard(page: Page, user: string) {
  await login(page, user);
  await page.getByRole('menuitem', { name: '达标看板' }).click();
  await expect(page).toHaveURL(/\/compliance$/);
  await expect(page.getByRole('img', { name: '各规则达标率条形图' }).locator('canvas')).toBeVisible();
}

test('an admin drills from the dashboard: organization → cadre → the records behind a number', async ({
  page,
}) => {
  await openDashboard(page, 'bj-admin');
  const name = await cadre01Name(page);
  await page.screenshot({ path: '.tmp/screens/compliance-rules.png' });

  // organization: 渭滨 among 宝鸡's sub-organizations
  await page.getByRole('tab', { name: '下级组织' }).click();
  await page.getByRole('button', { name: '共青团渭滨区委' }).click();
  await expect(page.locator('.ant-breadcrumb [aria-current="page"]')).toHaveText('共青团渭滨区委');

  // cadre: among the laggards of 渭滨
  await page.getByRole('tab', { name: '落后干部' }).click();
  await page.getByRole('button', { name, exact: true }).click();
  const cadre = page.locator('.lx-cadre-drawer');
  const visits = cadre.locator('.lx-result[data-rule="baoji2018.visits"]');
  await expect(visits).toContainText('2 / 10');

  // evidence: the two visits behind "2 / 10"
  await visits.locator('.lx-result-amount').click();
  const records = page.locator('.lx-records-drawer');
  await expect(records.getByText('工作记录（2）')).toBeVisible();
  await expect(records.locator('.lx-activity')).toHaveCount(2);
  await expect(records).toContainText('2026-03-02 至 2026-03-08');
  await page.screenshot({ path: '.tmp/screens/compliance-records.png' });
});

test('a rule opens every subject, and a table downloads as .xlsx that reads back the same', async ({
  page,
}) => {
  await openDashboard(page, 'wb-admin');
  const name = await cadre01Name(page);

  // 按规则 → the lectures rule → cadre01's number → the four lectures
  await page.getByRole('button', { name: /^每年深入基层开展集中宣讲/ }).click();
  const rule = page.getByRole('dialog').filter({ hasText: 'baoji2018.lectures' });
  const row = rule.getByRole('row').filter({ hasText: name });
  await row.getByRole('button', { name: '4 / 4' }).click();
  const records = page.locator('.lx-records-drawer');
  await expect(records.locator('.lx-activity')).toHaveCount(4);
  await records.getByRole('button', { name: /关闭|Close/ }).click();
  await rule.getByRole('button', { name: /关闭|Close/ }).click();
  await expect(rule).toBeHidden();

  await page.getByRole('tab', { name: '落后干部' }).click();
  const table = page.locator('.ant-card').filter({ hasText: '落后干部（按未达标项数排序）' });
  const shown = await table.locator('tbody tr.ant-table-row').count();
  const downloading = page.waitForEvent('download');
  await table.getByRole('button', { name: /导出 Excel/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('落后干部.xlsx');

  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await download.path());
  const sheet = book.getWorksheet('落后干部');
  if (!sheet) throw new Error('no sheet 落后干部 in the download');
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  expect(header).toEqual(expect.arrayContaining(['姓名', '所在组织', '未达标', '达标率（%）']));
  const names = sheet.getColumn(1).values.slice(2) as string[];
  expect(names).toContain(name);
  // every cadre with results, not only the page shown
  expect(names.length).toBeGreaterThanOrEqual(shown);
  const row01 = sheet.getRows(2, names.length)?.find((r) => r.getCell(1).value === name);
  const unmetColumn = header.indexOf('未达标') + 1;
  expect(typeof row01?.getCell(unmetColumn).value).toBe('number');
});

test('from 落后干部 one click opens the cadre’s records', async ({ page }) => {
  await openDashboard(page, 'wb-admin');
  const name = await cadre01Name(page);
  await page.getByRole('tab', { name: '落后干部' }).click();
  await page.getByRole('button', { name: `${name}的工作记录` }).click();
  const drawer = page.getByRole('dialog').filter({ hasText: `联系工作 · ${name}` });
  await expect(drawer.getByText('工作记录', { exact: true })).toBeVisible();
  await expect(drawer.locator('.lx-activity').first()).toBeVisible();
  await page.screenshot({ path: '.tmp/screens/compliance-laggard-records.png' });
});
