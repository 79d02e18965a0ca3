import { desc, sql } from 'drizzle-orm';
import { rows } from './access/queries.ts';
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
/** Takes the chain's lock until the transaction ends: a select-list item a write's statement may carry. */
export const lockAuditChain = sql`pg_advisory_xact_lock(${AUDIT_LOCK})`;

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

  /**
   * The chain's last hash as this process last wrote or read it: the next row's MAC is computed
   * against it and the insert checks it under the lock (appendGuarded). Another process's row, or a
   * transaction rolled back, only costs a miss: one more read, then the insert again.
   */
  private head: string | null = null;

  /**
   * Appends within the caller's transaction, so a change and its audit row land together. `locked`:
   * the caller's own statement already took the chain's lock in this transaction (lockAuditChain),
   * which saves a round trip on the hot write paths.
   */
  async append(tx: Db, entry: AuditEntry, opts: { locked?: boolean } = {}): Promise<void> {
    const e: Required<AuditEntry> = {
      objectType: null,
      objectId: null,
      before: null,
      after: null,
      ip: null,
      result: 'ok',
      ...entry,
    };
    if (!opts.locked) await tx.execute(sql`select ${lockAuditChain}`);
    const at = this.clock.now();
    if (this.head !== null && (await this.insertAfter(tx, this.head, at, e, true))) return;
    const [last] = await tx
      .select({ hash: auditLog.hash })
      .from(auditLog)
      .orderBy(desc(auditLog.seq))
      .limit(1);
    await this.insertAfter(tx, last?.hash ?? GENESIS, at, e, false);
  }

  /**
   * Inserts the row after `prevHash`; `guarded`: only if that is still the chain's last hash, which
   * this statement reads after the lock was taken (READ COMMITTED: a statement's snapshot is taken
   * when it starts), so no two rows ever follow one hash. Answers whether the row went in.
   */
  private async insertAfter(tx: Db, prevHash: string, at: Date, e: Required<AuditEntry>, guarded: boolean) {
    const hash = this.mac(auditRowText(prevHash, at, e));
    const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
    const guard = guarded
      ? sql`where coalesce((select hash from audit_log order by seq desc limit 1), ${GENESIS}) = ${prevHash}`
      : sql``;
    const inserted = await rows<{ seq: unknown }>(
      tx,
      sql`insert into audit_log (at, actor, action, object_type, object_id, before, after, ip, result, prev_hash, hash)
          select ${at.toISOString()}::timestamptz, ${e.actor}, ${e.action}, ${e.objectType}, ${e.objectId},
                 ${json(e.before)}::jsonb, ${json(e.after)}::jsonb, ${e.ip}, ${e.result}, ${prevHash}, ${hash}
          ${guard} returning seq`,
    );
    if (inserted.length === 0) return false;
    this.head = hash;
    return true;
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
