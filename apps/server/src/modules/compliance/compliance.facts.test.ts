import { type ComplianceFacts, factsFromLedger, type LedgerDocument } from '@lianxin/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/index.ts';
import { complianceFacts } from './compliance.facts.ts';
import { boundaryLedger, withBoundaryLedger } from './compliance.fixture.ts';

let ctx: TestContext;
const doc = boundaryLedger();

beforeAll(async () => {
  ctx = await createTestContext();
  await withBoundaryLedger(ctx);
});
afterAll(() => ctx.close());

const sortKey = (v: unknown): string =>
  typeof v === 'object' && v !== null
    ? String(
        (v as { id?: string; contact?: string }).id ??
          (v as { contact?: string }).contact ??
          JSON.stringify(v),
      )
    : String(v).padStart(12, '0');

/** Lists in a canonical order, so the two computations compare as sets. */
function normalized(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(normalized).sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
  if (typeof v === 'object' && v !== null)
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normalized(x)]));
  return v;
}

const fromLedger = (year: number, asOf: string) =>
  factsFromLedger(doc as unknown as LedgerDocument, { year, asOf }) as ComplianceFacts;

describe('facts computed in SQL equal the facts computed from the ledger document', () => {
  it.each([
    [2026, '2026-06-30'],
    [2026, '2026-01-02'],
    [2026, '2026-12-31'],
    [2025, '2025-12-31'],
    [2025, '2025-07-15'],
  ])('year %i as of %s', async (year, asOf) => {
    const sql = await complianceFacts(ctx.p.db, { year, asOf, scopePath: null });
    expect(normalized(sql)).toEqual(normalized(fromLedger(year, asOf)));
  });

  it('holds the boundary cases the conventions name', async () => {
    const facts = await complianceFacts(ctx.p.db, { year: 2026, asOf: '2026-06-30', scopePath: null });
    const c1 = facts.cadres.find((c) => c.id === 'c1');
    // the visit across the new year counts in 2026 with its on-site days less travel; the one ending
    // after the as-of date does not; the lecture of 31 December belongs to the year before; the
    // talk of August is after the as-of date, the event with y2 is face to face
    expect(c1?.visits.map((v) => [v.id, v.onSiteDays])).toEqual([['v-boundary', 5]]);
    expect(c1?.lectures.map((l) => l.id)).toEqual(['lec-1']);
    expect(c1?.youthsFaceToFace.sort()).toEqual(['y1', 'y2', 'y3']);
    // y2 is kept by three cadres: each counts them
    for (const id of ['c1', 'c2', 'c3'])
      expect(facts.cadres.find((c) => c.id === id)?.contactsKept.map((k) => k.id)).toContain('y2');
    const p2 = facts.points.find((p) => p.id === 'p2');
    expect([p2?.to, p2?.successor, p2?.handoverNote]).toEqual(['2026-03-31', 'p3', true]);
    const p1 = facts.points.find((p) => p.id === 'p1');
    expect(p1?.year.workItemsDone).toEqual(['wi-undated']);
  });

  it('limits a subtree scope to its cadres and the points they hold or that lie in it', async () => {
    const facts = await complianceFacts(ctx.p.db, {
      year: 2026,
      asOf: '2026-06-30',
      scopePath: '/central/o-sx/o-bj/o-wb/',
    });
    expect(facts.cadres.map((c) => c.id)).toEqual(['c3']);
    expect(facts.points.map((p) => p.id)).toEqual(['p1', 'p4', 'p5']);
    // the root's ancestors come along for chains and inherited presets
    expect(facts.orgs.map((o) => o.id)).toEqual(
      expect.arrayContaining(['central', 'o-sx', 'o-bj', 'o-wb', 'o-g1']),
    );
  });
});
