import type { TLedgerDocument } from '@lianxin/contracts';

const youthNames =
  '张明 李娜 王磊 刘洋 陈静 杨帆 赵敏 黄凯 周婷 吴昊 徐丽 孙浩 马超 朱琳 胡斌 郭瑶 何鹏 高雪'.split(' ');
const fields = ['enterprise', 'rural', 'school', 'community', 'social_org', 'new_media'] as const;

/**
 * A year of contact work for the first demo cadres, as a ledger document: imported through the same
 * path as any other ledger, so the demo shows what the work log holds from the first click.
 */
export function demoLedger(cadreIds: {
  cadre01: string;
  cadre02: string;
  /** the provincial committee's bureau-, division- and deputy-division-level cadres */
  province: [string, string, string];
}): TLedgerDocument {
  const { cadre01, cadre02 } = cadreIds;
  const [bureau, division, deputy] = cadreIds.province;
  const contacts = youthNames.map((name, i) => ({
    id: `demo-y${i + 1}`,
    name,
    role: i % 6 === 5 ? ('league_cadre' as const) : ('youth' as const),
    field: fields[i % fields.length],
    tags: i % 5 === 0 ? (['needy', 'left_behind_child'] as const).slice(0, 1 + (i % 2)) : undefined,
    of: i < 14 ? [cadre01] : [cadre02],
    keyOf: i < 4 ? [cadre01] : undefined,
  }));
  const contactIds = (from: number, n: number) => contacts.slice(from, from + n).map((c) => c.id);
  return {
    format: 'lianxin-ledger/1',
    organizations: [],
    cadres: [],
    presets: [
      { org: 'div-610300', preset: 'baoji-2018-close-contact' },
      // the 2014 contact points of the provincial committee: county coverage on the dashboards
      { org: 'div-610000', preset: 'cyl-2014-contact-points' },
    ],
    contactPoints: [
      {
        id: 'demo-p1',
        cadre: cadre01,
        org: 'demo-g-wb-1',
        from: '2026-01-05',
        to: null,
        category: 'improve',
        topic: '青年技能提升',
        registeredOn: '2026-01-20',
      },
      {
        id: 'demo-p2',
        cadre: cadre01,
        org: 'demo-g-wb-2',
        from: '2026-01-05',
        to: null,
        category: 'consolidate',
        topic: '留守儿童关爱',
        registeredOn: '2026-01-20',
      },
      { id: 'demo-p3', cadre: cadre02, org: 'demo-g-wb-3', from: '2026-02-01', to: null, category: 'new' },
      // county committees as the provincial cadres' points; 金台 held by two of them (doubly covered)
      {
        id: 'demo-p4',
        cadre: bureau,
        org: 'div-610302',
        from: '2025-09-01',
        to: null,
        registeredOn: '2025-09-10',
      },
      {
        id: 'demo-p5',
        cadre: bureau,
        org: 'div-610303',
        from: '2025-09-01',
        to: null,
        registeredOn: '2025-09-10',
      },
      {
        id: 'demo-p6',
        cadre: division,
        org: 'div-610303',
        from: '2026-01-10',
        to: null,
        registeredOn: '2026-02-20',
      },
      { id: 'demo-p7', cadre: division, org: 'div-610304', from: '2026-01-10', to: null },
      // 宝鸡's own organ holds a point of its own (seed 003: 本部门、本单位的联系点), registered by 28 February
      {
        id: 'demo-p9',
        holderOrg: 'div-610300',
        org: 'demo-g-jt-2',
        from: '2026-02-01',
        to: null,
        category: 'new',
        topic: '青年志愿服务',
        registeredOn: '2026-02-25',
      },
      { id: 'demo-p8', cadre: deputy, org: 'div-610102', from: '2026-03-01', to: null },
    ],
    contacts: contacts.map(({ tags, keyOf, ...c }) => ({
      ...c,
      ...(tags && { tags: [...tags] }),
      ...(keyOf && { keyOf }),
    })),
    activities: [
      {
        id: 'demo-a1',
        cadre: cadre01,
        type: 'visit',
        point: 'demo-p1',
        start: '2026-03-02',
        end: '2026-03-08',
        travelDays: 1,
        contacts: contactIds(0, 5),
      },
      {
        id: 'demo-a2',
        cadre: cadre01,
        type: 'talk',
        point: 'demo-p1',
        date: '2026-03-05',
        mode: 'face_to_face',
        contacts: contactIds(0, 2),
      },
      {
        id: 'demo-a3',
        cadre: cadre01,
        type: 'lecture',
        point: 'demo-p2',
        date: '2026-04-12',
        audience: 46,
        note: '学习贯彻团的十九大精神主题团课',
      },
      {
        id: 'demo-a4',
        cadre: cadre01,
        type: 'online',
        date: '2026-05-20',
        channel: 'wechat',
        contacts: contactIds(3, 6),
      },
      {
        id: 'demo-a5',
        cadre: cadre01,
        type: 'visit',
        point: 'demo-p2',
        start: '2026-06-15',
        end: '2026-06-21',
        travelDays: 1,
        contacts: contactIds(6, 5),
      },
      {
        id: 'demo-a6',
        cadre: cadre01,
        type: 'practical_help',
        point: 'demo-p2',
        date: '2026-06-20',
        outcome: '为 12 名留守儿童联系暑期托管',
        contacts: contactIds(5, 1),
      },
      {
        id: 'demo-a7',
        cadre: cadre01,
        type: 'problem',
        point: 'demo-p1',
        date: '2026-06-18',
        status: 'open',
        title: '园区青年职工缺少技能培训渠道',
        contacts: contactIds(1, 1),
      },
      {
        id: 'demo-a8',
        cadre: cadre01,
        type: 'work_item',
        point: 'demo-p1',
        title: '建立青年技能培训联络机制',
        status: 'done',
        date: '2026-09-30',
      },
      ...(['2026-05-09', '2026-07-01', '2026-10-15'] as const).map((date, i) => ({
        id: `demo-a1${i}`,
        cadre: cadre01,
        type: 'lecture' as const,
        point: i % 2 === 0 ? 'demo-p1' : 'demo-p2',
        date,
        audience: 30 + i * 8,
        note: ['青年创业政策宣讲', '“青年大学习”主题团课', '学习习近平总书记寄语主题团课'][i],
      })),
      ...(
        [
          ['demo-a20', bureau, 'demo-p4', '2026-04-06', '2026-04-12'],
          ['demo-a21', bureau, 'demo-p4', '2026-09-07', '2026-09-13'],
          ['demo-a22', bureau, 'demo-p5', '2026-05-11', '2026-05-14'],
          ['demo-a23', division, 'demo-p6', '2026-06-01', '2026-06-07'],
        ] as const
      ).map(([id, cadre, point, start, end]) => ({
        id,
        cadre,
        type: 'visit' as const,
        point,
        start,
        end,
        travelDays: 1,
      })),
      {
        id: 'demo-a9',
        cadre: cadre02,
        type: 'event',
        point: 'demo-p3',
        date: '2026-05-04',
        kind: 'volunteer',
        contacts: contactIds(14, 4),
      },
    ],
  };
}
