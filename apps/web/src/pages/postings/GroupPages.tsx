import type { TPosting } from '@lianxin/contracts';
import { Alert, Spin, Table, type TableColumnsType } from 'antd';
import { PageHeader } from '../../components/PageHeader.tsx';
import { canEdit, useSignedIn } from '../../session/SessionContext.tsx';
import { GroupView, useGroup } from './GroupView.tsx';
import { LeaderTag } from './LeaderTag.tsx';

const memberColumns: TableColumnsType<TPosting> = [
  {
    title: '成员',
    dataIndex: 'cadreName',
    render: (name: string, m) => (
      <>
        {name}
        <LeaderTag leader={m.leader} />
      </>
    ),
  },
  { title: '派驻地', dataIndex: 'orgName' },
  { title: '时间', key: 'span', render: (_, m) => `${m.from} 至 ${m.to}` },
];

/** An admin's view of a group: leave waits for their decision here. */
export function AdminGroupPage() {
  const { account } = useSignedIn();
  const group = useGroup();
  return (
    <>
      <PageHeader title="工作小组" />
      {group.data ? (
        <GroupView
          group={group.data}
          members={
            <Table<TPosting>
              rowKey="id"
              size="small"
              columns={memberColumns}
              dataSource={group.data.members}
              pagination={false}
            />
          }
          reload={group.reload}
          canDecide={canEdit(account.role)}
          isLeader={false}
        />
      ) : group.error ? (
        <Alert type="error" title={group.error} />
      ) : (
        <Spin />
      )}
    </>
  );
}
