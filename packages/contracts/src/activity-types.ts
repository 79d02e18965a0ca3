/**
 * The one registry of activity types (工作记录的类型): per type its Chinese label, its tile on the
 * cadre's phone (记一笔), its icon, the hint of its note, and the compliance facts it feeds. Its
 * fields (the zod schema of its details) sit beside it in `activity-details.ts`, keyed by the same
 * names. Plain data without zod: the phone pages, the domain's facts and the server's SQL read it.
 *
 * A new kind of record is a new entry here, its schema in `activity-details.ts`, the rule that
 * counts it and their tests; the type checks and `activity-types.test.ts` refuse an entry with a
 * decision missing (ARCHITECTURE.md, "Adding an activity type").
 */

/**
 * What the compliance engine counts of an activity (packages/domain/src/compliance/facts.ts and the
 * server's facts SQL): a fact is fed by every type that names it in `feeds`.
 */
export const activityFacts = {
  lecture: '宣讲（团干部的宣讲次数，联系点任期内的宣讲）',
  visit: '走访（在基层的天数，联系点当年的走访）',
  live_with: '同吃同住同劳动（在基层的天数，联系点的驻点）',
  face_to_face: '与青年面对面（面对面联系的青年，每年有面对面交流）',
  grassroots_day: '在基层的一天（“4+1”每周一天）',
  talk: '谈心（谈过心的基层团干部和青年）',
  voice: '日常有声音（每月有线上或谈心联系）',
  event: '每季有活动',
  channel_use: '新媒体联系渠道的使用',
  research_report: '调研报告',
  problem: '问题清单',
  leader_meeting: '会见党政领导',
  work_item_done: '完成的工作项目',
  practical_help: '办实事（帮助过的青年）',
  article: '调研文章',
  system: '工作制度',
  open_day: '开放日（县级团委每季度）',
  posting_case: '下沉期间的典型案例',
} as const;
export type TActivityFact = keyof typeof activityFacts;

/** A fact fed by every record of the type, or only by those whose field has the value. */
export type TActivityFeed =
  | TActivityFact
  | { fact: TActivityFact; when: { field: 'mode' | 'status'; is: string } };

/** The icons a type may show on its tile; the web draws each with one antd icon (`activityIcons`). */
export type TActivityIcon =
  | 'comment'
  | 'environment'
  | 'message'
  | 'sound'
  | 'team'
  | 'gift'
  | 'alert'
  | 'home'
  | 'bank'
  | 'project'
  | 'star'
  | 'read'
  | 'profile'
  | 'audit'
  | 'calendar';

export interface ActivityTypeEntry {
  label: string;
  /** 记一笔: a big tile (`main`), behind 更多… (`more`), or not entered on the phone (`none`). */
  tile: 'main' | 'more' | 'none';
  icon: TActivityIcon;
  /** The hint in the note's empty box. */
  noteHint: string;
  /** The facts it feeds; an empty list says on purpose that no rule counts it. */
  feeds: readonly TActivityFeed[];
}

const faceToFaceTalk = { field: 'mode', is: 'face_to_face' } as const;

