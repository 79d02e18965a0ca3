import { pointCategoryLabels, type TContactPoint } from '@lianxin/contracts';
import { Button, Empty, Flex, Space, Spin, Table, type TableColumnsType, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, type TPaged } from '../../api/endpoints.ts';
import { CadreSelect } from '../../components/CadreSelect.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { serverPagination } from '../../components/paging.ts';
import { useLoad } from '../../components/useLoad.ts';
import { useCurrentOrg } from '../../layout/CurrentOrgContext.tsx';
import { canEdit, useSignedIn } from '../../session/SessionContext.tsx';
import { CreatePointModal } from './CreatePointModal.tsx';
import { EndPointModal } from './EndPointModal.tsx';
import { ProposalsTab } from './ProposalsTab.tsx';
import { fieldOf, holderName, isOpen, stateOf, termOf } from './points.ts';
import { RotatePointModal } from './RotatePointModal.tsx';

/** A cadre's points, newest tenure first, as one page. */
async function pointsOfCadre(cadreId: string): Promise<TPaged<TContactPoint>> {
  const { items } = await api.points.list({ cadre: cadreId });
  const sorted = [...items].sort((a, b) => b.from.localeCompare(a.from));
  return { items: sorted, total: sorted.length, page: 1, pageSize: sorted.length };
}

/**
 * 联系点: who holds which point anywhere under the current organization (each organization's contact
 * cadres, paged on the server), or one cadre's points, with 新增, 结束 and 轮换.
 */
export function PointsPage() {
  const { account } = useSignedIn();
  const editor = canEdit(account.role);
  const { roots, currentOrg } = useCurrentOrg();
  const orgId = currentOrg?.id;
  const [cadreId, setCadreId] = useState<string | null>(null);
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const points = useLoad(
    () =>
      cadreId ? pointsOfCadre(cadreId) : orgId ? api.points.under(orgId, paging) : Promise.resolve(undefined),
    [orgId, cadreId, paging],
  );
  // another organization or cadre: back to page 1
  useEffect(() => {
    if (orgId || cadreId) setPaging((q) => (q.page === 1 ? q : { ...q, page: 1 }));
  }, [orgId, cadreId]);
  const [creating, setCreating] = useState(false);
  const [ending, setEnding] = useState<TContactPoint | null>(null);
  const [rotating, setRotating] = useState<TContactPoint | null>(null);

  if (roots && roots.length === 0)
    return <Empty style={{ marginTop: 80 }} description="当前账号没有可管理的组织" />;
  if (!currentOrg) return <Spin style={{ display: 'block', marginTop: 80 }} />;

  const columns: TableColumnsType<TContactPoint> = [
    {
      title: '序号',
      key: 'index',
      width: 50,
      render: (_, __, i) => (cadreId ? 0 : (paging.page - 1) * paging.pageSize) + i + 1,
    },
    {
      title: '联系点',
      dataIndex: 'orgName',
      width: 200,
      render: (name: string, p) => (
        <>
          <Link to={`/points/${encodeURIComponent(p.id)}`}>{name}</Link>
          {p.showcase ? (
            <Tag color="gold" style={{ marginLeft: 6 }}>
              示范点
            </Tag>
          ) : null}
        </>
      ),
    },
    { title: '领域', key: 'field', width: 90, render: (_, p) => fieldOf(p) },
    { title: '联系人', key: 'holder', width: 100, render: (_, p) => holderName(p) },
    { title: '任期', key: 'term', width: 190, render: (_, p) => termOf(p) },
    {
      title: '类别',
      dataIndex: 'category',
      width: 60,
      render: (c: TContactPoint['category']) => (c ? pointCategoryLabels[c] : '—'),
    },
    { title: '联系主题', dataIndex: 'topic', ellipsis: true, render: (t: string | null) => t ?? '—' },
    {
      title: '状态',
      key: 'state',
      width: 80,
      render: (_, p) => {
        const state = stateOf(p);
        return <Tag color={state.color}>{state.label}</Tag>;
      },
    },
    {
      title: '操作',
      key: 'actions',
      width: 140,
      render: (_, p) => (
        <Space size={4}>
          <Link to={`/points/${encodeURIComponent(p.id)}`}>台账</Link>
          {editor && isOpen(p) && !p.successorId ? (
            <>
              <Button size="small" type="link" onClick={() => setRotating(p)}>
                轮换
              </Button>
              <Button size="small" type="link" danger onClick={() => setEnding(p)}>
                结束
              </Button>
            </>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="联系点"
        extra={
          editor ? (
            <Button type="primary" onClick={() => setCreating(true)}>
              新增联系点
            </Button>
          ) : null
        }
      />
      <Tabs
        items={[
          {
            key: 'points',
            label: '联系点',
            children: (
              <>
                <Flex align="center" gap={8} wrap style={{ marginBottom: 12 }}>
                  <Typography.Text>按团干部查看：</Typography.Text>
                  <div style={{ width: 320, maxWidth: '100%' }}>
                    <CadreSelect orgId={orgId} value={cadreId} onChange={setCadreId} allowClear />
                  </div>
                  <Typography.Text type="secondary">
                    {cadreId ? '该团干部的全部联系点（含已结束的任期）' : '本组织及其各级下级组织的联系点'}
                  </Typography.Text>
                </Flex>
                <Table<TContactPoint>
                  rowKey="id"
                  size="middle"
                  columns={columns}
                  dataSource={points.data?.items ?? []}
                  loading={points.loading}
                  // fits the 1366 px desk (the topic takes what is left); narrower screens scroll
                  scroll={{ x: 1040 }}
                  pagination={
                    cadreId ? false : serverPagination(paging, setPaging, points.data?.total ?? 0, '个任期')
                  }
                  locale={{
                    emptyText:
                      points.error ?? (cadreId ? '该团干部暂无联系点' : '本组织及其下级组织暂无联系点'),
                  }}
                />
              </>
            ),
          },
          {
            key: 'proposals',
            label: '候选联系点',
            children: <ProposalsTab org={currentOrg} editor={editor} />,
          },
        ]}
      />
      <CreatePointModal
        open={creating}
        org={currentOrg}
        onClose={() => setCreating(false)}
        onDone={points.reload}
      />
      <EndPointModal point={ending} onClose={() => setEnding(null)} onDone={points.reload} />
      <RotatePointModal point={rotating} onClose={() => setRotating(null)} onDone={points.reload} />
    </>
  );
}
