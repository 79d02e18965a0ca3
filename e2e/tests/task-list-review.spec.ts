import { expect, test } from '@playwright/test';
import { login } from './helpers.ts';

// cadre03 files a task list (through the API, as the phone page does); 宝鸡's admin reads it in place
// and passes it after a confirmation. No other test files cadre03's task list.
test('an admin reads a submitted task list in place and passes it after a confirmation', async ({
  page,
  browser,
}) => {
  const cadrePage = await browser.newPage();
  await login(cadrePage, 'cadre03');
  const session = await (await cadrePage.request.get('/api/v1/auth/session')).json();
  const base = `/api/v1/annual/2026/cadres/${session.account.cadreId}/task-list`;
  const headers = { 'x-csrf-token': session.csrfToken };
  const content = {
    lecture: '每季度到联系点宣讲一次',
    talk: '分类谈心',
    research: '青年就业调查',
    work: '组建志愿服务队',
    pointIds: [],
  };
  expect((await cadrePage.request.put(base, { data: content, headers })).ok()).toBe(true);
  expect((await cadrePage.request.post(`${base}/submit`, { headers })).ok()).toBe(true);
  await cadrePage.close();

  await login(page, 'bj-admin');
  await page.getByRole('menuitem', { name: '年度考核' }).click();
  const row = page
    .getByRole('row')
    .filter({ hasText: '已报送' })
    .filter({ has: page.getByRole('button', { name: /^审阅/ }) });
  await expect(row.first()).toBeVisible();
  const name = (await row.first().getByRole('cell').nth(1).innerText()).trim();
  await expect(row.first().getByRole('cell').nth(2)).not.toBeEmpty(); // the organization column
  await row.first().getByRole('button', { name: /^审阅/ }).click();
  const drawer = page.getByRole('dialog', { name: new RegExp(`${name} 的 2026 年任务清单`) });
  await expect(drawer.getByText('理论宣讲')).toBeVisible();
  await page.screenshot({ path: '.tmp/screens/task-list-review.png' });
  await drawer.getByRole('button', { name: /通\s*过/ }).click();
  await page
    .getByRole('tooltip')
    .getByRole('button', { name: /通\s*过/ })
    .click();
  await expect(page.getByText(`已通过：${name}`)).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: name })).toContainText('已通过');
});
