import { type Evaluator, eachPoint, getOrMake, push } from '../context.ts';
import { addDays, maxDate, yearOf } from '../dates.ts';
import type { PointFacts } from '../facts.ts';
import { deadline, list, num, type Params } from '../params.ts';
import { deadlineStatus, floorStatus, ids, pointSubject, result } from '../status.ts';
import type { ComplianceResult } from '../types.ts';

/**
 * 2月28日前报送, or `graceDays` after a later tenure's start: the registration form's due date, per
 * parameters and start date (a province's points share few of either, and two rules ask per point).
 */
function registrationDues(): (p: PointFacts, params: Params) => string {
  const dues = new Map<Params, Map<string, string>>();
  return (p, params) =>
    getOrMake(
      getOrMake(dues, params, () => new Map<string, string>()),
      p.from,
      () => maxDate(deadline(params, 'by', yearOf(p.from)), addDays(p.from, num(params, 'graceDays'))),
    );
}

/** The quota of an organ by its kind (seed 003: 省直团工委、省国资委团委 count with the counties). */
function quotaParam(level: string, sector: boolean): string | null {
  if (sector) return 'sector';
  return level === 'province' || level === 'prefecture' || level === 'county' ? level : null;
}

export const gd2006Evaluators: Record<string, Evaluator> = {
  'gd2006.point_quota': (rule, ctx) => {
    // 团省委领导及机关: points held by the organ itself and by its own cadres both count.
    const held = new Map<string, PointFacts[]>();
    for (const p of ctx.heldAtAsOf(ctx.facts.points)) {
      const organ = p.holderOrg ?? (p.cadre === null ? undefined : ctx.cadres.get(p.cadre)?.org);
      if (organ !== undefined) push(held, organ, p);
    }
    const out: ComplianceResult[] = [];
    for (const o of ctx.facts.orgs) {
      const param = quotaParam(o.level, o.sector);
      const params = param === null ? null : ctx.paramsFor(rule, o.id);
      if (param === null || params === null) continue;
      const points = held.get(o.id) ?? [];
      const required = num(params, param);
      out.push(
        result(rule, {
          org: o.id,
          status: floorStatus(points.length, required, ctx.yearOver),
          actual: points.length,
          required,
          evidence: ids(points),
        }),
      );
    }
    return out;
  },

  'gd2006.five_ones': (rule, ctx) =>
    eachPoint(rule, ctx, (p, params) => {
      const stays = [...p.year.visits, ...p.year.liveWith];
      const days = stays.reduce((s, v) => s + v.onSiteDays, 0);
      const items: [string, number, string[]][] = [
        ['practicalHelp', p.year.practicalHelp.length, ids(p.year.practicalHelp)],
        ['youthsHelped', p.year.youthsHelped.length, p.year.youthsHelped],
        ['articles', p.year.articles.length, ids(p.year.articles)],
        ['systems', p.year.systems.length, ids(p.year.systems)],
        ['days', days, ids(stays)],
      ];
      const missing = items.filter(([name, n]) => n < num(params, name)).map(([name]) => name);
      const actual = items.length - missing.length;
      return result(rule, {
        ...pointSubject(p),
        status: floorStatus(actual, items.length, ctx.yearOver),
        actual,
        required: items.length,
        evidence: items.flatMap(([, , e]) => e),
        ...(missing.length > 0 ? { detail: { missing } } : {}),
      });
    }),

  'gd2006.point_category': (rule, ctx) => {
    const registrationDue = registrationDues();
    return eachPoint(rule, ctx, (p, params) => {
      const done = p.category !== null && p.topic !== null;
      return result(rule, {
        ...pointSubject(p),
        status: deadlineStatus(done, ctx.asOf, registrationDue(p, params)),
        actual: (p.category !== null ? 1 : 0) + (p.topic !== null ? 1 : 0),
        required: 2,
      });
    });
  },

  'gd2006.showcase': (rule, ctx) => {
    const groups = list(rule.params, 'groups');
    // Each organization above a showcase point collects the point's field group (组织 → 示范点领域).
    const found = new Map<string, Map<string, string>>();
    for (const p of ctx.heldAtAsOf(ctx.facts.points)) {
      if (!p.showcase) continue;
      const field = ctx.orgs.get(p.org)?.field;
      const group = groups.find((g) => field && g.split('|').includes(field));
      if (group === undefined) continue;
      for (const org of ctx.chainOf(p.org)) {
        const m = found.get(org) ?? new Map<string, string>();
        if (!m.has(group)) m.set(group, p.id);
        found.set(org, m);
      }
    }
    return ctx.adoptingOrgs(rule.preset).map((org) => {
      const m = found.get(org) ?? new Map<string, string>();
      return result(rule, {
        org,
        status: floorStatus(m.size, groups.length, ctx.yearOver),
        actual: m.size,
        required: groups.length,
        evidence: [...m.values()],
        detail: { missing: groups.filter((g) => !m.has(g)) },
      });
    });
  },

  'gd2006.registration': (rule, ctx) => {
    const registrationDue = registrationDues();
    return eachPoint(rule, ctx, (p, params) => {
      const due = registrationDue(p, params);
      const onTime = p.registeredOn !== null && p.registeredOn <= due;
      return result(rule, {
        ...pointSubject(p),
        status: deadlineStatus(onTime, ctx.asOf, due),
        actual: onTime ? 1 : 0,
        required: 1,
      });
    });
  },
};
