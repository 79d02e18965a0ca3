import {
  activityTypeLabels,
  type TActivityType,
  type TSelfCheckContent,
  type TTaskListContent,
} from '@lianxin/contracts';
import type { Actor } from '../../platform/access/index.ts';
import type { Platform } from '../../platform/platform.ts';
import { loadCadre } from '../cadres/cadres.service.ts';
import {
  activityFigures,
  findFiling,
  notableActivities,
  peopleFigures,
  postingCountedAsResearch,
  researchReportOf,
} from './annual-cycle.repo.ts';
import { cycleAt, today } from './cycle.ts';

type CadreView = Awaited<ReturnType<typeof loadCadre>>;
/** The two reports drafted from the log: 半年自查报告 and 个人总结. */
export type ReportKind = 'midyear_report' | 'year_summary';
type Figure = TSelfCheckContent['figures'][number];

/**
 * The figures of the year so far, counted from the work log (never typed in), beside the yearly
 * targets of the rules in force: the four tasks of 附表1 in sessions and time.
 */
export async function yearFigures(
  p: Platform,
  cadre: CadreView,
  year: number,
  asOf: string,
): Promise<Figure[]> {
  const from = `${year}-01-01`;
  const to = asOf < `${year}-12-31` ? asOf : `${year}-12-31`;
  const [byType, people, { targets }] = await Promise.all([
    activityFigures(p.db, cadre.cadre.id, from, to),
    peopleFigures(p.db, cadre.cadre.id, from, to),
    cycleAt(p.db, cadre.orgPath, year),
  ]);
  const n = (type: string) => byType.get(type)?.n ?? 0;
  const days = (byType.get('visit')?.days ?? 0) + (byType.get('live_with')?.days ?? 0);
  return [
    {
      type: 'lecture',
      label: '理论宣讲（集中宣讲、主题团课）次数',
      done: n('lecture'),
      required: targets?.lectures ?? null,
    },
    { type: 'visit', label: '走访基层青年次数', done: n('visit'), required: targets?.visits ?? null },
    {
      type: 'grassroots_days',
      label: '走进基层累计天数',
      done: days,
      required: targets?.grassrootsDays ?? null,
    },
    {
      type: 'youths_met',
      label: '面对面交流普通青年人数',
      done: people.youths,
      required: targets?.youthsMet ?? null,
    },
    { type: 'talk', label: '谈心谈话次数', done: n('talk'), required: null },
    {
      type: 'league_cadres',
      label: '谈心谈话团干部人数',
      done: people.leagueCadres,
      required: targets?.leagueCadresTalked ?? null,
    },
    {
      type: 'work_item',
      label: '推动工作完成项数',
      done: byType.get('work_item')?.done ?? 0,
      required: null,
    },
    {
      type: 'research_report',
      label: '调研报告篇数',
      done: n('research_report'),
      required: targets?.researchReports ?? null,
    },
  ];
}

function draftText(figures: Figure[], plan: TTaskListContent | null, topic: string | null): string {
  const lines = figures.map(
    (f) => `${f.label}：${f.done}${f.required === null ? '' : `（全年要求不少于 ${f.required}）`}`,
  );
  const planned = plan
    ? [
        `理论宣讲计划：${plan.lecture || '（未填）'}`,
        `交流谈心计划：${plan.talk || '（未填）'}`,
        `调查研究课题：${plan.research || '（未填）'}`,
        `推动工作计划：${plan.work || '（未填）'}`,
      ]
    : ['（本年度尚未报备任务清单）'];
  return [
    '一、任务清单',
    ...planned,
    '二、完成情况（据工作日志统计）',
    ...lines,
    `三、调研进展：${topic ? `课题“${topic}”` : '尚未确定课题'}`,
    '四、存在问题及下半年打算：',
  ].join('\n');
}

/**
 * 个人总结 draft (seed 001 四.3 资料核查, 五.3 述职): the year's figures and the work done, named as the
 * log names it, for the cadre to turn into their own words.
 */
function summaryText(
  cadreName: string,
  figures: Figure[],
  notable: TSelfCheckContent['notable'],
  report: string | null,
): string {
  return [
    `${cadreName}个人总结`,
    '一、完成情况（据工作日志统计）',
    ...figures.map(
      (f) => `${f.label}：${f.done}${f.required === null ? '' : `（全年要求不少于 ${f.required}）`}`,
    ),
    '二、主要工作',
    ...(notable.length > 0
      ? notable.map((a, i) => `${i + 1}. ${a.title}${a.date ? `（${a.date}）` : ''}`)
      : ['（工作日志中暂无办实事、推动工作、典型案例等记录）']),
    `三、调查研究：${report ? `形成调研报告“${report}”` : '尚未形成调研报告'}`,
    '四、存在不足及明年打算：',
  ].join('\n');
}

/** 半年自查报告 or 个人总结 draft: plan, figures and notable records, with a text the cadre then edits. */
export async function selfCheckDraft(
  p: Platform,
  cadre: CadreView,
  year: number,
  kind: ReportKind = 'midyear_report',
): Promise<TSelfCheckContent> {
  const asOf = today(p);
  const to = asOf < `${year}-12-31` ? asOf : `${year}-12-31`;
  const [figures, notable, plan, report, posting] = await Promise.all([
    yearFigures(p, cadre, year, asOf),
    notableActivities(p.db, cadre.cadre.id, `${year}-01-01`, to),
    findFiling(p.db, cadre.cadre.id, year, 'task_list'),
    researchReportOf(p.db, cadre.cadre.id, year),
    postingCountedAsResearch(p.db, cadre.cadre.id, year),
  ]);
  const content = (plan?.content ?? null) as TTaskListContent | null;
  // a posting of the year stands for its research (seed 002 四.2): named by its summary
  const research = report?.title ?? (posting ? `常态化下沉基层（${posting.orgName}）个人工作总结` : null);
  const named = notable.map((a) => ({
    activityId: a.id,
    date: a.date,
    title: a.title || activityTypeLabels[a.type as TActivityType] || a.type,
  }));
  return {
    figures,
    notable: named,
    text:
      kind === 'year_summary'
        ? summaryText(cadre.cadre.name, figures, named, research)
        : draftText(figures, content, research ?? content?.research ?? null),
  };
}

export async function selfCheckDraftFor(
  p: Platform,
  actor: Actor,
  cadreId: string,
  year: number,
  kind: ReportKind = 'midyear_report',
) {
  return selfCheckDraft(p, await loadCadre(p, actor, cadreId, 'read'), year, kind);
}
