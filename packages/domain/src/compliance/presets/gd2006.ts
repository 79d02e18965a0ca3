import type { PresetDef, RuleDef } from '../rule.ts';

const preset = 'guangdong-2006-contact-points' as const;

const rules: RuleDef[] = [
  {
    id: 'gd2006.point_quota',
    preset,
    subject: 'org',
    period: 'as_of',
    describe: {
      zh: '联系点数量：团省委领导及机关 50 个左右，地级以上市团委机关不少于 20 个，省直团工委、省国资委团委和县级团委机关不少于 5 个。',
      en: 'Contact points per leading organ: provincial about 50, prefecture at least 20, sector committees and counties at least 5.',
    },
    // 50个左右 (about 50) is read as a floor of 45, a tenth below. Points held by the organ
    // (holderOrg) and by its own cadres both count: 团省委领导及机关.
    params: {
      province: { kind: 'floor', value: 45, unit: 'points' },
      prefecture: { kind: 'floor', value: 20, unit: 'points' },
      county: { kind: 'floor', value: 5, unit: 'points' },
      sector: { kind: 'floor', value: 5, unit: 'points' },
    },
  },
  {
    id: 'gd2006.five_ones',
    preset,
    subject: 'point',
    period: 'year',
    describe: {
      zh: '“五个一”：每年为联系点至少办一件实事、直接联系并帮助至少一名团员或青年、撰写至少一篇调研文章、建立至少一项工作制度，在联系点蹲点累计不少于一个月。',
      en: 'Five ones per point per year: at least 1 practical thing done, 1 youth contacted and helped, 1 research article, 1 work system, and 1 month (30 on-site days) at the point.',
    },
    // `actual` counts the five items met, `required` is 5.
    params: {
      practicalHelp: { kind: 'floor', value: 1, unit: 'count' },
      youthsHelped: { kind: 'floor', value: 1, unit: 'people' },
      articles: { kind: 'floor', value: 1, unit: 'count' },
      systems: { kind: 'floor', value: 1, unit: 'count' },
      days: { kind: 'floor', value: 30, unit: 'days' },
    },
  },
  {
    id: 'gd2006.point_category',
    preset,
    subject: 'point',
    period: 'as_of',
    describe: {
      zh: '每个联系点按“巩固、提高、整顿、新建”分类，并确定工作课题。',
      en: 'Each point is classed 巩固 / 提高 / 整顿 / 新建 with its own work topic.',
    },
    // Due with the registration form (see gd2006.registration).
    params: {
      by: { kind: 'deadline', value: '02-28' },
      graceDays: { kind: 'ceiling', value: 30, unit: 'days' },
    },
  },
  {
    id: 'gd2006.showcase',
    preset,
    subject: 'org',
    period: 'as_of',
    describe: {
      zh: '在农村、机关企事业、学校、社区等领域选树示范点，力争每个重点领域都有。',
      en: 'Demonstration points selected in each field: rural, organs/enterprises, schools, communities.',
    },
    // 力争 (strive for): advisory. Checked per adopting organization over the points in its subtree.
    params: {
      groups: { kind: 'fixed', value: ['rural', 'organ|enterprise', 'school', 'community'] },
      graded: { kind: 'graded', value: false },
    },
  },
  {
    id: 'gd2006.registration',
    preset,
    subject: 'point',
    period: 'as_of',
    describe: {
      zh: '联系点填写《联系点登记表》，于 2 月 28 日前报送。',
      en: 'Points are registered on the registration form by 28 February.',
    },
    // For points set up later, the registration is due 30 days after the tenure starts, if later than 28 February.
    params: {
      by: { kind: 'deadline', value: '02-28' },
      graceDays: { kind: 'ceiling', value: 30, unit: 'days' },
    },
  },
];

export const gd2006: PresetDef = {
  id: preset,
  seed: '003 广东团省委 2006',
  title: {
    zh: '团的领导机关抓基层团组织联系点',
    en: 'Leading organs take grassroots organizations as contact points',
  },
  // 团的各级领导机关 and their cadres: every rank and employment type.
  who: {
    ranks: {
      kind: 'applies_to',
      value: ['secretariat', 'bureau', 'division', 'deputy_division', 'section', 'staff'],
    },
    orgLevels: { kind: 'applies_to', value: ['province', 'prefecture', 'county'] },
    employment: { kind: 'applies_to', value: ['full_time', 'seconded', 'part_time'] },
  },
  rules,
};
