import type { TComplianceResult } from '@lianxin/contracts';
import { Alert, Empty, Flex, Segmented, Skeleton, Statistic, Tag } from 'antd';
import { useState } from 'react';
import { Navigate } from 'react-router-dom';
import { LinkButton } from '../../components/LinkButton.tsx';
import { Panel, PlainList, ScreenHeading, Txt } from '../../components/plain.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { MobileLayout } from '../../layout/MobileLayout.tsx';
import { onDemand } from '../../onDemand.tsx';
import { useSignedIn } from '../../session/SessionContext.tsx';
import { complianceApi } from './complianceApi.ts';
import type { RecordsRequest } from './RecordsDrawer.tsx';
import { ResultGroups } from './ResultGroups.tsx';
import { amountText } from './ResultItem.tsx';
import { countStatuses, dueSoonDays, graded, ruleShort, UNREACHABLE, unreachable } from './rules.ts';
import { recordsOf, useSubjectNames } from './useSubjectNames.ts';

const thisYear = new Date().getFullYear();

// The records (and the activity list in them) load when a number is tapped, not with the page.
const RecordsDrawer = onDemand(() => import('./RecordsDrawer.tsx').then((m) => m.RecordsDrawer));

/** 我的进度: every rule in force for me, how far I am, what is overdue and due soon, and the records. */
export function ProgressPage() {
  const { account } = useSignedIn();
  const [year, setYear] = useState(thisYear);
  const answer = useLoad(() => complianceApi.evaluate({ year }), [year]);
  const results = answer.data?.results.filter((r) => r.cadre === account.cadreId);
  const pointNames = useSubjectNames(results);
  const [records, setRecords] = useState<RecordsRequest | null>(null);

  if (!account.cadreId) return <Navigate to="/me" replace />;

  const asOf = answer.data?.asOf ?? `${year}-12-31`;
  const open = (r: TComplianceResult) =>
    setRecords(recordsOf(r, r.point ? pointNames.get(r.point) : undefined));
  const out = (r: TComplianceResult) => unreachable(r, year, asOf);
  const counts = countStatuses(graded(results ?? []));
  const lost = graded(results ?? []).filter(out).length;
  const late = (results ?? []).filter((r) => r.status === 'unmet' || out(r));
  const soon = (results ?? [])
    .filter((r) => !out(r))
    .map((r) => ({ r, left: dueSoonDays(r, year, asOf) }))
    .filter((x): x is { r: TComplianceResult; left: number } => x.left !== null)
    .sort((a, b) => a.left - b.left);

  return (
    <MobileLayout>
      <Flex vertical gap={12}>
        <Flex justify="space-between" align="center" gap={8}>
          <ScreenHeading>我的进度</ScreenHeading>
          <Segmented
            size="small"
            value={year}
            onChange={(v) => setYear(Number(v))}
            options={[thisYear - 1, thisYear].map((y) => ({ value: y, label: `${y} 年` }))}
          />
        </Flex>
        {answer.error ? <Alert type="error" showIcon title={answer.error} /> : null}
        {answer.loading && !answer.data ? (
          <Panel bodyStyle={{ padding: 24 }}>
            <Skeleton active />
          </Panel>
        ) : null}
        {results ? (
          <>
            <Panel>
              <Flex justify="space-around" className="lx-progress-summary">
                <Statistic title="达标" value={counts.met} styles={{ content: { color: '#389e0d' } }} />
                <Statistic
                  title="进行中"
                  value={counts.in_progress - lost}
                  styles={{ content: { color: '#0958d9' } }}
                />
                <Statistic
                  title={lost > 0 ? `未达标·${UNREACHABLE}` : '未达标'}
                  value={counts.unmet + lost}
                  styles={{ content: { color: '#cf1322' } }}
                />
              </Flex>
              <Txt type="secondary" style={{ fontSize: 12 }}>
                截至 {asOf}，共 {results.length} 项要求（提示性要求不计入）
              </Txt>
            </Panel>
            <DueList
              title={lost > 0 ? `未达标或${UNREACHABLE}` : '未达标'}
              color="red"
              items={late.map((r) => ({
                r,
                note: out(r) ? `${UNREACHABLE} · ${amountText(r)}` : amountText(r),
              }))}
              onOpen={open}
              pointNames={pointNames}
            />
            <DueList
              title="临近截止"
              color="orange"
              items={soon.map(({ r, left }) => ({ r, note: `还剩 ${left} 天 · ${amountText(r)}` }))}
              onOpen={open}
              pointNames={pointNames}
            />
            {results.length === 0 ? (
              <Panel bodyStyle={{ padding: 24 }}>
                <Empty description="本年度没有适用于你的考核要求" />
              </Panel>
            ) : (
              <ResultGroups
                results={results}
                year={year}
                asOf={asOf}
                pointNames={pointNames}
                onOpenRecords={open}
              />
            )}
          </>
        ) : null}
      </Flex>
      {records ? (
        <RecordsDrawer request={records} onClose={() => setRecords(null)} pointPath="/me/points" />
      ) : null}
    </MobileLayout>
  );
}

function DueList({
  title,
  color,
  items,
  onOpen,
  pointNames,
}: {
  title: string;
  color: string;
  items: { r: TComplianceResult; note: string }[];
  onOpen: (r: TComplianceResult) => void;
  pointNames: ReadonlyMap<string, string>;
}) {
  if (items.length === 0) return null;
  return (
    <Panel
      title={
        <span>
          <Tag color={color}>{items.length}</Tag>
          {title}
        </span>
      }
      bodyStyle={{ paddingTop: 0, paddingBottom: 0 }}
      data-testid={`due-${color}`}
    >
      <PlainList
        items={items}
        inline={0}
        rowKey={({ r }) => `${r.rule}|${r.point ?? ''}`}
        render={({ r, note }) => (
          <Flex justify="space-between" align="center" wrap style={{ columnGap: 8 }}>
            <span style={{ minWidth: 0 }}>
              {ruleShort(r.rule, 20)}
              {r.point && pointNames.get(r.point) ? (
                <Txt type="secondary"> · {pointNames.get(r.point)}</Txt>
              ) : null}
            </span>
            <LinkButton onClick={() => onOpen(r)} style={{ flex: 'none' }}>
              {note}
            </LinkButton>
          </Flex>
        )}
      />
    </Panel>
  );
}
