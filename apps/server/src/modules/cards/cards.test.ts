import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicLimits } from '../../platform/public.ts';
import { type Client, createTestContext, signedIn, type TestContext, visitor } from '../../testing/index.ts';
import { cityWithTwoCounties } from '../../testing/scenario.ts';

let ctx: TestContext;
let world: Awaited<ReturnType<typeof cityWithTwoCounties>>;
let cadreA1: Client;
let tokenA = '';
let tokenB = '';
const tokenOf = (url: string) => url.split('/c/')[1] ?? '';
const api = (token: string, rest = '') => `/api/public/cards/${token}${rest}`;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  world = await cityWithTwoCounties(ctx);
  cadreA1 = world.clients.cadreA1;
  const a = await cadreA1.put(`/api/v1/cadres/${world.cadres.A1}/card`, {
    enabled: true,
    post: '团县委副书记',
    workPhone: '0917-1234567',
    wechat: 'jiayi-work',
    shows: { name: true, post: true, org: true, points: true, workPhone: true, wechat: false, hours: true },
  });
  expect(a.statusCode, a.body).toBe(200);
  tokenA = tokenOf(a.json().url);
  const b = await world.clients.cadreB.put(`/api/v1/cadres/${world.cadres.B}/card`, { enabled: true });
  tokenB = tokenOf(b.json().url);
}, 60_000);
afterAll(() => ctx.close());

describe('a cadre’s public card', () => {
  it('has a short unguessable URL and shows only what the cadre switched on', async () => {
    expect(tokenA).toMatch(/^[A-Za-z0-9_-]{12}$/);
    const res = await visitor(ctx).get(api(tokenA));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      kind: 'cadre',
      name: '甲一',
      post: '团县委副书记',
      org: '组织cA',
      points: ['组织gA'],
      workPhone: '0917-1234567',
    });
  });

  it('is written only by its cadre and the admins over them', async () => {
    const other = await world.clients.cadreA2.put(`/api/v1/cadres/${world.cadres.A1}/card`, {
      enabled: false,
    });
    expect(other.statusCode).toBe(403);
    const adminB = await world.clients.adminB.get(`/api/v1/cadres/${world.cadres.A1}/card`);
    expect(adminB.statusCode).toBe(403);
    const adminA = await world.clients.adminA.get(`/api/v1/cadres/${world.cadres.A1}/card`);
    expect(adminA.json().enabled, adminA.body).toBe(true);
  });

  it('prints a poster with its QR code as PNG and PDF', async () => {
    const card = (await cadreA1.get(`/api/v1/cadres/${world.cadres.A1}/card`)).json();
    const png = await cadreA1.get(`/api/v1/cards/${card.id}/poster.png`);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    const pdf = await cadreA1.get(`/api/v1/cards/${card.id}/poster.pdf`);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await world.clients.cadreB.get(`/api/v1/cards/${card.id}/poster.png`)).statusCode).toBe(403);
  });
});

