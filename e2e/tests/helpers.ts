import { expect, type Page } from '@playwright/test';

/** The demo accounts of `npm run demo` share one published password. */
export const DEMO_PASSWORD = 'Lianxin@2026';

export async function login(page: Page, username: string) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page).not.toHaveURL(/\/login/);
}
