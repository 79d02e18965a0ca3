import { type Ctx, type Evaluator, eachCadre, eachPoint } from '../context.ts';
import { addDays, addMonths, daysBetween, minDate, wholeMonths } from '../dates.ts';
import { band, num } from '../params.ts';
import type { RuleDef } from '../rule.ts';
import { bandStatus, floorStatus, ids, pointSubject, result, tenureOver } from '../status.ts';
import type { ComplianceResult } from '../types.ts';

/** County committees of the preset's scope, with the cadres holding each at the as-of date. */
function countyHolders(rule: RuleDef, ctx: Ctx): Map<string, { cadres: Set<string>; points: string[] }> {
  const counties = new Map<string, { cadres: Set<string>; points: string[] }>();
  for (const o of ctx.facts.orgs) {
    if (o.level === 'county' && ctx.paramsFor(rule, o.id) !== null)
      counties.set(o.id, { cadres: new Set(), points: [] });
  }
  for (const p of ctx.heldAtAsOf(ctx.facts.points)) {
    const entry = counties.get(p.org);
    if (entry === undefined || p.cadre === null) continue;
    entry.cadres.add(p.cadre);
    entry.points.push(p.id);
  }
  return counties;
}

/** Provinces whose every county committee has a contact cadre (the seed's "联系点已覆盖县（区）团委后"). */
function coveredProvinces(rule: RuleDef, ctx: Ctx): Set<string> {
  const uncovered = new Set<string>();
  const seen = new Set<string>();
  for (const [county, h] of countyHolders(rule, ctx)) {
    const prov = ctx.orgs.get(county)?.province;
    if (!prov) continue;
    seen.add(prov);
    if (h.cadres.size === 0) uncovered.add(prov);
  }
  return new Set([...seen].filter((p) => !uncovered.has(p)));
}

