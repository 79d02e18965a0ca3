/// <reference lib="dom" />
import { expect, type Page, test } from '@playwright/test';
import { login } from './helpers.ts';

const shots = '/tmp/shots-ledger2';

/** A quick entry of one type with one contact and a note, through the same three screens. */
async function record(page: Page, type: string, contact: string, note: string) {
  await page.goto(`/me/log/${type}`);
  await page.getByRole('button', { name: new RegExp(`^${contact}`) }).click();
  await page.getByLabel('备注（可不填）').fill(note);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.locator('[data-screen]')).toHaveText('已保存');
}

/** A day some days before today, in China time, as a date input takes it (YYYY-MM-DD). */
const daysAgo = (n: number) =>
  new Date(Date.now() - n * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

test('a cadre corrects a talk’s date and deletes a mistyped record from the drawer', async ({ page }) => {
  await login(page, 'cadre01');
  const stamp = Date.now();
  const talk = `改日期 ${stamp}`;
  const typo = `录错了 ${stamp}`;
  await record(page, 'talk', '张明', talk);
  await record(page, 'online', '王磊', typo);
  await page.goto('/me');
  await expect(page.getByText('农村 · 2026-01-05 至 今')).toBeVisible(); // 领域 of my point
  await page.screenshot({ path: `${shots}/me-390.png`, fullPage: true });

  // the talk: 修改记录 opens the quick-entry form filled with the record, a new date is saved
  const talkItem = page.locator('.lx-activity', { hasText: talk });
  await talkItem.click();
  const drawer = page.getByRole('dialog');
  await drawer.getByRole('button', { name: /修改记录/ }).click();
  await expect(drawer.getByText('修改 · 谈心谈话')).toBeVisible();
  await expect(drawer.getByLabel('备注（可不填）')).toHaveValue(talk);
  await expect(drawer.getByRole('radio', { name: '面对面' })).toBeChecked();
  const target = daysAgo(3);
  await drawer.getByLabel('日期').fill(target);
  await drawer.getByText('电话', { exact: true }).click();
  await page.screenshot({ path: `${shots}/activity-edit-phone.png` });
  await drawer.getByRole('button', { name: '保存修改' }).click();
  await expect(page.getByText('已保存修改')).toBeVisible();
  await expect(drawer.getByRole('button', { name: /修改记录/ })).toBeVisible();
  await expect(drawer).toContainText(target);
  await expect(drawer).toContainText('电话');
  await page.locator('.ant-drawer-close').click();
  await expect(talkItem).toContainText(target);

  // the mistyped record: 删除记录 asks first, then the timeline drops it
  const typoItem = page.locator('.lx-activity', { hasText: typo });
  await typoItem.click();
  await drawer.getByRole('button', { name: /删除记录/ }).click();
  await expect(page.getByRole('button', { name: '确认删除' })).toBeVisible();
  await page.waitForTimeout(300); // the pop-in settles before the screenshot
  await page.screenshot({ path: `${shots}/activity-delete-confirm-phone.png` });
  await page.getByRole('button', { name: '确认删除' }).click();
  await expect(page.getByText('已删除')).toBeVisible();
  await expect(typoItem).toHaveCount(0);
  await expect(talkItem).toHaveCount(1);

  // gone on the server too, and the talk carries the new date
  const { items } = (await (await page.request.get('/api/v1/activities?pageSize=500')).json()) as {
    items: { note: string | null; date: string | null; type: string }[];
  };
  expect(items.filter((a) => a.note === typo)).toHaveLength(0);
  expect(items.filter((a) => a.note === talk)).toMatchObject([{ type: 'talk', date: target }]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
