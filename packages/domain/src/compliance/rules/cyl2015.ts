import { type Ctx, type Evaluator, push } from '../context.ts';
import { addDays, quarterSpan, wholeMonths } from '../dates.ts';
import type { PostingFacts } from '../facts.ts';
import { band, list, num, type Params } from '../params.ts';
import type { RuleDef } from '../rule.ts';
import { bandStatus, deadlineStatus, everySlotStatus, floorStatus, ids, result } from '../status.ts';
import type { ComplianceResult, ComplianceStatus } from '../types.ts';

/** Evaluate `fn` for each 常态化下沉基层 posting of the year whose cadre is in the rule's population. */
function eachPosting(
  rule: RuleDef,
  ctx: Ctx,
  fn: (p: PostingFacts, params: Params, over: boolean) => ComplianceResult | null,
): ComplianceResult[] {
  const out: ComplianceResult[] = [];
  for (const p of ctx.postingsOfYear('cyl2015')) {
    const cadre = ctx.cadres.get(p.cadre);
    const params = cadre === undefined ? null : ctx.cadreParams(rule, cadre);
    if (params === null) continue;
    const r = fn(p, params, ctx.asOf >= p.end);
    if (r !== null) out.push(r);
  }
  return out;
}

function subject(p: PostingFacts) {
  return { cadre: p.cadre, point: p.pointAtCounty, posting: p.id };
}

function postingFloor(rule: RuleDef, p: PostingFacts, actual: string[], required: number, over: boolean) {
  return result(rule, {
    ...subject(p),
    status: floorStatus(actual.length, required, over),
    actual: actual.length,
    required,
    evidence: actual,
  });
}