export const cyl2014Evaluators: Record<string, Evaluator> = {
  'cyl2014.points_per_cadre': (rule, ctx) => {
    const covered = coveredProvinces(rule, ctx);
    return eachCadre(rule, ctx, (c, params) => {
      const held = ctx.heldAtAsOf(ctx.pointsByCadre.get(c.id) ?? []);
      const province = ctx.orgs.get(c.org)?.province ?? null;
      // Cadres left over once their province's counties are all covered take grassroots points.
      const grassrootsCount = province !== null && covered.has(province);
      const counted = held.filter(
        (p) => ctx.levelOf(p.org) === 'county' || (grassrootsCount && ctx.levelOf(p.org) === 'grassroots'),
      );
      const required = num(params, 'points');
      return result(rule, {
        cadre: c.id,
        status: floorStatus(counted.length, required, ctx.yearOver),
        actual: counted.length,
        required,
        evidence: ids(counted),
      });
    });
  },

  'cyl2014.one_cadre_per_county': (rule, ctx) => {
    const out: ComplianceResult[] = [];
    for (const [county, h] of countyHolders(rule, ctx)) {
      const params = ctx.paramsFor(rule, county);
      if (params === null) continue;
      const { min, max } = band(params, 'cadres');
      out.push(
        result(rule, {
          org: county,
          status: bandStatus(h.cadres.size, min, max, ctx.yearOver),
          actual: h.cadres.size,
          required: min,
          max,
          evidence: h.points,
        }),
      );
    }
    return out;
  },

  'cyl2014.province_coverage': (rule, ctx) => {
    const byProvince = new Map<string, { covered: string[]; uncovered: string[]; doubly: string[] }>();
    for (const [county, h] of countyHolders(rule, ctx)) {
      const prov = ctx.orgs.get(county)?.province;
      if (!prov) continue;
      const e = byProvince.get(prov) ?? { covered: [], uncovered: [], doubly: [] };
      if (h.cadres.size === 0) e.uncovered.push(county);
      else e.covered.push(county);
      if (h.cadres.size > 1) e.doubly.push(county);
      byProvince.set(prov, e);
    }
    const out: ComplianceResult[] = [];
    for (const [prov, e] of byProvince) {
      if (ctx.paramsFor(rule, prov) === null) continue;
      const total = e.covered.length + e.uncovered.length;
      // A doubly covered county breaks 每个县（区）团委由1名团干部联系 at once, like a passed ceiling.
      const status = e.doubly.length > 0 ? 'unmet' : floorStatus(e.covered.length, total, ctx.yearOver);
      out.push(
        result(rule, {
          org: prov,
          status,
          actual: e.covered.length,
          required: total,
          evidence: e.covered,
          detail: { uncovered: e.uncovered, doubly: e.doubly },
        }),
      );
    }
    return out;
  },

  'cyl2014.min_tenure': (rule, ctx) =>
    eachPoint(rule, ctx, (p, params) => {
      const months = num(params, 'months');
      // Held at least `months`: the tenure reaches the day before the same date `months` later.
      const due = addDays(addMonths(p.from, months), -1);
      const lastHeld = p.to === null ? ctx.asOf : minDate(p.to, ctx.asOf);
      const reached = lastHeld >= due;
      const heldMonths = wholeMonths(p.from, lastHeld);
      return result(rule, {
        ...pointSubject(p),
        status: reached ? 'met' : tenureOver(p, ctx.asOf) ? 'unmet' : 'in_progress',
        actual: heldMonths,
        required: months,
      });
    }),

  'cyl2014.secretariat_days': (rule, ctx) =>
    eachPoint(rule, ctx, (p, params) => {
      const stays = [...p.year.visits, ...p.year.liveWith];
      const days = stays.reduce((s, v) => s + v.onSiteDays, 0);
      const required = num(params, 'days');
      return result(rule, {
        ...pointSubject(p),
        status: floorStatus(days, required, ctx.yearOver),
        actual: days,
        required,
        evidence: ids(stays),
      });
    }),

  'cyl2014.visits_per_point': (rule, ctx) =>
    eachPoint(rule, ctx, (p, params) => {
      // 每次不少于5天（不含在途时间）: a shorter visit does not count toward the two.
      const qualifying = p.year.visits.filter((v) => v.onSiteDays >= num(params, 'daysPerVisit'));
      const required = num(params, 'visits');
      return result(rule, {
        ...pointSubject(p),
        status: floorStatus(qualifying.length, required, ctx.yearOver),
        actual: qualifying.length,
        required,
        evidence: ids(qualifying),
      });
    }),

  'cyl2014.spread_visits': (rule, ctx) =>
    eachPoint(rule, ctx, (p, params) => {
      const window = num(params, 'windowDays');
      const starts = p.year.visits.map((v) => v.start).sort();
      const first = starts[0];
      const last = starts[starts.length - 1];
      // `actual` is the spread in days between the first and the last start; `required` the window.
      const spread = first !== undefined && last !== undefined ? daysBetween(first, last) : 0;
      const concentrated = starts.length >= num(params, 'minVisits') && spread < window;
      // A concentrated year can still be spread by a later visit starting `window` days after the first.
      const canSpread = first !== undefined && addDays(first, window) <= ctx.yearEnd;
      const status = concentrated
        ? ctx.yearOver || !canSpread
          ? 'unmet'
          : 'in_progress'
        : starts.length >= 2 || ctx.yearOver
          ? 'met'
          : 'in_progress';
      return result(rule, {
        ...pointSubject(p),
        status,
        actual: spread,
        required: window,
        evidence: ids(p.year.visits),
      });
    }),

  'cyl2014.remote_exemption': (rule, ctx) =>
    ctx.facts.exemptions
      .filter((e) => e.basis === rule.id)
      .filter((e) => e.from <= ctx.yearEnd && e.to >= ctx.yearStart)
      .filter((e) => ctx.paramsFor(rule, e.org ?? ctx.cadres.get(e.cadre ?? '')?.org ?? '') !== null)
      .map((e) =>
        result(rule, {
          cadre: e.cadre ?? null,
          point: e.point ?? null,
          org: e.org ?? null,
          // 经省级团委报团中央组织部同意: approved → met; requested, not yet approved → in progress.
          status: e.approver ? 'met' : ctx.asOf >= e.to ? 'unmet' : 'in_progress',
          actual: e.approver ? 1 : 0,
          required: 1,
          evidence: [e.id],
        }),
      ),

  'cyl2014.bureau_not_same_prefecture': (rule, ctx) =>
    eachCadre(rule, ctx, (c) => {
      const held = ctx.heldAtAsOf(ctx.pointsByCadre.get(c.id) ?? []);
      if (held.length < 2) return null;
      const prefectures = new Set(held.map((p) => ctx.orgs.get(p.org)?.prefecture ?? p.org));
      return result(rule, {
        cadre: c.id,
        status: prefectures.size < held.length ? 'unmet' : 'met',
        actual: prefectures.size,
        required: held.length,
        evidence: ids(held),
      });
    }),

  'cyl2014.municipal_grassroots_points': (rule, ctx) => {
    const covered = coveredProvinces(rule, ctx);
    return eachCadre(rule, ctx, (c, params) => {
      const org = ctx.orgs.get(c.org);
      if (org === undefined) return null;
      const held = ctx.heldAtAsOf(ctx.pointsByCadre.get(c.id) ?? []);
      const holdsCounty = held.some((p) => ctx.levelOf(p.org) === 'county');
      const bound =
        org.level === 'county'
          ? org.municipal
          : // Elsewhere only cadres left over: no county point while their province is fully covered.
            !holdsCounty && org.province !== null && covered.has(org.province);
      if (!bound) return null;
      const grassroots = held.filter((p) => ctx.levelOf(p.org) === 'grassroots');
      const required = num(params, 'points');
      return result(rule, {
        cadre: c.id,
        status: floorStatus(grassroots.length, required, ctx.yearOver),
        actual: grassroots.length,
        required,
        evidence: ids(grassroots),
      });
    });
  },

  'cyl2014.live_with_youth': (rule, ctx) =>
    eachPoint(rule, ctx, (p, params) => {
      const required = num(params, 'times');
      return result(rule, {
        ...pointSubject(p),
        status: floorStatus(p.tenure.liveWith.length, required, tenureOver(p, ctx.asOf)),
        actual: p.tenure.liveWith.length,
        required,
        evidence: ids(p.tenure.liveWith),
      });
    }),

  'cyl2014.policy_lectures': (rule, ctx) =>
    eachPoint(rule, ctx, (p, params) => {
      const required = num(params, 'lectures');
      return result(rule, {
        ...pointSubject(p),
        status: floorStatus(p.tenure.lectures.length, required, tenureOver(p, ctx.asOf)),
        actual: p.tenure.lectures.length,
        required,
        evidence: ids(p.tenure.lectures),
      });
    }),

  'cyl2014.leader_meetings': (rule, ctx) =>
    eachPoint(rule, ctx, (p, params) => {
      const startBy = addDays(p.from, num(params, 'startWindowDays') - 1);
      const start = p.tenure.leaderMeetings.find((m) => m.date <= startBy);
      const end =
        p.to === null
          ? undefined
          : p.tenure.leaderMeetings.find(
              (m) => m !== start && m.date >= addDays(p.to as string, -(num(params, 'endWindowDays') - 1)),
            );
      const actual = (start ? 1 : 0) + (end ? 1 : 0);
      const status =
        actual === 2
          ? 'met'
          : tenureOver(p, ctx.asOf) || (!start && ctx.asOf >= startBy)
            ? 'unmet' // the start meeting's window has passed without it (decision 10)
            : 'in_progress';
      return result(rule, {
        ...pointSubject(p),
        status,
        actual,
        required: 2,
        evidence: [start, end].filter((m) => m !== undefined).map((m) => m.id),
      });
    }),

  'cyl2014.secretary_vacancy': (rule, ctx) => {
    const out: ComplianceResult[] = [];
    for (const o of ctx.facts.orgs) {
      // Decision 10: no post watched, no result.
      if (o.level !== 'county' || o.secretaryVacancies === undefined) continue;
      const params = ctx.paramsFor(rule, o.id);
      if (params === null) continue;
      const months = num(params, 'months');
      let longest = 0;
      let over = false;
      for (const v of o.secretaryVacancies) {
        const lastVacant = v.to === null ? ctx.asOf : minDate(v.to, ctx.asOf);
        const m = wholeMonths(v.from, lastVacant);
        longest = Math.max(longest, m);
        // Vacant more than `months`: still vacant on the same date `months` later.
        if (lastVacant >= addMonths(v.from, months)) over = true;
      }
      out.push(
        result(rule, {
          org: o.id,
          // A ceiling: unmet as soon as passed; otherwise met (nothing is left to reach).
          status: over ? 'unmet' : 'met',
          actual: longest,
          required: months,
        }),
      );
    }
    return out;
  },

  'cyl2014.youths_interviewed': (rule, ctx) =>
    eachPoint(rule, ctx, (p, params) => {
      const required = num(params, 'youths');
      return result(rule, {
        ...pointSubject(p),
        status: floorStatus(p.tenure.youthsTalked.length, required, tenureOver(p, ctx.asOf)),
        actual: p.tenure.youthsTalked.length,
        required,
        evidence: [...p.tenure.youthsTalked],
      });
    }),

  'cyl2014.key_contacts': (rule, ctx) =>
    eachPoint(rule, ctx, (p, params) => {
      const fields = new Map<string, string>();
      for (const k of p.tenure.keyYouths)
        if (k.field !== null && !fields.has(k.field)) fields.set(k.field, k.id);
      const required = num(params, 'fields');
      return result(rule, {
        ...pointSubject(p),
        status: floorStatus(fields.size, required, tenureOver(p, ctx.asOf)),
        actual: fields.size,
        required,
        evidence: [...fields.values()],
      });
    }),

  'cyl2014.ledger_handover': (rule, ctx) =>
    eachPoint(rule, ctx, (p, params) => {
      if (p.to === null || p.to > ctx.asOf) {
        // No rotation yet: nothing to hand over.
        return result(rule, { ...pointSubject(p), status: 'not_applicable', actual: 0, required: 1 });
      }
      const done = p.handoverNote;
      const due = addDays(p.to, num(params, 'graceDays'));
      return result(rule, {
        ...pointSubject(p),
        status: done ? 'met' : ctx.asOf >= due ? 'unmet' : 'in_progress',
        actual: done ? 1 : 0,
        required: 1,
        evidence: done && p.successor !== null ? [p.successor] : [],
      });
    }),
};
