import { z } from 'zod';
import { ZDate, ZId } from './common.ts';

/**
 * 表彰与处理 of a cadre: 表彰奖励 for those who went deep and got work done, 严肃处理 (问责、处分) for
 * those whose work was not real (seed 002 四.4; seeds 003 and 004 name 评先表彰 and 通报).
 */
export const ZConductKind = z.enum(['commendation', 'discipline']);
export type TConductKind = z.infer<typeof ZConductKind>;

export const conductKindLabels: Record<TConductKind, string> = {
  commendation: '表彰',
  discipline: '处理',
};

export const ZConductRecord = z.object({
  id: ZId,
  cadreId: ZId,
  kind: ZConductKind,
  /** what was given or imposed: 优秀共青团干部, 通报批评, 诫勉谈话 … */
  title: z.string(),
  decidedOn: ZDate,
  /** the deciding body, as named on the decision */
  issuedBy: z.string(),
  /** 文号 */
  documentNo: z.string().nullable(),
  reason: z.string().nullable(),
  recordedBy: z.string(),
});
export type TConductRecord = z.infer<typeof ZConductRecord>;

export const ZConductRecordList = z.object({ items: z.array(ZConductRecord) });
export type TConductRecordList = z.infer<typeof ZConductRecordList>;

export const ZCreateConductRecord = z.object({
  kind: ZConductKind,
  title: z.string().trim().min(2, '名称至少 2 个字 / title too short').max(100),
  decidedOn: ZDate,
  issuedBy: z.string().trim().min(2, '请填写决定机关 / issuing body required').max(100),
  documentNo: z.string().trim().max(100).nullable().optional(),
  reason: z.string().trim().max(2000).nullable().optional(),
});
export type TCreateConductRecord = z.infer<typeof ZCreateConductRecord>;
