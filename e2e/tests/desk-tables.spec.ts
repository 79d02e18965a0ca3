/// <reference lib="dom" />
import { expect, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { login } from './helpers.ts';

// Issue 13: the 团干部 and 联系点 tables fit the 1366 px desk (no column hidden behind a scroll
// bar), and the cadre list goes to Excel whole.

/** The table's body scrolls sideways only when its columns are wider than the screen leaves. */
async function expectNoSideScroll(page: Page) {
  const content = page.locator('.ant-table-content').first();
  await expect(content).toBeVisible();
  const { scroll, client } = await content.evaluate((el) => ({
    scroll: el.scrollWidth,
    client: el.clientWidth,
  }));
  expect(scroll).toBeLessThanOrEqual(client);
}

async function screens(page: Page, name: string) {
  await page.screenshot({ path: `.tmp/screens/${name}.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `.tmp/screens/${name}-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1366, height: 768 });
}

test('团干部 fits 1366 px and exports every cadre of the scope to Excel', async ({ page }) => {
  await login(page, 'bj-admin');
  await page.getByRole('menuitem', { name: '团干部' }).click();
  await expect(page.locator('tbody tr.ant-table-row').first()).toBeVisible();
  await expectNoSideScroll(page);
  const total = Number((await page.getByText(/^共 \d+ 人$/).innerText()).replace(/\D/g, ''));

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: /导出 Excel/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^团干部名单-.+\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await download.path());
  const sheet = book.getWorksheet('团干部名单');
  if (!sheet) throw new Error('no sheet 团干部名单 in the download');
  expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(
    expect.arrayContaining(['姓名', '所在组织', '职级', '性质', '手机']),
  );
  expect(sheet.rowCount - 1).toBe(total);
  await screens(page, 'people');
});

test('联系点 fits 1366 px', async ({ page }) => {
  await login(page, 'wb-admin');
  await page.getByRole('menuitem', { name: '联系点' }).click();
  await expect(page.locator('tbody tr.ant-table-row').first()).toBeVisible();
  await expectNoSideScroll(page);
  await screens(page, 'points');
});
