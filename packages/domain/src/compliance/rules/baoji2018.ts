import { type Ctx, type Evaluator, eachCadre, eachOrg, eachPoint } from '../context.ts';
import type { CadreFacts, Filing, FilingKind } from '../facts.ts';
import { band, deadline, num, type Params } from '../params.ts';
import type { RuleDef } from '../rule.ts';
import { bandStatus, deadlineStatus, floorStatus, ids, pointSubject, result } from '../status.ts';
import type { ComplianceResult } from '../types.ts';

/** A per-cadre floor over the year's records: `pick` gives the ids that count. */
function cadreFloor(param: string, pick: (c: CadreFacts) => string[]): Evaluator {
  return (rule, ctx) =>
    eachCadre(rule, ctx, (c, params) => {
      const counted = pick(c);
      const required = num(params, param);
      return result(rule, {
        cadre: c.id,
        status: floorStatus(counted.length, required, ctx.yearOver),
        actual: counted.length,
        required,
        evidence: counted,
      });
    });
}

const filed = (kind: FilingKind) => (c: CadreFacts) => c.filings.filter((f) => f.kind === kind);

/** A record the cadre files by a deadline of the year (decision 10). */
function filedBy(pick: (c: CadreFacts) => readonly { id: string; date: string }[]): Evaluator {
  return (rule, ctx) =>
    eachCadre(rule, ctx, (c, params) => {
      const due = deadline(params, 'by', ctx.year);
      const onTime = pick(c).filter((f) => f.date <= due);
      return result(rule, {
        cadre: c.id,
        status: deadlineStatus(onTime.length > 0, ctx.asOf, due),
        actual: Math.min(onTime.length, 1),
        required: 1,
        evidence: ids(onTime),
      });
    });
}

/** The assessing units of decision 5: a cadre's department when they have one, else their organization. */
function assessingUnits(rule: RuleDef, ctx: Ctx): Map<string, { org: string; department: string | null }> {
  const units = new Map<string, { org: string; department: string | null }>();
  for (const c of ctx.facts.cadres) {
    if (ctx.cadreParams(rule, c) === null) continue;
    const key = c.department === null ? c.org : `${c.org}#${c.department}`;
    units.set(key, { org: c.org, department: c.department });
  }
  return units;
}

function unitSubject(u: { org: string; department: string | null }) {
  return { org: u.org, ...(u.department !== null ? { department: u.department } : {}) };
}

function quotaChecks(
  grades: { cadre: string; grade: string; talkHeld?: boolean }[],
  params: Params,
): { passed: number; failed: string[] } {
  const share = (g: string) => grades.filter((x) => x.grade === g).length / Math.max(grades.length, 1);
  const failed: string[] = [];
  if (share('excellent') > num(params, 'excellentShare')) failed.push('excellentShare');
  if (share('good') > num(params, 'goodShare')) failed.push('goodShare');
  // 对评为“差”等次的干部进行约谈.
  if (grades.some((x) => x.grade === 'poor' && !x.talkHeld)) failed.push('poorTalks');
  return { passed: 3 - failed.length, failed };
}

export const baoji2018Evaluators: Record<string, Evaluator> = {
  'baoji2018.points': (rule, ctx) =>
    eachCadre(rule, ctx, (c, params) => {
      const held = ctx
        .heldAtAsOf(ctx.pointsByCadre.get(c.id) ?? [])
        .filter((p) => ctx.levelOf(p.org) === 'grassroots');
      const { min, max } = band(params, 'points');
      return result(rule, {
        cadre: c.id,
        status: bandStatus(held.length, min, max, ctx.yearOver),
        actual: held.length,
        required: min,
        max,
        evidence: ids(held),
      });
    }),

  'baoji2018.close_contacts': cadreFloor('people', (c) => ids(c.keyContacts)),
  'baoji2018.task_list_filed': filedBy(filed('task_list')),
  'baoji2018.lectures': cadreFloor('lectures', (c) => ids(c.lectures)),

  'baoji2018.grassroots_time': (rule, ctx) =>
    eachCadre(rule, ctx, (c, params) => {
      const stays = [...c.visits, ...c.liveWith];
      const days = stays.reduce((s, v) => s + v.onSiteDays, 0);
      const required = num(params, 'days');
      return result(rule, {
        cadre: c.id,
        status: floorStatus(days, required, ctx.yearOver),
        actual: days,
        required,
        evidence: ids(stays),
      });
    }),

  'baoji2018.visits': cadreFloor('visits', (c) => ids(c.visits)),
  'baoji2018.youths_met': cadreFloor('youths', (c) => c.youthsFaceToFace),
  'baoji2018.cadre_talks': cadreFloor('cadres', (c) => c.leagueCadresTalked),
  'baoji2018.research': filedBy((c) => c.researchReports),

  'baoji2018.work_items': (rule, ctx) =>
    eachPoint(rule, ctx, (p, params) => {
      const required = num(params, 'items');
      const done = p.year.workItemsDone;
      return result(rule, {
        ...pointSubject(p),
        status: floorStatus(done.length, required, ctx.yearOver),
        actual: done.length,
        required,
        evidence: done,
      });
    }),

  'baoji2018.midyear_report': filedBy(filed('midyear_report')),

  'baoji2018.assessment': (rule, ctx) => {
    const byUnit = new Map(ctx.facts.assessments.map((a) => [a.unit, a]));
    const out: ComplianceResult[] = [];
    for (const [key, unit] of assessingUnits(rule, ctx)) {
      const params = ctx.paramsFor(rule, unit.org);
      if (params === null) continue;
      const a = byUnit.get(key);
      // Assessment starts late November: without grades the unit is in progress until 31 December.
      const checks = a === undefined ? null : quotaChecks(a.grades, params);
      out.push(
        result(rule, {
          ...unitSubject(unit),
          status:
            checks === null
              ? ctx.yearOver
                ? 'unmet'
                : 'in_progress'
              : checks.passed === 3
                ? 'met'
                : 'unmet',
          actual: checks?.passed ?? 0,
          required: 3,
          evidence: a === undefined ? [] : a.grades.map((g) => g.cadre),
          ...(checks !== null && checks.failed.length > 0 ? { detail: { failed: checks.failed } } : {}),
        }),
      );
    }
    return out;
  },

  'baoji2018.report_recommendation': (rule, ctx) => {
    const recommended = (org: string, department: string | null): Filing[] =>
      (ctx.orgs.get(org)?.filings ?? []).filter(
        (f) => f.kind === 'report_recommendation' && (f.department ?? null) === department,
      );
    const counties = eachOrg(rule, ctx, 'county', (o, params) => {
      const reports = recommended(o.id, null);
      const required = num(params, 'countyReports');
      return result(rule, {
        org: o.id,
        status: floorStatus(reports.length, required, ctx.yearOver),
        actual: reports.length,
        required,
        evidence: ids(reports),
      });
    });
    const departments: ComplianceResult[] = [];
    for (const unit of assessingUnits(rule, ctx).values()) {
      const params = ctx.paramsFor(rule, unit.org);
      if (unit.department === null || ctx.levelOf(unit.org) !== 'prefecture' || params === null) continue;
      const reports = recommended(unit.org, unit.department);
      const required = num(params, 'departmentReports');
      departments.push(
        result(rule, {
          ...unitSubject(unit),
          status: floorStatus(reports.length, required, ctx.yearOver),
          actual: reports.length,
          required,
          evidence: ids(reports),
        }),
      );
    }
    return [...counties, ...departments];
  },
};
