import type { PresetDef, RuleDef } from '../rule.ts';
import { DEPUTY_DIVISION_AND_ABOVE } from '../types.ts';

const preset = 'cyl-2014-contact-points' as const;
// 全国地市以上领导机关副处级（含）以上干部: leading organs at prefecture level and above.
const leadingOrgans = { kind: 'applies_to', value: ['central', 'province', 'prefecture'] } as const;
const ranks = { kind: 'applies_to', value: DEPUTY_DIVISION_AND_ABOVE } as const;
// 局、处级 = bureau, division, deputy_division (policy-rules.md: 处级 includes 副处).
const bureauAndDivision = { kind: 'applies_to', value: ['bureau', 'division', 'deputy_division'] } as const;

const rules: RuleDef[] = [
  {
    id: 'cyl2014.points_per_cadre',
    preset,
    subject: 'cadre',
    period: 'as_of',
    describe: {
      zh: '书记处成员和局、处级干部各联系至少 2 个县（区）团委（以评估日为准）。',
      en: 'Secretariat members and bureau/division cadres each hold at least 2 county committees as contact points at the as-of date.',
    },
    // Grassroots points count too once the cadre's province has every county covered: the seed
    // then sends the cadres "left over" to grassroots organizations (见 municipal_grassroots_points).
    params: { points: { kind: 'floor', value: 2, unit: 'points' } },
  },
  {
    id: 'cyl2014.one_cadre_per_county',
    preset,
    subject: 'org',
    period: 'as_of',
    describe: {
      zh: '每个县（区）团委由 1 名团干部联系（以评估日为准）。',
      en: 'Each county committee is the contact point of exactly one cadre at the as-of date.',
    },
    // 每个县（区）团委由1名团干部联系: a band 1 to 1; a second cadre is over the ceiling.
    params: { cadres: { kind: 'band', min: 1, max: 1, unit: 'cadres' } },
  },
  {
    id: 'cyl2014.min_tenure',
    preset,
    subject: 'point',
    period: 'tenure',
    describe: {
      zh: '一个联系点的联系时间不少于 1 年，可以长期联系。',
      en: 'A contact point is held for at least 1 year and may be held long-term.',
    },
    params: { months: { kind: 'floor', value: 12, unit: 'months' } },
  },
  {
    id: 'cyl2014.secretariat_days',
    preset,
    subject: 'point',
    period: 'year',
    describe: {
      zh: '书记处成员每年深入每个联系点不少于 5 天（不含在途时间）。',
      en: 'Secretariat members spend at least 5 on-site days at each contact point per year (travel days excluded).',
    },
    // On-site days of visits and 同吃同住同劳动 stays at the point both count: both are time 深入联系点.
    params: {
      days: { kind: 'floor', value: 5, unit: 'days' },
      ranks: { kind: 'applies_to', value: ['secretariat'] },
    },
  },
  {
    id: 'cyl2014.visits_per_point',
    preset,
    subject: 'point',
    period: 'year',
    describe: {
      zh: '局、处级干部每年深入每个联系点不少于 2 次，每次不少于 5 天（不含在途时间）。',
      en: 'Bureau and division cadres visit each contact point at least twice a year, each visit at least 5 on-site days (travel days excluded).',
    },
    params: {
      visits: { kind: 'floor', value: 2, unit: 'count' },
      daysPerVisit: { kind: 'floor', value: 5, unit: 'days' },
      ranks: bureauAndDivision,
    },
  },
  {
    id: 'cyl2014.spread_visits',
    preset,
    subject: 'point',
    period: 'year',
    describe: {
      zh: '避免实地调研指导过于集中：一年中到同一联系点 2 次以上且全部在 60 天内开始的，予以提示（不计入考核）。',
      en: 'Visits are not concentrated in one short stretch: flagged when a year has 2 or more visits to a point and all start within 60 days (advisory, not graded).',
    },
    // A larger window flags more years, so the window is a floor: a lower level may widen it.
    params: {
      minVisits: { kind: 'fixed', value: 2 },
      windowDays: { kind: 'floor', value: 60, unit: 'days' },
      graded: { kind: 'graded', value: false },
    },
  },
  {
    id: 'cyl2014.remote_exemption',
    preset,
    subject: 'exemption',
    period: 'year',
    describe: {
      zh: '自然条件恶劣、交通不便地区，经省级团委报团中央组织部同意，可适当减少实地调研次数和时间，以电话、网络、会议加强联系。',
      en: 'In remote or harsh areas, with the provincial committee’s request and the central organization department’s approval, visits may be fewer or shorter, compensated by phone, online and meeting contact.',
    },
    // One result per exemption record of this rule: met once approved, in progress while only requested.
    params: {},
  },
  {
    id: 'cyl2014.province_coverage',
    preset,
    subject: 'org',
    period: 'as_of',
    describe: {
      zh: '以省份为单位，联系点覆盖本省份所有县级团委：列出未覆盖和重复覆盖的县。',
      en: 'Per province, every county committee has a contact cadre: uncovered and doubly covered counties are listed.',
    },
    params: {},
  },
  {
    id: 'cyl2014.bureau_not_same_prefecture',
    preset,
    subject: 'cadre',
    period: 'as_of',
    describe: {
      zh: '全国局级干部的联系点原则上不安排在同一地市。',
      en: 'The contact points of a national bureau-level cadre are not in the same prefecture.',
    },
    // 全国局级干部 read as bureau-level cadres everywhere the preset binds (central, provincial and
    // prefecture organs), not only the central organs'. A cadre with fewer than 2 points gets no result.
    params: { ranks: { kind: 'applies_to', value: ['bureau'] } },
  },
  {
    id: 'cyl2014.municipal_grassroots_points',
    preset,
    subject: 'cadre',
    period: 'as_of',
    describe: {
      zh: '直辖市、副省级城市下辖县（区）团委副处级以上干部以基层团组织为联系点；其他省份县级团委已覆盖后仍未安排联系点的干部选择基层团组织作为联系点。',
      en: 'In municipalities and sub-provincial cities, county-level cadres of deputy division rank and above take grassroots organizations as contact points; elsewhere cadres left over once all counties are covered take grassroots organizations.',
    },
    // The seed gives no number: at least 1 grassroots point.
    // County cadres bind only in a 直辖市/副省级城市 (the engine checks the org's municipal flag).
    params: {
      points: { kind: 'floor', value: 1, unit: 'points' },
      orgLevels: { kind: 'applies_to', value: ['central', 'province', 'prefecture', 'county'] },
    },
  },
  {
    id: 'cyl2014.live_with_youth',
    preset,
    subject: 'point',
    period: 'tenure',
    describe: {
      zh: '在每个联系点至少要有与普通青年同劳动同学习同生活的经历。',
      en: 'At each contact point, at least one experience of working, studying and living alongside ordinary youth during the tenure.',
    },
    params: { times: { kind: 'floor', value: 1, unit: 'count' } },
  },
  {
    id: 'cyl2014.policy_lectures',
    preset,
    subject: 'point',
    period: 'tenure',
    describe: {
      zh: '在联系点开展 1—2 次党的政策理论和全团重大决策部署宣讲。',
      en: 'At each contact point, at least 1 lecture on Party policy and League decisions during the tenure.',
    },
    // 1—2次: read as a floor of 1 (policy-rules.md: "A–B" is a floor unless it says "A to B").
    params: { lectures: { kind: 'floor', value: 1, unit: 'count' } },
  },
  {
    id: 'cyl2014.leader_meetings',
    preset,
    subject: 'point',
    period: 'tenure',
    describe: {
      zh: '至少在联系点工作开始和结束时分别与当地党政主要领导或分管领导面谈一次。',
      en: 'A meeting with the local Party/government leader at the start and at the end of the contact.',
    },
    // The seed says 开始和结束时 without a number of days: a meeting within the first 90 days
    // counts as the start one, one within the last 90 days of the tenure as the end one.
    params: {
      startWindowDays: { kind: 'ceiling', value: 90, unit: 'days' },
      endWindowDays: { kind: 'ceiling', value: 90, unit: 'days' },
    },
  },
  {
    id: 'cyl2014.secretary_vacancy',
    preset,
    subject: 'org',
    period: 'as_of',
    describe: {
      zh: '县（区）团委书记岗位空缺不超过 3 个月。',
      en: 'The county committee secretary post is not vacant for more than 3 months.',
    },
    params: { months: { kind: 'ceiling', value: 3, unit: 'months' } },
  },
  {
    id: 'cyl2014.youths_interviewed',
    preset,
    subject: 'point',
    period: 'tenure',
    describe: {
      zh: '每个联系点访谈青年不少于 20 名（谈心谈话，任何方式）。',
      en: 'At each contact point at least 20 distinct youths named in talks (any mode) during the tenure.',
    },
    params: { youths: { kind: 'floor', value: 20, unit: 'people' } },
  },
  {
    id: 'cyl2014.key_contacts',
    preset,
    subject: 'point',
    period: 'tenure',
    describe: {
      zh: '选择 3—5 名不同领域青少年作为重点联系对象，结成对子，长期联系。',
      en: 'At each point, at least 3 youths of different fields as key contacts, paired long-term.',
    },
    // 3—5名: a floor of 3. A key contact belongs to the point when named in an activity there;
    // `actual` is the number of different fields among them (a contact without a field shows none).
    params: { fields: { kind: 'floor', value: 3, unit: 'fields' } },
  },
  {
    id: 'cyl2014.ledger_handover',
    preset,
    subject: 'point',
    period: 'tenure',
    describe: {
      zh: '联系点轮换时，工作台账移交团县（区）委和接替的同志，并附交接说明。',
      en: 'On rotation the point’s work ledger passes to the county committee and to the successor, with a handover note.',
    },
    // Due when the tenure ends, with a grace of 30 days for the successor to take over.
    params: { graceDays: { kind: 'ceiling', value: 30, unit: 'days' } },
  },
];

export const cyl2014: PresetDef = {
  id: preset,
  seed: '000 中青办发[2014]16号',
  title: { zh: '团干部基层联系点制度', en: 'Grassroots contact points for League cadres' },
  who: {
    ranks,
    orgLevels: leadingOrgans,
    employment: { kind: 'applies_to', value: ['full_time', 'seconded', 'part_time'] },
  },
  rules,
};
