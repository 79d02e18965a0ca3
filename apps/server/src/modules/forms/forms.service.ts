import {
  activityTypeLabels,
  conductKindLabels,
  factBookSectionLabels,
  orgFieldLabels,
  pointCategoryLabels,
  type TActivityDetail,
  type TFactBook,
  type TOrgField,
  type TTaskList,
} from '@lianxin/contracts';
import { type AssessmentGrade, assessmentGradeLabels } from '@lianxin/domain';
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/index.ts';
import { activities } from '../../platform/db/schema.ts';
import { notFound } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { listActivities, toActivitySummary } from '../activities/activities.repo.ts';
import { pointLedger } from '../activities/activities.service.ts';
import { unitCadres } from '../annual-cycle/annual-cycle.repo.ts';
import { cycleAt, today } from '../annual-cycle/cycle.ts';
import { findSelfCheck, findTaskList, findYearSummary } from '../annual-cycle/filings.service.ts';
import { getResearch } from '../annual-cycle/research.service.ts';
import { yearFigures } from '../annual-cycle/self-check.ts';
import { loadCadre } from '../cadres/cadres.service.ts';
import { conductRecordsOf } from '../conduct-records/conduct-records.repo.ts';
import { getFactBook } from '../contact-points/fact-book.service.ts';
import { loadOrg } from '../organizations/organizations.service.ts';
import { docxFile, heading, PAGE_WIDTH, para, table, title } from './docx.ts';
import {
  adminsOfSubtree,
  gradesOfCadres,
  pointsOfCadres,
  pointsRegisteredBy,
  sessionsOfCadres,
} from './forms.repo.ts';
import { formSheet } from './xlsx.ts';

export interface FormFile {
  fileName: string;
  data: Buffer;
}

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const numbered = (names: string[], slots = 4) =>
  Array.from({ length: Math.max(slots, names.length) }, (_, i) => `${i + 1}. ${names[i] ?? ''}`).join('\n');

const yearMonth = (day: string | null) =>
  day ? `${day.slice(0, 4)} 年 ${Number(day.slice(5, 7))} 月` : '____ 年 ___ 月';

/** 附件1 团干部密切联系青年任务清单备案表 (seed 001), filled from the cadre's filed task list. */
export async function taskListForm(
  p: Platform,
  actor: Actor,
  year: number,
  cadreId: string,
): Promise<FormFile> {
  const filing = await findTaskList(p, actor, cadreId, year);
  if (!filing) throw notFound('Task list', `${cadreId}/${year}`, '任务清单');
  const points = await pointsOfCadres(p.db, [cadreId], year);
  const names = filing.content.pointIds.map((id) => points.find((pt) => pt.id === id)?.orgName ?? id);
  const w = [1300, 1700, PAGE_WIDTH - 3000];
  const data = await docxFile([
    title('团干部密切联系青年任务清单备案表'),
    para(
      `团干部姓名：${filing.cadreName}　　　　填报时间：${yearMonth(filing.firstSubmittedOn ?? filing.submittedOn)}`,
    ),
    table(
      [
        [
          { text: '任务\n清单', rowSpan: 5, center: true, bold: true },
          { text: '主要内容', colSpan: 2, center: true, bold: true },
        ],
        [{ text: '理论宣讲', center: true }, filing.content.lecture],
        [{ text: '交流谈心', center: true }, filing.content.talk],
        [{ text: '调查研究', center: true }, filing.content.research],
        [{ text: '推动工作', center: true }, filing.content.work],
        [
          { text: '基层联\n系点', center: true, bold: true },
          { text: numbered(names), colSpan: 2 },
        ],
      ],
      w,
      [500, 1300, 1300, 1300, 1300, 1600],
    ),
    para('说明：此表由团干部个人填写，于每年1月底前报县（区）团委、团市委机关各部室。', { size: 21 }),
  ]);
  return { fileName: `任务清单备案表-${filing.cadreName}-${year}.docx`, data };
}

