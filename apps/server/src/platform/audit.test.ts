import crypto from 'node:crypto';
import { asc, desc, gt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/index.ts';
import { AuditLog } from './audit.ts';
import { createAuditMac } from './crypto.ts';
import { auditChain, auditLog } from './db/schema.ts';
import { inTransaction } from './platform.ts';

// Each writer moves the chain's head from the last hash it knows, in the statement that inserts its
// row (issue 12, writes): another writer's row or a rolled-back transaction must cost a re-read,
// never a fork.
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('the audit chain with two writers', () => {
  it('links every row to the one before it when writers alternate and a transaction rolls back', async () => {
    const mac = createAuditMac('aes-256-gcm', crypto.randomBytes(32));
    const [one, two] = [new AuditLog(mac, ctx.clock), new AuditLog(mac, ctx.clock)];
    const [start] = await ctx.p.db.select({ seq: auditLog.seq }).from(auditLog).orderBy(asc(auditLog.seq));
    const from = start?.seq ?? 0;
    const write = (log: AuditLog, n: number) =>
      log.record(ctx.p.db, { actor: 'tester', action: `test.${n}` });
    await write(one, 1);
    await write(two, 2);
    await write(one, 3); // one's known head is stale: two wrote after it
    await expect(
      inTransaction(ctx.p, async (tx) => {
        await two.append(tx, { actor: 'tester', action: 'test.rolled-back' });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await write(two, 4); // two's known head was rolled back
    await write(two, 5);
    const chain = await ctx.p.db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, from))
      .orderBy(asc(auditLog.seq));
    expect(chain.map((r) => r.action)).toEqual(['test.1', 'test.2', 'test.3', 'test.4', 'test.5']);
    for (let i = 1; i < chain.length; i++) expect(chain[i]?.prevHash).toBe(chain[i - 1]?.hash);
  });

  it('keeps one chain, with the head on its last row, when two servers write at once', async () => {
    const mac = createAuditMac('aes-256-gcm', crypto.randomBytes(32));
    const servers = [new AuditLog(mac, ctx.clock), new AuditLog(mac, ctx.clock)];
    const [start] = await ctx.p.db
      .select({ seq: auditLog.seq })
      .from(auditLog)
      .orderBy(desc(auditLog.seq))
      .limit(1);
    await Promise.all(
      Array.from({ length: 24 }, (_, n) => {
        const [server, entry] = [servers[n % 2] as AuditLog, { actor: 'tester', action: `race.${n}` }];
        return n % 3 === 0
          ? inTransaction(ctx.p, (tx) => server.append(tx, entry))
          : server.record(ctx.p.db, entry);
      }),
    );
    const chain = await ctx.p.db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, start?.seq ?? 0))
      .orderBy(asc(auditLog.seq));
    expect(chain.map((r) => r.action).sort()).toEqual(
      Array.from({ length: 24 }, (_, n) => `race.${n}`).sort(),
    );
    for (let i = 1; i < chain.length; i++) expect(chain[i]?.prevHash).toBe(chain[i - 1]?.hash);
    const [head] = await ctx.p.db.select().from(auditChain);
    expect(head?.lastHash).toBe(chain.at(-1)?.hash);
  });
});
