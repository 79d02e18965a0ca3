import { z } from 'zod';
import { activityTypes } from './activity-types.ts';
import { ZDate, ZId } from './common.ts';
import { ZOrgField, ZOrgLevel } from './enums.ts';
import { type TLedgerActivity, ZLedgerActivity, ZPointCategory, ZProblemDestination } from './ledger.ts';

/**
 * Contact points (联系点) with rotation and handover, and the one work log (工作日志) of activities.
 * Activities travel in the interchange form (`ZLedgerActivity`); the answers add what a page shows.
 */

export const ZActivityType = z.enum(activityTypes);

/** 问题清单 status: open → in_progress → resolved | escalated (e.g. a 两会 proposal). */
export const ZProblemStatus = z.enum(['open', 'in_progress', 'resolved', 'escalated']);
export type TProblemStatus = z.infer<typeof ZProblemStatus>;

/** One tenure (任期) of a contact point; rotation links a successor's tenure by `predecessorId`. */
export const ZContactPoint = z.object({
  id: ZId,
  cadreId: ZId.nullable(),
  cadreName: z.string().nullable(),
  /** decision 6: an organ holding the point instead of a cadre */
  holderOrgId: ZId.nullable(),
  holderOrgName: z.string().nullable(),
  orgId: ZId,
  orgName: z.string(),
  orgLevel: ZOrgLevel,
  /** 领域 of the 联系点登记表 (seed 003): the point organization's own field, not a copy */
  orgField: ZOrgField.nullable(),
  from: ZDate,
  to: ZDate.nullable(),
  category: ZPointCategory.nullable(),
  topic: z.string().nullable(),
  showcase: z.boolean(),
  predecessorId: ZId.nullable(),
  successorId: ZId.nullable(),
  /** the day it was entered on the 联系点登记表 (gd2006.registration); null while not registered */
  registeredOn: ZDate.nullable(),
});
export type TContactPoint = z.infer<typeof ZContactPoint>;

export const ZCreateContactPointRequest = z
  .object({
    cadreId: ZId.optional(),
    holderOrgId: ZId.optional(),
    orgId: ZId,
    from: ZDate,
    to: ZDate.nullable().optional(),
    category: ZPointCategory.optional(),
    topic: z.string().trim().max(200).optional(),
    showcase: z.boolean().optional(),
    /** 登记: the day it is entered on the 联系点登记表 */
    registeredOn: ZDate.optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.cadreId === undefined) === (v.holderOrgId === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['cadreId'],
        message: '须给出 cadreId 或 holderOrgId 之一 / give exactly one of cadreId and holderOrgId',
      });
    }
    if (v.to && v.to < v.from) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: '结束日期早于开始日期 / to is before from' });
    }
  });
export type TCreateContactPointRequest = z.infer<typeof ZCreateContactPointRequest>;

export const ZContactPointListQuery = z.object({ cadre: ZId.optional(), org: ZId.optional() });
export const ZContactPointList = z.object({ items: z.array(ZContactPoint) });

export const ZEndContactPointRequest = z.object({ to: ZDate });

/** 轮换: the tenure ends the day before `on`; the successor's starts on `on`. */
export const ZRotateContactPointRequest = z.object({
  successorCadreId: ZId,
  on: ZDate,
  /** 交接说明, written by the predecessor */
  handoverNote: z.string().trim().min(1, '交接说明不能为空 / handover note required').max(20_000),
});
export type TRotateContactPointRequest = z.infer<typeof ZRotateContactPointRequest>;
export const ZRotateContactPointResult = z.object({ predecessor: ZContactPoint, successor: ZContactPoint });

export const ZAttachment = z.object({
  id: ZId,
  activityId: ZId,
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
});
export type TAttachment = z.infer<typeof ZAttachment>;

/** A contact named in an activity: the name is masked unless the reader keeps the contact (decision 14). */
export const ZActivityContact = z.object({ id: ZId, name: z.string(), masked: z.boolean() });

export const ZActivityDetail = z.object({
  activity: ZLedgerActivity,
  cadreName: z.string(),
  /** 在途时间不计: a visit's length less its travel days; null for other types */
  onSiteDays: z.number().int().nullable(),
  contacts: z.array(ZActivityContact),
  attachments: z.array(ZAttachment),
  createdAt: z.string(),
});
export type TActivityDetail = z.infer<typeof ZActivityDetail>;

