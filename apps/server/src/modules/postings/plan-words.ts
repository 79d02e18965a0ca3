import type { TPlanViolation } from '@lianxin/contracts';
import type { PlanViolation } from '@lianxin/domain';

/**
 * The planner writes its documents in ids (`lianxin-posting/1` is a file format, the CLI prints
 * them); a page names things. These turn a violation's ids into Chinese names and add what mends it.
 */

/** Replaces each whole id in `text` (not part of a longer id) by its name. */
export function namer(names: ReadonlyMap<string, string>): (text: string) => string {
  if (names.size === 0) return (text) => text;
  const escaped = [...names.keys()]
    .sort((a, b) => b.length - a.length)
    .map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(?<![\\w-])(${escaped.join('|')})(?![\\w-])`, 'g');
  return (text) => text.replace(pattern, (id) => names.get(id) ?? id);
}

/** What mends a broken rule that the planner found it could not meet with these batches and cadres. */
const causeFixes: Record<string, string> = {
  'organ-balance': '减少批次数，或调整干部的回避批次，使每批可参加的人数相当',
  'county-once': '增加批次（每批派出的人随之减少），或请中央机关干部加入',
  'group-size': '减少批次数，使每批的人数够编成小组；或增加派出干部',
  'group-leader': '减少批次数，或增加可牵头的干部，使每个小组都有牵头人',
};

/** What mends a rule a plan breaks, by the rule. */
const fixes: Record<string, string> = {
  eligible: '把该干部改到试用期已满、且本人未回避的批次',
  'assigned-once': '在方案表中为该干部选定一个批次、派驻地和小组',
  'organ-balance': '把人数多的批次中的干部改到人数少的批次，使各批相差不超过 1 人',
  'county-once': '把其中一人改派到本批次的另一个派驻地',
  'own-province': '改派到本省的县',
  months: '按基层工作年限改为建议的月数（不满 2 年 6 个月，否则 4 个月）',
  group: '把该干部改到与小组同批次、同地市的派驻地，或换到其他小组',
  'group-size': '从同批次、同地市的其他小组调人进来，或把成员并入其他小组',
  'group-leader': '把一名可牵头的干部调入该组，并设为牵头人',
  reference: '重新生成方案',
  'mixed-group': '把中央机关干部与省级机关干部编在同一小组',
  'county-repeat': '改派到本省尚未派驻过的县',
  'department-emptied': '把该部室中的一人改到其他批次',
  preference: '把该干部改到其希望的批次',
  'months-shortened': '如无特殊原因，恢复为 6 个月',
};

export function fixOf(v: PlanViolation): string {
  const cause = v.message.startsWith('无法满足') ? causeFixes[v.rule] : undefined;
  return cause ?? fixes[v.rule] ?? '调整方案后重新检查';
}

/** A violation as a page shows it: names for ids, and its fix. */
export function violationView(v: PlanViolation, name: (text: string) => string): TPlanViolation {
  return { ...v, message: name(v.message), fix: fixOf(v) };
}
