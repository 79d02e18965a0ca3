import {
  canLead,
  groupBy,
  homeProvince,
  noOpenBatchReason,
  type ProblemIndex,
  proposedMonths,
} from './context.ts';
import { leaderRanksText, type PlanAssignment, type PlanViolation, type PostingPlan } from './problem.ts';

type Push = (rule: string, subject: string, zh: string, en: string) => void;

function pusher(out: PlanViolation[]): Push {
  return (rule, subject, zh, en) => out.push({ rule, subject, hard: true, message: `${zh} / ${en}` });
}

/** Hard rules 1, 4 and 5 for each assignment on its own. */
function checkAssignment(ix: ProblemIndex, a: PlanAssignment, push: Push) {
  const cadre = ix.cadres.get(a.cadre);
  if (!cadre)
    return push('reference', a.cadre, `干部 ${a.cadre} 不在名单中`, `cadre ${a.cadre} is not in the problem`);
  const batch = ix.batchAt.get(a.batch);
  if (batch === undefined)
    push('reference', a.cadre, `批次 ${a.batch} 不存在`, `batch ${a.batch} does not exist`);
  else if (!ix.open.get(cadre.id)?.includes(batch)) {
    const why = cadre.avoidBatches.includes(a.batch)
      ? ['本人回避该批次', 'the cadre avoids it']
      : [`试用期至 ${cadre.probationEndsOn} 未满`, `still in probation until ${cadre.probationEndsOn}`];
    push(
      'eligible',
      a.cadre,
      `${a.cadre} 不能参加批次 ${a.batch}：${why[0]}`,
      `${a.cadre} may not go in ${a.batch}: ${why[1]}`,
    );
  }
  const county = ix.counties.get(a.county);
  if (!county) push('reference', a.cadre, `县 ${a.county} 不存在`, `county ${a.county} does not exist`);
  const home = homeProvince(ix, cadre);
  if (county && home !== null && county.province !== home)
    push(
      'own-province',
      a.cadre,
      `省级干部 ${a.cadre} 须派驻本省（${home}），而非 ${county.province} 的 ${county.id}`,
      `provincial cadre ${a.cadre} must stay in province ${home}, not ${county.id} of ${county.province}`,
    );
  const months = proposedMonths(cadre);
  // Decision 13: 6 months shortened to 4 by hand is a soft deviation, scored elsewhere.
  if (a.months !== months && !(months === 6 && a.months === 4))
    push(
      'months',
      a.cadre,
      `${a.cadre} 基层经历 ${cadre.grassrootsYears} 年，工作时间应为 ${months} 个月，而非 ${a.months}`,
      `${a.cadre} has ${cadre.grassrootsYears} grassroots years: ${months} months, not ${a.months}`,
    );
}

/** Hard rule 1: everyone with an open batch posted exactly once; the rest listed with a reason. */
function checkEveryoneOnce(ix: ProblemIndex, plan: PostingPlan, push: Push) {
  const times = groupBy(plan.assignments, (a) => a.cadre);
  const listed = new Set(plan.unassigned.map((u) => u.cadre));
  for (const cadre of ix.problem.cadres) {
    const n = times.get(cadre.id)?.length ?? 0;
    const canGo = (ix.open.get(cadre.id) ?? []).length > 0;
    if (n > 1)
      push('assigned-once', cadre.id, `${cadre.id} 被安排了 ${n} 次`, `${cadre.id} is assigned ${n} times`);
    else if (n === 0 && canGo)
      push(
        'assigned-once',
        cadre.id,
        `${cadre.id} 有可参加的批次却未被安排`,
        `${cadre.id} has an open batch but no posting`,
      );
    else if (n === 0 && !listed.has(cadre.id))
      push(
        'assigned-once',
        cadre.id,
        `${cadre.id} 未列入未安排名单：${noOpenBatchReason(ix, cadre)}`,
        `${cadre.id} is missing from unassigned`,
      );
  }
}

