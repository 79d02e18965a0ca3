/// <reference lib="dom" />
import type { TCadre } from '@lianxin/contracts';
import { expect, type Page, test } from '@playwright/test';
import { login } from './helpers.ts';

const shots = '/tmp/shots-ledger2';

/** Through the API as the signed-in admin: one youth kept by three cadres of 渭滨 (mz2016.no_over_contact). */
async function keptByThree(page: Page, name: string, phone: string) {
  const { csrfToken } = (await (await page.request.get('/api/v1/auth/session')).json()) as {
    csrfToken: string;
  };
  const headers = { 'x-csrf-token': csrfToken };
  const { items } = (await (await page.request.get('/api/v1/cadres?org=div-610302&pageSize=50')).json()) as {
    items: TCadre[];
  };
  const keepers = items.filter((c) => c.active).slice(0, 3);
  expect(keepers).toHaveLength(3);
  const [first, ...others] = keepers as [TCadre, TCadre, TCadre];
  const created = await page.request.post('/api/v1/contacts', {
    headers,
    data: { cadreId: first.id, name, role: 'youth', field: 'rural', phone },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  for (const k of others) {
    const added = await page.request.post(`/api/v1/contacts/${id}/keepers`, {
      headers,
      data: { cadreId: k.id },
    });
    expect(added.status()).toBe(200);
  }
  return keepers.map((k) => k.name);
}

test('an admin lists the youths kept by three or more cadres, phones masked, from the 团干部 page', async ({
  page,
}) => {
  await login(page, 'wb-admin');
  const stamp = String(Date.now()).slice(-8);
  const name = `多头${stamp.slice(-4)}`;
  const phone = `139${stamp}`;
  const keepers = await keptByThree(page, name, phone);

  await page.getByRole('menuitem', { name: '团干部' }).click();
  await page.getByRole('tab', { name: '被多人联系的青年' }).click();
  await expect(page).toHaveURL(/\/people\?tab=over-contacted$/);
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText(`139****${phone.slice(-4)}`);
  await expect(row).not.toContainText(phone);
  await expect(row).toContainText('农村');
  for (const k of keepers) await expect(row).toContainText(k);
  await page.screenshot({ path: `${shots}/over-contacted-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(row).toBeVisible();
  await page.screenshot({ path: `${shots}/over-contacted-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1366, height: 768 });

  // a keeper's contact work links to the same list
  await page.getByRole('tab', { name: '团干部名单' }).click();
  await expect(page).toHaveURL(/\/people$/);
  await page.getByRole('button', { name: `联系工作 ${keepers[0]}` }).click();
  await page.getByRole('link', { name: /人被多名团干部联系/ }).click();
  await expect(page).toHaveURL(/\/people\?tab=over-contacted$/);
  await expect(page.getByRole('row').filter({ hasText: name })).toBeVisible();
});