describe('feedback through the card', () => {
  let code = '';
  let problemId = '';

  it('lands a youth’s problem in the cadre’s problem list with its origin, and answers a code', async () => {
    const res = await visitor(ctx, '198.51.100.1').post(api(tokenA, '/messages'), {
      kind: 'problem',
      text: '村口路灯坏了一个月',
      caller: '小王',
      phone: '13812345678',
    });
    expect(res.statusCode, res.body).toBe(201);
    code = res.json().code;
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    const list = (await cadreA1.get('/api/v1/problems')).json();
    const item = list.items.find((i: { origin?: string }) => i.origin === 'card');
    expect(item, JSON.stringify(list.items)).toBeDefined();
    problemId = item.id;
    const message = (await cadreA1.get(`/api/v1/problems/${problemId}/card-message`)).json();
    expect([message.kind, message.caller, message.phoneMasked]).toEqual(['problem', '小王', '138****5678']);
  });

  it('lets the cadre answer and the youth read the answer by code on the same card only', async () => {
    const message = (await cadreA1.get(`/api/v1/problems/${problemId}/card-message`)).json();
    expect(
      (await world.clients.cadreB.post(`/api/v1/card-messages/${message.id}/reply`, { reply: '好' }))
        .statusCode,
    ).toBe(403);
    const reply = await cadreA1.post(`/api/v1/card-messages/${message.id}/reply`, {
      reply: '已联系镇里，本周修好',
    });
    expect(reply.statusCode, reply.body).toBe(200);
    const read = await visitor(ctx, '192.0.2.9').post(api(tokenA, '/follow'), { code: code.toLowerCase() });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({
      text: '村口路灯坏了一个月',
      reply: '已联系镇里，本周修好',
      rated: false,
    });
    // no leak between cards: the code opens nothing on another card, and that card shows none of it
    const elsewhere = await visitor(ctx, '192.0.2.9').post(api(tokenB, '/follow'), { code });
    expect(elsewhere.statusCode).toBe(404);
    expect((await visitor(ctx).get(api(tokenB))).body).not.toMatch(/路灯|小王|138/);
  });

  it('takes a rating of the contact once per message', async () => {
    const first = await visitor(ctx, '198.51.100.1').post(api(tokenA, '/ratings'), {
      score: 5,
      comment: '回复很快',
      code,
    });
    expect(first.statusCode, first.body).toBe(201);
    const again = await visitor(ctx, '198.51.100.1').post(api(tokenA, '/ratings'), { score: 1, code });
    expect(again.statusCode).toBe(409);
    const bad = await visitor(ctx, '198.51.100.1').post(api(tokenA, '/ratings'), { score: 6 });
    expect(bad.statusCode).toBe(400);
  });

  it('sums the ratings and messages into the cadre’s 满意度, for the cadre and the admins over them', async () => {
    await visitor(ctx, '198.51.100.2').post(api(tokenA, '/ratings'), { score: 3 });
    const url = `/api/v1/cadres/${world.cadres.A1}/card-feedback`;
    const own = await cadreA1.get(url);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toEqual({
      cadreId: world.cadres.A1,
      ratings: 2,
      average: 4,
      scores: [0, 0, 1, 0, 1],
      messages: 1,
      replied: 1,
      recent: [{ id: expect.any(String), score: 5, comment: '回复很快', ratedOn: expect.any(String) }],
    });
    expect((await world.clients.adminA.get(url)).json().ratings).toBe(2);
    expect((await world.clients.adminB.get(url)).statusCode).toBe(403);
    const none = (await world.clients.cadreB.get(`/api/v1/cadres/${world.cadres.B}/card-feedback`)).json();
    expect([none.ratings, none.average, none.messages]).toEqual([0, null, 0]);
  });
});

