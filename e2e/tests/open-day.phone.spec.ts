/// <reference lib="dom" />
import { devices, expect, test } from '@playwright/test';
import { login } from './helpers.ts';

/** A day a week ahead in China: sign-up is open until the day has passed. */
function nextWeek() {
  const day = new Date(Date.now() + 7 * 86_400_000);
  return day.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

// 专题开放日 on phones: a county committee's admin announces it, a youth signs up from the public
// link with no account, and the admin checks them in from the roster on the day.
test('an open day is announced, a youth signs up on the public page, the admin checks them in', async ({
  page,
  browser,
}) => {
  const theme = '青春建言 · 共话家乡发展';
  await login(page, 'wb-admin');
  await page.goto('/open-days');
  await page.getByRole('button', { name: '举办开放日' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('主题').fill(theme);
  await dialog.getByLabel('日期').fill(nextWeek());
  await dialog.getByLabel('地点').fill('团区委三楼会议室');
  await dialog.getByRole('button', { name: /^发\s*布$/ }).click();
  const card = page.getByTestId('open-day').filter({ hasText: theme });
  await expect(card).toContainText('报名 0 人');
  const url = (await card.getByTestId('signup-url').textContent()) ?? '';
  expect(url).toMatch(/\/o\/[0-9a-f-]{36}$/);

  // the youth: another phone, no account
  const youth = await browser.newContext({
    ...devices['Pixel 7'],
    viewport: { width: 390, height: 844 },
    locale: 'zh-CN',
  });
  const phone = await youth.newPage();
  const opened = await phone.goto(url);
  expect(opened?.status()).toBe(200);
  await expect(phone.getByRole('heading', { level: 1 })).toHaveText(theme);
  await expect(phone.getByText('团区委三楼会议室')).toBeVisible();
  await phone.getByLabel('姓名').fill('赵小青');
  await phone.getByLabel('手机号').fill('13712345678');
  await phone.getByLabel('单位或学校').fill('渭滨中学');
  await phone.getByLabel('同意团干部今后与我保持联系').check();
  await phone.getByRole('button', { name: '报名' }).click();
  await expect(phone.getByRole('heading', { name: '报名成功' })).toBeVisible();
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  // the same phone twice is refused, saying why
  await phone.reload();
  await phone.getByLabel('姓名').fill('赵小青');
  await phone.getByLabel('手机号').fill('13712345678');
  await phone.getByLabel('单位或学校').fill('渭滨中学');
  await phone.getByRole('button', { name: '报名' }).click();
  await expect(phone.getByRole('alert')).toContainText('已报名');
  await youth.close();

  // on the day: the admin finds the name in the roster (phone masked) and checks them in
  await page.reload();
  await card.getByRole('button', { name: '签到名单' }).click();
  const roster = page.getByRole('dialog');
  const signup = roster.getByTestId('signup').filter({ hasText: '赵小青' });
  await expect(signup).toContainText('137****5678');
  await expect(roster).not.toContainText('13712345678');
  await signup.getByRole('button', { name: /^签\s*到$/ }).click();
  await expect(signup).toContainText('已签到');
  await expect(roster.getByTestId('checked-in')).toHaveText('1');
  await page.keyboard.press('Escape');
  await expect(card).toContainText('签到 1 人');
});
