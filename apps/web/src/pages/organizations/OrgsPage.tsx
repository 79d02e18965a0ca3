import { orgFieldLabels, orgLevelLabels, type TOrganization } from '@lianxin/contracts';
import { Button, Card, Descriptions, Empty, Spin, Table, type TableColumnsType, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { LinkButton } from '../../components/LinkButton.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PAGE_SIZES } from '../../components/paging.ts';
import { toastError } from '../../feedback.ts';
import { useCurrentOrg } from '../../layout/CurrentOrgContext.tsx';
import { canEdit, useSignedIn } from '../../session/SessionContext.tsx';
import { CloseOrgModal } from './CloseOrgModal.tsx';
import { CreateOrgModal } from './CreateOrgModal.tsx';
import { MoveOrgModal } from './MoveOrgModal.tsx';
import { RenameOrgModal } from './RenameOrgModal.tsx';
import { SecretaryPostCard } from './SecretaryPostCard.tsx';

type Dialog = 'create' | 'rename' | 'move' | 'close' | null;

function statusTag(org: TOrganization) {
  return org.closedOn ? <Tag>已撤销（{org.closedOn}）</Tag> : <Tag color="green">正常</Tag>;
}

/** 组织管理: the current organization and its direct children. */
export function OrgsPage() {
  const session = useSignedIn();
  const editor = canEdit(session.account.role);
  const { roots, currentOrg, selectOrg, reloadCurrent, refreshTree } = useCurrentOrg();
  const [children, setChildren] = useState<TOrganization[]>([]);
  const [loading, setLoading] = useState(false);
  const [version, setVersion] = useState(0);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [paging, setPaging] = useState({ current: 1, pageSize: 20 });
  const orgId = currentOrg?.id;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` re-reads the list after a change.
  useEffect(() => {
    if (!orgId) return;
    let live = true;
    setLoading(true);
    api.orgs
      .children(orgId, true)
      .then(({ items }) => {
        if (!live) return;
        setChildren(items);
        setPaging((p) => ({ ...p, current: 1 }));
      })
      .catch(toastError)
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [orgId, version]);

  if (roots && roots.length === 0) {
    return <Empty style={{ marginTop: 80 }} description="当前账号没有可管理的组织" />;
  }
  if (!currentOrg) return <Spin style={{ display: 'block', marginTop: 80 }} />;

  const afterChange = async (changed: TOrganization) => {
    refreshTree();
    if (changed.id === currentOrg.id) {
      if (changed.closedOn && currentOrg.parentId) await selectOrg(currentOrg.parentId);
      else await reloadCurrent();
    }
    setVersion((v) => v + 1);
  };

  const closed = Boolean(currentOrg.closedOn);
  const isRoot = currentOrg.parentId === null;

  const columns: TableColumnsType<TOrganization> = [
    {
      title: '序号',
      key: 'index',
      width: 70,
      render: (_, __, index) => (paging.current - 1) * paging.pageSize + index + 1,
    },
    {
      title: '组织名称',
      dataIndex: 'name',
      render: (name: string, org) => (
        <LinkButton onClick={() => void selectOrg(org.id)} title="进入该组织">
          {name}
        </LinkButton>
      ),
    },
    {
      title: '级别',
      dataIndex: 'level',
      width: 90,
      render: (l: TOrganization['level']) => orgLevelLabels[l],
    },
    { title: '行政区划代码', dataIndex: 'divisionCode', width: 130, render: (c: string | null) => c ?? '—' },
    {
      title: '领域',
      dataIndex: 'field',
      width: 130,
      render: (f: TOrganization['field']) => (f ? orgFieldLabels[f] : '—'),
    },
    { title: '下级组织', dataIndex: 'childCount', width: 90 },
    { title: '状态', key: 'status', width: 150, render: (_, org) => statusTag(org) },
  ];

  return (
    <>
      <PageHeader
        title="组织管理"
        extra={
          editor && !closed ? (
            <>
              <Button type="primary" onClick={() => setDialog('create')}>
                新增下级组织
              </Button>
              <Button onClick={() => setDialog('rename')}>重命名</Button>
              {!isRoot ? <Button onClick={() => setDialog('move')}>移动</Button> : null}
              {!isRoot ? (
                <Button danger onClick={() => setDialog('close')}>
                  撤销
                </Button>
              ) : null}
            </>
          ) : null
        }
      />
      <Card size="small" title={currentOrg.name} style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'shortName', label: '简称', children: currentOrg.shortName ?? '—' },
            { key: 'level', label: '级别', children: orgLevelLabels[currentOrg.level] },
            { key: 'divisionCode', label: '行政区划代码', children: currentOrg.divisionCode ?? '—' },
            {
              key: 'field',
              label: '领域',
              children: currentOrg.field ? orgFieldLabels[currentOrg.field] : '—',
            },
            { key: 'childCount', label: '下级组织', children: currentOrg.childCount },
            { key: 'status', label: '状态', children: statusTag(currentOrg) },
          ]}
        />
      </Card>
      {currentOrg.level !== 'grassroots' ? (
        <SecretaryPostCard key={currentOrg.id} org={currentOrg} editor={editor && !closed} />
      ) : null}
      <Card size="small" title="下级组织">
        <Table<TOrganization>
          rowKey="id"
          size="middle"
          loading={loading}
          columns={columns}
          dataSource={children}
          scroll={{ x: 800 }}
          locale={{ emptyText: '没有下级组织' }}
          pagination={{
            ...paging,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZES,
            showTotal: (total) => `共 ${total} 个`,
            hideOnSinglePage: false,
            onChange: (current, pageSize) => setPaging({ current, pageSize }),
          }}
        />
      </Card>
      {dialog === 'create' ? (
        <CreateOrgModal parent={currentOrg} open onClose={() => setDialog(null)} onDone={afterChange} />
      ) : null}
      {dialog === 'rename' ? (
        <RenameOrgModal org={currentOrg} open onClose={() => setDialog(null)} onDone={afterChange} />
      ) : null}
      {dialog === 'move' ? (
        <MoveOrgModal org={currentOrg} open onClose={() => setDialog(null)} onDone={afterChange} />
      ) : null}
      {dialog === 'close' ? (
        <CloseOrgModal org={currentOrg} open onClose={() => setDialog(null)} onDone={afterChange} />
      ) : null}
    </>
  );
}