describe('the public forms’ limits', () => {
  it('refuses markup and script with a 400 naming the field', async () => {
    for (const [field, value] of [
      ['text', '<script>alert(1)</script>'],
      ['text', '点击 javascript:alert(1)'],
      ['caller', '<img src=x onerror=alert(1)>'],
      ['text', '&#60;b&#62;'],
    ] as const) {
      const res = await visitor(ctx, '192.0.2.50').post(api(tokenA, '/messages'), {
        kind: 'message',
        text: '你好',
        [field]: value,
      });
      expect(res.statusCode, value).toBe(400);
      expect(res.json().error.details[0].path).toBe(field);
      expect(res.json().error.messageZh).toMatch(/网页代码或脚本/);
    }
    // a "<" that opens no tag is ordinary text
    const ok = await visitor(ctx, '192.0.2.50').post(api(tokenA, '/messages'), {
      kind: 'message',
      text: '成绩 1<2，比心 <3',
    });
    expect(ok.statusCode).toBe(201);
  });

  it('refuses oversized bodies (413) and overlong text (400)', async () => {
    const big = await visitor(ctx, '192.0.2.51').post(api(tokenA, '/messages'), {
      kind: 'message',
      text: '长'.repeat(5000),
    });
    expect(big.statusCode).toBe(413);
    const long = await visitor(ctx, '192.0.2.51').post(api(tokenA, '/messages'), {
      kind: 'message',
      text: '长'.repeat(1001),
    });
    expect(long.statusCode).toBe(400);
    expect(JSON.stringify(long.json().error.details)).toMatch(/text/);
  });

  it('asks no ID number and refuses unknown fields', async () => {
    const res = await visitor(ctx, '192.0.2.52').post(api(tokenA, '/messages'), {
      kind: 'message',
      text: '你好',
      idNumber: '610302199001011234',
    });
    expect(res.statusCode).toBe(400);
  });

  it('limits writes per address', async () => {
    const from = visitor(ctx, '192.0.2.60');
    const statuses: number[] = [];
    for (let i = 0; i <= publicLimits.addressWrite.max; i++)
      statuses.push(
        (await from.post(api(tokenB, '/messages'), { kind: 'message', text: `第${i}条` })).statusCode,
      );
    expect(statuses.slice(0, -1).every((s) => s === 201)).toBe(true);
    const last = statuses.at(-1);
    expect(last).toBe(429);
    // another address still writes
    expect(
      (await visitor(ctx, '192.0.2.61').post(api(tokenB, '/messages'), { kind: 'message', text: '你好' }))
        .statusCode,
    ).toBe(201);
  });

  it('limits writes per card, whatever the addresses', async () => {
    // the card has taken the address test's writes this hour; fill it from many addresses
    const used = publicLimits.addressWrite.max + 1;
    for (let i = used; i < publicLimits.cardWrite.max; i++) {
      const res = await visitor(ctx, `10.1.${Math.floor(i / 200)}.${i % 200}`).post(
        api(tokenB, '/messages'),
        {
          kind: 'message',
          text: `来自不同地址 ${i}`,
        },
      );
      expect(res.statusCode, `${i} ${res.body}`).toBe(201);
    }
    const over = await visitor(ctx, '10.9.9.9').post(api(tokenB, '/messages'), {
      kind: 'message',
      text: '再来一条',
    });
    expect(over.statusCode).toBe(429);
    expect(over.json().error.code).toBe('rate_limited');
    // card A is not touched by card B's limit
    expect(
      (await visitor(ctx, '10.9.9.9').post(api(tokenA, '/messages'), { kind: 'message', text: '你好' }))
        .statusCode,
    ).toBe(201);
    // the next window opens again
    ctx.clock.advance(publicLimits.cardWrite.windowSeconds * 1000);
    expect(
      (await visitor(ctx, '10.9.9.9').post(api(tokenB, '/messages'), { kind: 'message', text: '新的一小时' }))
        .statusCode,
    ).toBe(201);
  });

  it('answers 404 everywhere once the cadre switches the card off', async () => {
    // the hour the limits test moved the clock on ended the session
    cadreA1 = await signedIn(ctx, 'cadreA1');
    const off = await cadreA1.put(`/api/v1/cadres/${world.cadres.A1}/card`, { enabled: false });
    expect(off.json().enabled, off.body).toBe(false);
    const v = visitor(ctx, '192.0.2.70');
    expect((await v.get(api(tokenA))).statusCode).toBe(404);
    expect((await v.get(`/c/${tokenA}`)).statusCode).toBe(404);
    expect((await v.post(api(tokenA, '/messages'), { kind: 'message', text: '在吗' })).statusCode).toBe(404);
    expect((await v.get(api('AAAAAAAAAAAA'))).statusCode).toBe(404);
    // the same answer as an unknown card: nothing tells whether it ever existed
    expect((await v.get(api(tokenA))).body).toBe((await v.get(api('AAAAAAAAAAAA'))).body);
    const on = await cadreA1.put(`/api/v1/cadres/${world.cadres.A1}/card`, { enabled: true });
    expect(tokenOf(on.json().url)).toBe(tokenA);
    expect((await v.get(api(tokenA))).statusCode).toBe(200);
  });
});