export const cyl2015Evaluators: Record<string, Evaluator> = {
  'cyl2015.batches': (rule, ctx) => {
    const postings = ctx.postingsOfYear('cyl2015');
    const batchEnd = new Map<string, string>();
    for (const p of postings) if ((batchEnd.get(p.batch) ?? '') < p.end) batchEnd.set(p.batch, p.end);
    const eligible = new Map<string, number>();
    for (const c of ctx.facts.cadres)
      if (ctx.cadreParams(rule, c) !== null) eligible.set(c.org, (eligible.get(c.org) ?? 0) + 1);
    const sent = new Map<string, PostingFacts[]>();
    for (const p of postings) {
      const org = ctx.cadres.get(p.cadre)?.org;
      if (org !== undefined && eligible.has(org)) push(sent, `${org}|${p.batch}`, p);
    }
    const out: ComplianceResult[] = [];
    for (const [org, n] of eligible) {
      const params = ctx.paramsFor(rule, org);
      if (params === null) continue;
      const required = Math.floor(n * num(params, 'share'));
      const months = list(params, 'startMonths');
      for (const [batch, end] of batchEnd) {
        const mine = sent.get(`${org}|${batch}`) ?? [];
        const offWindow = mine.filter((p) => !months.includes(p.start.slice(5, 7)));
        out.push(
          result(rule, {
            org,
            batch,
            status: offWindow.length > 0 ? 'unmet' : floorStatus(mine.length, required, ctx.asOf >= end),
            actual: mine.length,
            required,
            evidence: ids(mine),
            ...(offWindow.length > 0 ? { detail: { offWindow: ids(offWindow) } } : {}),
          }),
        );
      }
    }
    return out;
  },

  'cyl2015.one_county_each': (rule, ctx) => {
    const perBatch = new Map<string, number>();
    for (const p of ctx.postingsOfYear('cyl2015'))
      perBatch.set(`${p.cadre}|${p.batch}`, (perBatch.get(`${p.cadre}|${p.batch}`) ?? 0) + 1);
    return eachPosting(rule, ctx, (p, _params, over) => {
      // Decision 11: the posting is checked (one county per batch), not the number of points.
      const oneCounty = ctx.levelOf(p.org) === 'county' && perBatch.get(`${p.cadre}|${p.batch}`) === 1;
      const asPoint = p.pointAtCounty !== null;
      const status: ComplianceStatus = !oneCounty
        ? 'unmet'
        : asPoint
          ? 'met'
          : over
            ? 'unmet'
            : 'in_progress';
      return result(rule, {
        ...subject(p),
        status,
        actual: oneCounty && asPoint ? 1 : 0,
        required: 1,
        evidence: asPoint ? [p.org, p.pointAtCounty as string] : [p.org],
      });
    });
  },

  'cyl2015.batch_length': (rule, ctx) =>
    eachPosting(rule, ctx, (p, params) => {
      const required = num(params, 'months');
      const planned = wholeMonths(p.start, p.end);
      const served = wholeMonths(p.start, ctx.asOf < p.end ? ctx.asOf : p.end);
      const probation = ctx.cadres.get(p.cadre)?.probationEndsOn ?? null;
      // 新录用工作人员待试用期满后安排: a posting starting on or before probation's end is unmet.
      const early = probation !== null && p.start <= probation;
      const status: ComplianceStatus =
        early || planned < required ? 'unmet' : floorStatus(served, required, ctx.asOf >= p.end);
      return result(rule, { ...subject(p), status, actual: served, required, evidence: [p.id] });
    }),

  'cyl2015.groups': (rule, ctx) => {
    const byGroup = new Map<string, PostingFacts[]>();
    for (const p of ctx.postingsOfYear('cyl2015')) if (p.group !== null) push(byGroup, p.group, p);
    return eachPosting(rule, ctx, (p, params) => {
      const { min, max } = band(params, 'members');
      const members = p.group === null ? [p] : (byGroup.get(p.group) ?? [p]);
      const prefectures = new Set(members.map((m) => ctx.orgs.get(m.org)?.prefecture ?? m.org));
      const counties = new Set(members.map((m) => m.org));
      const flagged = members.filter((m) => m.groupLeader);
      const leaders = (flagged.length > 0 ? flagged : members).filter((m) => {
        const rank = ctx.cadres.get(m.cadre)?.rank;
        return rank !== undefined && list(params, 'leaderRanks').includes(rank);
      });
      const sound =
        p.group !== null && prefectures.size === 1 && counties.size === members.length && leaders.length > 0;
      return result(rule, {
        ...subject(p),
        status: sound ? bandStatus(members.length, min, max, true) : 'unmet',
        actual: members.length,
        required: min,
        max,
        evidence: ids(members),
      });
    });
  },

  'cyl2015.no_leave': (rule, ctx) =>
    eachPosting(rule, ctx, (p, params) => {
      const unapproved = p.leaves.filter((l) => !l.approved);
      const allowed = num(params, 'unapproved');
      return result(rule, {
        ...subject(p),
        status: unapproved.length > allowed ? 'unmet' : 'met',
        actual: unapproved.length,
        required: allowed,
        evidence: ids(unapproved),
      });
    }),

  'cyl2015.cases': (rule, ctx) =>
    eachPosting(rule, ctx, (p, params, over) =>
      postingFloor(rule, p, ids(p.cases), num(params, 'cases'), over),
    ),

  'cyl2015.needy_pairs': (rule, ctx) =>
    eachPosting(rule, ctx, (p, params, over) => {
      const needy = (ctx.cadres.get(p.cadre)?.keyContacts ?? []).filter((k) => k.needy);
      return postingFloor(rule, p, ids(needy), num(params, 'youths'), over);
    }),

  'cyl2015.friends': (rule, ctx) =>
    eachPosting(rule, ctx, (p, params, over) =>
      postingFloor(rule, p, p.friends, num(params, 'youths'), over),
    ),

  'cyl2015.reports': (rule, ctx) =>
    eachPosting(rule, ctx, (p) => {
      // 每批工作结束前: both due by the posting's last day; a cadre without a group owes only the summary.
      const summary = p.filings.find((f) => f.kind === 'personal_summary' && f.date <= p.end);
      const group = p.groupReport !== null && p.groupReport.date <= p.end ? p.groupReport : undefined;
      const required = p.group === null ? 1 : 2;
      const filed = [summary, p.group === null ? undefined : group].filter((f) => f !== undefined);
      return result(rule, {
        ...subject(p),
        status: deadlineStatus(filed.length >= required, ctx.asOf, p.end),
        actual: filed.length,
        required,
        evidence: ids(filed),
      });
    }),

  'cyl2015.daily_log': (rule, ctx) =>
    eachPosting(rule, ctx, (p, _params, over) => {
      const logged = p.loggedDays.slice().sort();
      let weeks = 0;
      let withLog = 0;
      for (
        let from = p.start;
        addDays(from, 6) <= p.end && addDays(from, 6) <= ctx.asOf;
        from = addDays(from, 7)
      ) {
        const to = addDays(from, 6);
        weeks++;
        if (logged.some((d) => d >= from && d <= to)) withLog++;
      }
      return result(rule, {
        ...subject(p),
        status: everySlotStatus(weeks - withLog, over),
        actual: withLog,
        required: weeks,
        evidence: logged,
      });
    }),

  'cyl2015.off_batch_contact': (rule, ctx) => {
    const out: ComplianceResult[] = [];
    for (const p of ctx.facts.postings) {
      if (p.program !== 'cyl2015' || p.pointAtCounty === null) continue;
      const point = ctx.points.get(p.pointAtCounty);
      const cadre = ctx.cadres.get(p.cadre);
      const params = cadre === undefined ? null : ctx.cadreParams(rule, cadre);
      if (point === undefined || params === null) continue;
      // Quarters of the year wholly after the posting and inside the tenure, finished by asOf.
      let quarters = 0;
      let contacted = 0;
      let missed = 0;
      for (let q = 1; q <= 4; q++) {
        const { start, end } = quarterSpan(ctx.year, q);
        if (start <= p.end || (point.to !== null && end > point.to)) continue;
        quarters++;
        const n = p.offPostingContacts.filter((c) => c.date >= start && c.date <= end).length;
        if (n >= num(params, 'perQuarter')) contacted++;
        else if (ctx.asOf >= end) missed++;
      }
      if (quarters === 0) continue;
      out.push(
        result(rule, {
          ...subject(p),
          status: everySlotStatus(missed, contacted === quarters || ctx.yearOver),
          actual: contacted,
          required: quarters,
          evidence: ids(p.offPostingContacts),
        }),
      );
    }
    return out;
  },
};
