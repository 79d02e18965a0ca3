import { z } from 'zod';
import { ZId } from './common.ts';
import { factBookSections } from './labels.ts';

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