/** Hard rule 2: each organ's counts across batches differ by at most 1. */
function checkOrganBalance(ix: ProblemIndex, plan: PostingPlan, push: Push) {
  const counts = new Map(ix.problem.organs.map((o) => [o.id, ix.batches.map(() => 0)]));
  for (const a of plan.assignments) {
    const organ = ix.cadres.get(a.cadre)?.organ;
    const batch = ix.batchAt.get(a.batch);
    const row = organ === undefined ? undefined : counts.get(organ);
    if (row && batch !== undefined) row[batch] = (row[batch] ?? 0) + 1;
  }
  for (const [organ, row] of counts) {
    if (Math.max(...row) - Math.min(...row) <= 1) continue;
    const shown = ix.batches.map((b, i) => `${b.id}:${row[i]}`).join(', ');
    push(
      'organ-balance',
      organ,
      `机关 ${organ} 各批人数相差超过 1（${shown}）`,
      `organ ${organ} sends uneven numbers per batch (${shown})`,
    );
  }
}

/** Hard rule 3: within a batch a county receives at most one cadre. */
function checkCountyOnce(plan: PostingPlan, push: Push) {
  for (const [key, list] of groupBy(plan.assignments, (a) => `${a.county}@${a.batch}`)) {
    if (list.length > 1)
      push(
        'county-once',
        key,
        `同一批次派驻同一县 ${list.length} 人（${list.map((a) => a.cadre).join('、')}）`,
        `${list.length} cadres in one county in one batch`,
      );
  }
}

/** Hard rule 6: groups of the band's size, one batch and prefecture, different counties, a leader. */
function checkGroups(ix: ProblemIndex, plan: PostingPlan, push: Push) {
  const groups = new Map(plan.groups.map((g) => [g.id, g]));
  if (groups.size !== plan.groups.length) push('group', 'groups', '小组编号重复', 'group ids repeat');
  for (const a of plan.assignments) {
    const g = groups.get(a.group);
    const prefecture = ix.counties.get(a.county)?.prefecture;
    if (!g)
      push('group', a.cadre, `${a.cadre} 所在小组 ${a.group} 不存在`, `group ${a.group} does not exist`);
    else if (g.batch !== a.batch || (prefecture !== undefined && prefecture !== g.prefecture))
      push(
        'group',
        a.cadre,
        `${a.cadre} 与小组 ${g.id} 不同批次或不同地市（${a.batch}/${prefecture}，小组 ${g.batch}/${g.prefecture}）`,
        `${a.cadre} is not in group ${g.id}'s batch and prefecture`,
      );
  }
  const postedIn = groupBy(plan.assignments, (a) => a.group);
  const { min, max } = ix.rules;
  for (const g of plan.groups) {
    const posted = new Set((postedIn.get(g.id) ?? []).map((a) => a.cadre));
    const members = new Set(g.members);
    if (posted.size !== members.size || [...posted].some((c) => !members.has(c)))
      push(
        'group',
        g.id,
        `小组 ${g.id} 的成员与派驻安排不一致`,
        `group ${g.id}'s members differ from its postings`,
      );
    if (posted.size < min || posted.size > max)
      push(
        'group-size',
        g.id,
        `小组 ${g.id} 有 ${posted.size} 人，应为 ${min}–${max} 人`,
        `group ${g.id} has ${posted.size} members, not ${min}–${max}`,
      );
    const leader = g.leader === null ? undefined : ix.cadres.get(g.leader);
    const ranks = leaderRanksText(ix.rules.leaderRanks);
    if (!leader || !posted.has(leader.id) || !canLead(ix, leader))
      push(
        'group-leader',
        g.id,
        `小组 ${g.id} 没有${ranks.zh}的牵头人（牵头人：${g.leader ?? '无'}）`,
        `group ${g.id} has no leader of ${ranks.en} among its members`,
      );
  }
}

/** The hard violations of a plan, worked out from the plan alone (admins edit plans by hand). */
export function hardViolations(ix: ProblemIndex, plan: PostingPlan): PlanViolation[] {
  const out: PlanViolation[] = [];
  const push = pusher(out);
  for (const a of plan.assignments) checkAssignment(ix, a, push);
  checkEveryoneOnce(ix, plan, push);
  checkOrganBalance(ix, plan, push);
  checkCountyOnce(plan, push);
  checkGroups(ix, plan, push);
  return out;
}
