import type { TComplianceResult } from '@lianxin/contracts';
import { Alert, Card, Col, DatePicker, Empty, Flex, Row, Select, Skeleton, Statistic, Tabs } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useCurrentOrg } from '../../layout/CurrentOrgContext.tsx';
import { CadreWorkDrawer } from '../people/CadreWorkDrawer.tsx';
import { CoveragePanel } from './CoveragePanel.tsx';
import { complianceApi } from './complianceApi.ts';
import { branchRows, laggards, ruleRows } from './dashboardData.ts';
import { EngagementCard } from './EngagementCard.tsx';
import { BranchesPanel, LaggardsPanel } from './PeoplePanels.tsx';
import { RecordsDrawer, type RecordsRequest } from './RecordsDrawer.tsx';
import { RulesPanel } from './RulesPanel.tsx';
import { countStatuses, graded, passRate, percent } from './rules.ts';
import { CadreDrawer, RuleDrawer } from './SubjectDrawers.tsx';
import { TrendPanel } from './TrendPanel.tsx';
import { recordsOf } from './useSubjectNames.ts';

const thisYear = new Date().getFullYear();

/**
 * 达标看板 of the organization chosen in the tree: pass rate per rule, laggards, sub-organizations,
 * county coverage and the monthly trend; organization → cadre → the records behind a number.
 */
export function DashboardPage() {
  const { currentOrg, selectOrg } = useCurrentOrg();
  const org = currentOrg?.id;
  const [year, setYear] = useState(thisYear);
  const [asOfPick, setAsOfPick] = useState<string | undefined>(undefined);
  const answer = useLoad(
    () => (org ? complianceApi.evaluate({ year, asOf: asOfPick, org }) : Promise.resolve(undefined)),
    [org, year, asOfPick],
  );
  const roster = useLoad(() => (org ? complianceApi.cadres(org) : Promise.resolve(undefined)), [org]);
  const [rule, setRule] = useState<string | null>(null);
  const [cadre, setCadre] = useState<string | null>(null);
  const [work, setWork] = useState<{ id: string; name: string } | null>(null);
  const [records, setRecords] = useState<RecordsRequest | null>(null);

  const results = answer.data?.results ?? [];
  const asOf = answer.data?.asOf ?? `${year}-12-31`;
  const cadres = useMemo(() => new Map((roster.data?.items ?? []).map((c) => [c.id, c])), [roster.data]);
  const rules = useMemo(() => ruleRows(answer.data?.results ?? []), [answer.data]);
  const lagging = useMemo(() => laggards(answer.data?.results ?? [], cadres), [answer.data, cadres]);
  const branches = useMemo(
    () => (roster.data ? branchRows(answer.data?.results ?? [], roster.data, cadres) : []),
    [answer.data, roster.data, cadres],
  );
  const counts = countStatuses(graded(results));
  const openRecords = (r: TComplianceResult, subject: string) => setRecords(recordsOf(r, subject));
  const error = answer.error ?? roster.error;

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
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      {!org ? <Empty description="请在左侧选择组织" /> : null}
      {org && answer.loading && !answer.data ? <Skeleton active /> : null}
      {org && answer.data ? (
        <Flex vertical gap={16}>
          <Row gutter={[12, 12]}>
            {[
              { title: '达标率', value: percent(passRate(counts)) },
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
          {results.length === 0 ? (
            <Card>
              <Empty description="本组织及下级没有执行中的制度要求：请先为组织选定制度（预设）" />
            </Card>
          ) : (
            <Tabs
              destroyOnHidden
              items={[
                { key: 'rules', label: '按规则', children: <RulesPanel rows={rules} onOpenRule={setRule} /> },
                {
                  key: 'laggards',
                  label: '落后干部',
                  children: <LaggardsPanel rows={lagging} onOpenCadre={setCadre} onOpenWork={setWork} />,
                },
                {
                  key: 'branches',
                  label: '下级组织',
                  children: <BranchesPanel rows={branches} onOpenOrg={(id) => void selectOrg(id)} />,
                },
                { key: 'coverage', label: '县级覆盖', children: <CoveragePanel results={results} /> },
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
        results={results}
        cadres={cadres}
        onClose={() => setRule(null)}
        onOpenCadre={setCadre}
        onOpenRecords={openRecords}
      />
      <CadreDrawer
        cadre={cadre}
        info={cadre ? cadres.get(cadre) : undefined}
        results={results}
        year={year}
        asOf={asOf}
        onClose={() => setCadre(null)}
        onOpenRecords={openRecords}
      />
      <RecordsDrawer request={records} onClose={() => setRecords(null)} pointPath="/points" />
      <CadreWorkDrawer cadre={work} onClose={() => setWork(null)} />
    </>
  );
}
