import { Alert, Empty, Flex } from 'antd';
import { Link } from 'react-router-dom';
import { Panel, ScreenHeading, Txt } from '../../components/plain.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { MobileLayout } from '../../layout/MobileLayout.tsx';
import { useSignedIn } from '../../session/SessionContext.tsx';
import { LeaderTag } from './LeaderTag.tsx';
import { PreferencesCard } from './PreferencesCard.tsx';
import { postingsApi } from './postingsApi.ts';

/** 我的下沉: the caller's postings, each with its summary page and its group; then the batch wishes they state. */
export function MyPostingsPage() {
  const { account } = useSignedIn();
  const postings = useLoad(() => postingsApi.postings(), []);
  const wishes = useLoad(() => postingsApi.myPreferences(), []);
  return (
    <MobileLayout>
      <ScreenHeading style={{ margin: '4px 0 12px' }}>我的下沉</ScreenHeading>
      {postings.error ? <Alert type="error" title={postings.error} /> : null}
      <Flex vertical gap={12}>
        {(postings.data?.items ?? []).map((p) => (
          <Panel key={p.id} title={`${p.programName} · ${p.batchName}`} data-testid="posting">
            <div>
              派驻 {p.orgName}
              <LeaderTag leader={p.leader} />
            </div>
            <Txt type="secondary">
              {p.from} 至 {p.to}（{p.months} 个月）
            </Txt>
            <Flex gap={8} wrap style={{ marginTop: 8 }}>
              <Link to={`/me/postings/${encodeURIComponent(p.id)}`}>个人总结与“六个一”</Link>
              {p.groupId ? <Link to={`/me/groups/${encodeURIComponent(p.groupId)}`}>小组页面</Link> : null}
            </Flex>
          </Panel>
        ))}
        {postings.data && postings.data.items.length === 0 ? <Empty description="暂无下沉安排" /> : null}
      </Flex>
      {wishes.error ? <Alert type="error" title={wishes.error} /> : null}
      {account.cadreId && (wishes.data?.items.length ?? 0) > 0 ? (
        <>
          <ScreenHeading level={2} style={{ fontSize: 17, margin: '20px 0 12px' }}>
            下沉意愿
          </ScreenHeading>
          <Flex vertical gap={12}>
            {(wishes.data?.items ?? []).map((item) => (
              <PreferencesCard key={item.programId} item={item} cadreId={account.cadreId ?? ''} />
            ))}
          </Flex>
        </>
      ) : null}
    </MobileLayout>
  );
}
