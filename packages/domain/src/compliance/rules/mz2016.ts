import { type Evaluator, eachCadre, eachOrg, getOrMake, push } from '../context.ts';
import { addDays, firstMonday, monthEnd, quarterSpan } from '../dates.ts';
import { type CadreFacts, type ContactRhythm, type PostingFacts, UNLISTED } from '../facts.ts';
import { band, deadline, list, num, type Params } from '../params.ts';
import { everySlotStatus, floorStatus, ids, result } from '../status.ts';
import type { ComplianceResult } from '../types.ts';

/** Quarters (1–4) of the year finished by `asOf`. */
function finishedQuarters(year: number, asOf: string): number[] {
  return [1, 2, 3, 4].filter((q) => quarterSpan(year, q).end <= asOf);
}

/** The spans of `every` months (the last one cut at December) of the year finished by `asOf`, as month lists. */
function finishedWindows(year: number, asOf: string, every: number): number[][] {
  const n = Math.max(1, Math.floor(every));
  const windows: number[][] = [];
  for (let first = 1; first <= 12; first += n) {
    const last = Math.min(first + n - 1, 12);
    if (monthEnd(year, last) <= asOf)
      windows.push(Array.from({ length: last - first + 1 }, (_, i) => first + i));
  }
  return windows;
}

/** 日常有声音、每季有活动、每年有面对面交流 at the preset's cadences: no window missed so far, the meetings by year's end. */
interface Cadence {
  voice: number[][];
  event: number[][];
  faceToFace: number;
}
function onRhythm(r: ContactRhythm, c: Cadence, yearOver: boolean): boolean {
  return (
    c.voice.every((w) => w.some((m) => r.voiceMonths.includes(m))) &&
    c.event.every((w) => w.some((m) => r.eventMonths.includes(m))) &&
    (!yearOver || r.faceToFace.length >= c.faceToFace)
  );
}

