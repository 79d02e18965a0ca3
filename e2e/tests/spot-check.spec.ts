/// <reference lib="dom" />
import { execFileSync } from 'node:child_process';
import type { TContactPoint } from '@lianxin/contracts';
import { expect, test } from '@playwright/test';
import { login } from './helpers.ts';

const shots = process.env.SHOTS_DIR ?? '.tmp/screens';

// cadre01 of the demo holds demo-p1 and keeps 14 youths: the sample is drawn from them.
test("an admin records a spot check of a cadre's contacts and downloads the cadre's archive", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await login(page, 'wb-admin');
  const points = await page.request.get('/api/v1/contact-points?org=demo-g-wb-1');
  const { items } = (await points.json()) as { items: TContactPoint[] };
  const name = items.find((p) => p.id === 'demo-p1')?.cadreName as string;
  expect(name).toBeTruthy();

  await page.getByRole('menuitem', { name: '年度考核' }).click();
  await page.getByRole('tab', { name: '年底考核' }).click();
  const unit = page.getByText(/参加考核 \d+ 人/);
  // another test of the run may have started the assessment already
  if (!(await unit.isVisible({ timeout: 3000 }).catch(() => false)))
    await page.getByRole('button', { name: '启动考核' }).click();
  await expect(unit).toBeVisible();

  await page.getByRole('button', { name: `${name}的考核材料` }).click();
  const drawer = page.getByRole('dialog').filter({ hasText: `考核材料：${name}` });
  await expect(drawer).toBeVisible();
  const draw = drawer.getByRole('button', { name: /抽取样本（\d+ 人）/ });
  const size = Number((await draw.textContent())?.match(/\d+/)?.[0]);
  await draw.click();
  const rows = drawer.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows).toHaveCount(size); // 14 contacts kept: the full sample
  // the contact's ways are shown only through the audited reveal (decision 14)
  const [revealed] = await Promise.all([
    page.waitForResponse((r) => /\/contacts\/[^/]+\/reveal$/.test(r.url())),
    rows
      .first()
      .getByRole('button', { name: /^查看.+的联系方式$/ })
      .click(),
  ]);
  expect(revealed.status()).toBe(200);
  await expect(rows.first().getByRole('button', { name: /的联系方式$/ })).toHaveCount(0);

  await rows
    .first()
    .getByRole('button', { name: /^记录.+的核实结果$/ })
    .click();
  await page.getByLabel('核实备注').fill('青年确认上月谈心属实');
  await page.getByRole('button', { name: '已确认' }).click();
  await expect(rows.first()).toContainText('已确认（电话）');
  await expect(rows.first()).toContainText('青年确认上月谈心属实');
  await page.screenshot({ path: `${shots}/spot-check.png` });

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    drawer.getByRole('link', { name: /年度工作档案/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  const xml = execFileSync('unzip', ['-p', await download.path(), 'word/document.xml']).toString('utf8');
  expect(xml).toContain(name);
});
