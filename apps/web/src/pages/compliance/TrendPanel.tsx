import type { TTrend } from '@lianxin/contracts';
import { Alert, Flex, Skeleton } from 'antd';
import { useMemo } from 'react';
import { useLoad } from '../../components/useLoad.ts';
import { complianceApi } from './complianceApi.ts';
import { EChart, type EChartOption } from './EChart.tsx';
import { type ExportColumn, ExportTable } from './ExportTable.tsx';
import { percent, statusChartColors } from './rules.ts';

type MonthRow = TTrend['months'][number];

/** 月度趋势: the subtree's headline as of each month's end, the server's one call for the year. */
export function TrendPanel({ org, year, asOf }: { org: string; year: number; asOf: string }) {
  const months = useLoad(
    async () => (await complianceApi.trend({ year, asOf, org })).months,
    [org, year, asOf],
  );
  const rows = months.data ?? [];

  const option = useMemo<EChartOption>(
    () => ({
      grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: rows.map((r) => `${Number(r.asOf.slice(5, 7))}月`) },
      yAxis: [
        { type: 'value', name: '达标率 %', max: 100 },
        { type: 'value', name: '项数', splitLine: { show: false } },
      ],
      series: [
        {
          name: '达标率',
          type: 'line',
          data: rows.map((r) => (r.rate === null ? null : Math.round(r.rate * 1000) / 10)),
          itemStyle: { color: '#c41d1d' },
          label: { show: true, formatter: '{c}%' },
        },
        {
          name: '未达标',
          type: 'bar',
          yAxisIndex: 1,
          data: rows.map((r) => r.counts.unmet),
          itemStyle: { color: statusChartColors.unmet },
          barMaxWidth: 16,
        },
        {
          name: '达标',
          type: 'bar',
          yAxisIndex: 1,
          data: rows.map((r) => r.counts.met),
          itemStyle: { color: statusChartColors.met },
          barMaxWidth: 16,
        },
      ],
    }),
    [rows],
  );

  if (months.error) return <Alert type="error" showIcon title={months.error} />;
  if (!months.data) return <Skeleton active />;
  return (
    <Flex vertical gap={16}>
      <EChart option={option} height={320} label="各月末达标率折线图" />
      <ExportTable
        title="各月末达标情况"
        exportName="月度达标趋势"
        columns={monthColumns}
        rows={rows}
        rowKey={(r) => r.asOf}
        pageSize={12}
      />
    </Flex>
  );
}

const monthColumns: ExportColumn<MonthRow>[] = [
  { key: 'asOf', title: '截至日期', value: (r) => r.asOf },
  { key: 'met', title: '达标', value: (r) => r.counts.met },
  { key: 'in_progress', title: '进行中', value: (r) => r.counts.in_progress },
  { key: 'unmet', title: '未达标', value: (r) => r.counts.unmet },
  { key: 'exempt', title: '豁免', value: (r) => r.counts.exempt },
  { key: 'rate', title: '达标率', value: (r) => percent(r.rate) },
];
