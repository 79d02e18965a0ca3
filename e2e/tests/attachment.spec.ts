/// <reference lib="dom" />
import { expect, test } from '@playwright/test';
import { login } from './helpers.ts';

// A valid 1×1 PNG (a red pixel).
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

test('an admin uploads a photo to an activity; it is listed and downloadable', async ({ page }) => {
  await login(page, 'wb-admin');
  await page.getByRole('menuitem', { name: '联系点' }).click();
  await page
    .getByRole('row')
    .filter({ hasText: '共青团渭滨区神农镇委员会' })
    .getByRole('link', { name: '台账' })
    .click();
  await expect(page.getByRole('heading', { name: '联系点台账' })).toBeVisible();
  // demo-a3: the themed League class at 神农镇
  await page.locator('[data-activity="demo-a3"]').getByRole('button', { name: '详情/附件' }).click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByText('听众人数')).toBeVisible();
  const name = `团课照片-${Date.now()}.png`;
  await drawer.locator('input[type=file]').setInputFiles({ name, mimeType: 'image/png', buffer: png });
  const link = drawer.getByRole('link', { name: `下载 ${name}` });
  await expect(link).toBeVisible();
  await page.screenshot({ path: '.tmp/screens/attachment-desktop.png' });

  const href = await link.getAttribute('href');
  expect(href).toMatch(/^\/api\/v1\/attachments\/[^/]+$/);
  const file = await page.request.get(href as string);
  expect(file.status()).toBe(200);
  expect(file.headers()['content-type']).toContain('image/png');
  expect(Buffer.from(await file.body()).equals(png)).toBe(true);

  // the ledger lists it under the activity once the drawer closes
  await drawer.getByRole('button', { name: /关闭|Close/ }).click();
  await expect(page.locator('[data-activity="demo-a3"]').getByRole('link', { name })).toBeVisible();
});
