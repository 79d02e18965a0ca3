import type { TContactPoint } from '@lianxin/contracts';
import { Button, Empty, Flex, Space, Spin, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/endpoints.ts';
import { CadreSelect } from '../../components/CadreSelect.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useCurrentOrg } from '../../layout/CurrentOrgContext.tsx';
import { canEdit, useSignedIn } from '../../session/SessionContext.tsx';
import { CreatePointModal } from './CreatePointModal.tsx';
import { EndPointModal } from './EndPointModal.tsx';
import { holderName, isOpen, pointCategoryLabels, stateOf, termOf } from './points.ts';
import { RotatePointModal } from './RotatePointModal.tsx';

/**
 * The points at the current organization and at its direct sub-organizations (the API lists one
 * organization's points at a time: a county's points sit at its grassroots organizations).
 */
async function pointsNear(orgId: string): Promise<TContactPoint[]> {
  const { items: children } = await api.orgs.children(orgId);
  const lists = await Promise.all(
    [orgId, ...children.map((c) => c.id)].map((org) =>
      api.points.list({ org }).then(
        (r) => r.items,
        () => [] as TContactPoint[], // a sub-organization outside the reader's view
      ),
    ),
  );
  return lists
    .flat()
    .sort((a, b) => a.orgName.localeCompare(b.orgName, 'zh') || a.from.localeCompare(b.from));
}

/** A cadre's points, newest tenure first. */
async function pointsOfCadre(cadreId: string): Promise<TContactPoint[]> {
  const { items } = await api.points.list({ cadre: cadreId });
  return [...items].sort((a, b) => b.from.localeCompare(a.from));
}

/**
 * 联系点: who holds which point under the current organization (each organization's contact cadres),
 * or one cadre's points, with 新增, 结束 and 轮换.
 */
export function PointsPage() {
  const { account } = useSignedIn();
  const editor = canEdit(account.role);
  const { roots, currentOrg } = useCurrentOrg();
  const orgId = currentOrg?.id;
  const [cadreId, setCadreId] = useState<string | null>(null);
  const points = useLoad(
    () => (cadreId ? pointsOfCadre(cadreId) : orgId ? pointsNear(orgId) : Promise.resolve([])),
    [orgId, cadreId],
  );
  const [creating, setCreating] = useState(false);
  const [ending, setEnding] = useState<TContactPoint | null>(null);
  const [rotating, setRotating] = useState<TContactPoint | null>(null);

  if (roots && roots.length === 0)
    return <Empty style={{ marginTop: 80 }} description="当前账号没有可管理的组织" />;
  if (!currentOrg) return <Spin style={{ display: 'block', marginTop: 80 }} />;

  const columns: TableColumnsType<TContactPoint> = [
    { title: '序号', key: 'index', width: 60, render: (_, __, i) => i + 1 },
    {
      title: '联系点',
      dataIndex: 'orgName',
      width: 220,
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
    { title: '联系人', key: 'holder', width: 120, render: (_, p) => holderName(p) },
    { title: '任期', key: 'term', width: 200, render: (_, p) => termOf(p) },
    {
      title: '类别',
      dataIndex: 'category',
      width: 70,
      render: (c: TContactPoint['category']) => (c ? pointCategoryLabels[c] : '—'),
    },
    { title: '联系主题', dataIndex: 'topic', ellipsis: true, render: (t: string | null) => t ?? '—' },
    {
      title: '状态',
      key: 'state',
      width: 90,
      render: (_, p) => {
        const state = stateOf(p);
        return <Tag color={state.color}>{state.label}</Tag>;
      },
    },
    {
      title: '操作',
      key: 'actions',
      width: 150,
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
      <Flex align="center" gap={8} wrap style={{ marginBottom: 12 }}>
        <Typography.Text>按团干部查看：</Typography.Text>
        <div style={{ width: 320, maxWidth: '100%' }}>
          <CadreSelect orgId={orgId} value={cadreId} onChange={setCadreId} allowClear />
        </div>
        <Typography.Text type="secondary">
          {cadreId ? '该团干部的全部联系点（含已结束的任期）' : '本组织及其直属下级组织的联系点'}
        </Typography.Text>
      </Flex>
      <Table<TContactPoint>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={points.data ?? []}
        loading={points.loading}
        scroll={{ x: 1000 }}
        pagination={false}
        locale={{
          emptyText: points.error ?? (cadreId ? '该团干部暂无联系点' : '本组织及其下级组织暂无联系点'),
        }}
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
