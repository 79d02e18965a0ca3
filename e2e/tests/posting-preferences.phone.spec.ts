/// <reference lib="dom" />
import type { TPostingProgram } from '@lianxin/contracts';
import { expect, test } from '@playwright/test';
import { login } from './helpers.ts';

// An "8+4" program of 渭滨 sends its organ cadres, cadre01 among them, who states their wishes on a phone.
test('a cadre states preferred and avoided batches on a phone, and finds them again', async ({ page }) => {
  await login(page, 'wb-admin');
  const name = `渭滨区“8+4”意愿 ${Date.now()}`;
  const { csrfToken } = (await (await page.request.get('/api/v1/auth/session')).json()) as {
    csrfToken: string;
  };
  const created = await page.request.post('/api/v1/posting-programs', {
    headers: { 'x-csrf-token': csrfToken },
    data: {
      name,
      kind: 'mz2016',
      orgId: 'div-610302',
      organIds: ['div-610302'],
      batches: ['2027-01-04', '2027-04-05', '2027-07-05', '2027-10-04'].map((start, i) => ({
        name: `第${i + 1}批`,
        start,
      })),
    },
  });
  expect(created.status()).toBe(201);
  const program = (await created.json()) as TPostingProgram;
  await page.context().clearCookies();

  await login(page, 'cadre01');
  await page.goto('/me/postings');
  const card = page.getByTestId(`preferences-${program.id}`);
  await expect(card).toContainText(name);
  await card.getByLabel('第1批意愿').getByText('无法参加').click();
  await card.getByLabel('第3批意愿').getByText('希望参加').click();
  await card.getByRole('button', { name: '保存意愿' }).click();
  await expect(page.getByText('意愿已保存')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: '.tmp/screens/posting-preferences-phone.png', fullPage: true });

  await page.reload();
  const again = page.getByTestId(`preferences-${program.id}`);
  await expect(again.getByLabel('第1批意愿').getByRole('radio', { name: '无法参加' })).toBeChecked();
  await expect(again.getByLabel('第3批意愿').getByRole('radio', { name: '希望参加' })).toBeChecked();
  await expect(again.getByLabel('第2批意愿').getByRole('radio', { name: '均可' })).toBeChecked();
  // the admin's list of the program's cadres shows what the planner will honour
  await page.context().clearCookies();
  await login(page, 'wb-admin');
  const cadres = (await (await page.request.get(`/api/v1/posting-programs/${program.id}/cadres`)).json()) as {
    items: { name: string; prefersBatches: string[]; avoidBatches: string[] }[];
  };
  const [b1, , b3] = program.batches.map((b) => b.id);
  expect(cadres.items).toContainEqual(expect.objectContaining({ prefersBatches: [b3], avoidBatches: [b1] }));
});
