import type { TBulletin, TBulletinPeriod, TBulletinQuery } from '@lianxin/contracts';
import {
  Alert,
  Button,
  Empty,
  Flex,
  Segmented,
  Select,
  Spin,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useCurrentOrg } from '../../layout/CurrentOrgContext.tsx';
import { percent } from '../compliance/rules.ts';
import { currentQuery, periodLabels, periodOptions } from './periods.ts';
import { RankingSwitches } from './RankingSwitches.tsx';

type Row = TBulletin['rows'][number];
type RuleRow = TBulletin['rules'][number];
type CadreRow = NonNullable<TBulletin['cadreRanking']>[number];

const thisYear = new Date().getFullYear();
const years = [thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: `${y}年` }));

/**
 * 通报 of the current level: per lower organization 达标率 and 联系点覆盖率 for a month, quarter
 * or half year, ranked only where the level's switches say so, and the .docx to print.
 */
export function BulletinPage() {
  const { roots, currentOrg } = useCurrentOrg();
  const [query, setQuery] = useState<TBulletinQuery>(() => currentQuery('month'));
  const [version, setVersion] = useState(0);
  const orgId = currentOrg?.id;
  const bulletin = useLoad(
    async () => (orgId ? api.bulletins.get(orgId, query) : null),
    [orgId, query, version],
  );

  if (roots && roots.length === 0)
    return <Empty style={{ marginTop: 80 }} description="当前账号没有可管理的组织" />;
  if (!currentOrg || !orgId) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  const data = bulletin.data ?? null;
  const options = periodOptions(query.period, query.year);

  const setPeriod = (period: TBulletinPeriod) => setQuery(currentQuery(period));
  const setYear = (year: number) => {
    const last = periodOptions(query.period, year).at(-1)?.value ?? 1;
    setQuery({ ...query, year, index: Math.min(query.index, last) });
  };

  return (
    <>
      <PageHeader
        title="通报"
        extra={
          <Button type="primary" href={api.bulletins.docxUrl(orgId, query)} disabled={!data}>
            下载通报（Word）
          </Button>
        }
      />
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        <Segmented<TBulletinPeriod>
          value={query.period}
          onChange={setPeriod}
          options={(['month', 'quarter', 'half'] as const).map((p) => ({ value: p, label: periodLabels[p] }))}
        />
        <Select
          aria-label="年份"
          value={query.year}
          options={years}
          onChange={setYear}
          style={{ width: 100 }}
        />
        <Select
          aria-label="期次"
          value={query.index}
          options={options}
          onChange={(index) => setQuery({ ...query, index })}
          style={{ width: 170 }}
        />
      </Flex>
      <RankingSwitches orgId={orgId} onSaved={() => setVersion((v) => v + 1)} />
      {bulletin.error ? (
        <Alert type="error" showIcon title={bulletin.error} style={{ marginBottom: 12 }} />
      ) : null}
      {data ? <BulletinBody bulletin={data} loading={bulletin.loading} /> : null}
      {!data && bulletin.loading ? <Spin style={{ display: 'block', marginTop: 40 }} /> : null}
    </>
  );
}

function BulletinBody({ bulletin, loading }: { bulletin: TBulletin; loading: boolean }) {
  const ranked = bulletin.switches.rankOrgs;
  const columns: TableColumnsType<Row> = [
    ...(ranked ? [{ title: '排名', dataIndex: 'rank', width: 64, render: (r?: number) => r ?? '—' }] : []),
    { title: '下级组织', dataIndex: 'name', width: 180 },
    { title: '团干部', dataIndex: 'cadres', width: 80, align: 'right' },
    { title: '达标率', key: 'rate', width: 90, align: 'right', render: (_, r) => percent(r.rate) },
    {
      title: '达标 / 未达标 / 进行中',
      key: 'counts',
      width: 170,
      render: (_, r) => `${r.counts.met} / ${r.counts.unmet} / ${r.counts.in_progress}`,
    },
    {
      title: '联系点覆盖率',
      key: 'coverage',
      width: 150,
      render: (_, r) => `${percent(r.coverage.rate)}（${r.coverage.covered}/${r.coverage.total}）`,
    },
  ];
  // two columns only, so a phone reads each rule's rate without scrolling sideways
  const ruleColumns: TableColumnsType<RuleRow> = [
    { title: '规则', dataIndex: 'text' },
    {
      title: '达标率（达标/未达标）',
      key: 'rate',
      width: 120,
      align: 'right',
      render: (_, r) => (
        <>
          {percent(r.rate)}
          <br />
          <Typography.Text type="secondary">
            {r.counts.met}/{r.counts.unmet}
          </Typography.Text>
        </>
      ),
    },
  ];
  const cadreColumns: TableColumnsType<CadreRow> = [
    { title: '排名', dataIndex: 'rank', width: 64 },
    { title: '团干部', dataIndex: 'name', width: 120 },
    { title: '所在组织', dataIndex: 'orgName', width: 180 },
    { title: '达标率', key: 'rate', width: 90, align: 'right', render: (_, r) => percent(r.rate) },
  ];
  return (
    <Flex vertical gap={16}>
      <Alert
        type={bulletin.final ? 'info' : 'warning'}
        showIcon
        title={`${bulletin.org.name} ${bulletin.label}通报（${bulletin.from} 至 ${bulletin.to}）`}
        description={
          bulletin.final
            ? `数据截至 ${bulletin.asOf}。`
            : `本期尚未结束，数据截至 ${bulletin.asOf}，期末前仍会变化。`
        }
      />
      <Table<Row>
        rowKey="orgId"
        size="middle"
        title={() => '下级组织达标情况'}
        columns={columns}
        dataSource={bulletin.rows}
        loading={loading}
        pagination={false}
        scroll={{ x: 640 }}
        locale={{ emptyText: '该组织没有下级组织' }}
      />
      {bulletin.cadreRanking ? (
        <Table<CadreRow>
          rowKey="cadreId"
          size="middle"
          title={() => '团干部个人排名'}
          columns={cadreColumns}
          dataSource={bulletin.cadreRanking}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 460 }}
        />
      ) : null}
      <Table<RuleRow>
        rowKey="rule"
        size="middle"
        title={() => '各项规则'}
        columns={ruleColumns}
        dataSource={bulletin.rules}
        pagination={false}
        locale={{ emptyText: '该层级没有适用的规则' }}
      />
    </Flex>
  );
}
