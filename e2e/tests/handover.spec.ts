/// <reference lib="dom" />
import type { TContactPoint } from '@lianxin/contracts';
import { expect, test } from '@playwright/test';
import { login } from './helpers.ts';

// Rotates demo-p1 (共青团宝鸡某机床集团委员会) from cadre01 to cadre02: the quick-entry tests never
// use that point, and this file holds only this test.
test('an admin rotates a point with a handover note; the successor reads the whole ledger', async ({
  page,
}) => {
  await login(page, 'wb-admin');
  // cadre02 holds demo-p3: their name, as the cadre search shows it
  const p3 = (await (await page.request.get('/api/v1/contact-points?org=demo-g-wb-3')).json()) as {
    items: TContactPoint[];
  };
  const successor = p3.items.find((p) => p.id === 'demo-p3')?.cadreName;
  expect(successor).toBeTruthy();
  const note = `交接说明 ${Date.now()}：机床集团青年技能培训已联系区人社局，11 月底前落实首期培训。`;

  await page.getByRole('menuitem', { name: '联系点' }).click();
  const row = page.getByRole('row').filter({ hasText: '共青团宝鸡某机床集团委员会' });
  await expect(row).toHaveCount(1);
  await row.getByRole('button', { name: '轮换' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('接任团干部').fill(successor as string);
  await page
    .locator('.ant-select-item-option', { hasText: `${successor} · 共青团渭滨区委` })
    .first()
    .click();
  await dialog.getByLabel('交接说明').fill(note);
  await dialog.getByRole('button', { name: '轮换' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page
      .getByRole('row')
      .filter({ hasText: successor as string })
      .filter({ hasText: '机床' }),
  ).toHaveCount(1);

  // the admin's ledger page shows both tenures and the note
  await page
    .getByRole('row')
    .filter({ hasText: successor as string })
    .filter({ hasText: '机床' })
    .getByRole('link', { name: '台账' })
    .click();
  await expect(page.getByText(note)).toBeVisible();
  await page.screenshot({ path: '.tmp/screens/point-ledger-desktop.png', fullPage: true });

  // the successor signs in on their phone page and reads the predecessor's work and the note
  await page.getByRole('button', { name: '退出' }).click();
  await expect(page).toHaveURL(/\/login/);
  await login(page, 'cadre02');
  await page.getByRole('link', { name: /共青团宝鸡某机床集团委员会/ }).click();
  await expect(page.getByRole('heading', { name: '联系点台账' })).toBeVisible();
  await expect(page.getByText(note)).toBeVisible();
  await expect(page.getByText('园区青年职工缺少技能培训渠道')).toBeVisible();
  await expect(page.getByText('建立青年技能培训联络机制')).toBeVisible();
  await expect(page.locator('[data-activity="demo-a2"]')).toContainText('谈心谈话');
});
