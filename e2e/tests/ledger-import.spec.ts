import { expect, test } from '@playwright/test';
import { login } from './helpers.ts';

// 批量导入 › 工作台账: a ledger (lianxin-ledger/1) imported as a job with a progress bar (issue 12).
test('an admin imports a ledger with a progress bar; a bad record is named and nothing is written', async ({
  page,
}) => {
  await login(page, 'wb-admin');
  // the county's own ledger, as `npx lianxin export` or another level would hand it over
  const exported = await page.request.get('/api/v1/ledger?org=div-610302');
  expect(exported.ok()).toBe(true);
  const ledger = await exported.json();
  expect(ledger.activities.length).toBeGreaterThan(0);

  await page.getByRole('menuitem', { name: '批量导入' }).click();
  await page.getByRole('tab', { name: '工作台账' }).click();
  const bad = structuredClone(ledger);
  bad.activities[0].cadre = 'no-such-cadre';
  await page.locator('input[type=file][accept^=".json"]').setInputFiles({
    name: '台账-有误.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(bad)),
  });
  await page.getByRole('button', { name: '开始导入' }).click();
  await expect(page.getByText('台账有误，未导入任何数据')).toBeVisible({ timeout: 30_000 });
  const row = page
    .getByRole('row')
    .filter({ hasText: bad.activities[0].id })
    .filter({ hasText: '引用的团干部' });
  await expect(row).toContainText('工作记录');
  await expect(row).toContainText('no-such-cadre');
  await page.screenshot({ path: '.tmp/screens/ledger-import-rejected.png' });

  await page.getByRole('button', { name: '导入另一份台账' }).click();
  await page.locator('input[type=file][accept^=".json"]').setInputFiles({
    name: '台账.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(ledger)),
  });
  await page.getByRole('button', { name: '开始导入' }).click();
  await expect(page.getByRole('progressbar').or(page.getByText('台账导入完成'))).toBeVisible();
  await expect(page.getByText('台账导入完成')).toBeVisible({ timeout: 60_000 });
  // the county's own ledger again: every record already there, unchanged
  await expect(page.getByText(`新增 0，更新 0，未变 ${ledger.activities.length}`)).toBeVisible();
  await page.screenshot({ path: '.tmp/screens/ledger-import-done.png' });
});
