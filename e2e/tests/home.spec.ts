/// <reference lib="dom" />
import type { TPostingProgram } from '@lianxin/contracts';
import { expect, test } from '@playwright/test';
import { login } from './helpers.ts';

// Issue 13: an admin lands on 工作台, what needs their attention with where to do it; a plan that
// cannot be published is one of those, and its page says for each violation what mends it.
test('an admin lands on 工作台 and goes from a plan to mend to its violations and their fixes', async ({
  page,
}) => {
  await login(page, 'wb-admin');
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  for (const title of ['待审核任务清单', '待答复问题', '逾期问题', '待修正的下沉方案'])
    await expect(page.getByText(title, { exact: true })).toBeVisible();

  // four batches for 渭滨's three organ cadres: groups cannot be formed, as the issue found
  const { csrfToken } = (await (await page.request.get('/api/v1/auth/session')).json()) as {
    csrfToken: string;
  };
  const name = `渭滨区四批试排 ${Date.now()}`;
  const created = await page.request.post('/api/v1/posting-programs', {
    headers: { 'x-csrf-token': csrfToken },
    data: {
      name,
      kind: 'mz2016',
      orgId: 'div-610302',
      organIds: ['div-610302'],
      batches: ['2028-01-03', '2028-04-03', '2028-07-03', '2028-10-09'].map((start, i) => ({
        name: `第${i + 1}批`,
        start,
      })),
    },
  });
  expect(created.status()).toBe(201);
  const program = (await created.json()) as TPostingProgram;
  const planned = await page.request.post(`/api/v1/posting-programs/${program.id}/plan`, {
    headers: { 'x-csrf-token': csrfToken },
  });
  expect(planned.status()).toBe(201);

  await page.reload();
  const card = page.locator('.ant-card').filter({ hasText: '待修正的下沉方案' });
  await expect(card).toContainText(name);
  await expect(card).toContainText(/方案违反硬性规则 \d+ 处/);
  await page.screenshot({ path: '.tmp/screens/home.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: '.tmp/screens/home-phone.png', fullPage: true });
  await page.setViewportSize({ width: 1366, height: 768 });

  await card.getByRole('link', { name }).click();
  const violations = page.getByTestId('hard-violations');
  await expect(violations).toContainText('怎么改：');
  await expect(violations).not.toContainText(/[0-9a-f]{8}-[0-9a-f]{4}-|\bg\d\b|610302/);
  await expect(page.getByRole('button', { name: '发布方案' })).toBeDisabled();
  await page.screenshot({ path: '.tmp/screens/posting-violations.png', fullPage: true });
});
