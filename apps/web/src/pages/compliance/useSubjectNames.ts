import type { TComplianceRecord, TComplianceResult } from '@lianxin/contracts';
import { useMemo } from 'react';
import { useLoad } from '../../components/useLoad.ts';
import { complianceApi } from './complianceApi.ts';
import type { RecordsRequest } from './RecordsDrawer.tsx';
import { amountText } from './ResultItem.tsx';
import { ruleShort, ruleText, statusLabels } from './rules.ts';

function nameOf(r: TComplianceRecord): string | null {
  switch (r.kind) {
    case 'point':
      return r.point.orgName;
    case 'organization':
      return r.organization.name;
    case 'cadre':
      return r.cadre.name;
    default:
      return null;
  }
}

/** id → name for the points and organizations the results speak of (a point by its organization). */
export function useSubjectNames(results: readonly TComplianceResult[] | undefined): Map<string, string> {
  const key = useMemo(
    () =>
      [...new Set((results ?? []).flatMap((r) => [r.point, r.org]).filter((p): p is string => p !== null))]
        .sort()
        .join(','),
    [results],
  );
  const found = useLoad(
    () => (key ? complianceApi.records(key.split(',')) : Promise.resolve({ items: [], withheld: [] })),
    [key],
  );
  return useMemo(
    () =>
      new Map(
        (found.data?.items ?? []).flatMap((r) => {
          const name = nameOf(r);
          return name === null ? [] : [[r.id, name] as const];
        }),
      ),
    [found.data],
  );
}

/** What the records drawer shows for a result's number. */
export function recordsOf(r: TComplianceResult, subject?: string): RecordsRequest {
  return {
    title: `${ruleShort(r.rule)}${subject ? ` · ${subject}` : ''}`,
    subtitle: `${ruleText(r.rule)}（${statusLabels[r.status]}，${amountText(r)}）`,
    ids: r.evidence ?? [],
  };
}