type Session = Awaited<ReturnType<typeof sessionsOfCadres>>[number];

/** 四项重点任务完成情况（场次及时间）, counted from the log. */
function fourTasks(sessions: Session[]): string {
  const of = (type: string) => sessions.find((s) => s.type === type);
  const listed = (type: string) => {
    const s = of(type);
    return s ? `${s.n} 场（${s.dates.slice(0, 6).join('、')}${s.dates.length > 6 ? '等' : ''}）` : '0 场';
  };
  const visitDays = (of('visit')?.days ?? 0) + (of('live_with')?.days ?? 0);
  return [
    `理论宣讲：${listed('lecture')}`,
    `交流谈心：谈心 ${of('talk')?.n ?? 0} 次，走访 ${of('visit')?.n ?? 0} 次，在基层 ${visitDays} 天`,
    `调查研究：调研报告 ${of('research_report')?.n ?? 0} 篇，调研文章 ${of('article')?.n ?? 0} 篇`,
    `推动工作：完成 ${of('work_item')?.done ?? 0} 项，办实事 ${of('practical_help')?.n ?? 0} 件`,
  ].join('\n');
}

/**
 * 附件2 团干部密切联系青年任务清单汇总表 (seed 001) of an assessing unit: one line per cadre, from the
 * task lists, the log and the grades — compiled in June and November, never typed.
 */
export async function summaryForm(
  p: Platform,
  actor: Actor,
  year: number,
  orgId: string,
  department?: string,
): Promise<FormFile> {
  const org = await loadOrg(p, actor, orgId, 'read');
  const roster = await unitCadres(p.db, org.id, department ?? null);
  const ids = roster.map((c) => c.id);
  const [points, sessions, grades, cycle] = await Promise.all([
    pointsOfCadres(p.db, ids, year),
    sessionsOfCadres(p.db, ids, year),
    gradesOfCadres(p.db, ids, year),
    cycleAt(p.db, org.path, year),
  ]);
  const rows = [];
  for (const c of roster) {
    const research = await getResearch(p, actor, c.id, year);
    const grade = grades.find((g) => g.cadreId === c.id)?.grade as AssessmentGrade | undefined;
    rows.push([
      c.name,
      numbered(points.filter((pt) => pt.cadreId === c.id).map((pt) => pt.orgName)),
      fourTasks(sessions.filter((s) => s.cadreId === c.id)),
      [
        research.topic ?? '（未确定课题）',
        cycle.due('research_report') ? `完成时限：${cycle.due('research_report')}` : '',
        research.report ? `已完成：${research.report.title}（${research.report.date}）` : '',
      ]
        .filter(Boolean)
        .join('\n'),
      grade ? assessmentGradeLabels[grade] : '',
    ]);
  }
  const day = today(p);
  const unitName = department ? `${org.name}${department}` : org.name;
  const data = await formSheet({
    sheet: '汇总表',
    title: '团干部密切联系青年任务清单汇总表',
    widths: [12, 30, 52, 34, 10],
    above: [
      [
        `填报单位（盖章）：${unitName}`,
        `${day.slice(0, 4)} 年 ${Number(day.slice(5, 7))} 月 ${Number(day.slice(8, 10))} 日`,
      ],
    ],
    header: ['姓名', '联系点', '四项重点任务完成情况\n（场次及时间）', '调研方向\n及完成时限', '考核\n等级'],
    rows,
    below: [
      '说明：此表每年6月底、11月底由各县（区）团委、团市委机关各部室汇总，作为年中评估和年底考核依据。',
    ],
    landscape: true,
  });
  return { fileName: `任务清单汇总表-${unitName}-${year}.xlsx`, data };
}

