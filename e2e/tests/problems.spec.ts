/// <reference lib="dom" />
import type { TContactPoint } from '@lianxin/contracts';
import { expect, test } from '@playwright/test';
import { login } from './helpers.ts';

const problem = '园区青年职工缺少技能培训渠道';

test('an admin assigns a problem with a due date; the assignee moves it to 处理中', async ({ page }) => {
  await login(page, 'wb-admin');
  // cadre02 holds demo-p3: their name, as the cadre search shows it
  const p3 = (await (await page.request.get('/api/v1/contact-points?org=demo-g-wb-3')).json()) as {
    items: TContactPoint[];
  };
  const assignee = p3.items.find((p) => p.id === 'demo-p3')?.cadreName as string;
  expect(assignee).toBeTruthy();

  await page.getByRole('menuitem', { name: '问题清单' }).click();
  const row = page.getByRole('row').filter({ hasText: problem });
  await expect(row).toHaveCount(1);
  await row.getByRole('button', { name: '交办' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('责任人（团干部）').fill(assignee);
  await page
    .locator('.ant-select-item-option', { hasText: `${assignee} · 共青团渭滨区委` })
    .first()
    .click();
  await dialog.getByLabel('办理期限').fill('2026-12-31');
  await dialog.getByLabel('办理期限').press('Enter');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText(assignee);
  await expect(row).toContainText('2026-12-31');
  await page.screenshot({ path: '.tmp/screens/problems-desktop.png' });

  // the assignee finds it among their open problems and takes it up
  await page.getByRole('button', { name: '退出' }).click();
  await expect(page).toHaveURL(/\/login/);
  await login(page, 'cadre02');
  await page.getByText(problem).click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByText('办理期限')).toBeVisible();
  await drawer.getByLabel('问题状态').click();
  await page.locator('.ant-select-item-option[title="处理中"]').click();
  await expect(page.getByText('已改为处理中')).toBeVisible();
  const answer = await page.request.get('/api/v1/problems?status=in_progress&pageSize=50');
  const { items } = (await answer.json()) as { items: { title: string | null; assignee: string | null }[] };
  expect(items.filter((p) => p.title === problem)).toHaveLength(1);
});
