import type { TPosting } from '@lianxin/contracts';
import { Alert, Spin, Tag } from 'antd';
import { PlainList, ScreenHeading, Txt } from '../../components/plain.tsx';
import { MobileLayout } from '../../layout/MobileLayout.tsx';
import { useSignedIn } from '../../session/SessionContext.tsx';
import { GroupView, useGroup } from './GroupView.tsx';

/** The members as rows: a three-column table is squeezed word by word on a phone. */
function MemberRows({ members }: { members: TPosting[] }) {
  return (
    <PlainList
      items={members}
      rowKey={(m) => m.id}
      render={(m) => (
        <>
          {m.cadreName}
          {m.leader ? (
            <Tag color="gold" style={{ marginLeft: 6 }}>
              牵头人
            </Tag>
          ) : null}
          <br />
          <Txt type="secondary">
            {m.orgName} · {m.from} 至 {m.to}
          </Txt>
        </>
      )}
    />
  );
}

/** 小组页面 on the phone: the leader manages the group and writes its report; members see the roster. */
export function MyGroupPage() {
  const { account } = useSignedIn();
  const group = useGroup();
  return (
    <MobileLayout>
      <ScreenHeading style={{ margin: '4px 0 12px' }}>工作小组</ScreenHeading>
      {group.data ? (
        <GroupView
          group={group.data}
          members={<MemberRows members={group.data.members} />}
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
