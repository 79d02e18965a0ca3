import type { TPosting } from '@lianxin/contracts';
import { Alert, Spin } from 'antd';
import { PlainList, ScreenHeading, Txt } from '../../components/plain.tsx';
import { MobileLayout } from '../../layout/MobileLayout.tsx';
import { useSignedIn } from '../../session/SessionContext.tsx';
import { GroupView, useGroup } from './GroupView.tsx';
import { LeaderTag } from './LeaderTag.tsx';

/** The members as rows: a three-column table is squeezed word by word on a phone. */
function MemberRows({ members }: { members: TPosting[] }) {
  return (
    <PlainList
      items={members}
      rowKey={(m) => m.id}
      render={(m) => (
        <>
          {m.cadreName}
          <LeaderTag leader={m.leader} />
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
