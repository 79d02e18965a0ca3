import { z } from 'zod';
import { ZDate, ZId } from './common.ts';

/**
 * The records of the annual cycle that also travel in the ledger (docs/interchange.md, extension
 * sections): a leaf module, so that the ledger schema can use them without an import cycle.
 */

/** A filing's way: draft → submitted → returned (with comments) → submitted … → accepted. */
export const ZFilingStatus = z.enum(['draft', 'submitted', 'returned', 'accepted']);
export type TFilingStatus = z.infer<typeof ZFilingStatus>;

export const ZFilingKind = z.enum(['task_list', 'midyear_report', 'year_summary']);

const area = z.string().trim().max(2000);

/** 附表1 任务清单备案表: the four areas and up to four contact points (baoji2018.points holds 3–4). */
export const ZTaskListContent = z.object({
  lecture: area, // 理论宣讲: 确定宣讲内容、时间
  talk: area, // 交流谈心: 联系团干部、团员青年分类开展谈心谈话
  research: area, // 调查研究: 确定调研课题
  work: area, // 推动工作: 帮助基层研究推动2-3项具体工作
  pointIds: z.array(ZId).max(4, '联系点最多 4 个 / at most four contact points'),
});
export type TTaskListContent = z.infer<typeof ZTaskListContent>;

/** The count of one activity type in the self-check: planned (from the rules in force) and done. */
export const ZSelfCheckFigure = z.object({
  type: z.string(),
  label: z.string(),
  done: z.number(),
  required: z.number().nullable(),
});

/** 半年自查报告: figures counted from the work log, and the cadre's own words. */
export const ZSelfCheckContent = z.object({
  figures: z.array(ZSelfCheckFigure),
  notable: z.array(z.object({ activityId: ZId, date: ZDate.nullable(), title: z.string() })),
  text: z.string().trim().max(20_000),
});
export type TSelfCheckContent = z.infer<typeof ZSelfCheckContent>;

export const ZGrade = z.enum(['excellent', 'good', 'fair', 'poor']);
export type TGrade = z.infer<typeof ZGrade>;
