/// <reference lib="dom" />
import type { TActivitySummary } from '@lianxin/contracts';
import { expect, test } from '@playwright/test';
import { login } from './helpers.ts';

test('an entry saved offline is kept as a draft and synced once when back online', async ({
  page,
  context,
}) => {
  await login(page, 'cadre01');
  const note = `离线草稿 ${Date.now()}`;
  await page.getByRole('button', { name: '记一笔' }).click();
  // the tiles' screen, not /me still shown while its code loads (its activity rows are buttons too)
  await expect(page.getByRole('heading', { level: 1, name: '记一笔' })).toBeVisible();
  await page.getByRole('button', { name: '谈心谈话' }).click();
  await expect(page.getByRole('button', { name: /^王磊/ })).toBeVisible();

  await context.setOffline(true);
  await page.getByRole('button', { name: /^王磊/ }).click();
  await page.getByLabel('备注（可不填）').fill(note);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('已保存为草稿，联网后自动同步')).toBeVisible();
  await expect(page.getByRole('button', { name: '草稿 1' })).toBeVisible();
  const stored = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('lianxin.drafts.')),
  );
  expect(stored).toHaveLength(1);
  await page.screenshot({ path: '.tmp/screens/quick-entry-draft-phone.png' });

  await context.setOffline(false);
  // synced on the `online` event (or the 30 s retry at the latest)
  await expect(page.getByRole('button', { name: /^草稿/ })).toHaveCount(0, { timeout: 40_000 });

  await page.getByRole('button', { name: '返回' }).click();
  await expect(page.locator('.lx-activity', { hasText: note })).toHaveCount(1);
  // a reload syncs again: nothing is left to send, nothing is sent twice
  await page.reload();
  await expect(page.locator('.lx-activity', { hasText: note })).toHaveCount(1);
  const answer = await page.request.get('/api/v1/activities?pageSize=500');
  expect(answer.ok()).toBe(true);
  const { items } = (await answer.json()) as { items: TActivitySummary[] };
  expect(items.filter((a) => a.note === note)).toHaveLength(1);
});

test('a draft sent again is not recorded twice (the id is made on the phone)', async ({ page, context }) => {
  await login(page, 'cadre01');
  const note = `重复同步 ${Date.now()}`;
  await page.goto('/me/log/talk');
  await expect(page.getByRole('button', { name: /^刘洋/ })).toBeVisible();
  await context.setOffline(true);
  await page.getByRole('button', { name: /^刘洋/ }).click();
  await page.getByLabel('备注（可不填）').fill(note);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('已保存为草稿，联网后自动同步')).toBeVisible();
  // keep a copy of the draft, as if the answer of the first try had been lost
  const key = await page.evaluate(() =>
    Object.keys(localStorage).find((k) => k.startsWith('lianxin.drafts.')),
  );
  expect(key).toBeTruthy();
  const copy = await page.evaluate((k) => localStorage.getItem(k as string), key);
  await context.setOffline(false);
  await expect(page.getByRole('button', { name: /^草稿/ })).toHaveCount(0, { timeout: 40_000 });
  // the same draft comes back: the server answers 409 for the id, and the draft is dropped
  await page.evaluate(([k, v]) => localStorage.setItem(k as string, v as string), [key, copy]);
  await page.goto('/me');
  await expect(page.getByRole('button', { name: /^草稿/ })).toHaveCount(0, { timeout: 40_000 });
  const { items } = (await (await page.request.get('/api/v1/activities?pageSize=500')).json()) as {
    items: TActivitySummary[];
  };
  expect(items.filter((a) => a.note === note)).toHaveLength(1);
});
