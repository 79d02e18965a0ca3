import { LEDGER_YEAR_SECTIONS, type TLedgerDocument, type TLedgerProblem } from '@lianxin/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, makeAccount, signedIn, type TestContext } from '../../testing/index.ts';
import { cityWithEveryObject } from '../../testing/scenario.ts';
import { exportLedger } from './ledger.export.ts';
import { importLedger, type LedgerRejected, operatorActor } from './ledger.import.ts';

// The shared world with one of every object, its year filled in further through the API as its
// owners would: the task list sent, a grade and a mutual review given, the exemption approved.
let ctx: TestContext;
/** the empty databases the exports go into */
let empty: TestContext[];
let world: Awaited<ReturnType<typeof cityWithEveryObject>>;
const sys = operatorActor('年度台账测试');

beforeAll(async () => {
  empty = [await createTestContext(), await createTestContext()];
  ctx = await createTestContext({ demo: true });
  world = await cityWithEveryObject(ctx);
  const { clients, cadres } = world;
  const ok = async (res: { statusCode: number; body: string }, what: string) => {
    if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  };
  await ok(await clients.cadreA1.post(`/api/v1/annual/2026/cadres/${cadres.A1}/task-list/submit`), 'submit');
  const grades = { grades: [{ cadreId: cadres.A1, grade: 'fair' }] };
  await ok(
    await clients.adminA.request({
      method: 'PUT',
      url: `/api/v1/assessments/${world.assessmentId}/grades`,
      payload: grades,
    }),
    'grades',
  );
  const reviews = { reviews: [{ reviewerId: cadres.A2, cadreId: cadres.A1, score: 88 }] };
  await ok(
    await clients.adminA.request({
      method: 'PUT',
      url: `/api/v1/assessments/${world.assessmentId}/reviews`,
      payload: reviews,
    }),
    'reviews',
  );
  await ok(await clients.city.post(`/api/v1/exemptions/${world.exemptionId}/approve`), 'approve');
}, 120_000);
afterAll(async () => {
  for (const c of [ctx, ...empty]) await c.close();
});

