import crypto from 'node:crypto';
import { asc, gt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/index.ts';
import { AuditLog } from './audit.ts';
import { createAuditMac } from './crypto.ts';
import { auditLog } from './db/schema.ts';
import { inTransaction } from './platform.ts';

// Each writer inserts its row against the last hash it knows, checked under the lock (issue 12,
// writes): another writer's row or a rolled-back transaction must cost a re-read, never a fork.
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
});
