/// <reference lib="dom" />
import { devices, expect, test } from '@playwright/test';
import { login } from './helpers.ts';

// The youths' side of a cadre's public card, on a phone: open it from its URL, leave a problem,
// read the cadre's answer by code; switched off, the URL answers 404.
test('a youth leaves a problem on a card, the cadre answers, the youth reads it by code', async ({
  page,
  browser,
}) => {
  await login(page, 'cadre01');
  await page.goto('/me/card');
  await page.getByRole('textbox', { name: '职务' }).fill('团区委副书记');
  await page.getByRole('textbox', { name: '联系时间' }).fill('每周三下午');
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByRole('switch', { name: '公开名片' }).click();
  await expect(page.getByRole('switch', { name: '公开名片' })).toBeChecked();
  const url = (await page.getByTestId('card-url').textContent()) ?? '';
  expect(url).toMatch(/\/c\/[A-Za-z0-9_-]{12}$/);
  await page.screenshot({ path: '.tmp/screens/my-card-phone.png', fullPage: true });

  // the youth: another phone, no account
  const youth = await browser.newContext({
    ...devices['Pixel 7'],
    viewport: { width: 390, height: 844 },
    locale: 'zh-CN',
  });
  const phone = await youth.newPage();
  const opened = await phone.goto(url);
  expect(opened?.status()).toBe(200);
  await expect(phone.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(phone.getByText('团区委副书记')).toBeVisible();
  await phone.getByLabel('内容').fill('学校门口的路灯坏了一个月，晚自习回家很黑');
  await phone.getByLabel('称呼（可不填）').fill('小李');
  await phone.getByRole('button', { name: '发送' }).click();
  const code = ((await phone.getByTestId('card-code').textContent()) ?? '').trim();
  expect(code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await phone.screenshot({ path: '.tmp/screens/card-phone.png', fullPage: true });

  // the cadre answers in their card's message list
  await page.reload();
  const item = page.getByTestId('card-message').filter({ hasText: '路灯坏了' });
  await item.getByLabel('回复').fill('已联系镇里，本周内修好');
  await item.getByRole('button', { name: '回复' }).click();
  await expect(page.getByText('已回复，青年可凭查询码查看')).toBeVisible();

  // the youth reads the answer by code, and rates the contact
  await phone.getByLabel('查询码').fill(code);
  await phone.getByRole('button', { name: '查看' }).click();
  await expect(phone.getByTestId('card-thread')).toContainText('已联系镇里，本周内修好');
  await phone.getByRole('button', { name: '5 分' }).click();
  await phone.getByRole('button', { name: '提交评价' }).click();
  await expect(phone.getByText('感谢您的评价')).toBeVisible();
  await phone.screenshot({ path: '.tmp/screens/card-reply-phone.png', fullPage: true });

  // switched off, the card is gone
  await page.getByRole('switch', { name: '公开名片' }).click();
  await expect(page.getByRole('switch', { name: '公开名片' })).not.toBeChecked();
  await expect(page.getByText('名片已保存（未开启）')).toBeVisible();
  const gone = await phone.goto(url);
  expect(gone?.status()).toBe(404);
  await youth.close();
});