/** Seed 003's 基层联系点登记表: the points the organization's cadres, or the organization itself, hold. */
export async function pointRegistrationForm(
  p: Platform,
  actor: Actor,
  year: number,
  orgId: string,
): Promise<FormFile> {
  const org = await loadOrg(p, actor, orgId, 'read');
  const points = await pointsRegisteredBy(p.db, org, year);
  const data = await formSheet({
    sheet: '联系点登记表',
    title: `${org.name}基层联系点登记表`,
    widths: [6, 30, 12, 12, 22, 14, 14, 10, 30, 10],
    above: [[`填报单位：${org.name}`, `${year} 年度`]],
    header: [
      '序号',
      '联系点（基层团组织）名称',
      '所属领域',
      '类别',
      '联系领导（部门）',
      '确定时间',
      '登记日期',
      '示范点',
      '工作课题',
      '备注',
    ],
    rows: points.map((r, i) => [
      String(i + 1),
      r.orgName,
      r.orgField ? orgFieldLabels[r.orgField as TOrgField] : r.orgLevel === 'county' ? '县级团委' : '',
      r.point.category ? pointCategoryLabels[r.point.category as keyof typeof pointCategoryLabels] : '',
      r.position ? `${r.holder}（${r.position}）` : r.holder,
      r.point.fromDate,
      r.point.registeredOn ?? '未登记',
      r.point.showcase ? '是' : '',
      r.point.topic ?? '',
      r.point.toDate ? `${r.point.toDate} 止` : '',
    ]),
    below: [
      '说明：联系点类别按“巩固一批、提高一批、整顿一批、新建一批”填写；每个联系点确定工作课题和重点任务。',
    ],
    landscape: true,
  });
  return { fileName: `联系点登记表-${org.name}-${year}.xlsx`, data };
}

/**
 * Seed 004's 团干部直接联系青年工作管理员信息表: the organization admins of the subtree. The mobile
 * numbers leave the system in clear, so the export is audited like a reveal (decision 14).
 */
export async function adminsForm(p: Platform, actor: Actor, orgId: string): Promise<FormFile> {
  const org = await loadOrg(p, actor, orgId, 'read');
  const admins = await adminsOfSubtree(p.db, org.path);
  const filler = actor.cadreId ? await loadCadre(p, actor, actor.cadreId, 'read') : null;
  const data = await formSheet({
    sheet: '管理员信息表',
    title: '团干部直接联系青年工作管理员信息表',
    widths: [36, 18, 20],
    above: [[`填报人：${filler?.cadre.name ?? actor.name}`, `联系电话：${filler?.cadre.mobileMasked ?? ''}`]],
    header: ['团组织名称', '管理员姓名', '手机号码'],
    rows: admins.map((a) => [
      a.orgName,
      a.cadreName ?? a.username,
      a.mobileEnc ? p.cipher.decrypt(a.mobileEnc) : '',
    ]),
    below: [],
  });
  await p.audit.record(p.db, {
    actor: actor.name,
    action: 'forms.admins',
    objectType: 'organization',
    objectId: org.id,
    after: { admins: admins.length, revealed: admins.filter((a) => a.mobileEnc).length },
    ip: actor.ip,
  });
  return { fileName: `管理员信息表-${org.name}.xlsx`, data };
}

const detailText = (a: Record<string, unknown>) =>
  [a.title, a.outcome, a.note].filter((x): x is string => typeof x === 'string' && x !== '').join('；');

