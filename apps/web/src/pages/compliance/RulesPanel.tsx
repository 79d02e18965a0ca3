import type { TDashboard } from '@lianxin/contracts';
import { Flex, Grid, Tag, Tooltip } from 'antd';
import { useMemo } from 'react';
import { LinkButton } from '../../components/LinkButton.tsx';
import { EChart, type EChartOption } from './EChart.tsx';
import { type ExportColumn, ExportTable } from './ExportTable.tsx';
import { percent, presetOfRule, presetTitle, ruleShort, ruleText, statusChartColors } from './rules.ts';

type RuleRow = TDashboard['rules'][number];

const pct = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/** 按规则: the pass rate of each graded rule across the subtree, as a bar chart and a table. */
export function RulesPanel({ rows, onOpenRule }: { rows: RuleRow[]; onOpenRule: (rule: string) => void }) {
  // on a phone the rule labels give the bars room
  const narrow = !Grid.useBreakpoint().md;
  const chartRows = useMemo(() => rows.filter((r) => !r.advisory && r.rate !== null).reverse(), [rows]);
  const option = useMemo<EChartOption>(
    () => ({
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (p: { dataIndex: number }) => {
          const r = chartRows[p.dataIndex];
          if (!r) return '';
          const c = r.counts;
          return `${ruleText(r.rule)}<br/>达标 ${c.met} · 进行中 ${c.in_progress} · 未达标 ${c.unmet} · 豁免 ${c.exempt}<br/>达标率 ${percent(r.rate)}`;
        },
        extraCssText: 'max-width: 360px; white-space: normal;',
      },
      xAxis: { type: 'value', max: 100, splitNumber: narrow ? 2 : 5, axisLabel: { formatter: '{value}%' } },
      // whole requirements, broken over lines rather than cut
      yAxis: {
        type: 'category',
        data: chartRows.map((r) => ruleShort(r.rule, 60)),
        axisLabel: { width: narrow ? 120 : 300, overflow: 'break', lineHeight: 15 },
      },
      series: [
        {
          type: 'bar',
          data: chartRows.map((r) => ({
            value: pct(r.rate),
            itemStyle: {
              color: (r.rate ?? 0) >= 0.8 ? statusChartColors.met : statusChartColors.unmet,
            },
          })),
          label: { show: true, position: 'right', formatter: '{c}%' },
          barMaxWidth: 18,
        },
      ],
    }),
    [chartRows, narrow],
  );

  const columns: ExportColumn<RuleRow>[] = [
    {
      key: 'preset',
      title: '制度',
      value: (r) => {
        const preset = presetOfRule(r.rule);
        return preset ? presetTitle(preset) : '';
      },
      width: 150,
    },
    {
      key: 'text',
      title: '要求',
      value: (r) => ruleText(r.rule),
      width: 380,
      render: (r) => (
        <Tooltip title={ruleText(r.rule)}>
          <LinkButton onClick={() => onOpenRule(r.rule)} style={{ whiteSpace: 'normal', textAlign: 'left' }}>
            {ruleShort(r.rule, 60)}
          </LinkButton>
          {r.advisory ? (
            <Tag color="gold" style={{ marginLeft: 6 }}>
              提示
            </Tag>
          ) : null}
        </Tooltip>
      ),
    },
    { key: 'met', title: '达标', value: (r) => r.counts.met, sorter: true },
    { key: 'in_progress', title: '进行中', value: (r) => r.counts.in_progress, sorter: true },
    { key: 'unmet', title: '未达标', value: (r) => r.counts.unmet, sorter: true },
    { key: 'exempt', title: '豁免', value: (r) => r.counts.exempt, sorter: true },
    { key: 'not_applicable', title: '不适用', value: (r) => r.counts.not_applicable },
    {
      key: 'rate',
      title: '达标率（%）',
      value: (r) => (r.advisory ? null : pct(r.rate)),
      render: (r) => (r.advisory ? '不计' : percent(r.rate)),
      sorter: true,
    },
  ];

  return (
    <Flex vertical gap={16}>
      <EChart
        option={option}
        height={Math.max(220, chartRows.length * (narrow ? 64 : 40) + 24)}
        label="各规则达标率条形图"
        onClick={(e) => {
          const r = chartRows[e.dataIndex];
          if (r) onOpenRule(r.rule);
        }}
      />
      <ExportTable
        title="各规则达标情况"
        exportName="各规则达标情况"
        columns={columns}
        rows={rows}
        rowKey={(r) => r.rule}
        pageSize={20}
      />
    </Flex>
  );
}
