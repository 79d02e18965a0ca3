import type { TContactPoint } from '@lianxin/contracts';
import { Button, Empty, Space, Spin, Table, type TableColumnsType, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/endpoints.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useCurrentOrg } from '../../layout/CurrentOrgContext.tsx';
import { canEdit, useSignedIn } from '../../session/SessionContext.tsx';
import { pointCategoryLabels } from '../worklog/labels.ts';
import { CreatePointModal } from './CreatePointModal.tsx';
import { EndPointModal } from './EndPointModal.tsx';
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

const isCurrent = (p: TContactPoint) => p.to === null || p.to >= dayjs().format('YYYY-MM-DD');

/** 联系点: who holds which point under the current organization, with 新增, 结束 and 轮换. */
export function PointsPage() {
  const { account } = useSignedIn();
  const editor = canEdit(account.role);
  const { roots, currentOrg } = useCurrentOrg();
  const orgId = currentOrg?.id;
  const points = useLoad(() => (orgId ? pointsNear(orgId) : Promise.resolve([])), [orgId]);
  const [creating, setCreating] = useState(false);
  const [ending, setEnding] = useState<TContactPoint | null>(null);
  const [rotating, setRotating] = useState<TContactPoint | null>(null);

  if (roots && roots.length === 0)
    return <Empty style={{ marginTop: 80 }} description="当前账号没有可管理的组织" />;
  if (!currentOrg) return <Spin style={{ display: 'block', marginTop: 80 }} />;

  const columns: TableColumnsType<TContactPoint> = [
    { title: '序号', key: 'index', width: 70, render: (_, __, i) => i + 1 },
    {
      title: '联系点',
      dataIndex: 'orgName',
      render: (name: string, p) => <Link to={`/points/${encodeURIComponent(p.id)}`}>{name}</Link>,
    },
    { title: '联系人', key: 'holder', width: 120, render: (_, p) => p.cadreName ?? p.holderOrgName ?? '—' },
    { title: '任期', key: 'term', width: 220, render: (_, p) => `${p.from} 至 ${p.to ?? '今'}` },
    {
      title: '类别',
      dataIndex: 'category',
      width: 80,
      render: (c: TContactPoint['category']) => (c ? pointCategoryLabels[c] : '—'),
    },
    { title: '联系主题', dataIndex: 'topic', ellipsis: true, render: (t: string | null) => t ?? '—' },
    {
      title: '状态',
      key: 'state',
      width: 90,
      render: (_, p) => (isCurrent(p) ? <Tag color="green">联系中</Tag> : <Tag>已结束</Tag>),
    },
    {
      title: '操作',
      key: 'actions',
      width: 200,
      render: (_, p) => (
        <Space size={4}>
          <Link to={`/points/${encodeURIComponent(p.id)}`}>台账</Link>
          {editor && isCurrent(p) && !p.successorId ? (
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
      <Table<TContactPoint>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={points.data ?? []}
        loading={points.loading}
        scroll={{ x: 900 }}
        pagination={false}
        locale={{ emptyText: points.error ?? '本组织及其下级组织暂无联系点' }}
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
