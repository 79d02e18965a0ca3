import type { TFilingRoster } from '@lianxin/contracts';
import { Alert, Flex, Input, Modal, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { annualApi } from '../../api/annual.ts';
import { LinkButton } from '../../components/LinkButton.tsx';
import { StackedTable } from '../../components/StackedTable.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { toastError, toastSuccess } from '../../feedback.ts';
import { filingStateLabels, filingStatusLabels } from './labels.ts';

type Row = TFilingRoster['items'][number];

/** Every cadre of the organization with their task list: late and missing ones stand out; review here. */
export function FilingRosterTab({ year, orgId }: { year: number; orgId: string }) {
  const roster = useLoad(() => annualApi.roster(year, orgId, 'task_list'), [year, orgId]);
  const [returning, setReturning] = useState<Row | null>(null);
  const [comment, setComment] = useState('');

  async function review(row: Row, decision: 'accept' | 'return', text?: string) {
    try {
      await annualApi.taskList.review(year, row.cadreId, { decision, comment: text });
      toastSuccess(decision === 'accept' ? `已通过：${row.cadreName}` : `已退回：${row.cadreName}`);
      setReturning(null);
      setComment('');
      roster.reload();
    } catch (e) {
      toastError(e);
    }
  }

  const columns: TableColumnsType<Row> = [
    { title: '序号', key: 'i', width: 60, render: (_, __, i) => i + 1 },
    { title: '姓名', dataIndex: 'cadreName', width: 120 },
    { title: '部室', dataIndex: 'department', width: 100, render: (d: string | null) => d ?? '—' },
    {
      title: '状态',
      dataIndex: 'status',
      width: 90,
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
          {row.status === 'submitted' ? (
            <>
              <LinkButton onClick={() => review(row, 'accept')}>通过</LinkButton>
              <LinkButton onClick={() => setReturning(row)}>退回</LinkButton>
            </>
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
