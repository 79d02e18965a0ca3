import { z } from 'zod';
import { paged, ZId, ZIdNumber, ZMobile } from './common.ts';
import { ZOrgField } from './enums.ts';
import { ZContactRole, ZContactTag } from './ledger.ts';

/**
 * 联系青年 ("1+100", mz2016.one_plus_100). Phone, ID number and the WeChat / QQ / Weibo handles are
 * personal data: encrypted at rest, masked in every answer; only a reveal (audited) shows them.
 */

/** 微信号 / QQ 号 / 微博账号: stored encrypted together, never in clear outside a reveal. */
export const ZContactChannels = z.strictObject({
  wechat: z.string().trim().min(1).max(100).optional(),
  qq: z.string().trim().min(1).max(100).optional(),
  weibo: z.string().trim().min(1).max(100).optional(),
});
export type TContactChannels = z.infer<typeof ZContactChannels>;

/** A contact in a cadre's list: `key` is whether the person is a key, paired contact (结对) of that cadre. */
export const ZContactListItem = z.object({
  id: ZId,
  name: z.string(),
  role: ZContactRole,
  field: ZOrgField.nullable(),
  unit: z.string().nullable(),
  tags: z.array(ZContactTag),
  key: z.boolean(),
  phoneMasked: z.string().nullable(),
  keeperCount: z.number().int(),
  /** kept by 3 or more cadres (mz2016.no_over_contact: the same few are not contacted over and over) */
  overContacted: z.boolean(),
  /** under 18 at today's China date, by the ID number's date of birth */
  minor: z.boolean(),
});
export type TContactListItem = z.infer<typeof ZContactListItem>;

/** 1+100 progress of one cadre: contacts kept against the target of mz2016.one_plus_100 (100 or 10). */
export const ZContactProgress = z.object({
  cadreId: ZId,
  count: z.number().int(),
  target: z.number().int(),
});

export const ZContactList = paged(ZContactListItem).extend({ progress: ZContactProgress });
export type TContactList = z.infer<typeof ZContactList>;

export const ZContactKeeper = z.object({
  cadreId: ZId,
  cadreName: z.string(),
  key: z.boolean(),
});

export const ZContact = z.object({
  id: ZId,
  name: z.string(),
  role: ZContactRole,
  field: ZOrgField.nullable(),
  unit: z.string().nullable(),
  tags: z.array(ZContactTag),
  phoneMasked: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  /** whether WeChat / QQ / Weibo handles are on file (shown only through a reveal) */
  hasChannels: z.boolean(),
  keepers: z.array(ZContactKeeper),
  keeperCount: z.number().int(),
  overContacted: z.boolean(),
  minor: z.boolean(),
});
export type TContact = z.infer<typeof ZContact>;

export const ZContactListQuery = z.object({
  /** whose list; the caller's own cadre when absent */
  cadre: ZId.optional(),
  /** part of the name, or a full mobile number */
  q: z.string().trim().max(50).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
});

export const ZCreateContactRequest = z.object({
  /** the cadre who keeps the person; the caller's own cadre when absent */
  cadreId: ZId.optional(),
  name: z.string().trim().min(1, '姓名必填 / name required').max(50),
  role: ZContactRole,
  field: ZOrgField.optional(),
  unit: z.string().trim().max(100).optional(), // 学习工作单位
  tags: z.array(ZContactTag).max(5).optional(),
  key: z.boolean().optional(),
  phone: ZMobile.optional(),
  idNumber: ZIdNumber.optional(),
  channels: ZContactChannels.optional(),
});
export type TCreateContactRequest = z.infer<typeof ZCreateContactRequest>;

/** Person fields only; null clears one. The key flag changes through `POST /contacts/:id/keepers`. */
export const ZUpdateContactRequest = z.object({
  name: z.string().trim().min(1).max(50).optional(),
  role: ZContactRole.optional(),
  field: ZOrgField.nullable().optional(),
  unit: z.string().trim().max(100).nullable().optional(),
  tags: z.array(ZContactTag).max(5).optional(),
  phone: ZMobile.nullable().optional(),
  idNumber: ZIdNumber.nullable().optional(),
  channels: ZContactChannels.nullable().optional(),
});
export type TUpdateContactRequest = z.infer<typeof ZUpdateContactRequest>;

/** Adds a cadre as keeper of an existing contact (the merge offered on a 409), or sets their key flag. */
export const ZAddKeeperRequest = z.object({
  cadreId: ZId.optional(),
  key: z.boolean().optional(),
});
export type TAddKeeperRequest = z.infer<typeof ZAddKeeperRequest>;

export const ZRevealRequest = z.object({
  reason: z.string().trim().min(2, '请说明查看原因 / give a reason').max(200),
});

export const ZContactReveal = z.object({
  phone: z.string().nullable(),
  idNumber: z.string().nullable(),
  channels: ZContactChannels.nullable(),
});
export type TContactReveal = z.infer<typeof ZContactReveal>;

export const ZOverContactedQuery = z.object({ org: ZId.optional() });

export const ZOverContacted = z.object({
  org: ZId,
  items: z.array(
    z.object({
      id: ZId,
      name: z.string(),
      role: ZContactRole,
      field: ZOrgField.nullable(),
      phoneMasked: z.string().nullable(),
      /** keepers among the cadres of the organization subtree */
      keeperCount: z.number().int(),
      keepers: z.array(z.object({ cadreId: ZId, cadreName: z.string() })),
    }),
  ),
});
export type TOverContacted = z.infer<typeof ZOverContacted>;
