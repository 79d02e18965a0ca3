/// <reference lib="dom" />
import { expect, type Page, test } from '@playwright/test';
import { login } from './helpers.ts';

const shots = '.tmp/screens';

/** Today and a day some days before it, in China time, as a date input takes it (YYYY-MM-DD). */
function chinaDay(daysAgo = 0): string {
  return new Date(Date.now() - daysAgo * 86_400_000).toLocaleDateString('sv-SE', {
    timeZone: 'Asia/Shanghai',
  });
}

async function csrf(page: Page) {
  const { csrfToken } = (await (await page.request.get('/api/v1/auth/session')).json()) as {
    csrfToken: string;
  };
  return { 'x-csrf-token': csrfToken };
}

test('a talk names a youth or a head count; the server refuses a nameless talk and a future date', async ({
  page,
}) => {
  await login(page, 'cadre01');
  await page.goto('/me/log/talk');
  await expect(page.locator('[data-screen]')).toHaveText('记一笔 · 谈心谈话');
  await expect(page.getByLabel('备注（可不填）')).toHaveAttribute('placeholder', /思想动态/);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('请点选至少一名谈话的青年，或填写集体谈话人数')).toBeVisible();
  // the phone's date picker stops at today, and a later day typed in is refused before sending
  const date = page.getByLabel('日期');
  await expect(date).toHaveValue(chinaDay());
  await expect(date).toHaveAttribute('max', chinaDay());
  await date.fill(chinaDay(-1));
  await expect(page.getByText('日期不能晚于今天')).toBeVisible();
  await date.fill(chinaDay());
  await expect(page.getByText('日期不能晚于今天')).toBeHidden();
  await page.screenshot({ path: `${shots}/entry-talk-refused-phone.png`, fullPage: true });

  // a group talk with its head count is saved
  await page.getByLabel('集体谈话人数（未逐一点选时填写）').fill('12');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.locator('[data-screen]')).toHaveText('已保存');

  // the server says the same to any client, naming the field
  const headers = await csrf(page);
  const nameless = await page.request.post('/api/v1/activities', {
    headers,
    data: { type: 'talk', date: chinaDay(1), mode: 'phone' },
  });
  expect(nameless.status()).toBe(400);
  expect(JSON.stringify(await nameless.json())).toContain('contacts');
  const future = await page.request.post('/api/v1/activities', {
    headers,
    data: { type: 'lecture', date: chinaDay(-3), audience: 20 },
  });
  expect(future.status()).toBe(400);
  const body = (await future.json()) as { error: { details: { path: string; message: string }[] } };
  expect(body.error.details.map((d) => d.path)).toEqual(['date']);
  expect(body.error.details[0]?.message).toContain('晚于今天');
});

