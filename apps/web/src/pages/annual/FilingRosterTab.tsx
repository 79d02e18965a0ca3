import type { TFilingRoster, TFilingStatus, TTaskList } from '@lianxin/contracts';
import {
  Alert,
  Button,
  Descriptions,
  Drawer,
  Flex,
  Input,
  Modal,
  Popconfirm,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { annualApi } from '../../api/annual.ts';
import { LinkButton } from '../../components/LinkButton.tsx';
import { StackedTable } from '../../components/StackedTable.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { toastError, toastSuccess } from '../../feedback.ts';
import { filingStateLabels, filingStatusLabels } from './labels.ts';

type Row = TFilingRoster['items'][number];

const statusFilters = [
  { text: '未填报', value: 'none' },
  ...(Object.entries(filingStatusLabels) as [TFilingStatus, string][]).map(([value, text]) => ({
    text,
    value,
  })),
];

const taskAreas = [
  ['lecture', '理论宣讲'],
  ['talk', '交流谈心'],
  ['research', '调查研究'],
  ['work', '推动工作'],
] as const;

/** A submitted task list read in place, before it is passed or returned. */
function TaskListDrawer({
  year,
  row,
  onClose,
  onReview,
}: {
  year: number;
  row: Row | null;
  onClose: () => void;
  onReview: (row: Row, decision: 'accept' | 'return') => void;
}) {
  const list = useLoad<TTaskList | null>(
    () => (row ? annualApi.taskList.get(year, row.cadreId) : Promise.resolve(null)),
    [year, row?.cadreId],
  );
  const content = list.data?.content;
  return (
    <Drawer
      open={row !== null}
      onClose={onClose}
      title={`${row?.cadreName ?? ''} 的 ${year} 年任务清单`}
      size="large"
      extra={
        row?.status === 'submitted' ? (
          <Flex gap={8}>
            <Button onClick={() => onReview(row, 'return')}>退回</Button>
            <Popconfirm
              title={`通过 ${row.cadreName} 的任务清单？通过后即为备案。`}
              okText="通过"
              cancelText="取消"
              onConfirm={() => onReview(row, 'accept')}
            >
              <Button type="primary">通过</Button>
            </Popconfirm>
          </Flex>
        ) : null
      }
    >
      {list.error ? <Alert type="error" showIcon title={list.error} /> : null}
      {content ? (
        <Descriptions
          column={1}
          bordered
          size="small"
          items={[
            ...taskAreas.map(([key, label]) => ({
              key,
              label,
              children: (
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                  {content[key] || '—'}
                </Typography.Paragraph>
              ),
            })),
            { key: 'points', label: '联系点', children: `${content.pointIds.length} 个` },
          ]}
        />
      ) : null}
    </Drawer>
  );
}

/** Every cadre of the organization with their task list: late and missing ones stand out; review here. */
export function FilingRosterTab({ year, orgId }: { year: number; orgId: string }) {
  const roster = useLoad(() => annualApi.roster(year, orgId, 'task_list'), [year, orgId]);
  const [returning, setReturning] = useState<Row | null>(null);
  const [reading, setReading] = useState<Row | null>(null);
  const [comment, setComment] = useState('');

  async function review(row: Row, decision: 'accept' | 'return', text?: string) {
    try {
      await annualApi.taskList.review(year, row.cadreId, { decision, comment: text });
      toastSuccess(decision === 'accept' ? `已通过：${row.cadreName}` : `已退回：${row.cadreName}`);
      setReturning(null);
      setReading(null);
      setComment('');
      roster.reload();
    } catch (e) {
      toastError(e);
    }
  }

  const columns: TableColumnsType<Row> = [
    { title: '序号', key: 'i', width: 60, render: (_, __, i) => i + 1 },
    { title: '姓名', dataIndex: 'cadreName', width: 120 },
    { title: '组织', dataIndex: 'orgName', width: 160 },
    { title: '部室', dataIndex: 'department', width: 100, render: (d: string | null) => d ?? '—' },
    {
      title: '状态',
      dataIndex: 'status',
      width: 100,
      filters: statusFilters,
      onFilter: (value, row) => (row.status ?? 'none') === value,
      render: (s: Row['status']) => (s ? filingStatusLabels[s] : '未填报'),
    },
    { title: '报送日期', dataIndex: 'submittedOn', width: 110, render: (d: string | null) => d ?? '—' },
    {
      title: '期限',
      dataIndex: 'state',
      width: 100,
      render: (s: Row['state']) => <Tag color={filingStateLabels[s].color}>{filingStateLabels[s].text}</Tag>,
    },
    {
      title: '操作',
      key: 'actions',
      width: 200,
      render: (_, row) => (
        <Flex gap={8}>
          {row.filingId ? (
            <LinkButton
              aria-label={`${row.status === 'submitted' ? '审阅' : '查看'}${row.cadreName}的任务清单`}
              onClick={() => setReading(row)}
            >
              {row.status === 'submitted' ? '审阅' : '查看'}
            </LinkButton>
          ) : null}
          {row.filingId ? (
            <a href={annualApi.forms.taskList(year, row.cadreId)} download>
              备案表
            </a>
          ) : null}
        </Flex>
      ),
    },
  ];

  return (
    <>
      {roster.data?.due ? (
        <Typography.Paragraph>报备期限：{roster.data.due}（首次报送日期计算是否按时）</Typography.Paragraph>
      ) : null}
      {roster.error ? <Alert type="error" showIcon title={roster.error} /> : null}
      <StackedTable<Row>
        rowKey="cadreId"
        size="middle"
        columns={columns}
        dataSource={roster.data?.items ?? []}
        loading={roster.loading}
        pagination={{ pageSize: 50, pageSizeOptions: [20, 50, 100, 200, 500] }}
      />
      <TaskListDrawer
        year={year}
        row={reading}
        onClose={() => setReading(null)}
        onReview={(row, decision) => (decision === 'accept' ? void review(row, 'accept') : setReturning(row))}
      />
      <Modal
        title={`退回 ${returning?.cadreName ?? ''} 的任务清单`}
        open={returning !== null}
        okText="退回"
        okButtonProps={{ disabled: comment.trim() === '' }}
        onOk={() => returning && review(returning, 'return', comment.trim())}
        onCancel={() => setReturning(null)}
      >
        <Input.TextArea
          aria-label="退回意见"
          rows={4}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          placeholder="请填写退回意见"
        />
      </Modal>
    </>
  );
}
