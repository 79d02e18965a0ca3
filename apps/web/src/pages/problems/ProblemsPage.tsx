import type { TActivitySummary, TProblemStatus } from '@lianxin/contracts';
import { Empty, Flex, Segmented, Spin, Table, type TableColumnsType, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { CadreSelect } from '../../components/CadreSelect.tsx';
import { LinkButton } from '../../components/LinkButton.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PAGE_SIZES } from '../../components/paging.ts';
import { useLoad } from '../../components/useLoad.ts';
import { useCurrentOrg } from '../../layout/CurrentOrgContext.tsx';
import { canEdit, useSignedIn } from '../../session/SessionContext.tsx';
import { ActivityDrawer } from '../worklog/ActivityDrawer.tsx';
import { problemStatusLabels } from '../worklog/labels.ts';
import { AssignProblemModal } from './AssignProblemModal.tsx';
import { ProblemQueueTab } from './ProblemQueueTab.tsx';
import { ProblemStatusSelect } from './ProblemStatusSelect.tsx';

type Filter = TProblemStatus | 'all';

/** Names of the assignees on a page; one outside the reader's view stays unnamed. */
async function cadreNames(ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const answers = await Promise.allSettled(unique.map((id) => api.cadres.get(id)));
  return new Map(
    answers.flatMap((a, i) => (a.status === 'fulfilled' ? [[unique[i] as string, a.value.name]] : [])),
  );
}

/** 问题清单: problems raised by contacts under the current organization or of one cadre, by status. */
export function ProblemsPage() {
  const { account } = useSignedIn();
  const editor = canEdit(account.role);
  const { roots, currentOrg } = useCurrentOrg();
  const [status, setStatus] = useState<Filter>('open');
  const [cadreId, setCadreId] = useState<string | null>(null);
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [open, setOpen] = useState<string | null>(null);
  const [assigning, setAssigning] = useState<TActivitySummary | null>(null);
  const [version, setVersion] = useState(0);
  const orgId = currentOrg?.id;
  const list = useLoad(async () => {
    if (!orgId) return null;
    const page = await api.activities.problems({
      ...(cadreId ? { cadre: cadreId } : { org: orgId }),
      status: status === 'all' ? undefined : status,
      ...paging,
    });
    const names = await cadreNames(page.items.flatMap((p) => (p.assignee ? [p.assignee] : [])));
    return { ...page, names };
  }, [orgId, cadreId, status, paging]);

  if (roots && roots.length === 0)
    return <Empty style={{ marginTop: 80 }} description="当前账号没有可管理的组织" />;
  if (!currentOrg) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  const names = list.data?.names;
  const nameOf = (id: string | null) => (id ? (names?.get(id) ?? '（其他单位）') : '—');

  const columns: TableColumnsType<TActivitySummary> = [
    {
      title: '序号',
      key: 'index',
      width: 60,
      render: (_, __, i) => (paging.page - 1) * paging.pageSize + i + 1,
    },
    { title: '反映日期', dataIndex: 'date', width: 110 },
    {
      title: '问题',
      key: 'title',
      width: 260,
      render: (_, p) => (
        <LinkButton onClick={() => setOpen(p.id)} style={{ whiteSpace: 'normal', textAlign: 'left' }}>
          {p.title ?? p.note ?? '（未写标题）'}
        </LinkButton>
      ),
    },
    { title: '记录人', dataIndex: 'cadreName', width: 100 },
    { title: '责任人', dataIndex: 'assignee', width: 100, render: (a: string | null) => nameOf(a) },
    { title: '办理期限', dataIndex: 'dueOn', width: 110, render: (d: string | null) => d ?? '—' },
    {
      title: '状态',
      key: 'status',
      width: 130,
      render: (_, p) => (
        <ProblemStatusSelect
          id={p.id}
          status={(p.status ?? 'open') as TProblemStatus}
          editable={editor}
          onChanged={list.reload}
        />
      ),
    },
    ...(editor
      ? [
          {
            title: '操作',
            key: 'assign',
            width: 80,
            render: (_: unknown, p: TActivitySummary) => (
              <LinkButton onClick={() => setAssigning(p)}>交办</LinkButton>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader title="问题清单" />
      <Tabs
        items={[
          {
            key: 'list',
            label: '问题清单',
            children: (
              <>
                <Flex vertical gap={12} style={{ marginBottom: 12 }}>
                  <Segmented<Filter>
                    value={status}
                    onChange={(v) => {
                      setStatus(v);
                      setPaging((p) => ({ ...p, page: 1 }));
                    }}
                    options={[
                      ...(['open', 'in_progress', 'escalated', 'resolved'] as const).map((s) => ({
                        value: s,
                        label: problemStatusLabels[s],
                      })),
                      { value: 'all', label: '全部' },
                    ]}
                    style={{ alignSelf: 'flex-start' }}
                  />
                  <Flex align="center" gap={8} wrap>
                    <Typography.Text>按团干部查看：</Typography.Text>
                    <div style={{ width: 320, maxWidth: '100%' }}>
                      <CadreSelect
                        orgId={orgId}
                        value={cadreId}
                        onChange={(v) => {
                          setCadreId(v);
                          setPaging((p) => ({ ...p, page: 1 }));
                        }}
                        allowClear
                      />
                    </div>
                  </Flex>
                </Flex>
                <Table<TActivitySummary>
                  rowKey="id"
                  size="middle"
                  columns={columns}
                  dataSource={list.data?.items ?? []}
                  loading={list.loading}
                  scroll={{ x: 960 }}
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
              </>
            ),
          },
          {
            key: 'queue',
            label: '待办',
            children: <ProblemQueueTab orgId={currentOrg.id} version={version} open={setOpen} />,
          },
        ]}
      />
      <ActivityDrawer
        id={open}
        onClose={() => setOpen(null)}
        onChanged={() => {
          list.reload();
          setVersion((v) => v + 1);
        }}
      />
      <AssignProblemModal
        problem={assigning}
        assigneeName={assigning?.assignee ? names?.get(assigning.assignee) : undefined}
        onClose={() => setAssigning(null)}
        onDone={list.reload}
      />
    </>
  );
}
