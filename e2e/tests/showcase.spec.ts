/// <reference lib="dom" />
import { devices, expect, test } from '@playwright/test';
import { DEMO_PASSWORD, login } from './helpers.ts';

// 典型案例 on the showcase: a cadre writes a case in the work log, the county committee's admin
// publishes it with words they approve, and anyone opens the public page, no login, on a phone too.
test('an admin publishes a case from the log and the public showcase shows it', async ({ page, browser }) => {
  // cadre01 (渭滨) logs the case, as the phone's quick entry would post it
  const cadre = await browser.newContext();
  const signedIn = await cadre.request.post('/api/v1/auth/login', {
    data: { username: 'cadre01', password: DEMO_PASSWORD },
  });
  expect(signedIn.status()).toBe(200);
  const csrf = (await signedIn.json()).csrfToken as string;
  const logged = await cadre.request.post('/api/v1/activities', {
    headers: { 'x-csrf-token': csrf },
    data: {
      type: 'case',
      date: '2026-05-15',
      point: 'demo-p1',
      title: '机床集团青年技能“传帮带”',
      note: '团干部联系园区青年职工，推动企业建立师徒结对机制，一年来 30 余名青年考取中级工证书。',
    },
  });
  expect(logged.status(), await logged.text()).toBe(201);
  await cadre.close();

  await page.setViewportSize({ width: 1366, height: 768 });
  await login(page, 'wb-admin');
  await page.goto('/cases');
  const item = page.getByTestId('case').filter({ hasText: '机床集团青年技能' });
  await expect(item).toContainText('未发布');
  await item.getByRole('button', { name: '发布…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('标题')).toHaveValue('机床集团青年技能“传帮带”');
  await dialog
    .getByLabel('正文')
    .fill('园区团组织推动企业建立师徒结对机制，一年来 30 余名青年考取中级工证书。');
  await dialog.getByRole('button', { name: /^发\s*布$/ }).click();
  await expect(item).toContainText('已发布');
  await page.screenshot({ path: '.tmp/showcase-cases-1366.png' });
  const url = (await page.getByTestId('showcase-url').textContent()) ?? '';
  expect(url).toMatch(/\/s\/div-610302$/);

  // anyone, no account: a desktop, then a phone
  const visitor = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const desk = await visitor.newPage();
  expect((await desk.goto(url))?.status()).toBe(200);
  const shown = desk.getByTestId('showcase-case').filter({ hasText: '机床集团青年技能' });
  await expect(shown).toContainText('一年来 30 余名青年考取中级工证书');
  await desk.screenshot({ path: '.tmp/showcase-public-1366.png' });
  await visitor.close();
  const youth = await browser.newContext({
    ...devices['Pixel 7'],
    viewport: { width: 390, height: 844 },
    locale: 'zh-CN',
  });
  const phone = await youth.newPage();
  await phone.goto(url);
  await expect(phone.getByRole('heading', { level: 1 })).toHaveText('典型案例');
  await expect(phone.getByTestId('showcase-case').first()).toBeVisible();
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await phone.screenshot({ path: '.tmp/showcase-public-390.png', fullPage: true });

  // taken down, it leaves the public page
  await item.getByRole('button', { name: /^撤\s*下$/ }).click();
  await page
    .getByRole('button', { name: /^撤\s*下$/ })
    .last()
    .click();
  await expect(item).toContainText('未发布');
  await phone.reload();
  await expect(phone.getByText('暂无发布的典型案例')).toBeVisible();
  await youth.close();

  // 活跃度与满意度 on the dashboard, beside the compliance figures
  await page.goto('/compliance');
  const engagement = page.getByTestId('engagement');
  await expect(engagement).toContainText('活跃度（本月联系到的青年占比）');
  await engagement.screenshot({ path: '.tmp/engagement-card-1366.png' });
});