/** 年度工作档案 of a cadre: plan, figures, self-check, research and every record of the year. */
export async function cadreArchiveForm(
  p: Platform,
  actor: Actor,
  year: number,
  cadreId: string,
): Promise<FormFile> {
  const cadre = await loadCadre(p, actor, cadreId, 'read');
  const [taskList, selfCheck, research, figures, log, conduct] = await Promise.all([
    findTaskList(p, actor, cadreId, year),
    findSelfCheck(p, actor, cadreId, year),
    getResearch(p, actor, cadreId, year),
    yearFigures(p, cadre, year, today(p)),
    listActivities(
      p.db,
      and(
        eq(activities.cadreId, cadreId),
        sql`${activities.endDate} between ${`${year}-01-01`} and ${`${year}-12-31`}`,
      ),
      1,
      100_000,
    ),
    conductRecordsOf(p.db, cadreId, year),
  ]);
  const plan = (t: TTaskList | null) =>
    t
      ? [
          `理论宣讲：${t.content.lecture}`,
          `交流谈心：${t.content.talk}`,
          `调查研究：${t.content.research}`,
          `推动工作：${t.content.work}`,
        ].join('\n')
      : '（未报备）';
  const items = [...log.items].reverse().map(toActivitySummary);
  const data = await docxFile([
    title(`${cadre.cadre.name} ${year} 年度联系青年工作档案`),
    para(
      `所在组织：${cadre.orgName}${cadre.cadre.department ? `　部室：${cadre.cadre.department}` : ''}　　生成日期：${today(p)}`,
    ),
    heading('一、任务清单'),
    para(plan(taskList)),
    heading('二、完成情况（据工作日志统计）'),
    table(
      [
        [
          { text: '项目', bold: true, center: true },
          { text: '完成', bold: true, center: true },
          { text: '全年要求', bold: true, center: true },
        ],
        ...figures.map((f) => [
          f.label,
          { text: String(f.done), center: true },
          { text: f.required === null ? '—' : String(f.required), center: true },
        ]),
      ],
      [PAGE_WIDTH - 3000, 1500, 1500],
    ),
    heading('三、半年自查报告'),
    para(selfCheck ? selfCheck.content.text : '（未提交）'),
    heading('四、调查研究'),
    para(
      `课题：${research.topic ?? '（未确定）'}\n报告：${research.report ? `${research.report.title}（${research.report.date}）` : '（未提交）'}${research.report?.text ? `\n${research.report.text}` : ''}`,
    ),
    ...(research.posting
      ? [
          para(
            `参加常态化下沉基层（派驻${research.posting.orgName}，${research.posting.from}至${research.posting.to}），视同完成当年调查研究。`,
          ),
        ]
      : []),
    heading('五、工作日志'),
    table(
      [
        ['日期', '类型', '内容'].map((text) => ({ text, bold: true, center: true })),
        ...items.map((a) => [
          a.start && a.end && a.start !== a.end ? `${a.start}至${a.end}` : (a.date ?? a.end ?? ''),
          activityTypeLabels[a.type],
          [a.title, a.note].filter(Boolean).join('；'),
        ]),
      ],
      [2400, 1800, PAGE_WIDTH - 4200],
    ),
    heading('六、表彰与处理'),
    conduct.length > 0
      ? table(
          [
            ['日期', '类别', '名称', '决定机关及文号', '事由'].map((text) => ({
              text,
              bold: true,
              center: true,
            })),
            ...conduct.map((c) => [
              c.decidedOn,
              conductKindLabels[c.kind],
              c.title,
              [c.issuedBy, c.documentNo].filter(Boolean).join(' '),
              c.reason ?? '',
            ]),
          ],
          [1500, 900, 2000, 2600, PAGE_WIDTH - 7000],
        )
      : para('（无）'),
  ]);
  return { fileName: `年度工作档案-${cadre.cadre.name}-${year}.docx`, data };
}

/**
 * 个人总结 (seed 001 四.3, 五.3 述职) as printed: the cadre's words, the figures counted from the log
 * (frozen once submitted), and the grade once the assessment is published.
 */
