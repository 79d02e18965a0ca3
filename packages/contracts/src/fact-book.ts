import { z } from 'zod';
import { ZDate, ZId } from './common.ts';
import { conductKinds, factBookSections } from './labels.ts';

export const ZFactBookSection = z.enum(factBookSections);

/** One version of a section: what it said, who wrote it, when, under which tenure. */
export const ZFactBookVersion = z.object({
  id: ZId,
  section: ZFactBookSection,
  text: z.string(),
  pointId: ZId,
  writtenBy: z.string(),
  writtenAt: z.string(),
});
export type TFactBookVersion = z.infer<typeof ZFactBookVersion>;

/**
 * 明白帐 of a point as a reader of the tenure sees it: per section the newest version over the
 * tenures of the chain they read (the predecessor's included), and every earlier version.
 */
export const ZFactBook = z.object({
  pointId: ZId,
  /** whether the reader may add a version (the holder of the open tenure, or an admin over them) */
  editable: z.boolean(),
  sections: z.array(
    z.object({
      section: ZFactBookSection,
      current: ZFactBookVersion.nullable(),
      history: z.array(ZFactBookVersion),
    }),
  ),
});
export type TFactBook = z.infer<typeof ZFactBook>;

export const ZFactBookUpdate = z.object({
  section: ZFactBookSection,
  text: z.string().trim().min(1, '内容不能为空 / text required').max(20_000),
});

export const ZConductKind = z.enum(conductKinds);

/** 奖惩: a commendation or discipline of a cadre, recorded by an admin over them. */
export const ZConductInput = z.object({
  kind: ZConductKind,
  title: z.string().trim().min(1, '名称不能为空 / title required').max(200),
  issuedBy: z.string().trim().min(1, '须写明作出单位 / issuing body required').max(100),
  on: ZDate,
  note: z.string().trim().max(2000).nullable().optional(),
});
export const ZConductRecord = ZConductInput.extend({
  id: ZId,
  cadreId: ZId,
  note: z.string().nullable(),
  recordedBy: z.string(),
});
export type TConductRecord = z.infer<typeof ZConductRecord>;
export const ZConductList = z.object({ items: z.array(ZConductRecord) });
