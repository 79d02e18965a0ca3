import type { TActivitySummary, TProblemStatus } from '@lianxin/contracts';
import { Empty, Segmented, Select, Spin, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { LinkButton } from '../../components/LinkButton.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PAGE_SIZES } from '../../components/paging.ts';
import { useLoad } from '../../components/useLoad.ts';
import { toastError, toastSuccess } from '../../feedback.ts';
import { useCurrentOrg } from '../../layout/CurrentOrgContext.tsx';
import { canEdit, useSignedIn } from '../../session/SessionContext.tsx';
import { ActivityDrawer } from '../worklog/ActivityDrawer.tsx';
import { problemStatusColors, problemStatusLabels } from '../worklog/labels.ts';

/** Where a problem may go from each status (a resolved one stays resolved, as the server rules). */
const moves: Record<TProblemStatus, TProblemStatus[]> = {
  open: ['open', 'in_progress', 'resolved', 'escalated'],
  in_progress: ['open', 'in_progress', 'resolved', 'escalated'],
  escalated: ['escalated', 'resolved'],
  resolved: ['resolved'],
};

type Filter = TProblemStatus | 'all';

/** 问题清单: problems raised by contacts under the current organization, by status. */
export function ProblemsPage() {
  const { account } = useSignedIn();
  const editor = canEdit(account.role);
  const { roots, currentOrg } = useCurrentOrg();
  const [status, setStatus] = useState<Filter>('open');
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [open, setOpen] = useState<string | null>(null);
  const orgId = currentOrg?.id;
  const list = useLoad(
    () =>
      orgId
        ? api.activities.problems({ org: orgId, status: status === 'all' ? undefined : status, ...paging })
        : Promise.resolve(null),
    [orgId, status, paging],
  );

  if (roots && roots.length === 0)
    return <Empty style={{ marginTop: 80 }} description="当前账号没有可管理的组织" />;
  if (!currentOrg) return <Spin style={{ display: 'block', marginTop: 80 }} />;

  const move = async (p: TActivitySummary, to: TProblemStatus) => {
    try {
      await api.activities.update(p.id, { status: to });
      toastSuccess(`已改为${problemStatusLabels[to]}`);
      list.reload();
    } catch (error) {
      toastError(error);
    }
  };

  const columns: TableColumnsType<TActivitySummary> = [
    {
      title: '序号',
      key: 'index',
      width: 70,
      render: (_, __, i) => (paging.page - 1) * paging.pageSize + i + 1,
    },
    { title: '日期', dataIndex: 'date', width: 110 },
    {
      title: '问题',
      key: 'title',
      render: (_, p) => (
        <LinkButton onClick={() => setOpen(p.id)}>{p.title ?? p.note ?? '（未写标题）'}</LinkButton>
      ),
    },
    { title: '反映人（团干部）', dataIndex: 'cadreName', width: 140 },
    { title: '期限', dataIndex: 'dueOn', width: 110, render: (d: string | null) => d ?? '—' },
    {
      title: '状态',
      key: 'status',
      width: 140,
      render: (_, p) => {
        const s = (p.status ?? 'open') as TProblemStatus;
        if (!editor || moves[s].length === 1)
          return <Tag color={problemStatusColors[s]}>{problemStatusLabels[s]}</Tag>;
        return (
          <Select<TProblemStatus>
            size="small"
            value={s}
            aria-label="问题状态"
            style={{ width: 110 }}
            onChange={(to) => void move(p, to)}
            options={moves[s].map((v) => ({ value: v, label: problemStatusLabels[v] }))}
          />
        );
      },
    },
  ];

  return (
    <>
      <PageHeader title="问题清单" />
      <Segmented<Filter>
        value={status}
        onChange={(v) => {
          setStatus(v);
          setPaging((p) => ({ ...p, page: 1 }));
        }}
        options={[
          { value: 'open', label: '待处理' },
          { value: 'in_progress', label: '处理中' },
          { value: 'escalated', label: '已上报' },
          { value: 'resolved', label: '已解决' },
          { value: 'all', label: '全部' },
        ]}
        style={{ marginBottom: 12 }}
      />
      <Table<TActivitySummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.loading}
        scroll={{ x: 760 }}
        locale={{ emptyText: list.error ?? '没有此状态的问题' }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: list.data?.total ?? 0,
          pageSizeOptions: PAGE_SIZES,
          showSizeChanger: true,
          showTotal: (t) => `共 ${t} 条`,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
      <ActivityDrawer id={open} onClose={() => setOpen(null)} onChanged={list.reload} />
    </>
  );
}
