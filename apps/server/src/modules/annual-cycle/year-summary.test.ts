import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxText } from '../../testing/documents.ts';
import { createTestContext, type TestContext } from '../../testing/index.ts';
import { cityWithTwoCounties } from '../../testing/scenario.ts';

let ctx: TestContext;
let world: Awaited<ReturnType<typeof cityWithTwoCounties>>;
let a1: string;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-summary-'));

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  world = await cityWithTwoCounties(ctx);
  a1 = world.cadres.A1;
  const done = await world.clients.cadreA1.post('/api/v1/activities', {
    type: 'practical_help',
    date: '2026-02-20',
    point: 'pA1',
    outcome: '为返乡青年争取创业贴息贷款',
  });
  if (done.statusCode !== 201) throw new Error(done.body);
});
afterAll(async () => {
  await ctx.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('个人总结 and the published grade', () => {
  const url = () => `/api/v1/annual/2026/cadres/${a1}/year-summary`;

  it('is drafted from the one work log: figures and the work done, by name', async () => {
    const draft = await world.clients.cadreA1.get(`${url()}/draft`);
    expect(draft.statusCode, draft.body).toBe(200);
    const { text, figures, notable } = draft.json();
    expect(text).toContain('甲一个人总结');
    expect(text).toContain('谈心谈话次数：1');
    expect(text).toContain('为返乡青年争取创业贴息贷款（2026-02-20）');
    expect(figures.find((f: { type: string }) => f.type === 'talk').done).toBe(1);
    expect(notable).toHaveLength(1);
  });

  it('is the cadre’s to edit, then frozen at submission', async () => {
    const { cadreA1, adminA } = world.clients;
    expect((await adminA.put(url(), { text: '代写' })).statusCode).toBe(403);
    const saved = await cadreA1.put(url(), { text: '一年来走访基层、联系青年……' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().status).toBe('draft');
    expect((await cadreA1.post(`${url()}/submit`)).statusCode).toBe(200);
    // a record logged after submission does not change the figures submitted
    await cadreA1.post('/api/v1/activities', {
      type: 'talk',
      date: '2026-02-25',
      mode: 'face_to_face',
      point: 'pA1',
      contacts: ['yA'],
    });
    const frozen = (await cadreA1.get(url())).json();
    expect(frozen.status).toBe('submitted');
    expect(frozen.content.figures.find((f: { type: string }) => f.type === 'talk').done).toBe(1);
    expect((await cadreA1.put(url(), { text: '再改' })).statusCode).toBe(409);
  });

  it('goes into the material pack and prints; the cadre sees the grade only once published', async () => {
    const { cadreA1, cadreA2, adminA } = world.clients;
    const created = await adminA.post('/api/v1/annual/2026/assessments', { orgId: 'cA' });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const pack = await adminA.get(`/api/v1/assessments/${id}/cadres/${a1}/pack`);
    expect(pack.statusCode, pack.body).toBe(200);
    expect(pack.json().yearSummary.content.text).toContain('走访基层');
    const graded = await adminA.put(`/api/v1/assessments/${id}/grades`, {
      grades: [
        { cadreId: a1, grade: 'good' },
        { cadreId: world.cadres.A2, grade: 'fair' },
      ],
    });
    expect(graded.statusCode, graded.body).toBe(200);
    expect((await cadreA1.get(`/api/v1/annual/2026/cadres/${a1}/grade`)).json().grade).toBeNull();
    expect((await cadreA2.get(`/api/v1/annual/2026/cadres/${a1}/grade`)).statusCode).toBe(403);
    expect((await adminA.post(`/api/v1/assessments/${id}/publish`)).statusCode).toBe(200);
    expect((await cadreA1.get(`/api/v1/annual/2026/cadres/${a1}/grade`)).json().grade).toBe('good');
    const printed = await cadreA1.get(`/api/v1/annual/2026/forms/year-summary/${a1}`);
    expect(printed.statusCode).toBe(200);
    const text = docxText(tmp, printed.rawPayload);
    expect(text).toContain('2026 年度联系青年工作个人总结');
    expect(text).toContain('一年来走访基层、联系青年');
    expect(text).toContain('考核等次：良');
  });
});
