/// <reference lib="dom" />
import { expect, test } from '@playwright/test';
import { login } from './helpers.ts';

// 共青团渭滨区委 has 6 demo cadres: at most 1 优 (30%, rounded down) and 3 良.
test('an admin grades a group, is refused over the 优 quota, and downloads the forms', async ({ page }) => {
  await login(page, 'wb-admin');
  await page.getByRole('menuitem', { name: '年度考核' }).click();
  await expect(page.getByRole('heading', { name: '年度工作与考核' })).toBeVisible();
  await expect(page.getByRole('row')).not.toHaveCount(1); // the roster lists the cadres

  await page.getByRole('tab', { name: '年底考核' }).click();
  await page.getByRole('button', { name: '启动考核' }).click();
  await expect(page.getByText('参加考核 6 人，“优”不超过 1 人，“良”不超过 3 人。')).toBeVisible();
  const selects = page.getByRole('combobox', { name: /的等次$/ });
  // the dropdown of the select just opened is the last one rendered and not hidden
  const choose = async (i: number, label: string) => {
    await selects.nth(i).click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
      .last()
      .locator('.ant-select-item-option', { hasText: label })
      .click();
  };
  await choose(0, '优');
  await choose(1, '优');
  await page.getByRole('button', { name: '保存等次' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '超出名额 1 人' })).toBeVisible();
  await page.screenshot({ path: '.tmp/screens/assessment-over-quota.png', fullPage: true });

  // one 优 and one 良 are within the quota
  await choose(1, '良');
  await page.getByRole('button', { name: '保存等次' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '超出名额' })).toHaveCount(0);

  await page.getByRole('tab', { name: '表格下载' }).click();
  // people download here; the command line is for operators, not named to them
  await expect(page.getByText(/npx lianxin/)).toHaveCount(0);
  for (const [label, name] of [
    ['任务清单汇总表', /^任务清单汇总表-共青团渭滨区委-\d{4}\.xlsx$/],
    ['基层联系点登记表', /^联系点登记表-共青团渭滨区委-\d{4}\.xlsx$/],
    ['管理员信息表', /^管理员信息表-共青团渭滨区委\.xlsx$/],
  ] as const) {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: new RegExp(label) }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(name);
  }
});
