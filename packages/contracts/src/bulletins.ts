import { z } from 'zod';
import { ZDate, ZId } from './common.ts';

/**
 * 通报 (seed 004 五.3 定期公布; seed 001): a level's monthly, quarterly or half-yearly bulletin on its
 * lower organizations, generated from the compliance rules on request (never stored).
 */
export const ZBulletinPeriod = z.enum(['month', 'quarter', 'half']);
export type TBulletinPeriod = z.infer<typeof ZBulletinPeriod>;

export const ZBulletinQuery = z.object({
  period: ZBulletinPeriod,
  year: z.coerce.number().int().min(2000).max(2100),
  /** 1–12 (month), 1–4 (quarter), 1–2 (half) */
  index: z.coerce.number().int().min(1).max(12),
});
export type TBulletinQuery = z.infer<typeof ZBulletinQuery>;

const ZCounts = z.object({
  met: z.number(),
  unmet: z.number(),
  in_progress: z.number(),
  exempt: z.number(),
  not_applicable: z.number(),
  total: z.number(),
});

export const ZRankingSwitches = z.object({
  /** rank the lower organizations by 达标率 */
  rankOrgs: z.boolean(),
  /** rank individual cadres (the 2024 rules against formalism discourage it: off by default) */
  rankCadres: z.boolean(),
});
export type TRankingSwitches = z.infer<typeof ZRankingSwitches>;

export const ZBulletinSettings = ZRankingSwitches.extend({
  orgId: ZId,
  /** the organization whose switches are in force (this level or the nearest above that set them) */
  setAt: ZId.nullable(),
  setAtName: z.string().nullable(),
});
export type TBulletinSettings = z.infer<typeof ZBulletinSettings>;

export const ZBulletin = z.object({
  org: z.object({ id: ZId, name: z.string() }),
  period: ZBulletinPeriod,
  year: z.number(),
  index: z.number(),
  label: z.string(),
  from: ZDate,
  to: ZDate,
  /** the span's last day, or today while it is still running (截至) */
  asOf: ZDate,
  final: z.boolean(),
  switches: ZRankingSwitches,
  rows: z.array(
    z.object({
      orgId: ZId,
      name: z.string(),
      cadres: z.number(),
      counts: ZCounts,
      rate: z.number().nullable(),
      coverage: z.object({ covered: z.number(), total: z.number(), rate: z.number().nullable() }),
      rank: z.number().optional(),
    }),
  ),
  rules: z.array(
    z.object({ rule: z.string(), text: z.string(), counts: ZCounts, rate: z.number().nullable() }),
  ),
  cadreRanking: z
    .array(
      z.object({
        cadreId: ZId,
        name: z.string(),
        orgName: z.string(),
        rate: z.number().nullable(),
        rank: z.number(),
      }),
    )
    .optional(),
});
export type TBulletin = z.infer<typeof ZBulletin>;
