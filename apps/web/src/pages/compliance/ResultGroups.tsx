import type { TComplianceResult } from '@lianxin/contracts';
import { Flex } from 'antd';
import { Panel, PlainList } from '../../components/plain.tsx';
import { ResultItem } from './ResultItem.tsx';
import { groupBy, presetOfRule, presetOrder, presetTitle } from './rules.ts';

interface ResultGroupsProps {
  results: readonly TComplianceResult[];
  year: number;
  asOf: string;
  /** point id → the point's organization, to tell per-point results apart */
  pointNames: ReadonlyMap<string, string>;
  onOpenRecords: (r: TComplianceResult) => void;
}

/** Every result, a card per preset in the order of the policies, unmet first inside each. */
export function ResultGroups({ results, year, asOf, pointNames, onOpenRecords }: ResultGroupsProps) {
  const groups = [...groupBy(results, (r) => presetOfRule(r.rule))].sort(
    ([a], [b]) => presetOrder(a) - presetOrder(b),
  );
  const rank = { unmet: 0, in_progress: 1, met: 2, exempt: 3, not_applicable: 4 } as const;
  return (
    <Flex vertical gap={12}>
      {groups.map(([preset, list]) => (
        <Panel
          key={preset ?? 'other'}
          title={preset ? presetTitle(preset) : '其他规则'}
          data-preset={preset ?? 'other'}
          bodyStyle={{ paddingTop: 0, paddingBottom: 0 }}
        >
          <PlainList
            items={[...list].sort((a, b) => rank[a.status] - rank[b.status])}
            inline={0}
            rowKey={(r) => `${r.rule}|${r.point ?? ''}|${r.org ?? ''}|${r.posting ?? ''}`}
            render={(r) => (
              <ResultItem
                result={r}
                year={year}
                asOf={asOf}
                subject={r.point ? pointNames.get(r.point) : undefined}
                onOpenRecords={onOpenRecords}
              />
            )}
          />
        </Panel>
      ))}
    </Flex>
  );
}
