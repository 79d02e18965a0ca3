import type { TComplianceResult, TDashboardCadre } from '@lianxin/contracts';
import { Alert, Card, Col, DatePicker, Empty, Flex, Row, Select, Skeleton, Statistic, Tabs } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { toastError } from '../../feedback.ts';
import { useCurrentOrg } from '../../layout/CurrentOrgContext.tsx';
import { CadreWorkDrawer } from '../people/CadreWorkDrawer.tsx';
import { CoveragePanel } from './CoveragePanel.tsx';
import { complianceApi, everyPage } from './complianceApi.ts';
import { EngagementCard } from './EngagementCard.tsx';
import { BranchesPanel, LaggardsPanel } from './PeoplePanels.tsx';
import { RecordsDrawer, type RecordsRequest } from './RecordsDrawer.tsx';
import { RulesPanel } from './RulesPanel.tsx';
import { percent } from './rules.ts';
import { CadreDrawer, RuleDrawer } from './SubjectDrawers.tsx';
import { TrendPanel } from './TrendPanel.tsx';
import { recordsOf } from './useSubjectNames.ts';

const thisYear = new Date().getFullYear();
const LAGGARDS_PER_PAGE = 15;
// the largest page the dashboard route answers: an export fetches every laggard in pages of it
const EXPORT_PAGE = 200;

/**
 * 达标看板 of the organization chosen in the tree: pass rate per rule, laggards, sub-organizations,
 * county coverage and the monthly trend, aggregated and paged by the server (the browser never holds
 * the subtree's results); organization → cadre → the records behind a number.
 */
export function DashboardPage() {
  const { currentOrg, selectOrg } = useCurrentOrg();
  const org = currentOrg?.id;
  const [year, setYear] = useState(thisYear);
  const [asOfPick, setAsOfPick] = useState<string | undefined>(undefined);
  // the page of laggards goes back to the first when the organization or the day changes
  const view = `${org}|${year}|${asOfPick ?? ''}`;
  const [laggardsAt, setLaggardsAt] = useState({ view, page: 1 });
  const laggardPage = laggardsAt.view === view ? laggardsAt.page : 1;
  const answer = useLoad(
    () =>
      org
        ? complianceApi.dashboard({
            year,
            asOf: asOfPick,
            org,
            laggardPage,
            laggardPageSize: LAGGARDS_PER_PAGE,
          })
        : Promise.resolve(undefined),
    [org, year, asOfPick, laggardPage],
  );
  const [rule, setRule] = useState<string | null>(null);
  const [cadre, setCadre] = useState<TDashboardCadre | null>(null);
  const [work, setWork] = useState<{ id: string; name: string } | null>(null);
  const [records, setRecords] = useState<RecordsRequest | null>(null);

  const board = answer.data;
  const asOf = board?.asOf ?? `${year}-12-31`;
  const at = { org: org ?? '', year, asOf };
  const counts = board?.counts;
  // a result of a rule's page is count-only: its records are fetched for that one subject
  const openCounted = async (r: TComplianceResult, subject: string) => {
    try {
      const { results } = await complianceApi.evidence({
        ...at,
        rule: r.rule,
        cadre: r.cadre ?? undefined,
        point: r.point ?? undefined,
        subjectOrg: r.org ?? undefined,
      });
      setRecords(recordsOf(results[0] ?? r, subject));
    } catch (error) {
      toastError(error);
    }
  };

  return (
    <>
      <PageHeader
        title="达标看板"
        extra={
          <>
            <Select
              aria-label="年度"
              value={year}
              onChange={(y) => {
                setYear(y);
                setAsOfPick(undefined);
              }}
              options={[thisYear - 1, thisYear].map((y) => ({ value: y, label: `${y} 年度` }))}
              style={{ width: 110 }}
            />
            <DatePicker
              aria-label="截至日期"
              placeholder="截至今天"
              value={asOfPick ? dayjs(asOfPick) : null}
              onChange={(d) => setAsOfPick(d ? d.format('YYYY-MM-DD') : undefined)}
              disabledDate={(d) => d.year() !== year}
              allowClear
            />
          </>
        }
      />
      {answer.error ? (
        <Alert type="error" showIcon title={answer.error} style={{ marginBottom: 16 }} />
      ) : null}
      {!org ? <Empty description="请在左侧选择组织" /> : null}
      {org && answer.loading && !board ? <Skeleton active /> : null}
      {org && board && counts ? (
        <Flex vertical gap={16}>
          <Row gutter={[12, 12]}>
            {[
              { title: '达标率', value: percent(board.rate) },
              { title: '达标', value: counts.met },
              { title: '进行中', value: counts.in_progress },
              { title: '未达标', value: counts.unmet },
              { title: '豁免', value: counts.exempt },
              { title: '截至', value: asOf },
            ].map((s) => (
              <Col key={s.title} xs={12} md={8} xl={4}>
                <Card size="small">
                  <Statistic title={s.title} value={s.value} />
                </Card>
              </Col>
            ))}
          </Row>
          {board.rules.length === 0 ? (
            <Card>
              <Empty description="本组织及下级没有执行中的制度要求：请先为组织选定制度（预设）" />
            </Card>
          ) : (
            <Tabs
              destroyOnHidden
              items={[
                {
                  key: 'rules',
                  label: '按规则',
                  children: <RulesPanel rows={board.rules} onOpenRule={setRule} />,
                },
                {
                  key: 'laggards',
                  label: '落后干部',
                  children: (
                    <LaggardsPanel
                      laggards={board.laggards}
                      onPage={(page) => setLaggardsAt({ view, page })}
                      all={() =>
                        everyPage(
                          async (page) =>
                            (
                              await complianceApi.dashboard({
                                ...at,
                                laggardPage: page,
                                laggardPageSize: EXPORT_PAGE,
                              })
                            ).laggards,
                          EXPORT_PAGE,
                        )
                      }
                      onOpenCadre={setCadre}
                      onOpenWork={setWork}
                    />
                  ),
                },
                {
                  key: 'branches',
                  label: '下级组织',
                  children: <BranchesPanel rows={board.branches} onOpenOrg={(id) => void selectOrg(id)} />,
                },
                { key: 'coverage', label: '县级覆盖', children: <CoveragePanel results={board.coverage} /> },
                {
                  key: 'trend',
                  label: '月度趋势',
                  children: <TrendPanel org={org} year={year} asOf={asOf} />,
                },
              ]}
            />
          )}
        </Flex>
      ) : null}
      {org ? <EngagementCard org={org} year={year} /> : null}
      <RuleDrawer
        rule={rule}
        at={at}
        onClose={() => setRule(null)}
        onOpenCadre={setCadre}
        onOpenRecords={(r, subject) => void openCounted(r, subject)}
      />
      <CadreDrawer
        cadre={cadre}
        at={at}
        onClose={() => setCadre(null)}
        onOpenRecords={(r, subject) => setRecords(recordsOf(r, subject))}
      />
      <RecordsDrawer request={records} onClose={() => setRecords(null)} pointPath="/points" />
      <CadreWorkDrawer cadre={work} onClose={() => setWork(null)} />
    </>
  );
}