/** One line of a timeline or of the problem list. */
export const ZActivitySummary = z.object({
  id: ZId,
  type: ZActivityType,
  cadreId: ZId,
  cadreName: z.string(),
  pointId: ZId.nullable(),
  start: ZDate.nullable(),
  end: ZDate.nullable(),
  date: ZDate.nullable(),
  travelDays: z.number().int().nullable(),
  onSiteDays: z.number().int().nullable(),
  title: z.string().nullable(),
  status: z.string().nullable(),
  assignee: ZId.nullable(),
  dueOn: ZDate.nullable(),
  /** a problem followed to the end: where it went, the answer received, the reply given to the youth */
  passedTo: ZProblemDestination.nullable(),
  answer: z.string().nullable(),
  reply: z.string().nullable(),
  repliedOn: ZDate.nullable(),
  /** where a problem came from: `card` when a youth left it on a public card */
  origin: z.enum(['card']).nullable().optional(),
  contactIds: z.array(ZId),
  note: z.string().nullable(),
  attachmentCount: z.number().int(),
});
export type TActivitySummary = z.infer<typeof ZActivitySummary>;

/**
 * What an entry of the work log needs beyond its type's fields: a 谈心谈话 names at least one
 * contact, or is a group talk (集体谈话) with its head count. Field, Chinese and English.
 */
export function activityEntryProblems(a: {
  type: string;
  contacts?: readonly string[];
  attendees?: number;
}): { field: string; zh: string; en: string }[] {
  if (
    a.type === 'talk' &&
    (a.contacts ?? []).length === 0 &&
    !(a.attendees !== undefined && a.attendees >= 2)
  )
    return [
      {
        field: 'contacts',
        zh: '谈心谈话须点选至少一名联系青年，或填写集体谈话人数',
        en: 'a talk names at least one contact, or is a group talk with its head count',
      },
    ];
  return [];
}

type Loosened<T> = T extends unknown ? Omit<T, 'id' | 'cadre'> & { id?: string; cadre?: string } : never;
/** An activity of the interchange; `id` is generated when absent, `cadre` defaults to the caller's. */
export type TCreateActivityRequest = Loosened<TLedgerActivity>;
export const ZCreateActivityRequest = z
  .discriminatedUnion(
    'type',
    ZLedgerActivity.options.map((o) =>
      o.extend({ id: ZId.optional(), cadre: ZId.optional() }),
    ) as unknown as [(typeof ZLedgerActivity.options)[number], ...(typeof ZLedgerActivity.options)[number][]],
  )
  .superRefine((a, ctx) => {
    for (const p of activityEntryProblems(a as Parameters<typeof activityEntryProblems>[0]))
      ctx.addIssue({ code: 'custom', path: [p.field], message: `${p.zh} / ${p.en}` });
  }) as unknown as z.ZodType<TCreateActivityRequest>;

/**
 * A change to an activity: the given fields replace the stored ones (null removes an optional one),
 * then the whole record is validated again as its type requires. The type itself cannot change.
 */
export const ZUpdateActivityRequest = z.strictObject({
  contacts: z.array(ZId).optional(),
  point: ZId.nullable().optional(),
  note: z.string().max(20_000).nullable().optional(),
  start: ZDate.optional(),
  end: ZDate.optional(),
  travelDays: z.number().int().min(0).optional(),
  date: ZDate.nullable().optional(),
  audience: z.number().int().min(0).optional(),
  mode: z.string().optional(),
  channel: z.string().optional(),
  kind: z.string().optional(),
  outcome: z.string().optional(),
  title: z.string().nullable().optional(),
  status: z.string().optional(),
  org: ZId.optional(),
  attendees: z.number().int().min(0).nullable().optional(),
  assignee: ZId.nullable().optional(),
  dueOn: ZDate.nullable().optional(),
});
export type TUpdateActivityRequest = z.infer<typeof ZUpdateActivityRequest>;

const page = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
};

/** A timeline: one cadre's, one point tenure's, or one contact's activities, newest first. */
export const ZActivityListQuery = z.object({
  cadre: ZId.optional(),
  point: ZId.optional(),
  contact: ZId.optional(),
  ...page,
});

export const ZProblemListQuery = z.object({
  cadre: ZId.optional(),
  org: ZId.optional(),
  status: ZProblemStatus.optional(),
  ...page,
});

export const ZHandover = z.object({
  fromPointId: ZId,
  toPointId: ZId,
  fromCadreId: ZId.nullable(),
  toCadreId: ZId.nullable(),
  on: ZDate,
  note: z.string(),
});

/** 工作台账 of a point: every tenure of its chain the reader may see, its activities and handovers. */
export const ZPointLedger = z.object({
  point: ZContactPoint,
  tenures: z.array(ZContactPoint),
  handovers: z.array(ZHandover),
  activities: z.array(ZActivityDetail),
});
export type TPointLedger = z.infer<typeof ZPointLedger>;
