import { Alert, Spin, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { MobileLayout } from '../../layout/MobileLayout.tsx';
import { canEdit, useSignedIn } from '../../session/SessionContext.tsx';
import { GroupView } from './GroupView.tsx';
import { postingsApi } from './postingsApi.ts';

function useGroup() {
  const { id = '' } = useParams();
  return useLoad(() => postingsApi.group(id), [id]);
}

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

/** 小组页面 on the phone: the leader manages the group and writes its report; members see the roster. */
export function MyGroupPage() {
  const { account } = useSignedIn();
  const group = useGroup();
  return (
    <MobileLayout>
      <Typography.Title level={1} style={{ fontSize: 20, margin: '4px 0 12px' }}>
        工作小组
      </Typography.Title>
      {group.data ? (
        <GroupView
          group={group.data}
          reload={group.reload}
          canDecide={false}
          isLeader={account.cadreId !== null && group.data.leaderCadreId === account.cadreId}
        />
      ) : group.error ? (
        <Alert type="error" title={group.error} />
      ) : (
        <Spin />
      )}
    </MobileLayout>
  );
}
