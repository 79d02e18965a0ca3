import { z } from 'zod';
import { paged, ZDate, ZId, ZIdNumber, ZMobile } from './common.ts';
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

/**
 * An under-14's guardian's consent (PIPL art. 31; decision 27), recorded before a phone, ID number
 * or handle of theirs is stored: who gave it, their relation, when and how.
 */
export const ZGuardianConsent = z.object({
  guardian: z.string().trim().min(1, '监护人姓名必填 / guardian required').max(50),
  relation: z.string().trim().min(1, '与本人关系必填 / relation required').max(20),
  on: ZDate,
  method: z.enum(['written', 'electronic', 'oral']),
});
export type TGuardianConsent = z.infer<typeof ZGuardianConsent>;

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
  /** under 14 by the ID number: personal data is stored only with a guardian's consent */
  under14: z.boolean(),
  /** the consent on record (the guardian's name only through a reveal) */
  guardianConsent: ZGuardianConsent.omit({ guardian: true }).nullable(),
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
  guardianConsent: ZGuardianConsent.optional(),
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
  guardianConsent: ZGuardianConsent.optional(),
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
  guardian: z.string().nullable(),
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

/**
 * Asking to keep a person already on file outside the caller's reach (decision 26): named by the
 * phone or ID number the cadre holds, never by an id they could not have seen.
 */
export const ZKeeperRequestCreate = z
  .object({
    /** the cadre who would keep the person; the caller's own cadre when absent */
    cadreId: ZId.optional(),
    phone: ZMobile.optional(),
    idNumber: ZIdNumber.optional(),
    note: z.string().trim().max(200).optional(),
  })
  .refine((r) => r.phone !== undefined || r.idNumber !== undefined, {
    message: '请填写手机号码或身份证号码 / phone or ID number required',
    path: ['phone'],
  });
export type TKeeperRequestCreate = z.infer<typeof ZKeeperRequestCreate>;

export const ZKeeperRequestStatus = z.enum(['pending', 'approved', 'rejected']);

/** What the asking cadre learns: that the request is on file and its state, nothing of the person. */
export const ZKeeperRequestReceipt = z.object({
  id: ZId,
  status: ZKeeperRequestStatus,
  createdAt: z.string(),
});
export type TKeeperRequestReceipt = z.infer<typeof ZKeeperRequestReceipt>;

/** A request as its deciders see it: the person masked, the keepers they are admins over. */
export const ZKeeperRequest = ZKeeperRequestReceipt.extend({
  cadreId: ZId,
  cadreName: z.string(),
  contactId: ZId,
  contactName: z.string(),
  phoneMasked: z.string().nullable(),
  keepers: z.array(z.object({ cadreId: ZId, cadreName: z.string() })),
  requestedBy: z.string(),
  note: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type TKeeperRequest = z.infer<typeof ZKeeperRequest>;

export const ZKeeperRequestQuery = z.object({
  org: ZId.optional(),
  status: ZKeeperRequestStatus.default('pending'),
});
export const ZKeeperRequestList = z.object({ items: z.array(ZKeeperRequest) });
export const ZKeeperRequestDecision = z.object({ approve: z.boolean() });

/** 未成年人信息查看记录: every reveal of a minor's data under an organization (decision 27). */
export const ZMinorAccessQuery = z.object({
  org: ZId.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const ZMinorAccess = paged(
  z.object({
    at: z.string(),
    actor: z.string(),
    contactId: ZId,
    contactName: z.string(),
    reason: z.string().nullable(),
    basis: z.string().nullable(),
  }),
);
export type TMinorAccess = z.infer<typeof ZMinorAccess>;
