import { employmentLabels, rankLabels, type TDashboard, type TDashboardCadre } from '@lianxin/contracts';
import { Tag } from 'antd';
import { LinkButton } from '../../components/LinkButton.tsx';
import { type ExportColumn, ExportTable } from './ExportTable.tsx';
import { percent, ruleShort } from './rules.ts';

type CadreRow = TDashboard['laggards']['items'][number];
type BranchRow = TDashboard['branches'][number];

const rateValue = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/**
 * 落后干部: cadres with the most unmet rules first, a page at a time from the server; a name opens the
 * cadre's results, 工作记录 the cadre's records (points, contacts, timeline) in one click.
 */
export function LaggardsPanel({
  laggards,
  onPage,
  all,
  onOpenCadre,
  onOpenWork,
}: {
  laggards: TDashboard['laggards'];
  onPage: (page: number) => void;
  all: () => Promise<CadreRow[]>;
  onOpenCadre: (cadre: TDashboardCadre) => void;
  onOpenWork: (cadre: { id: string; name: string }) => void;
}) {
  const columns: ExportColumn<CadreRow>[] = [
    {
      key: 'name',
      title: '姓名',
      value: (r) => r.cadre.name,
      render: (r) => (
        <LinkButton onClick={() => onOpenCadre(r.cadre)} data-cadre={r.cadre.id}>
          {r.cadre.name}
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
          onClick={() => onOpenWork({ id: r.cadre.id, name: r.cadre.name })}
          aria-label={`${r.cadre.name}的工作记录`}
        >
          工作记录
        </LinkButton>
      ),
    },
    { key: 'org', title: '所在组织', value: (r) => r.cadre.orgName },
    { key: 'department', title: '部室', value: (r) => r.cadre.department ?? '' },
    { key: 'rank', title: '职级', value: (r) => rankLabels[r.cadre.rank] },
    { key: 'employment', title: '干部性质', value: (r) => employmentLabels[r.cadre.employment] },
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
      rows={laggards.items}
      rowKey={(r) => r.cadre.id}
      pageSize={laggards.pageSize}
      remote={{ total: laggards.total, page: laggards.page, onChange: onPage, all }}
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
    { key: 'cadres', title: '团干部数', value: (r) => r.cadres, sorter: true },
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
