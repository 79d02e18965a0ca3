import type { TMoveCadreRequest, TPostingBatch, TPostingPlanView } from '@lianxin/contracts';
import { rankLabels } from '@lianxin/contracts';
import { groupName } from '@lianxin/domain';
import { Button, Select, Table, type TableColumnsType, Tag } from 'antd';
import type { TTarget } from './postingsApi.ts';

type TRow = TPostingPlanView['rows'][number];

const NEW_GROUP = 'new';

/**
 * 派驻方案 as a table an admin edits in place: batch, target, group and months of each cadre, and who
 * leads. Every change goes to the server, whose answer carries the plan's violations.
 */
export function PlanTable({
  plan,
  batches,
  targets,
  editable,
  onMove,
}: {
  plan: TPostingPlanView;
  batches: TPostingBatch[];
  targets: TTarget[];
  editable: boolean;
  onMove: (cadre: string, move: TMoveCadreRequest) => void;
}) {
  const batchName = new Map(batches.map((b) => [b.id, b.name]));
  const groupOptions = [
    ...plan.groups.map((g) => ({
      value: g.id,
      label: `${groupName(g.id)} · ${batchName.get(g.batch) ?? g.batch} · ${g.prefectureName}（${g.members.length} 人）`,
    })),
    { value: NEW_GROUP, label: '新建小组' },
  ];
  const targetOptions = targets.map((t) => ({ value: t.id, label: `${t.name}（${t.prefectureName}）` }));
  const problemSubjects = new Set(plan.violations.filter((v) => v.hard).map((v) => v.subject));

  const columns: TableColumnsType<TRow> = [
    {
      title: '干部',
      dataIndex: 'cadreName',
      width: 120,
      fixed: 'left',
      render: (name: string, r) => (
        <span data-cadre={r.cadre}>
          {name}
          {problemSubjects.has(r.cadre) || problemSubjects.has(r.group) ? (
            <Tag color="red" style={{ marginLeft: 6 }}>
              冲突
            </Tag>
          ) : null}
        </span>
      ),
    },
    // one organ sending everyone is named above the table: its column would only repeat it
    ...(new Set(plan.rows.map((r) => r.organName)).size > 1
      ? [{ title: '派出机关', dataIndex: 'organName', width: 150 }]
      : []),
    { title: '职级', dataIndex: 'rank', width: 80, render: (r: TRow['rank']) => rankLabels[r] },
    {
      title: '批次',
      dataIndex: 'batch',
      width: 120,
      render: (batch: string, r) => (
        <Select
          aria-label={`${r.cadreName}的批次`}
          value={batch}
          disabled={!editable}
          style={{ width: 110 }}
          options={batches.map((b) => ({ value: b.id, label: b.name }))}
          onChange={(v) => onMove(r.cadre, { batch: v })}
        />
      ),
    },
    {
      title: '派驻地',
      dataIndex: 'county',
      width: 220,
      render: (county: string, r) => (
        <Select
          aria-label={`${r.cadreName}的派驻地`}
          showSearch={{ optionFilterProp: 'label' }}
          value={county}
          disabled={!editable}
          style={{ width: 210 }}
          options={targetOptions}
          onChange={(v) => onMove(r.cadre, { county: v })}
        />
      ),
    },
    {
      title: '小组',
      dataIndex: 'group',
      width: 250,
      render: (group: string, r) => (
        <Select
          aria-label={`${r.cadreName}的小组`}
          value={group}
          disabled={!editable}
          style={{ width: 240 }}
          options={groupOptions}
          onChange={(v) => onMove(r.cadre, { group: v })}
        />
      ),
    },
    {
      title: '牵头人',
      dataIndex: 'leader',
      width: 100,
      render: (leader: boolean, r) =>
        leader ? (
          <Tag color="gold">牵头人</Tag>
        ) : editable ? (
          <Button size="small" type="link" onClick={() => onMove(r.cadre, { lead: true })}>
            设为牵头人
          </Button>
        ) : null,
    },
    {
      title: '月数',
      dataIndex: 'months',
      width: 80,
      render: (months: number, r) => (
        <Select
          aria-label={`${r.cadreName}的月数`}
          value={months}
          disabled={!editable}
          style={{ width: 70 }}
          options={[4, 6].map((m) => ({ value: m, label: m }))}
          onChange={(v) => onMove(r.cadre, { months: v })}
        />
      ),
    },
  ];

  return (
    <Table<TRow>
      rowKey="cadre"
      size="small"
      columns={columns}
      dataSource={plan.rows}
      scroll={{ x: columns.reduce((sum, c) => sum + Number(c.width ?? 0), 0) }}
      pagination={plan.rows.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
    />
  );
}