export async function yearSummaryForm(
  p: Platform,
  actor: Actor,
  year: number,
  cadreId: string,
): Promise<FormFile> {
  const summary = await findYearSummary(p, actor, cadreId, year);
  if (!summary) throw notFound('Year-end summary', `${cadreId}/${year}`, '个人总结');
  const cadre = await loadCadre(p, actor, cadreId, 'read');
  const grade = (await gradesOfCadres(p.db, [cadreId], year)).find((g) => g.status === 'published');
  const state = summary.submittedOn
    ? `报送日期：${summary.firstSubmittedOn ?? summary.submittedOn}`
    : '草稿（未报送）';
  const data = await docxFile([
    title(`${year} 年度联系青年工作个人总结`),
    para(`姓名：${summary.cadreName}　　所在组织：${cadre.orgName}　　${state}`),
    ...summary.content.text.split(/\n{2,}/).map((block) => para(block)),
    heading('附：完成情况（据工作日志统计）'),
    table(
      [
        ['项目', '完成', '全年要求'].map((text) => ({ text, bold: true, center: true })),
        ...summary.content.figures.map((f) => [
          f.label,
          { text: String(f.done), center: true },
          { text: f.required === null ? '—' : String(f.required), center: true },
        ]),
      ],
      [PAGE_WIDTH - 3000, 1500, 1500],
    ),
    para(
      `考核等次：${grade?.grade ? assessmentGradeLabels[grade.grade as AssessmentGrade] : '（尚未公布）'}`,
    ),
  ]);
  return { fileName: `个人总结-${summary.cadreName}-${year}.docx`, data };
}

const spanOf = (a: TActivityDetail['activity']) => {
  const r = a as Record<string, unknown>;
  return typeof r.start === 'string' ? `${r.start}至${r.end}` : typeof r.date === 'string' ? r.date : '';
};

/** 明白帐 as printed: each section as it stands, with who last wrote it and how often it changed. */
function factBookBlocks(book: TFactBook) {
  return book.sections.flatMap(({ section, current, history }) => [
    para(factBookSectionLabels[section], { bold: true }),
    para(
      current
        ? `${current.text}\n（${current.writtenAt.slice(0, 10)} ${current.writtenBy} 更新${history.length > 0 ? `，此前修改 ${history.length} 次` : ''}）`
        : '（未填写）',
    ),
  ]);
}

/** 工作台账 of a point for handover (cyl2014.ledger_handover): every tenure the reader sees, notes and records. */
export async function pointArchiveForm(p: Platform, actor: Actor, pointId: string): Promise<FormFile> {
  // one after the other: a refused reader is refused (and audited) once
  const ledger = await pointLedger(p, actor, pointId);
  const book = await getFactBook(p, actor, pointId);
  const holder = (t: (typeof ledger.tenures)[number]) => t.cadreName ?? t.holderOrgName ?? '';
  const blocks = [
    title(`${ledger.point.orgName}联系点工作台账`),
    para(`联系点：${ledger.point.orgName}　　生成日期：${today(p)}`),
    heading('一、历任联系人'),
    table(
      [
        ['联系人', '起止时间', '类别', '工作课题'].map((text) => ({ text, bold: true, center: true })),
        ...ledger.tenures.map((t) => [
          holder(t),
          `${t.from}至${t.to ?? '今'}`,
          t.category ? pointCategoryLabels[t.category] : '',
          t.topic ?? '',
        ]),
      ],
      [1800, 3400, 1200, PAGE_WIDTH - 6400],
    ),
    heading('二、明白帐'),
    ...factBookBlocks(book),
    heading('三、交接说明'),
    ...(ledger.handovers.length > 0
      ? ledger.handovers.map((h) => para(`${h.on} 交接：\n${h.note}`))
      : [para('（无）')]),
    heading('四、工作记录'),
    table(
      [
        ['日期', '记录人', '类型', '内容'].map((text) => ({ text, bold: true, center: true })),
        ...ledger.activities.map((a) => [
          spanOf(a.activity),
          a.cadreName,
          activityTypeLabels[a.activity.type],
          detailText(a.activity as Record<string, unknown>),
        ]),
      ],
      [2400, 1300, 1500, PAGE_WIDTH - 5200],
    ),
  ];
  const data = await docxFile(blocks);
  return { fileName: `联系点台账-${ledger.point.orgName}.docx`, data };
}
