import fs from 'node:fs';
import type { FileCommand } from './commands.ts';
import { RejectedError, RejectedWithOutput, UsageError } from './errors.ts';

// Decision 24: the planner's target is 5 seconds; its local search stops well inside it.
export const SEARCH_BUDGET_MS = 3000;

/** `npx lianxin plan FILE`: the plan of a lianxin-posting/1 problem (docs/planner.md), no database. */
export const planCommand: FileCommand = {
  summary: '为下沉基层方案编排批次、县和小组（lianxin-posting/1，不用数据库） / plan a posting program',
  options: {},
  database: false,
  async run({ positionals }) {
    const [file] = positionals;
    if (!file || positionals.length > 1) throw new UsageError('用法 / usage: npx lianxin plan FILE');
    let raw: unknown;
    try {
      raw = JSON.parse(await fs.promises.readFile(file, 'utf8'));
    } catch (e) {
      throw new RejectedError(`无法读取 JSON 文件 / cannot read ${file} as JSON: ${(e as Error).message}`);
    }
    const { parseProblem, plan } = await import('@lianxin/domain');
    const parsed = parseProblem(raw);
    if (!parsed.ok) throw new RejectedError(JSON.stringify({ problems: parsed.problems }, null, 2));
    const result = plan(parsed.problem, { timeBudgetMs: SEARCH_BUDGET_MS, now: () => performance.now() });
    if (result.score.hardViolations > 0)
      throw new RejectedWithOutput(
        `没有不违反硬性规则的方案，输出为找到的最佳方案及其违规说明 / no plan keeps every hard rule: the best found is printed with its ${result.score.hardViolations} hard violations explained`,
        result,
      );
    return result;
  },
};
