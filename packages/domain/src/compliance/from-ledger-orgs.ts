import { feeds } from '@lianxin/contracts/activity-types';
import { MUNICIPALITY_PROVINCE_CODES, SUB_PROVINCIAL_CITY_CODES } from '../divisions.ts';
import { countyOf, nearestOfLevel, prefectureOf } from '../org-tree.ts';
import type { OrgFacts } from './facts.ts';
import type { LedgerIndex } from './from-ledger.ts';
import type { LedgerOrganization } from './ledger.ts';

/** Chains from the root down to each organization; a cycle or a missing parent ends the chain. */
function chains(orgs: readonly LedgerOrganization[]): Map<string, LedgerOrganization[]> {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const memo = new Map<string, LedgerOrganization[]>();
  const chainOf = (o: LedgerOrganization, seen: Set<string>): LedgerOrganization[] => {
    const known = memo.get(o.id);
    if (known !== undefined) return known;
    const parent = o.parent === undefined ? undefined : byId.get(o.parent);
    seen.add(o.id);
    const above = parent === undefined || seen.has(parent.id) ? [] : chainOf(parent, seen);
    const chain = [...above, o];
    memo.set(o.id, chain);
    return chain;
  };
  for (const o of orgs) chainOf(o, new Set());
  return memo;
}

/** 直辖市 or 副省级城市 (decision 3), read from the division codes along the chain. */
function isMunicipal(chain: readonly LedgerOrganization[]): boolean {
  return chain.some(
    (o) =>
      o.divisionCode !== undefined &&
      ((o.level === 'province' && MUNICIPALITY_PROVINCE_CODES.includes(o.divisionCode.slice(0, 2))) ||
        (o.level === 'prefecture' && SUB_PROVINCIAL_CITY_CODES.includes(o.divisionCode.slice(0, 4)))),
  );
}

export function orgFacts(ix: LedgerIndex): OrgFacts[] {
  const orgs = ix.doc.organizations ?? [];
  const all = chains(orgs);
  const openDays = new Map<string, OrgFacts['openDays']>();
  for (const list of ix.byCadre.values())
    for (const { a, on, inYear } of list) {
      if (!feeds(a, 'open_day') || !inYear || a.org === undefined) continue;
      const l = openDays.get(a.org) ?? [];
      l.push({ id: a.id, date: on, attendees: a.attendees ?? 0 });
      openDays.set(a.org, l);
    }
  return orgs.map((o) => {
    const chain = all.get(o.id) ?? [o];
    const upward = [...chain].reverse();
    const watched = o.secretaryVacancies;
    return {
      id: o.id,
      level: o.level,
      chain: chain.map((x) => x.id),
      province: nearestOfLevel(upward, 'province')?.id ?? null,
      prefecture: prefectureOf(upward)?.id ?? null,
      county: countyOf(upward)?.id ?? null,
      field: o.field ?? null,
      municipal: isMunicipal(chain),
      // Decision 4: sector committees are province-level organizations without a division code.
      sector: o.level === 'province' && o.divisionCode === undefined,
      ...(watched !== undefined
        ? {
            secretaryVacancies: watched
              .filter((v) => v.from <= ix.asOf && (v.to === null || v.to >= ix.yearStart))
              .map((v) => ({ from: v.from, to: v.to })),
          }
        : {}),
      openDays: openDays.get(o.id) ?? [],
      filings: (ix.filingsByOrg.get(o.id) ?? []).filter((f) => f.date >= ix.yearStart),
    };
  });
}
