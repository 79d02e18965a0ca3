import { push } from './context.ts';
import { addDays, maxDate, minDate } from './dates.ts';
import type { Dated, Filing, PointFacts, PostingFacts } from './facts.ts';
import { type Counted, distinct, type LedgerIndex } from './from-ledger.ts';
import { feeding } from './from-ledger-cadres.ts';
import type { LedgerPosting } from './ledger.ts';

/** Days of a counted activity inside [from, to]: a stay's every day, a dated activity's date. */
function daysWithin(c: Counted, from: string, to: string): string[] {
  const days: string[] = [];
  const first = maxDate(c.a.start ?? c.on, from);
  const last = minDate(c.on, to);
  for (let d = first; d <= last; d = addDays(d, 1)) days.push(d);
  return days;
}

export function postingFacts(ix: LedgerIndex, points: readonly PointFacts[]): PostingFacts[] {
  const orgChains = new Map<string, string[]>();
  const parents = new Map((ix.doc.organizations ?? []).map((o) => [o.id, o.parent]));
  const chainOf = (org: string): string[] => {
    const known = orgChains.get(org);
    if (known !== undefined) return known;
    const chain: string[] = [];
    for (let o: string | undefined = org; o !== undefined && !chain.includes(o); o = parents.get(o))
      chain.push(o);
    orgChains.set(org, chain);
    return chain;
  };
  const pointOrg = new Map(points.map((p) => [p.id, p.org]));
  const pointsByCadre = new Map<string, PointFacts[]>();
  for (const p of points) if (p.cadre !== null) push(pointsByCadre, p.cadre, p);
  const leaves = new Map<string, { id: string; from: string; to: string; approved: boolean }[]>();
  for (const l of ix.doc.leaves ?? []) if (l.from <= ix.asOf) push(leaves, l.cadre, l);
  const groupReports = new Map<string, Filing[]>();
  for (const f of ix.doc.filings ?? [])
    if (f.kind === 'group_report' && f.group !== undefined && f.date <= ix.asOf)
      push(groupReports, f.group, { id: f.id, kind: f.kind, date: f.date });

  return (ix.doc.postings ?? []).map((p: LedgerPosting) => {
    const last = minDate(p.end, ix.asOf);
    const mine = ix.byCadre.get(p.cadre) ?? [];
    const during = mine.filter((c) => c.on >= p.start && c.on <= last);
    // Decision 11: the posted county is one of the cadre's points from the posting on.
    const point = (pointsByCadre.get(p.cadre) ?? []).find(
      (x) => x.org === p.org && x.from <= p.end && (x.to === null || x.to >= p.start),
    );
    const atCounty = during.filter((c) => {
      const at = c.a.point === undefined ? undefined : pointOrg.get(c.a.point);
      return at !== undefined && chainOf(at).includes(p.org);
    });
    const report = (p.group === undefined ? [] : (groupReports.get(p.group) ?? [])).sort((a, b) =>
      a.date.localeCompare(b.date),
    )[0];
    const off: Dated[] =
      point === undefined
        ? []
        : (ix.byPoint.get(point.id) ?? [])
            .filter((c) => c.inYear && c.a.cadre === p.cadre && (c.on < p.start || c.on > p.end))
            .map((c) => ({ id: c.a.id, date: c.on }));
    return {
      id: p.id,
      cadre: p.cadre,
      program: p.program ?? 'cyl2015',
      batch: p.batch,
      org: p.org,
      start: p.start,
      end: p.end,
      group: p.group ?? null,
      groupLeader: p.groupLeader ?? false,
      pointAtCounty: point?.id ?? null,
      cases: feeding(during, 'posting_case').map((c) => ({ id: c.a.id, date: c.on })),
      friends: distinct(atCounty.flatMap((c) => c.a.contacts ?? [])).filter(
        (id) => ix.contacts.get(id)?.role === 'youth',
      ),
      leaves: (leaves.get(p.cadre) ?? [])
        .filter((l) => l.from <= p.end && l.to >= p.start)
        .map((l) => ({ id: l.id, approved: l.approved })),
      filings: (ix.filingsByCadre.get(p.cadre) ?? []).filter(
        (f) => f.kind === 'personal_summary' && f.date >= p.start,
      ),
      groupReport: report === undefined ? null : { id: report.id, date: report.date },
      loggedDays: distinct(during.flatMap((c) => daysWithin(c, p.start, last))).sort(),
      offPostingContacts: off,
    };
  });
}
