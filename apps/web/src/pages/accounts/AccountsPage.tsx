import { roleLabels, type TAccount } from '@lianxin/contracts';
import { Button, Card, Empty, Flex, Popconfirm, Spin, Table, type TableColumnsType, Tag } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { api, type TPaged, type TUpdateAccount } from '../../api/endpoints.ts';
import { LinkButton } from '../../components/LinkButton.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { serverPagination } from '../../components/paging.ts';
import { toastError, toastSuccess } from '../../feedback.ts';
import { useCurrentOrg } from '../../layout/CurrentOrgContext.tsx';
import { useSignedIn } from '../../session/SessionContext.tsx';
import { CreateAccountModal } from './CreateAccountModal.tsx';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';

function isLocked(a: TAccount): boolean {
  return a.lockedUntil !== null && dayjs(a.lockedUntil).isAfter(dayjs());
}

function statusTags(a: TAccount) {
  const tags = [];
  if (a.disabled) tags.push(<Tag key="disabled">已停用</Tag>);
  if (isLocked(a)) {
    tags.push(
      <Tag key="locked" color="orange">
        锁定至 {dayjs(a.lockedUntil).format('MM-DD HH:mm')}
      </Tag>,
    );
  }
  if (a.mustChangePassword) tags.push(<Tag key="pw">待修改密码</Tag>);
  return tags.length > 0 ? tags : <Tag color="green">正常</Tag>;
}

/** 账号管理: accounts whose scope lies in the current organization's subtree. */
export function AccountsPage() {
  const session = useSignedIn();
  const { roots, currentOrg } = useCurrentOrg();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [data, setData] = useState<TPaged<TAccount> | null>(null);
  const [loading, setLoading] = useState(false);
  const [version, setVersion] = useState(0);
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<TAccount | null>(null);
  const orgId = currentOrg?.id;

  useEffect(() => {
    if (orgId) setPaging((p) => ({ ...p, page: 1 }));
  }, [orgId]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` re-reads the page after a change.
  useEffect(() => {
    if (!orgId) return;
    let live = true;
    setLoading(true);
    api.accounts
      .list({ org: orgId, ...paging })
      .then((page) => live && setData(page))
      .catch(toastError)
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [orgId, paging, version]);

  if (roots && roots.length === 0)
    return <Empty style={{ marginTop: 80 }} description="当前账号没有可管理的组织" />;
  if (!currentOrg) return <Spin style={{ display: 'block', marginTop: 80 }} />;

  const change = async (a: TAccount, body: TUpdateAccount, done: string) => {
    try {
      await api.accounts.update(a.id, body);
      toastSuccess(done);
      setVersion((v) => v + 1);
    } catch (error) {
      toastError(error);
    }
  };

  const columns: TableColumnsType<TAccount> = [
    {
      title: '序号',
      key: 'index',
      width: 70,
      render: (_, __, index) => (paging.page - 1) * paging.pageSize + index + 1,
    },
    { title: '用户名', dataIndex: 'username', width: 160 },
    { title: '角色', dataIndex: 'role', width: 130, render: (r: TAccount['role']) => roleLabels[r] },
    {
      title: '管辖组织',
      dataIndex: 'scopeOrgName',
      ellipsis: true,
      render: (n: string | null) => n ?? '全部',
    },
    {
      title: '双因素',
      dataIndex: 'totpEnabled',
      width: 90,
      render: (on: boolean) => (on ? <Tag color="blue">已启用</Tag> : <Tag>未启用</Tag>),
    },
    { title: '状态', key: 'status', width: 200, render: (_, a) => statusTags(a) },
    {
      title: '操作',
      key: 'actions',
      width: 200,
      fixed: 'right',
      render: (_, a) => (
        <Flex gap={12} wrap>
          {isLocked(a) ? (
            <LinkButton
              aria-label={`解锁 ${a.username}`}
              onClick={() => void change(a, { unlock: true }, `已解锁 ${a.username}`)}
            >
              解锁
            </LinkButton>
          ) : null}
          {a.id === session.account.id ? null : a.disabled ? (
            <LinkButton
              aria-label={`启用 ${a.username}`}
              onClick={() => void change(a, { disabled: false }, `已启用 ${a.username}`)}
            >
              启用
            </LinkButton>
          ) : (
            <Popconfirm
              title={`停用账号 ${a.username}？`}
              description="停用后该账号立即退出且不能登录"
              okText="确认停用"
              onConfirm={() => change(a, { disabled: true }, `已停用 ${a.username}`)}
            >
              <LinkButton danger aria-label={`停用 ${a.username}`}>
                停用
              </LinkButton>
            </Popconfirm>
          )}
          <LinkButton aria-label={`重置密码 ${a.username}`} onClick={() => setResetting(a)}>
            重置密码
          </LinkButton>
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="账号管理"
        extra={
          <Button type="primary" onClick={() => setCreating(true)}>
            新增账号
          </Button>
        }
      />
      <Card size="small">
        <Table<TAccount>
          rowKey="id"
          size="middle"
          loading={loading}
          columns={columns}
          dataSource={data?.items ?? []}
          scroll={{ x: 1000 }}
          locale={{ emptyText: '暂无账号' }}
          pagination={serverPagination(paging, setPaging, data?.total ?? 0, '个')}
        />
      </Card>
      {creating ? (
        <CreateAccountModal
          callerRole={session.account.role}
          currentOrg={currentOrg}
          open
          onClose={() => setCreating(false)}
          onDone={() => setVersion((v) => v + 1)}
        />
      ) : null}
      {resetting ? (
        <ResetPasswordModal
          account={resetting}
          onClose={() => setResetting(null)}
          onDone={() => setVersion((v) => v + 1)}
        />
      ) : null}
    </>
  );
}
