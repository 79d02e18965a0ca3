import type { PresetDef, RuleDef } from '../rule.ts';

const preset = 'baoji-2018-close-contact' as const;

const rules: RuleDef[] = [
  {
    id: 'baoji2018.points',
    preset,
    subject: 'cadre',
    period: 'as_of',
    describe: {
      zh: '每名干部直接联系 3—4 个基层组织（团支部、青春驿站、青年社会组织、青年网络组织等）作为相对固定的联系点。',
      en: 'Each cadre holds 3 to 4 grassroots organizations as fixed contact points at the as-of date.',
    },
    // A band "3 to 4", not a floor: the filing form (附表1) holds exactly four points.
    params: { points: { kind: 'band', min: 3, max: 4, unit: 'points' } },
  },
  {
    id: 'baoji2018.close_contacts',
    preset,
    subject: 'cadre',
    period: 'as_of',
    describe: {
      zh: '密切联系 7—10 名青年和基层团干部（重点联系对象）。',
      en: 'At least 7 youths and grassroots cadres in close contact (key contacts of the cadre).',
    },
    // 7—10名: a floor of 7.
    params: { people: { kind: 'floor', value: 7, unit: 'people' } },
  },
  {
    id: 'baoji2018.task_list_filed',
    preset,
    subject: 'cadre',
    period: 'year',
    describe: {
      zh: '每年 1 月底前制定任务清单（附表1）并报备。',
      en: 'The task list (attachment 1) is filed by 31 January.',
    },
    params: { by: { kind: 'deadline', value: '01-31' } },
  },
  {
    id: 'baoji2018.lectures',
    preset,
    subject: 'cadre',
    period: 'year',
    describe: {
      zh: '每年深入基层开展集中宣讲或主题团课不少于 4 次。',
      en: 'At least 4 lectures or themed League classes per year.',
    },
    params: { lectures: { kind: 'floor', value: 4, unit: 'count' } },
  },
  {
    id: 'baoji2018.grassroots_time',
    preset,
    subject: 'cadre',
    period: 'year',
    describe: {
      zh: '每年直接走进基层、走进青年累计时间不少于 2 个月（60 个在基层天数）。',
      en: 'At least 2 months (60 on-site days of visits and stays) of grassroots time per year.',
    },
    params: { days: { kind: 'floor', value: 60, unit: 'days' } },
  },
  {
    id: 'baoji2018.visits',
    preset,
    subject: 'cadre',
    period: 'year',
    describe: {
      zh: '每年走访基层青年不少于 10 次。',
      en: 'At least 10 visits to grassroots youth per year.',
    },
    params: { visits: { kind: 'floor', value: 10, unit: 'count' } },
  },
  {
    id: 'baoji2018.youths_met',
    preset,
    subject: 'cadre',
    period: 'year',
    describe: {
      zh: '每年与不少于 100 名普通青年面对面互动交流。',
      en: 'At least 100 distinct youths met face to face per year (face-to-face talks, visits, stays, events).',
    },
    params: { youths: { kind: 'floor', value: 100, unit: 'people' } },
  },
  {
    id: 'baoji2018.cadre_talks',
    preset,
    subject: 'cadre',
    period: 'year',
    describe: {
      zh: '每年与不少于 20 名团干部谈心谈话。',
      en: 'Heart-to-heart talks with at least 20 distinct League cadres per year (any mode).',
    },
    params: { cadres: { kind: 'floor', value: 20, unit: 'people' } },
  },
  {
    id: 'baoji2018.research',
    preset,
    subject: 'cadre',
    period: 'year',
    describe: {
      zh: '每年年初确定 1 个调研课题，10 月底前形成调研报告。',
      en: 'One research topic a year, its report by 31 October.',
    },
    // The topic is part of the filed task list (附表1 调查研究: 确定调研课题), so only the report is checked here.
    params: { by: { kind: 'deadline', value: '10-31' } },
  },
  {
    id: 'baoji2018.work_items',
    preset,
    subject: 'point',
    period: 'year',
    describe: {
      zh: '帮助每个联系点研究提出 2—3 项具体工作任务并推动实施（完成）。',
      en: 'Per point per year, at least 2 concrete work items done.',
    },
    // 2—3项: a floor of 2. A done item counts in the year of its date; an undated one whenever it is done.
    params: { items: { kind: 'floor', value: 2, unit: 'count' } },
  },
  {
    id: 'baoji2018.midyear_report',
    preset,
    subject: 'cadre',
    period: 'year',
    describe: {
      zh: '每年 6 月底前对照个人任务清单撰写半年自查报告。',
      en: 'A mid-year self-check report against the task list by 30 June.',
    },
    params: { by: { kind: 'deadline', value: '06-30' } },
  },
  {
    id: 'baoji2018.assessment',
    preset,
    subject: 'org',
    period: 'year',
    describe: {
      zh: '年底考核按优、良、中、差评定，“优”不超过参加考核人数的 30%，“良”不超过 50%；评为“差”的干部进行约谈。',
      en: 'Year-end grades 优/良/中/差: 优 at most 30% and 良 at most 50% of those assessed; a 差 leads to a formal talk.',
    },
    // Per assessing unit (decision 5). `actual` counts the quota checks passed: 优 share, 良 share, talks held.
    params: {
      excellentShare: { kind: 'ceiling', value: 0.3, unit: 'count' },
      goodShare: { kind: 'ceiling', value: 0.5, unit: 'count' },
    },
  },
  {
    id: 'baoji2018.report_recommendation',
    preset,
    subject: 'org',
    period: 'year',
    describe: {
      zh: '每年 12 月底前，各团县（区）委至少推荐 2 篇、机关各部（室）至少推荐 1 篇质量较高的调研报告。',
      en: 'By the end of December each county committee recommends at least 2 good research reports, each department at least 1.',
    },
    params: {
      countyReports: { kind: 'floor', value: 2, unit: 'count' },
      departmentReports: { kind: 'floor', value: 1, unit: 'count' },
    },
  },
];

export const baoji2018: PresetDef = {
  id: preset,
  seed: '001 宝市团发〔2018〕84号',
  title: { zh: '团的领导机关干部密切联系青年机制', en: 'Close contact with youth for leading-organ cadres' },
  // 市、县两级团的领导机关的专职干部; 挂（兼）职 optional, so a level may add them (the list grows).
  who: {
    ranks: {
      kind: 'applies_to',
      value: ['secretariat', 'bureau', 'division', 'deputy_division', 'section', 'staff'],
    },
    orgLevels: { kind: 'applies_to', value: ['prefecture', 'county'] },
    employment: { kind: 'applies_to', value: ['full_time'] },
  },
  rules,
};