test('a visit carries the problem it found; 已保存 shows the dates entered and the progress it made', async ({
  page,
}) => {
  await login(page, 'cadre01');
  await page.goto('/me/log/visit');
  await expect(page.locator('[data-screen]')).toHaveText('记一笔 · 走访调研');
  await expect(page.getByLabel('备注（可不填）')).toHaveAttribute('placeholder', /走访了哪里/);
  const from = chinaDay(3);
  const to = chinaDay(2);
  await page.getByLabel('开始日期').fill(from);
  await page.getByLabel('结束日期').fill(to);
  await page.getByRole('button', { name: /^张明/ }).click();
  await page.getByRole('button', { name: '添加发现的问题' }).click();
  const problem = `村里缺青年活动场地 ${Date.now()}`;
  await page.getByLabel('问题 1', { exact: true }).fill(problem);
  await page.screenshot({ path: `${shots}/entry-visit-form-phone.png`, fullPage: true });
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.locator('[data-screen]')).toHaveText('已保存');
  // the dates entered, not today's
  await expect(page.getByTestId('saved-when')).toHaveText(`走访调研 · ${from} 至 ${to} · 登记问题 1 个`);
  // what the entry changed: at least the visits counted, "before → after"
  const changes = page.getByTestId('saved-changes');
  await expect(changes).toBeVisible();
  await expect(changes.locator('li').first()).toContainText('→');
  const lines = await changes.locator('li').allInnerTexts();
  for (const line of lines) {
    const m = /(\d+)\/[\d–]+ → (\d+)\/[\d–]+/.exec(line);
    expect(m, line).not.toBeNull();
    expect(Number(m?.[2])).toBeGreaterThan(Number(m?.[1]));
  }
  await page.screenshot({ path: `${shots}/entry-visit-saved-phone.png`, fullPage: true });

  // one entry, two records: the visit and the problem at the same point, dated the visit's last day
  const { items } = (await (await page.request.get('/api/v1/activities?pageSize=500')).json()) as {
    items: { type: string; title: string | null; date: string | null; pointId: string | null }[];
  };
  const raised = items.filter((a) => a.type === 'problem' && a.title === problem);
  expect(raised).toHaveLength(1);
  expect(raised[0]?.date).toBe(to);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('a requirement that the days left cannot fill is shown as out of reach, not in progress', async ({
  page,
}) => {
  await login(page, 'cadre01');
  const { cadreId } = (await (await page.request.get('/api/v1/auth/session')).json()).account as {
    cadreId: string;
  };
  // the answer as the server gives it on 5 December: 16 of 60 grassroots days, 26 days left
  const year = new Date().getFullYear();
  await page.route('**/api/v1/compliance?**', (route) =>
    route.fulfill({
      json: {
        year,
        asOf: `${year}-12-05`,
        results: [
          {
            rule: 'baoji2018.grassroots_time',
            cadre: cadreId,
            point: null,
            org: null,
            status: 'in_progress',
            actual: 16,
            required: 60,
          },
          {
            rule: 'baoji2018.visits',
            cadre: cadreId,
            point: null,
            org: null,
            status: 'in_progress',
            actual: 8,
            required: 10,
          },
        ],
      },
    }),
  );
  await page.goto('/me/progress');
  const out = page.locator('.lx-result[data-rule="baoji2018.grassroots_time"]');
  await expect(out).toHaveAttribute('data-status', 'unreachable');
  await expect(out).toContainText('已无法完成');
  await expect(out).toContainText('还剩 26 天，还差 44 天，不可能达标');
  await expect(out).not.toContainText('进行中');
  const open = page.locator('.lx-result[data-rule="baoji2018.visits"]');
  await expect(open).toContainText('进行中');
  await expect(page.getByTestId('due-red')).toContainText('已无法完成');
  await page.screenshot({ path: `${shots}/progress-unreachable-phone.png`, fullPage: true });
});

test('the point and the counts on the phone’s own controls: 不在联系点 saves no point; a head count must be whole', async ({
  page,
}) => {
  await login(page, 'cadre01');
  await page.goto('/me/log/talk');
  // the list's first line means none, then the cadre's current points (how many depends on the
  // tenures other tests have ended, so any one of them is chosen, then none)
  const point = page.getByLabel('联系点', { exact: true });
  const options = point.locator('option');
  await expect(options.first()).toHaveText('不在联系点');
  expect(await options.count()).toBeGreaterThan(1);
  await point.selectOption({ index: 1 });
  await expect(point).not.toHaveValue('');
  await point.selectOption({ label: '不在联系点' });
  await expect(point).toHaveValue('');
  const heads = page.getByLabel('集体谈话人数（未逐一点选时填写）');
  await heads.fill('2.5');
  await expect(page.getByText('集体谈话至少 2 人')).toBeVisible();
  await heads.fill('3');
  await expect(page.getByText('集体谈话至少 2 人')).toBeHidden();
  const note = `不在联系点的集体谈话 ${Date.now()}`;
  await page.getByLabel('备注（可不填）').fill(note);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.locator('[data-screen]')).toHaveText('已保存');

  const { items } = (await (await page.request.get('/api/v1/activities?pageSize=500')).json()) as {
    items: { id: string; note: string | null; pointId: string | null }[];
  };
  const saved = items.find((a) => a.note === note);
  expect(saved?.pointId).toBeNull();
  // the record as the ledger holds it: the head count a number, no point
  const { activity } = await (await page.request.get(`/api/v1/activities/${saved?.id}`)).json();
  expect(activity).toMatchObject({ type: 'talk', attendees: 3 });
  expect(activity).not.toHaveProperty('point');
});

test('a visit’s span is checked as it is typed, and the server’s refusal shows under the field it names', async ({
  page,
}) => {
  await login(page, 'cadre01');
  await page.goto('/me/log/visit');
  const start = page.getByLabel('开始日期');
  const end = page.getByLabel('结束日期');
  const travel = page.getByLabel('在途天数（不计入在点天数）');
  // the domain's own rules, in the server's words, before anything is sent
  await start.fill(chinaDay(2));
  await end.fill(chinaDay(4));
  await expect(page.getByText('结束日期早于开始日期')).toBeVisible();
  await expect(end).toHaveAttribute('aria-invalid', 'true');
  await end.fill(chinaDay(1));
  await expect(page.getByText('结束日期早于开始日期')).toBeHidden();
  await travel.fill('5');
  await expect(page.getByText('在途天数 5 超过了活动的 2 天')).toBeVisible();
  await travel.fill('1');
  await expect(page.getByText(/在途天数 \d+ 超过了活动/)).toBeHidden();

  // a day before the chosen point's tenure: only the server knows, and says so under 开始日期
  const point = page.getByLabel('联系点', { exact: true });
  await point.selectOption({ index: 1 });
  const pointId = await point.inputValue();
  const { from } = (await (await page.request.get(`/api/v1/contact-points/${pointId}`)).json()) as {
    from: string;
  };
  const before = new Date(Date.parse(`${from}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  await start.fill(before);
  await end.fill(before);
  const note = `任期之前的走访 ${Date.now()}`;
  await page.getByLabel('备注（可不填）').fill(note);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  // under the field, exactly (the toast says it too, after 活动记录有误)
  const refusal = page.getByText(`早于联系点任期开始（${from}）`, { exact: true });
  await expect(refusal).toBeVisible();
  await expect(start).toHaveAttribute('aria-describedby', (await refusal.getAttribute('id')) ?? '');
  await expect(page.locator('[data-screen]')).toHaveText('记一笔 · 走访调研');
  await page.screenshot({ path: `${shots}/entry-visit-refused-phone.png`, fullPage: true });
  // nothing was written
  const { items } = (await (await page.request.get('/api/v1/activities?pageSize=500')).json()) as {
    items: { note: string | null }[];
  };
  expect(items.filter((a) => a.note === note)).toHaveLength(0);
  // the field's message goes once the day is changed
  await start.fill(from);
  await expect(refusal).toBeHidden();
});
