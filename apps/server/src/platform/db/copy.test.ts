import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/index.ts';
import { cityWithTwoCounties, type World } from '../../testing/scenario.ts';
import { inTransaction } from '../platform.ts';
import { copyRows } from './copy.ts';
import { activities, contacts } from './schema.ts';

let ctx: TestContext;
let world: World;
beforeAll(async () => {
  ctx = await createTestContext();
  world = await cityWithTwoCounties(ctx);
});
afterAll(() => ctx.close());

// what COPY's text format must escape, and what drizzle maps (jsonb, nulls)
const awkward = 'tab\there, new\nline, return\r, back\\slash \\N \\. "quoted" 引号「」 😀';

describe('COPY of rows in a transaction', () => {
  it('stores every value as the row gave it, escapes included', async () => {
    const rows = [
      {
        id: 'copy-1',
        cadreId: world.cadres.A1,
        type: 'lecture',
        pointId: null,
        startDate: '2026-03-05',
        endDate: '2026-03-05',
        travelDays: 2,
        details: { audience: 12, title: awkward, nested: { list: ['a\tb', 'c\\d'] } },
        note: awkward,
      },
      {
        id: `copy-${awkward}`,
        cadreId: world.cadres.A1,
        type: 'talk',
        pointId: 'pA1',
        startDate: null,
        endDate: null,
        travelDays: null,
        details: {},
        note: null,
      },
    ];
    const steps: number[] = [];
    const copied = await inTransaction(ctx.p, (tx) =>
      copyRows(tx, activities, Object.keys(rows[0] as object), rows, (n) => steps.push(n)),
    );
    expect(copied).toBe(true);
    expect(steps.reduce((a, b) => a + b, 0)).toBe(2);
    const stored = await ctx.p.db
      .select()
      .from(activities)
      .where(
        inArray(
          activities.id,
          rows.map((r) => r.id),
        ),
      );
    expect(stored.map(({ createdAt: _, ...r }) => r).sort((a, b) => a.id.localeCompare(b.id))).toEqual(rows);

    const person = { id: 'copy-contact', name: awkward, role: 'youth', tags: ['x\ty', '\\'] };
    await inTransaction(ctx.p, (tx) => copyRows(tx, contacts, Object.keys(person), [person]));
    const [c] = await ctx.p.db.select().from(contacts).where(eq(contacts.id, person.id));
    expect(c).toMatchObject({ ...person, phoneEnc: null, field: null });
  });

  it('fails whole on a broken constraint, leaves nothing, and the connection serves on', async () => {
    const row = (id: string, cadreId: string) => ({ id, cadreId, type: 'lecture', details: {} });
    // 25,000 rows: the bad one is past the first chunks already sent
    const rows = Array.from({ length: 25_000 }, (_, i) => row(`bulk-${i}`, world.cadres.B));
    rows.push(row('bulk-orphan', 'no-such-cadre'));
    const failed = await inTransaction(ctx.p, (tx) =>
      copyRows(tx, activities, ['id', 'cadreId', 'type', 'details'], rows),
    ).catch((e) => e);
    expect(failed).toBeInstanceOf(Error);
    expect(await ctx.p.db.$count(activities, eq(activities.cadreId, world.cadres.B))).toBe(0);

    await inTransaction(ctx.p, (tx) =>
      copyRows(tx, activities, ['id', 'cadreId', 'type', 'details'], rows.slice(0, 3)),
    );
    expect(await ctx.p.db.$count(activities, eq(activities.cadreId, world.cadres.B))).toBe(3);
  });
});
