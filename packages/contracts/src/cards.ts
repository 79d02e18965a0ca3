import { z } from 'zod';
import { ZId, ZMobile } from './common.ts';

/**
 * 联系名片 (a cadre's or a contact point's public card, decision 31) and what youths send through
 * it: messages and problems with a code to read the reply, and ratings (满意度).
 */

/** What the card shows, as its owner chose; anything not switched on is never sent to a visitor. */
export const ZCardShows = z.strictObject({
  name: z.boolean(),
  post: z.boolean(),
  org: z.boolean(),
  points: z.boolean(),
  workPhone: z.boolean(),
  wechat: z.boolean(),
  hours: z.boolean(),
});
export type TCardShows = z.infer<typeof ZCardShows>;

const shortText = (max: number) => z.string().trim().max(max);

/** The owner's settings: on/off, what shows, and the published words (a work phone, not a private one). */
export const ZCardSettings = z.strictObject({
  enabled: z.boolean(),
  shows: ZCardShows,
  post: shortText(50).nullable(),
  workPhone: z
    .string()
    .trim()
    .regex(/^[\d\s()+-]{5,20}$/, '工作电话应为 5–20 位数字 / a work phone of 5–20 digits')
    .nullable(),
  wechat: shortText(40).nullable(),
  hours: shortText(100).nullable(),
});
export type TCardSettings = z.infer<typeof ZCardSettings>;

/** The card as its owner and admins see it. `url` is the full address to share or print. */
export const ZCard = ZCardSettings.extend({
  id: ZId,
  cadreId: ZId.nullable(),
  pointId: ZId.nullable(),
  url: z.string(),
});
export type TCard = z.infer<typeof ZCard>;

/** The card as a visitor sees it: only the fields switched on (absent otherwise). */
export const ZPublicCard = z.object({
  kind: z.enum(['cadre', 'point']),
  name: z.string().optional(),
  post: z.string().optional(),
  org: z.string().optional(),
  points: z.array(z.string()).optional(),
  workPhone: z.string().optional(),
  wechat: z.string().optional(),
  hours: z.string().optional(),
});
export type TPublicCard = z.infer<typeof ZPublicCard>;

/** Text a youth types: trimmed, not blank. */
const said = (max: number) =>
  z.string().trim().min(1, '请填写内容 / required').max(max, `最多 ${max} 字 / at most ${max} characters`);

/**
 * A message (留言) or a problem (反映问题) left on a card. No ID number is asked; a phone only if
 * offered (stored encrypted, shown masked to the cadre).
 */
export const ZCardMessageRequest = z.strictObject({
  kind: z.enum(['message', 'problem']),
  text: said(1000),
  caller: shortText(20).optional(),
  phone: ZMobile.optional(),
});
export type TCardMessageRequest = z.infer<typeof ZCardMessageRequest>;

/** The code to read the reply later on the same card (shown once; only its keyed hash is kept). */
export const ZCardMessageReceipt = z.object({ code: z.string() });

export const ZCardCode = z.strictObject({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[2-9A-HJ-NP-Z]{8}$/, '查询码为 8 位字母数字 / the code has 8 letters and digits'),
});

/** What a youth reads by code: their own words back, where it stands, and the reply. */
export const ZCardMessageFollow = z.object({
  kind: z.enum(['message', 'problem']),
  text: z.string(),
  status: z.enum(['open', 'in_progress', 'resolved', 'escalated']),
  createdOn: z.string(),
  reply: z.string().nullable(),
  repliedOn: z.string().nullable(),
  rated: z.boolean(),
});
export type TCardMessageFollow = z.infer<typeof ZCardMessageFollow>;

/** 满意度 after a contact: 1–5 and a line; with the code of a message, it rates that contact. */
export const ZCardRatingRequest = z.strictObject({
  score: z.number().int().min(1, '评分为 1–5 / 1 to 5').max(5, '评分为 1–5 / 1 to 5'),
  comment: shortText(100).optional(),
  code: ZCardCode.shape.code.optional(),
});
export type TCardRatingRequest = z.infer<typeof ZCardRatingRequest>;

/** A card message as the cadre sees it beside the problem (phone masked). */
export const ZCardMessage = z.object({
  id: ZId,
  activityId: ZId,
  kind: z.enum(['message', 'problem']),
  caller: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  reply: z.string().nullable(),
  repliedAt: z.string().nullable(),
});
export type TCardMessage = z.infer<typeof ZCardMessage>;

export const ZCardReplyRequest = z.strictObject({ reply: said(1000) });

/**
 * 满意度 and the messages a cadre's cards brought in, as the cadre and the admins over them see
 * them: counts, the mean score, and the latest lines the youths wrote (never who wrote them).
 */
export const ZCardFeedback = z.object({
  cadreId: ZId,
  ratings: z.number(),
  /** mean score 1–5, one decimal; null without ratings */
  average: z.number().nullable(),
  /** how many ratings gave 1, 2, 3, 4 and 5 */
  scores: z.array(z.number()).length(5),
  messages: z.number(),
  replied: z.number(),
  recent: z.array(z.object({ id: ZId, score: z.number(), comment: z.string(), ratedOn: z.string() })),
});
export type TCardFeedback = z.infer<typeof ZCardFeedback>;