/** In the order of the phone's tiles, most used first. */
export const activityRegistry = {
  talk: {
    label: '谈心谈话',
    tile: 'main',
    icon: 'comment',
    noteHint: '谈了什么、青年有何思想动态和诉求',
    feeds: [
      'talk',
      'voice',
      { fact: 'face_to_face', when: faceToFaceTalk },
      { fact: 'grassroots_day', when: faceToFaceTalk },
    ],
  },
  visit: {
    label: '走访调研',
    tile: 'main',
    icon: 'environment',
    noteHint: '走访了哪里、见了谁、看到了什么',
    feeds: ['visit', 'face_to_face', 'grassroots_day'],
  },
  online: {
    label: '线上互动',
    tile: 'main',
    icon: 'message',
    noteHint: '交流了什么、是否需要跟进',
    feeds: ['voice', 'channel_use'],
  },
  lecture: {
    label: '宣讲/团课',
    tile: 'main',
    icon: 'sound',
    noteHint: '宣讲的主题、听众的反响',
    feeds: ['lecture', 'grassroots_day'],
  },
  event: {
    label: '青年活动',
    tile: 'main',
    icon: 'team',
    noteHint: '活动的名称、内容和参与情况',
    feeds: ['event', 'face_to_face', 'grassroots_day'],
  },
  practical_help: {
    label: '办实事',
    tile: 'main',
    icon: 'gift',
    noteHint: '办理的经过、还需哪些跟进',
    feeds: ['practical_help'],
  },
  problem: {
    label: '反映问题',
    tile: 'main',
    icon: 'alert',
    noteHint: '问题的详情、涉及的青年和诉求',
    feeds: ['problem'],
  },
  live_with: {
    label: '同吃同住同劳动',
    tile: 'more',
    icon: 'home',
    noteHint: '在哪里同吃同住同劳动、一起做了什么',
    feeds: ['live_with', 'face_to_face', 'grassroots_day'],
  },
  leader_meeting: {
    label: '会见党政领导',
    tile: 'more',
    icon: 'bank',
    noteHint: '会见了哪位领导、谈了哪些青年工作',
    feeds: ['leader_meeting'],
  },
  work_item: {
    label: '工作项目',
    tile: 'more',
    icon: 'project',
    noteHint: '项目的进展和下一步',
    feeds: [{ fact: 'work_item_done', when: { field: 'status', is: 'done' } }],
  },
  case: {
    label: '典型案例',
    tile: 'more',
    icon: 'star',
    noteHint: '案例的要点',
    feeds: ['posting_case'],
  },
  article: {
    label: '调研文章',
    tile: 'more',
    icon: 'read',
    noteHint: '文章的要点、发表在哪里',
    feeds: ['article'],
  },
  system: {
    label: '工作制度',
    tile: 'more',
    icon: 'profile',
    noteHint: '制度的要点、适用范围',
    feeds: ['system'],
  },
  research_report: {
    label: '调研报告',
    tile: 'more',
    icon: 'audit',
    noteHint: '报告的要点',
    feeds: ['research_report'],
  },
  open_day: {
    label: '开放日',
    tile: 'more',
    icon: 'calendar',
    noteHint: '开放日的安排和青年的反响',
    feeds: ['open_day'],
  },
} as const satisfies Record<string, ActivityTypeEntry>;

export type TActivityType = keyof typeof activityRegistry;

/** Every type, in the registry's order. */
export const activityTypes = Object.keys(activityRegistry) as [TActivityType, ...TActivityType[]];

/** The registry entry of a type, with its feeds widened to the one entry shape. */
export function activityEntry(type: TActivityType): ActivityTypeEntry {
  return activityRegistry[type];
}

/** The types of a tile group, in the registry's order. */
export function tileTypes(tile: ActivityTypeEntry['tile']): TActivityType[] {
  return activityTypes.filter((t) => activityEntry(t).tile === tile);
}

/** Who feeds a fact: each type, and the field value it needs when only some of its records count. */
export function feedersOf(
  fact: TActivityFact,
): { type: TActivityType; when?: { field: string; is: string } }[] {
  return activityTypes.flatMap((type) =>
    activityEntry(type).feeds.flatMap((f) => {
      if (f === fact) return [{ type }];
      if (typeof f === 'object' && f.fact === fact) return [{ type, when: f.when }];
      return [];
    }),
  );
}

/** Does this record feed the fact? `record` is the activity's type and the fields a feed may ask of. */
export function feeds(
  record: { type: string; mode?: string; status?: string },
  fact: TActivityFact,
): boolean {
  const entry = (activityRegistry as Record<string, ActivityTypeEntry>)[record.type];
  return (entry?.feeds ?? []).some((f) =>
    typeof f === 'string' ? f === fact : f.fact === fact && record[f.when.field] === f.when.is,
  );
}
