/// <reference lib="dom" />
import { expect, test } from '@playwright/test';
import { login } from './helpers.ts';

// cadre02 holds demo-p3 (宝鸡某中学团委) all year; no other test files a task list.
test('a cadre files the task list on the phone and downloads the filed form', async ({ page }) => {
  await login(page, 'cadre02');
  await page.getByRole('button', { name: '年度任务清单' }).click();
  await expect(page.getByRole('heading', { name: /年任务清单/ })).toBeVisible();
  // the deadline of 31 January has passed in the demo year: the reminder says so
  await expect(page.getByText(/报备任务清单（附表1）：已逾期/)).toBeVisible();
  await page.getByLabel('理论宣讲').fill('每季度到联系点宣讲一次团的十九大精神');
  await page.getByLabel('交流谈心').fill('与联系点团干部、团员青年分类谈心');
  await page.getByLabel('调查研究').fill('中学生网络素养调查');
  await page.getByLabel('推动工作').fill('帮助联系点规范团员发展；组建志愿服务队');
  await page.getByRole('checkbox', { name: '宝鸡某中学团委' }).check();
  await page.getByRole('button', { name: /报\s*送/ }).click();
  await expect(page.getByText('已报送')).toBeVisible();
  await expect(page.getByText('逾期报送')).toBeVisible();
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
