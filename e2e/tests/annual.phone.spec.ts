/// <reference lib="dom" />
import { expect, test } from '@playwright/test';
import { login } from './helpers.ts';

// cadre02 holds demo-p3 (宝鸡某中学团委) all year; no other test files a task list.
test('a cadre files the task list on the phone and downloads the filed form', async ({ page }) => {
  await login(page, 'cadre02');
  await page.getByRole('button', { name: '年度任务清单' }).click();
  await expect(page.getByRole('heading', { name: /年任务清单/ })).toBeVisible();
  // the reminder names the task list's deadline (31 January), passed or coming
  await expect(page.getByText(/报备任务清单（附件1）：(已逾期|\d{4}-01-31 前)/)).toBeVisible();
  await page.getByLabel('理论宣讲').fill('每季度到联系点宣讲一次团的十九大精神');
  await page.getByLabel('交流谈心').fill('与联系点团干部、团员青年分类谈心');
  await page.getByLabel('调查研究').fill('中学生网络素养调查');
  await page.getByLabel('推动工作').fill('帮助联系点规范团员发展；组建志愿服务队');
  await page.getByRole('checkbox', { name: '宝鸡某中学团委' }).check();
  await page.getByRole('button', { name: /报\s*送/ }).click();
  const taskList = page.getByRole('region', { name: '报送情况' });
  await expect(taskList.getByRole('link', { name: /备案表/ })).toBeVisible();
  await expect(taskList.getByText('已报送')).toBeVisible();
  // filed today: late after 31 January, on time before
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(5, 10);
  await expect(taskList.getByText(today > '01-31' ? '逾期报送' : '按时')).toBeVisible();
  await expect(page.getByLabel('理论宣讲')).toBeDisabled();
  await page.screenshot({ path: '.tmp/screens/task-list-phone.png', fullPage: true });

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /备案表/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^任务清单备案表-.+-\d{4}\.docx$/);
  const file = await download.path();
  expect(file).toBeTruthy();
});

test('a cadre submits the mid-year self-check drafted from the work log', async ({ page }) => {
  await login(page, 'cadre02');
  await page.goto('/me/annual');
  const card = page.getByRole('region', { name: '半年自查报告' });
  // the figures are counted from the log, beside the year's targets of seed 001
  const session = await (await page.request.get('/api/v1/auth/session')).json();
  const cadreId = session.account.cadreId as string;
  const year = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4);
  const log = await (await page.request.get(`/api/v1/activities?cadre=${cadreId}&pageSize=500`)).json();
  const lectures = log.items.filter(
    (a: { type: string; date: string | null }) => a.type === 'lecture' && a.date?.startsWith(year),
  ).length;
  const row = card.getByRole('row').filter({ hasText: '理论宣讲（集中宣讲、主题团课）次数' });
  await expect(row.getByRole('cell').nth(1)).toHaveText(String(lectures));
  await expect(row.getByRole('cell').nth(2)).toHaveText('4');
  await expect(card.getByLabel('自查报告正文')).toHaveValue(/二、完成情况（据工作日志统计）/);
  await card.getByLabel('自查报告正文').fill('上半年对照任务清单完成宣讲和走访，下半年重点推进调研。');
  await card.getByRole('button', { name: /提\s*交/ }).click();
  await expect(card.getByText('已报送')).toBeVisible();
  await expect(card.getByLabel('自查报告正文')).toBeDisabled();
});
