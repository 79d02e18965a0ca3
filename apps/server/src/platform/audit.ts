import { desc, sql } from 'drizzle-orm';
import type { Clock } from './clock.ts';
import type { AuditMac } from './crypto.ts';
import type { Db } from './db/client.ts';
import { auditLog } from './db/schema.ts';

export interface AuditEntry {
  actor: string;
  action: string;
  objectType?: string | null;
  objectId?: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
  result?: 'ok' | 'denied' | 'failed';
}

const GENESIS = '0'.repeat(64);
// one writer at a time extends the chain, across app servers sharing one PostgreSQL
export const AUDIT_LOCK = 0x11a4c2;

/** JSON with sorted keys: jsonb reorders keys, the hash must not depend on order. */
export function canonicalJson(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/** The text each row's MAC covers: the previous hash and the row, as canonical JSON. */
export function auditRowText(prevHash: string, at: Date, e: Required<AuditEntry>): string {
  return canonicalJson({
    prevHash,
    at: at.toISOString(),
    actor: e.actor,
    action: e.action,
    objectType: e.objectType,
    objectId: e.objectId,
    before: e.before,
    after: e.after,
    ip: e.ip,
    result: e.result,
  });
}

/**
 * Each row's hash is an HMAC under the audit key (decision 28), which lives outside the database:
 * someone who can write the table cannot recompute the chain after changing a row.
 */
export class AuditLog {
  constructor(
    private readonly mac: AuditMac,
    private readonly clock: Clock,
  ) {}

  /** Appends within the caller's transaction, so a change and its audit row land together. */
  async append(tx: Db, entry: AuditEntry): Promise<void> {
    const e: Required<AuditEntry> = {
      objectType: null,
      objectId: null,
      before: null,
      after: null,
      ip: null,
      result: 'ok',
      ...entry,
    };
    await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`);
    const [last] = await tx
      .select({ hash: auditLog.hash })
      .from(auditLog)
      .orderBy(desc(auditLog.seq))
      .limit(1);
    const prevHash = last?.hash ?? GENESIS;
    const at = this.clock.now();
    const hash = this.mac(auditRowText(prevHash, at, e));
    await tx.insert(auditLog).values({ ...e, at, prevHash, hash });
  }

  /** Outside any transaction: an audit row of its own (logins, denials). */
  async record(db: Db, entry: AuditEntry): Promise<void> {
    await db.transaction((tx) => this.append(tx as unknown as Db, entry));
  }

  /** Recomputes the chain; returns the first broken row's seq, or null when intact. */
  async verify(db: Db): Promise<{ rows: number; brokenAt: number | null }> {
    const rows = await db.select().from(auditLog).orderBy(auditLog.seq);
    let prev = GENESIS;
    for (const r of rows) {
      const text = auditRowText(prev, r.at, {
        actor: r.actor,
        action: r.action,
        objectType: r.objectType,
        objectId: r.objectId,
        before: r.before,
        after: r.after,
        ip: r.ip,
        result: r.result as 'ok',
      });
      if (r.prevHash !== prev || this.mac(text) !== r.hash) return { rows: rows.length, brokenAt: r.seq };
      prev = r.hash;
    }
    return { rows: rows.length, brokenAt: null };
  }
}
