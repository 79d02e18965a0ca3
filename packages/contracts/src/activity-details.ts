import { z } from 'zod';
import { activityTypes, type TActivityType } from './activity-types.ts';
import { ZDate, ZId } from './common.ts';

/**
 * The fields of each activity type in the interchange (`lianxin-ledger/1`), beside the fields
 * every record has: the schema half of the registry in `activity-types.ts` (zod stays off the phone).
 */

/** Where a problem was passed (seed 004 细则四.4): a committee above, a Party or government department, a 两会 proposal. */
export const ZProblemDestination = z.enum(['committee', 'party_government', 'two_sessions']);
export type TProblemDestination = z.infer<typeof ZProblemDestination>;

const common = {
  id: ZId,
  cadre: ZId,
  contacts: z.array(ZId).optional(),
  point: ZId.optional(),
  note: z.string().max(20_000).optional(),
};
const dated = { ...common, date: ZDate };
const titled = { ...dated, title: z.string().min(1).max(200) };

export const activityDetails = {
  talk: {
    ...dated,
    mode: z.enum(['face_to_face', 'phone', 'online']),
    // extension: 集体谈话, a group talk with its head count (the youths need not be named one by one)
    attendees: z.number().int().min(2).max(10_000).optional(),
  },
  visit: { ...common, start: ZDate, end: ZDate, travelDays: z.number().int().min(0) },
  online: { ...dated, channel: z.enum(['wechat', 'qq', 'weibo', 'phone', 'other']) },
  lecture: { ...dated, audience: z.number().int().min(0) },
  event: { ...dated, kind: z.enum(['culture_sports', 'social', 'skills', 'volunteer', 'other']) },
  practical_help: { ...dated, outcome: z.string().min(1).max(2000) },
  problem: {
    ...dated,
    status: z.enum(['open', 'in_progress', 'resolved', 'escalated']),
    // extensions: the problem list (问题清单)
    title: z.string().max(200).optional(),
    assignee: ZId.optional(),
    dueOn: ZDate.optional(),
    // extensions: followed to the end (seed 004): where it was passed, the answer, the reply to the youth
    passedTo: ZProblemDestination.optional(),
    passedToOrg: ZId.optional(),
    passedToUnit: z.string().min(1).max(200).optional(),
    passedOn: ZDate.optional(),
    answer: z.string().min(1).max(5000).optional(),
    answeredOn: ZDate.optional(),
    reply: z.string().min(1).max(5000).optional(),
    repliedOn: ZDate.optional(),
    // extension: where the problem came from — `card`: a youth left it on a public card
    origin: z.enum(['card']).optional(),
  },
  live_with: { ...common, start: ZDate, end: ZDate },
  leader_meeting: { ...dated },
  work_item: {
    ...common,
    title: z.string().min(1).max(200),
    status: z.enum(['planned', 'in_progress', 'done']),
    date: ZDate.optional(),
  },
  case: { ...titled },
  article: { ...titled },
  system: { ...titled },
  research_report: { ...titled },
  open_day: { ...dated, org: ZId, attendees: z.number().int().min(0) },
} as const satisfies Record<TActivityType, z.ZodRawShape>;

/** One type's record: its fields and its `type` literal, strict (an unknown field is refused). */
function variant<T extends TActivityType>(type: T) {
  return z.strictObject({ ...activityDetails[type], type: z.literal(type) });
}
type Variant = { [T in TActivityType]: ReturnType<typeof variant<T>> }[TActivityType];

export const ZLedgerActivity = z.discriminatedUnion(
  'type',
  activityTypes.map(variant) as unknown as readonly [Variant, ...Variant[]],
);

/** Does a type's record carry the field? (`start`: it spans days; `travelDays`: a visit's travel.) */
export function hasField(type: string, field: string): boolean {
  const shape = (activityDetails as Record<string, z.ZodRawShape | undefined>)[type];
  return shape !== undefined && Object.hasOwn(shape, field);
}