describe('the year in the ledger', () => {
  it('exports every section, and export → import into an empty database → export is byte-identical', async () => {
    for (const [i, org] of [undefined, 'cA'].entries()) {
      const first = JSON.stringify(await exportLedger(ctx.p, sys, org));
      const doc = JSON.parse(first) as TLedgerDocument;
      for (const section of LEDGER_YEAR_SECTIONS) expect(doc[section]?.length, section).toBeGreaterThan(0);
      const other = empty[i] as TestContext;
      await importLedger(other.p, sys, JSON.parse(first));
      expect(JSON.stringify(await exportLedger(other.p, sys, org))).toBe(first);
    }
    const doc = await exportLedger(ctx.p, sys, 'cA');
    const taskList = doc.cycleFilings?.find((f) => f.cadre === world.cadres.A1 && f.kind === 'task_list');
    expect(taskList?.status).toBe('submitted');
    expect(doc.assessments?.[0]?.entries.find((e) => e.cadre === world.cadres.A1)).toMatchObject({
      grade: 'fair',
      reviews: { [world.cadres.A2]: 88 },
    });
    expect(doc.exemptions?.[0]).toMatchObject({
      id: world.exemptionId,
      cadre: world.cadres.A1,
      approvedBy: 'city',
    });
    expect(doc.postings?.find((x) => x.id === world.posting.id)).toMatchObject({ cadre: world.cadres.A1 });
    // no youth's personal data rides in the year's sections
    const year = JSON.stringify(LEDGER_YEAR_SECTIONS.map((s) => doc[s]));
    expect(year).not.toContain('13800000001');
    for (const youth of ['"甲县青年"', '"yA"', world.spare.contact]) expect(year).not.toContain(youth);
  }, 300_000);

  it('re-importing the export changes nothing; a document without the sections erases none', async () => {
    const doc = await exportLedger(ctx.p, sys, 'cA');
    const again = await importLedger(ctx.p, sys, doc);
    for (const section of LEDGER_YEAR_SECTIONS) {
      expect(again.created[section], section).toBe(0);
      expect(again.updated[section], section).toBe(0);
      expect(again.unchanged[section], section).toBe(doc[section]?.length);
    }
    const bare = Object.fromEntries(
      Object.entries(doc).filter(([k]) => !(LEDGER_YEAR_SECTIONS as string[]).includes(k)),
    );
    await importLedger(ctx.p, sys, bare);
    expect(JSON.stringify(await exportLedger(ctx.p, sys, 'cA'))).toBe(JSON.stringify(doc));
  }, 120_000);

  it('a changed grade is written whole; an org admin cannot write a grading of another county', async () => {
    const doc = await exportLedger(ctx.p, sys, 'cA');
    const assessment = structuredClone(doc.assessments?.[0]) as NonNullable<
      TLedgerDocument['assessments']
    >[number];
    assessment.entries = assessment.entries.map((e) => ({ cadre: e.cadre, grade: 'good' as const }));
    const res = await importLedger(ctx.p, sys, { format: 'lianxin-ledger/1', assessments: [assessment] });
    expect(res.updated.assessments).toBe(1);
    const after = (await exportLedger(ctx.p, sys, 'cA')).assessments?.[0];
    expect(after?.entries.every((e) => e.grade === 'good' && e.reviews === undefined)).toBe(true);

    await makeAccount(ctx.p, { username: 'adminB-year', role: 'org_admin', scopeOrgId: 'cB' });
    const adminB = await signedIn(ctx, 'adminB-year');
    const moved = { ...assessment, entries: [], org: 'cB' };
    const refused = await adminB.post('/api/v1/ledger', { format: 'lianxin-ledger/1', assessments: [moved] });
    expect(refused.statusCode).toBe(403);
  });

  it('rejects bad records whole, naming each by collection, id and field', async () => {
    const before = JSON.stringify(await exportLedger(ctx.p, sys));
    const doc = await exportLedger(ctx.p, sys, 'cA');
    const filing = doc.cycleFilings?.[0] as NonNullable<TLedgerDocument['cycleFilings']>[number];
    const program = doc.postingPrograms?.[0] as NonNullable<TLedgerDocument['postingPrograms']>[number];
    const bad = {
      format: 'lianxin-ledger/1',
      cycleFilings: [{ ...filing, id: 'f-twin' }],
      reportRecommendations: [{ ...doc.reportRecommendations?.[0], id: 'r-new', activity: world.activityId }],
      exemptions: [{ ...doc.exemptions?.[0], id: 'x-new', rule: 'no.such_rule', point: world.spare.point }],
      postingPrograms: [{ ...program, org: 'nowhere' }],
      postings: [
        { ...doc.postings?.[0], id: 'post-new', batch: 'no-batch', from: '2026-05-01', to: '2026-04-01' },
      ],
      assessments: [{ ...doc.assessments?.[0], id: 'as-new', surprise: 1 }],
    };
    let problems: TLedgerProblem[] = [];
    try {
      await importLedger(ctx.p, sys, bad);
    } catch (e) {
      problems = (e as LedgerRejected).problems;
    }
    const named = problems.map((p) => `${p.collection}[${p.id}].${p.field}`);
    expect(named).toEqual(
      expect.arrayContaining([
        'assessments[as-new].surprise',
        'cycleFilings[f-twin].kind',
        'reportRecommendations[r-new].activity',
        'exemptions[x-new].rule',
        'exemptions[x-new].cadre',
        `postingPrograms[${program.id}].org`,
        'postings[post-new].batch',
        'postings[post-new].to',
      ]),
    );
    for (const p of problems) expect(p.messageZh.length).toBeGreaterThan(0);
    expect(JSON.stringify(await exportLedger(ctx.p, sys))).toBe(before);
  });
});