export const mz2016Evaluators: Record<string, Evaluator> = {
  'mz2016.one_plus_100': (rule, ctx) =>
    eachCadre(rule, ctx, (c, params) => {
      // 其他兼职团干部 (part-time cadres of grassroots organizations) keep at least 10, everyone else 100.
      const other = c.employment === 'part_time' && ctx.levelOf(c.org) === 'grassroots';
      const required = num(params, other ? 'otherPartTimePeople' : 'people');
      return result(rule, {
        cadre: c.id,
        status: floorStatus(c.contactsKept.length, required, ctx.yearOver),
        actual: c.contactsKept.length,
        required,
        evidence: ids(c.contactsKept),
      });
    }),

  'mz2016.fields': (rule, ctx) =>
    eachCadre(rule, ctx, (c, params) => {
      const of = list(params, 'of');
      const fields = new Map<string, string>();
      for (const k of c.contactsKept)
        if (k.field !== null && of.includes(k.field) && !fields.has(k.field)) fields.set(k.field, k.id);
      const required = num(params, 'fields');
      return result(rule, {
        cadre: c.id,
        status: floorStatus(fields.size, required, ctx.yearOver),
        actual: fields.size,
        required,
        evidence: [...fields.values()],
        detail: { fields: [...fields.keys()] },
      });
    }),

  'mz2016.no_over_contact': (rule, ctx) => {
    // Per organization: youths kept by more than `maxCadres` of its own cadres (避免对少部分人过多的重复联系).
    const keepers = new Map<string, Map<string, number>>();
    const orgs = new Map<string, number>();
    for (const c of ctx.facts.cadres) {
      const params = ctx.cadreParams(rule, c);
      if (params === null) continue;
      orgs.set(c.org, num(params, 'maxCadres'));
      const m = keepers.get(c.org) ?? new Map<string, number>();
      // an unlisted youth is kept by this cadre alone in the organization (see UNLISTED)
      for (const k of c.contactsKept)
        if (k.role === 'youth' && k.id !== UNLISTED) m.set(k.id, (m.get(k.id) ?? 0) + 1);
      keepers.set(c.org, m);
    }
    const out: ComplianceResult[] = [];
    for (const [org, max] of orgs) {
      const over = [...(keepers.get(org) ?? new Map<string, number>())]
        .filter(([, n]) => n > max)
        .map(([id]) => id);
      out.push(
        result(rule, {
          org,
          status: over.length > 0 ? 'unmet' : 'met',
          actual: over.length,
          required: 0,
          evidence: over,
          detail: { overContacted: over },
        }),
      );
    }
    return out;
  },

  'mz2016.eight_plus_four': (rule, ctx) => {
    const postings = ctx.postingsOfYear('mz2016').filter((p) => p.start >= ctx.yearStart);
    const staff = new Map<string, number>();
    for (const c of ctx.facts.cadres)
      if (list(rule.params, 'staffEmployment').includes(c.employment)) {
        staff.set(c.org, (staff.get(c.org) ?? 0) + 1);
      }
    const sent = new Map<string, PostingFacts[]>();
    for (const p of postings) {
      const org = ctx.cadres.get(p.cadre)?.org;
      if (org !== undefined) push(sent, org, p);
    }
    return eachOrg(rule, ctx, 'county', (o, params) => {
      const mine = sent.get(o.id) ?? [];
      const batches = new Map<string, PostingFacts[]>();
      for (const p of mine) push(batches, p.batch, p);
      const { min, max } = band(params, 'groupSize');
      const share = Math.floor((staff.get(o.id) ?? 0) * num(params, 'share'));
      // A batch counts when it sent its share of the staff, every posting in a group of the right size.
      const good = [...batches].filter(([, ps]) => {
        const groups = new Map<string, number>();
        for (const p of ps)
          groups.set(p.group ?? `solo:${p.id}`, (groups.get(p.group ?? `solo:${p.id}`) ?? 0) + 1);
        return ps.length >= share && [...groups.values()].every((n) => n >= min && n <= max);
      });
      const required = num(params, 'batches');
      return result(rule, {
        org: o.id,
        status: floorStatus(good.length, required, ctx.yearOver),
        actual: good.length,
        required,
        evidence: good.flatMap(([, ps]) => ids(ps)),
        detail: { batches: good.map(([b]) => b) },
      });
    });
  },

  'mz2016.four_plus_one': (rule, ctx) => {
    // Weeks (Monday to Sunday) whose Monday is in the year and whose Sunday has passed by asOf.
    const finished: string[] = [];
    for (
      let monday = firstMonday(ctx.year);
      monday <= ctx.yearEnd && addDays(monday, 6) <= ctx.asOf;
      monday = addDays(monday, 7)
    )
      finished.push(monday);
    return eachCadre(rule, ctx, (c) => {
      const weeks = new Set(c.grassrootsWeeks);
      const actual = finished.filter((m) => weeks.has(m)).length;
      return result(rule, {
        cadre: c.id,
        status: everySlotStatus(finished.length - actual, ctx.yearOver),
        actual,
        required: finished.length,
        evidence: c.grassrootsWeeks,
      });
    });
  },

  'mz2016.open_day': (rule, ctx) => {
    const quarters = finishedQuarters(ctx.year, ctx.asOf);
    return eachOrg(rule, ctx, 'county', (o, params) => {
      const qualifying = o.openDays.filter((d) => d.attendees >= num(params, 'attendees'));
      const held = new Set(qualifying.map((d) => Math.ceil(Number(d.date.slice(5, 7)) / 3)));
      const missed = quarters.filter((q) => !held.has(q)).length;
      return result(rule, {
        org: o.id,
        status: everySlotStatus(missed, held.size >= num(params, 'quarters')),
        actual: held.size,
        required: num(params, 'quarters'),
        evidence: ids(qualifying),
      });
    });
  },

  'mz2016.rhythm': (rule, ctx) => {
    // one cadence per parameters, not per cadre
    const cadences = new Map<Params, Cadence>();
    const cadenceOf = (params: Params): Cadence =>
      getOrMake(cadences, params, () => ({
        voice: finishedWindows(ctx.year, ctx.asOf, num(params, 'voiceEveryMonths')),
        event: finishedWindows(ctx.year, ctx.asOf, num(params, 'eventEveryMonths')),
        faceToFace: num(params, 'faceToFacePerYear'),
      }));
    return eachCadre(rule, ctx, (c, params) => {
      // Decision 10: a cadre who keeps no contacts has nobody to keep the rhythm with.
      if (c.rhythm.length === 0) return null;
      const cadence = cadenceOf(params);
      const ok = c.rhythm.filter((r) => onRhythm(r, cadence, ctx.yearOver));
      const missed = c.rhythm.length - ok.length;
      return result(rule, {
        cadre: c.id,
        status: everySlotStatus(missed, ctx.yearOver),
        actual: ok.length,
        required: c.rhythm.length,
        evidence: ok.map((r) => r.contact),
        ...(missed > 0
          ? { detail: { offRhythm: c.rhythm.filter((r) => !ok.includes(r)).map((r) => r.contact) } }
          : {}),
      });
    });
  },

  'mz2016.channel': (rule, ctx) =>
    eachCadre(rule, ctx, (c, params) => {
      const uses = c.channelUses.filter((u) => list(params, 'channels').includes(u.channel));
      return result(rule, {
        cadre: c.id,
        status: floorStatus(uses.length, 1, ctx.yearOver),
        actual: uses.length,
        required: 1,
        evidence: ids(uses),
      });
    }),

  'mz2016.problem_list': (rule, ctx) =>
    eachCadre(rule, ctx, (c, params) => {
      const required = num(params, 'problems');
      // Taken up: moved on from open, or followed (passed on, or replied to the youth) by asOf.
      const followed = (p: (typeof c.problems)[number]) => p.followedOn !== null && p.followedOn <= ctx.asOf;
      const open = c.problems.filter((p) => p.status === 'open' && !followed(p));
      // By 31 December every gathered problem has been taken up (none left untouched).
      const status =
        ctx.yearOver && open.length > 0 ? 'unmet' : floorStatus(c.problems.length, required, ctx.yearOver);
      return result(rule, {
        cadre: c.id,
        status,
        actual: c.problems.length,
        required,
        evidence: ids(c.problems),
        ...(open.length > 0 ? { detail: { open: ids(open) } } : {}),
      });
    }),

  'mz2016.needy_pairs': (rule, ctx) =>
    eachCadre(rule, ctx, (c: CadreFacts, params) => {
      const needy = c.contactsKept.filter((k) => k.needy);
      const required = num(params, 'youths');
      return result(rule, {
        cadre: c.id,
        status: floorStatus(needy.length, required, ctx.yearOver),
        actual: needy.length,
        required,
        evidence: ids(needy),
      });
    }),

  'mz2016.half_year_report': (rule, ctx) =>
    eachOrg(rule, ctx, 'county', (o, params) => {
      const reports = o.filings.filter((f) => f.kind === 'half_year_report');
      const firstBy = deadline(params, 'firstBy', ctx.year);
      const halves = [
        { from: ctx.yearStart, to: firstBy },
        { from: addDays(firstBy, 1), to: deadline(params, 'secondBy', ctx.year) },
      ];
      const filed = halves.map((h) => reports.find((f) => f.date >= h.from && f.date <= h.to));
      const missed = halves.filter((h, i) => filed[i] === undefined && ctx.asOf >= h.to).length;
      const onTime = filed.filter((f) => f !== undefined);
      return result(rule, {
        org: o.id,
        status: everySlotStatus(missed, onTime.length === halves.length),
        actual: onTime.length,
        required: halves.length,
        evidence: ids(onTime),
      });
    }),
};
