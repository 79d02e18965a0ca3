import type { TComplianceResult } from '@lianxin/contracts';
import { Card, Flex, List } from 'antd';
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
        <Card
          key={preset ?? 'other'}
          size="small"
          title={preset ? presetTitle(preset) : '其他规则'}
          data-preset={preset ?? 'other'}
          styles={{ body: { paddingTop: 0, paddingBottom: 0 } }}
        >
          <List
            size="small"
            dataSource={[...list].sort((a, b) => rank[a.status] - rank[b.status])}
            rowKey={(r) => `${r.rule}|${r.point ?? ''}|${r.org ?? ''}|${r.posting ?? ''}`}
            renderItem={(r) => (
              <List.Item style={{ display: 'block', paddingInline: 0 }}>
                <ResultItem
                  result={r}
                  year={year}
                  asOf={asOf}
                  subject={r.point ? pointNames.get(r.point) : undefined}
                  onOpenRecords={onOpenRecords}
                />
              </List.Item>
            )}
          />
        </Card>
      ))}
    </Flex>
  );
}
