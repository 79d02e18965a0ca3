import { employmentLabels, rankLabels } from '@lianxin/contracts';
import { Tag } from 'antd';
import { LinkButton } from '../../components/LinkButton.tsx';
import type { BranchRow, CadreRow } from './dashboardData.ts';
import { type ExportColumn, ExportTable } from './ExportTable.tsx';
import { percent, ruleShort } from './rules.ts';

const rateValue = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/**
 * 落后干部: cadres with the most unmet rules first; a name opens the cadre's results, 工作记录 the
 * cadre's records (points, contacts, timeline) in one click.
 */
export function LaggardsPanel({
  rows,
  onOpenCadre,
  onOpenWork,
}: {
  rows: CadreRow[];
  onOpenCadre: (id: string) => void;
  onOpenWork: (cadre: { id: string; name: string }) => void;
}) {
  const columns: ExportColumn<CadreRow>[] = [
    {
      key: 'name',
      title: '姓名',
      value: (r) => r.cadre?.name ?? r.id,
      render: (r) => (
        <LinkButton onClick={() => onOpenCadre(r.id)} data-cadre={r.id}>
          {r.cadre?.name ?? r.id}
        </LinkButton>
      ),
    },
    {
      key: 'work',
      title: '记录',
      value: () => '',
      exported: false,
      render: (r) => (
        <LinkButton
          onClick={() => onOpenWork({ id: r.id, name: r.cadre?.name ?? r.id })}
          aria-label={`${r.cadre?.name ?? r.id}的工作记录`}
        >
          工作记录
        </LinkButton>
      ),
    },
    { key: 'org', title: '所在组织', value: (r) => r.cadre?.orgName ?? '' },
    { key: 'department', title: '部室', value: (r) => r.cadre?.department ?? '' },
    { key: 'rank', title: '职级', value: (r) => (r.cadre ? rankLabels[r.cadre.rank] : '') },
    {
      key: 'employment',
      title: '干部性质',
      value: (r) => (r.cadre ? employmentLabels[r.cadre.employment] : ''),
    },
    { key: 'unmet', title: '未达标', value: (r) => r.counts.unmet, sorter: true },
    { key: 'in_progress', title: '进行中', value: (r) => r.counts.in_progress, sorter: true },
    { key: 'met', title: '达标', value: (r) => r.counts.met, sorter: true },
    {
      key: 'rate',
      title: '达标率（%）',
      value: (r) => rateValue(r.rate),
      render: (r) => percent(r.rate),
      sorter: true,
    },
    {
      key: 'rules',
      title: '未达标的要求',
      value: (r) => r.unmetRules.map((id) => ruleShort(id, 40)).join('；'),
      render: (r) =>
        r.unmetRules.slice(0, 3).map((id) => (
          <Tag key={id} color="red">
            {ruleShort(id, 10)}
          </Tag>
        )),
    },
  ];
  return (
    <ExportTable
      title="落后干部（按未达标项数排序）"
      exportName="落后干部"
      columns={columns}
      rows={rows}
      rowKey={(r) => r.id}
      pageSize={15}
    />
  );
}

/** 下级组织: the results of each sub-organization's cadres; a name drills into that organization. */
export function BranchesPanel({ rows, onOpenOrg }: { rows: BranchRow[]; onOpenOrg: (id: string) => void }) {
  const columns: ExportColumn<BranchRow>[] = [
    {
      key: 'name',
      title: '组织',
      value: (r) => r.name,
      render: (r) => {
        const id = r.id;
        return id ? <LinkButton onClick={() => onOpenOrg(id)}>{r.name}</LinkButton> : r.name;
      },
    },
    { key: 'cadres', title: '团干部数', value: (r) => r.cadreCount, sorter: true },
    { key: 'met', title: '达标', value: (r) => r.counts.met, sorter: true },
    { key: 'in_progress', title: '进行中', value: (r) => r.counts.in_progress, sorter: true },
    { key: 'unmet', title: '未达标', value: (r) => r.counts.unmet, sorter: true },
    {
      key: 'rate',
      title: '达标率（%）',
      value: (r) => rateValue(r.rate),
      render: (r) => percent(r.rate),
      sorter: true,
    },
  ];
  return (
    <ExportTable
      title="下级组织（点击名称进入该组织）"
      exportName="下级组织达标情况"
      columns={columns}
      rows={rows}
      rowKey={(r) => r.id ?? 'self'}
      pageSize={20}
    />
  );
}
