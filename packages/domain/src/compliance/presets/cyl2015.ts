import type { PresetDef, RuleDef } from '../rule.ts';

const preset = 'cyl-2015-sink-to-grassroots' as const;

// Every rule speaks of a posting (派驻) recorded by the planner; with no postings there is no result.
const rules: RuleDef[] = [
  {
    id: 'cyl2015.batches',
    preset,
    subject: 'org',
    period: 'batch',
    describe: {
      zh: '两年内分四批，每批选派本机关 1/4 的干部；每批工作时间为 9—12 月或 3—6 月。',
      en: 'Over 2 years, 4 batches, each sending 1/4 of each organ’s eligible cadres; batches start in September or March.',
    },
    // Per organ and batch of the year: its cadres posted in the batch, at least floor(eligible × 1/4)
    // (the planner spreads an organ over 4 batches differing by at most 1), each posting starting in
    // March or September. The 2-year cycle of 4 batches is the planner's to keep (planner.md).
    params: {
      share: { kind: 'fraction', value: 0.25 },
      startMonths: { kind: 'fixed', value: ['03', '09'] },
    },
  },
  {
    id: 'cyl2015.one_county_each',
    preset,
    subject: 'posting',
    period: 'batch',
    describe: {
      zh: '每名派驻干部每批派驻一个县（区），该县自派驻起为其联系点之一。',
      en: 'Each dispatched cadre is posted to exactly one county per batch, and that county is one of the cadre’s contact points from the posting on.',
    },
    // Decision 11: checks the posting, not the number of points, so cyl2014 can hold at once.
    params: {},
  },
  {
    id: 'cyl2015.batch_length',
    preset,
    subject: 'posting',
    period: 'batch',
    describe: {
      zh: '每批工作时间为 4 个月；基层工作经历不满 2 年的可顺延至 6 个月；新录用人员试用期满后安排。',
      en: '4 months on post (6 may be planned for cadres with under 2 years of grassroots experience); new hires only after probation.',
    },
    // Decision 13: the 6 months are the planner's proposal and may be shortened, so the graded
    // floor is 4 months for everyone; starting before probation ends is unmet.
    params: { months: { kind: 'floor', value: 4, unit: 'months' } },
  },
  {
    id: 'cyl2015.groups',
    preset,
    subject: 'posting',
    period: 'batch',
    describe: {
      zh: '派驻同一地（市）不同县（区）的干部组成 3—4 人工作小组，中央和省级干部混编，由正处长及以上干部牵头。',
      en: 'Cadres posted to counties of the same prefecture form a group of 3 to 4, mixing central and provincial cadres, led by a cadre of division rank or higher.',
    },
    // 每组3-4人 is read as a band "3 to 4": a group is a fixed unit the planner forms before the batch,
    // so its result is final from the posting's start. Checked: size, one prefecture, a different
    // county each, and a leader (the member flagged leader, else any member) of 正处 or higher.
    // Mixing central and provincial cadres is a soft goal of the planner (planner.md), not checked.
    params: {
      members: { kind: 'band', min: 3, max: 4, unit: 'cadres' },
      // Fixed: adding ranks would loosen, removing them would contradict the seed.
      leaderRanks: { kind: 'fixed', value: ['secretariat', 'bureau', 'division'] },
    },
  },
  {
    id: 'cyl2015.no_leave',
    preset,
    subject: 'posting',
    period: 'batch',
    describe: {
      zh: '派驻期间无特殊情况不得请假，不安排年休假（请假须记录并经批准）。',
      en: 'No leave or annual holiday during the posting except for special cause (leave recorded and approved).',
    },
    params: { unapproved: { kind: 'ceiling', value: 0, unit: 'count' } },
  },
  {
    id: 'cyl2015.cases',
    preset,
    subject: 'posting',
    period: 'batch',
    describe: {
      zh: '每位干部总结提炼 2 个以上当地基层优秀工作案例。',
      en: 'Each cadre writes up at least 2 good local cases during the posting.',
    },
    params: { cases: { kind: 'floor', value: 2, unit: 'count' } },
  },
  {
    id: 'cyl2015.needy_pairs',
    preset,
    subject: 'posting',
    period: 'batch',
    describe: {
      zh: '每位干部和当地 3—5 名困难青少年结成帮扶对子。',
      en: 'Each cadre pairs with at least 3 needy youths (key contacts tagged needy).',
    },
    // 3-5名: a floor of 3.
    params: { youths: { kind: 'floor', value: 3, unit: 'people' } },
  },
  {
    id: 'cyl2015.friends',
    preset,
    subject: 'posting',
    period: 'batch',
    describe: {
      zh: '每位干部与至少 20 位普通青年交朋友，建立经常性联系。',
      en: 'Each cadre befriends at least 20 ordinary youths at the posted county during the posting.',
    },
    params: { youths: { kind: 'floor', value: 20, unit: 'people' } },
  },
  {
    id: 'cyl2015.reports',
    preset,
    subject: 'posting',
    period: 'batch',
    describe: {
      zh: '每批工作结束前，各小组提交本组工作报告，每位成员提交个人工作总结。',
      en: 'By the end of a batch, one group work report and one personal summary per member.',
    },
    // Both filings are due by the posting's last day; a cadre without a group owes only the summary.
    params: {},
  },
  {
    id: 'cyl2015.daily_log',
    preset,
    subject: 'posting',
    period: 'batch',
    describe: {
      zh: '建立工作日志，记录交青年朋友、办实事、推动工作、思考建议和收集的资料。',
      en: 'A daily work log: friends made, practical things done, work pushed, thoughts and suggestions, materials collected.',
    },
    // "Daily" read as at least one logged activity in each finished 7-day stretch from the posting's
    // start (a logged day a week); advisory, as the seed makes the log a basis of assessment, not a count.
    params: { graded: { kind: 'graded', value: false } },
  },
  {
    id: 'cyl2015.off_batch_contact',
    preset,
    subject: 'posting',
    period: 'year',
    describe: {
      zh: '派驻期外，通过调研、电话、网络等方式与联系点保持经常联系。',
      en: 'Outside the posting, regular contact with the point by research, phone and online.',
    },
    // "Regular" read as at least one contact (any activity at the point) in every calendar quarter of
    // the year that lies wholly after the posting and within the point's tenure; no such quarter, no result.
    params: { perQuarter: { kind: 'floor', value: 1, unit: 'count' } },
  },
];

export const cyl2015: PresetDef = {
  id: preset,
  seed: '002 中青办发〔2015〕21号',
  title: { zh: '团的领导机关干部常态化下沉基层', en: 'Leading-organ cadres sink to the grassroots' },
  // 团中央机关局级及以下干部和团省（区、市）委机关干部.
  who: {
    ranks: { kind: 'applies_to', value: ['bureau', 'division', 'deputy_division', 'section', 'staff'] },
    orgLevels: { kind: 'applies_to', value: ['central', 'province'] },
    employment: { kind: 'applies_to', value: ['full_time', 'seconded', 'part_time'] },
  },
  rules,
};
