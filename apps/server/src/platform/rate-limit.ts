import { sql } from 'drizzle-orm';
import { type Db, rows } from './db/client.ts';
import { AppError } from './errors.ts';

export interface RateLimit {
  /** hits allowed per window */
  max: number;
  windowSeconds: number;
}

/**
 * Counts one hit of `bucket` in the current fixed window and refuses (429) past `limit.max`.
 * The count lives in `public_rate_limits`, so every app server in front of one database counts
 * the same hits; one upsert per hit, atomic under concurrency. Windows older than a day are
 * dropped when a new window opens.
 */
export async function hit(db: Db, bucket: string, limit: RateLimit, now: Date): Promise<void> {
  const windowMs = limit.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const [row] = await rows<{ hits: number }>(
    db,
    sql`insert into public_rate_limits (bucket, window_start, hits) values (${bucket}, ${windowStart}, 1)
        on conflict (bucket, window_start) do update set hits = public_rate_limits.hits + 1
        returning hits`,
  );
  const hits = Number(row?.hits ?? 0);
  if (hits === 1) {
    const dayAgo = new Date(now.getTime() - 86_400_000);
    await db.execute(sql`delete from public_rate_limits where window_start < ${dayAgo}`);
  }
  if (hits > limit.max) {
    const minutes = Math.max(1, Math.round(limit.windowSeconds / 60));
    throw new AppError(
      'rate_limited',
      `Too many requests: at most ${limit.max} in ${minutes} minutes; try again later`,
      `操作过于频繁：${minutes} 分钟内最多 ${limit.max} 次，请稍后再试`,
    );
  }
}
