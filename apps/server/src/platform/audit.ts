import { type SQL, sql } from 'drizzle-orm';
import type { Clock } from './clock.ts';
import type { AuditMac } from './crypto.ts';
import { type Db, namedStatement, statementRows } from './db/client.ts';
import { auditChain, auditLog } from './db/schema.ts';

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
const param = (name: keyof AuditValues) => sql.placeholder(name);

/** What an audit row's statement is given: the row, the hash it follows and its own. */
interface AuditValues {
  at: string;
  actor: string;
  action: string;
  objectType: string | null;
  objectId: string | null;
  before: string | null;
  after: string | null;
  ip: string | null;
  result: string;
  prevHash: string;
  hash: string;
}

/**
 * The audit row as two CTEs of a statement: `chain` moves the chain's head from the hash the row
 * follows to its own (one row, or none when the head is elsewhere: another writer's row, a rolled
 * back transaction), `logged` inserts the row only when it did. The head's row lock orders writers
 * across app servers; READ COMMITTED rechecks the condition on the newest head after waiting.
 */
const chainCtes = sql`chain as (
    update audit_chain set last_hash = ${param('hash')} where id = 1 and last_hash = ${param('prevHash')} returning 1),
  logged as (
    insert into audit_log (at, actor, action, object_type, object_id, before, after, ip, result, prev_hash, hash)
    select ${param('at')}::timestamptz, ${param('actor')}, ${param('action')}, ${param('objectType')}, ${param('objectId')},
           ${param('before')}::jsonb, ${param('after')}::jsonb, ${param('ip')}, ${param('result')}, ${param('prevHash')}, ${param('hash')}
    from chain)`;

/**
 * A write that appends its own audit row in one statement: `ctes` follow the audit row's (their
 * writes select `from chain`, so they happen only when the row goes in, and must write all they
 * should or raise), `answer` is the select list of what the caller reads back. Autocommitted: a
 * write of one statement needs no transaction of its own.
 */
export function chainedStatement(name: string, change?: { ctes: SQL; answer: SQL }) {
  const ctes = change ? sql`${chainCtes}, ${change.ctes}` : chainCtes;
  const answer = change ? sql`, ${change.answer}` : sql``;
  return namedStatement(name, sql`with ${ctes} select (select count(*) from chain)::int as moved${answer}`);
}

/** The audit row alone, within a transaction or as a statement of its own. */
const appendStatement = chainedStatement('audit_append');

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

type ChainedStatement = ReturnType<typeof chainedStatement>;
const MAX_MISSES = 20;

function completed(entry: AuditEntry): Required<AuditEntry> {
  return { objectType: null, objectId: null, before: null, after: null, ip: null, result: 'ok', ...entry };
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
   * The chain's head as this process last moved or read it: the next row is MAC'd against it, and
   * its statement moves the head only from there. Another process's row, or a transaction rolled
   * back, only costs a miss: the head is read again and the row written again.
   */
  private head: string | null = null;
  /** This process's own-statement appends go one at a time: sent together, all but one would miss. */
  private turn: Promise<unknown> = Promise.resolve();

  /** Appends within the caller's transaction, so a change and its audit row land together. */
  async append(tx: Db, entry: AuditEntry): Promise<void> {
    const e = completed(entry);
    if (this.head !== null && (await this.attempt(tx, appendStatement, this.head, e, {}))) return;
    // locked until the transaction ends: the row cannot miss again
    const [head] = await tx.select({ hash: auditChain.lastHash }).from(auditChain).for('update');
    if (!(await this.attempt(tx, appendStatement, head?.hash ?? GENESIS, e, {})))
      throw new Error('audit chain: the head row is missing');
  }

  /**
   * Runs a chainedStatement outside any transaction with this entry as its audit row; answers the
   * statement's row. A miss changed nothing: the head is read again and the statement run again.
   */
  async write<T>(db: Db, statement: ChainedStatement, entry: AuditEntry, values: Record<string, unknown>) {
    const e = completed(entry);
    const run = async () => {
      for (let miss = 0; miss < MAX_MISSES; miss++) {
        const head = this.head ?? (await this.readHead(db));
        const row = await this.attempt<T>(db, statement, head, e, values);
        if (row) return row;
      }
      throw new Error(`audit chain: the head moved ${MAX_MISSES} times in a row`);
    };
    const done = this.turn.then(run, run);
    this.turn = done.catch(() => undefined);
    return done;
  }

  /** Outside any transaction: an audit row of its own (logins, denials). */
  async record(db: Db, entry: AuditEntry): Promise<void> {
    await this.write(db, appendStatement, entry, {});
  }

  /** Runs the statement with the row MAC'd after `prevHash`; its row when the head moved, else null. */
  private async attempt<T>(
    db: Db,
    statement: ChainedStatement,
    prevHash: string,
    e: Required<AuditEntry>,
    values: Record<string, unknown>,
  ): Promise<(T & { moved: number }) | null> {
    const at = this.clock.now();
    const hash = this.mac(auditRowText(prevHash, at, e));
    const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
    const audit: AuditValues = {
      ...e,
      at: at.toISOString(),
      before: json(e.before),
      after: json(e.after),
      prevHash,
      hash,
    };
    const [row] = await statementRows<T & { moved: number }>(statement(db).execute({ ...values, ...audit }));
    if (row?.moved) {
      this.head = hash;
      return row;
    }
    this.head = null;
    return null;
  }

  private async readHead(db: Db) {
    const [head] = await db.select({ hash: auditChain.lastHash }).from(auditChain);
    return head?.hash ?? GENESIS;
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
