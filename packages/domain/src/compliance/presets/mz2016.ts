import type { PresetDef, RuleDef } from '../rule.ts';

const preset = 'meizhou-2016-direct-contact' as const;
const allRanks = {
  kind: 'applies_to',
  value: ['secretariat', 'bureau', 'division', 'deputy_division', 'section', 'staff'],
} as const;
const organCadres = { kind: 'applies_to', value: ['full_time', 'seconded'] } as const;

const rules: RuleDef[] = [
  {
    id: 'mz2016.one_plus_100',
    preset,
    subject: 'cadre',
    period: 'as_of',
    describe: {
      zh: '“1+100”：专职、挂职干部和县级（含）以上团的领导机关兼职干部经常性联系不少于 100 名团员青年；其他兼职团干部不少于 10 名。',
      en: '1+100: full-time and seconded cadres, and part-time cadres of county-level and higher leading organs, keep regular contact with at least 100 people; other part-time cadres at least 10.',
    },
    // 其他兼职团干部 are the part-time cadres of grassroots organizations, hence the grassroots level.
    params: {
      people: { kind: 'floor', value: 100, unit: 'people' },
      otherPartTimePeople: { kind: 'floor', value: 10, unit: 'people' },
      orgLevels: { kind: 'applies_to', value: ['prefecture', 'county', 'grassroots'] },
      employment: { kind: 'applies_to', value: ['full_time', 'seconded', 'part_time'] },
    },
  },
  {
    id: 'mz2016.fields',
    preset,
    subject: 'cadre',
    period: 'as_of',
    describe: {
      zh: '联系对象覆盖企业、农村、机关、学校、街道、青年社会组织、新媒体等领域中的至少 4 个。',
      en: 'A cadre’s contacts span at least 4 of the 7 fields (enterprise, rural, organ, school, community, social organization, new media).',
    },
    params: {
      fields: { kind: 'floor', value: 4, unit: 'fields' },
      of: {
        kind: 'fixed',
        value: ['enterprise', 'rural', 'organ', 'school', 'community', 'social_org', 'new_media'],
      },
    },
  },
  {
    id: 'mz2016.no_over_contact',
    preset,
    subject: 'org',
    period: 'as_of',
    describe: {
      zh: '避免对少部分人过多的重复联系：列出本组织 3 名以上干部共同联系的青年（提示，不计入考核）。',
      en: 'The same few youths are not contacted over and over: youths kept by 3 or more cadres of one organization are listed (advisory, not graded).',
    },
    // Per organization whose own cadres keep contacts; a lower ceiling flags more youths.
    params: {
      maxCadres: { kind: 'ceiling', value: 2, unit: 'cadres' },
      graded: { kind: 'graded', value: false },
    },
  },
  {
    id: 'mz2016.eight_plus_four',
    preset,
    subject: 'org',
    period: 'year',
    describe: {
      zh: '“8+4”：县（市、区）团委每年分 4 批、每批选派 1/4 的干部，每组 2—3 人，派驻辖内基层团组织。',
      en: '8+4: county committees send 1/4 of their staff per batch, 4 batches a year, in groups of 2 to 3, to grassroots organizations.',
    },
    // Decision 12: the same postings as seed 002 with other parameters. `actual` counts the
    // year's batches that sent their share in groups of the right size.
    // A batch counts once it has started in the year; its share is floor(staff × 1/4), staff being the
    // county committee's 在编 (full-time) cadres. Batches not yet sent keep the result in progress.
    params: {
      batches: { kind: 'floor', value: 4, unit: 'count' },
      share: { kind: 'fraction', value: 0.25 },
      staffEmployment: { kind: 'fixed', value: ['full_time'] },
      groupSize: { kind: 'band', min: 2, max: 3, unit: 'cadres' },
    },
  },
  {
    id: 'mz2016.four_plus_one',
    preset,
    subject: 'cadre',
    period: 'year',
    describe: {
      zh: '“4+1”：县（市、区）团委机关干部每周至少 1 天到基层青少年中工作。',
      en: '4+1: county committee organ cadres spend at least 1 day a week among grassroots youth.',
    },
    // A week (Monday to Sunday, its Monday in the year) counts when a visit or stay covers one of
    // its days, or an event, face-to-face talk or lecture falls in it. Only finished weeks are asked.
    params: {
      daysPerWeek: { kind: 'fixed', value: 1 },
      orgLevels: { kind: 'applies_to', value: ['county'] },
      employment: organCadres,
    },
  },
  {
    id: 'mz2016.open_day',
    preset,
    subject: 'org',
    period: 'year',
    describe: {
      zh: '各县（市、区）团委每季度举办专题开放日，邀请不少于 50 名普通团员青年走进机关。',
      en: 'Each county committee holds an open day every quarter with at least 50 ordinary youths.',
    },
    params: {
      attendees: { kind: 'floor', value: 50, unit: 'people' },
      quarters: { kind: 'fixed', value: 4 },
    },
  },
  {
    id: 'mz2016.rhythm',
    preset,
    subject: 'cadre',
    period: 'year',
    describe: {
      zh: '“日常有声音、每季有活动、每年有面对面交流”：每位联系对象每月有线上或谈心联系，每季度有活动，每年有面对面交流。',
      en: 'For each contact: an online or talk contact every month so far, an event every quarter so far, and a face-to-face meeting in the year.',
    },
    // "So far" means finished spans of the year; the face-to-face meetings are owed by 31 December.
    params: {
      // 日常有声音: an online or talk contact in every span of this many months (每月)
      voiceEveryMonths: { kind: 'ceiling', value: 1, unit: 'months' },
      // 每季有活动: an event in every span of this many months (每季)
      eventEveryMonths: { kind: 'ceiling', value: 3, unit: 'months' },
      // 每年有面对面交流: face-to-face meetings in the year
      faceToFacePerYear: { kind: 'floor', value: 1, unit: 'count' },
    },
  },
  {
    id: 'mz2016.channel',
    preset,
    subject: 'cadre',
    period: 'year',
    describe: {
      zh: '每名团干部至少使用微信、QQ、微博中的一种媒体开展联系工作，并实名注册。',
      en: 'Each cadre uses at least one of WeChat, QQ or Weibo for contact, under a real-name account.',
    },
    // The ledger does not hold accounts: an `online` activity on one of the three in the year shows the use.
    params: { channels: { kind: 'fixed', value: ['wechat', 'qq', 'weibo'] } },
  },
  {
    id: 'mz2016.problem_list',
    preset,
    subject: 'cadre',
    period: 'year',
    describe: {
      zh: '定期梳理所联系青年的困惑、困难和意见建议，形成问题清单，普遍性问题反映给党政领导或职能部门。',
      en: 'Problems and suggestions from contacts are gathered into a problem list and acted on; general ones are passed to Party/government.',
    },
    // At least 1 problem gathered in the year, and by 31 December none left `open` (untouched).
    params: { problems: { kind: 'floor', value: 1, unit: 'count' } },
  },
  {
    id: 'mz2016.needy_pairs',
    preset,
    subject: 'cadre',
    period: 'as_of',
    describe: {
      zh: '组织引导所联系的团员青年与困难青少年（非户籍常住、贫困家庭、留守儿童、残疾青少年）结对帮扶。',
      en: 'Contacted youths are paired with needy youths (non-local, poor families, left-behind children, disabled youth).',
    },
    // The seed gives no number: at least 1 needy youth among the cadre's contacts.
    params: { youths: { kind: 'floor', value: 1, unit: 'people' } },
  },
  {
    id: 'mz2016.half_year_report',
    preset,
    subject: 'org',
    period: 'year',
    describe: {
      zh: '各县（市、区）团委每半年向团市委报告一次工作情况。',
      en: 'Each county committee reports progress to the city every half year.',
    },
    params: {
      firstBy: { kind: 'deadline', value: '06-30' },
      secondBy: { kind: 'deadline', value: '12-31' },
    },
  },
];

export const mz2016: PresetDef = {
  id: preset,
  seed: '004 梅市团字〔2016〕12号',
  title: { zh: '团干部直接联系青年制度', en: 'League cadres in direct contact with youth' },
  // 团市委全体干部、县（市、区）团委班子成员及机关干部.
  who: {
    ranks: allRanks,
    orgLevels: { kind: 'applies_to', value: ['prefecture', 'county'] },
    employment: { kind: 'applies_to', value: ['full_time', 'seconded', 'part_time'] },
  },
  rules,
};
