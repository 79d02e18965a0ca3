import { RightOutlined } from '@ant-design/icons';
import { pointCategoryLabels } from '@lianxin/contracts';
import { Alert, Empty, Flex, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/endpoints.ts';
import { ContactTargetBar } from '../../components/ProgressLine.tsx';
import { Panel, PlainList, RowButton, Txt } from '../../components/plain.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { onDemand } from '../../onDemand.tsx';
import { fieldOf, stateOf, termOf } from '../points/points.ts';
import { ActivityList } from '../worklog/ActivityList.tsx';
import { problemStatusColors, problemStatusLabels } from '../worklog/labels.ts';

const ActivityDrawer = onDemand(() => import('../worklog/ActivityDrawer.tsx').then((m) => m.ActivityDrawer));

/** /me at a glance: the 1+100 progress, my points, my last 10 activities, my open problems. */
export function MyWork({ cadreId }: { cadreId: string }) {
  const contacts = useLoad(() => api.contacts.list({ pageSize: 500 }), []);
  const points = useLoad(() => api.points.list({ cadre: cadreId }), [cadreId]);
  const timeline = useLoad(() => api.activities.list({ cadre: cadreId, pageSize: 10 }), [cadreId]);
  const waiting = useLoad(
    () => api.activities.problems({ cadre: cadreId, status: 'open', pageSize: 20 }),
    [cadreId],
  );
  const doing = useLoad(
    () => api.activities.problems({ cadre: cadreId, status: 'in_progress', pageSize: 20 }),
    [cadreId],
  );
  const names = useMemo(
    () => new Map((contacts.data?.items ?? []).map((c) => [c.id, c.name])),
    [contacts.data],
  );
  const [shown, setShown] = useState<string | null>(null);
  const progress = contacts.data?.progress;
  const problems = [...(waiting.data?.items ?? []), ...(doing.data?.items ?? [])];
  const error = contacts.error ?? points.error ?? timeline.error;

  return (
    <Flex vertical gap={12}>
      {error ? <Alert type="error" showIcon title={error} /> : null}
      <Panel
        title="1+100 联系青年"
        extra={
          <Link to="/me/contacts">
            名单 <RightOutlined />
          </Link>
        }
      >
        {progress ? (
          <>
            <Txt strong style={{ fontSize: 24 }} data-testid="progress-count">
              {progress.count}
            </Txt>
            <Txt type="secondary"> / {progress.target} 人</Txt>
            <ContactTargetBar count={progress.count} target={progress.target} />
          </>
        ) : (
          <ContactTargetBar count={0} target={1} />
        )}
      </Panel>
      <Panel title="我的联系点">
        <PlainList
          rowKey={(p) => p.id}
          loading={points.loading}
          items={points.data?.items ?? []}
          empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无联系点" />}
          render={(p) => (
            <Link to={`/me/points/${encodeURIComponent(p.id)}`} style={{ width: '100%' }}>
              <Flex justify="space-between" align="center" gap={8}>
                <span style={{ minWidth: 0 }}>
                  {p.orgName}
                  {p.category ? <Tag style={{ marginLeft: 6 }}>{pointCategoryLabels[p.category]}</Tag> : null}
                  {p.showcase ? <Tag color="gold">示范点</Tag> : null}
                  <br />
                  <Txt type="secondary" style={{ fontSize: 12 }}>
                    {p.orgField ? `${fieldOf(p)} · ` : ''}
                    {termOf(p)}
                    {p.topic ? ` · ${p.topic}` : ''}
                  </Txt>
                </span>
                <Tag color={stateOf(p).color}>{stateOf(p).label}</Tag>
              </Flex>
            </Link>
          )}
        />
      </Panel>
      <Panel title="最近工作" bodyStyle={{ paddingTop: 0 }}>
        <ActivityList
          items={timeline.data?.items}
          loading={timeline.loading}
          names={names}
          onChanged={timeline.reload}
          empty="还没有工作记录，点上方“记一笔”"
        />
      </Panel>
      <Panel title={`待办问题${problems.length ? `（${problems.length}）` : ''}`}>
        <PlainList
          rowKey={(p) => p.id}
          items={problems}
          empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有待办问题" />}
          render={(p) => (
            <RowButton onClick={() => setShown(p.id)}>
              <Flex justify="space-between" align="center" gap={8} component="span">
                <span>
                  {p.title ?? p.note ?? '（未写标题）'}
                  <br />
                  <Txt type="secondary" style={{ fontSize: 12 }}>
                    {p.date}
                    {p.dueOn ? ` · 期限 ${p.dueOn}` : ''}
                  </Txt>
                </span>
                {p.status ? (
                  <Tag color={problemStatusColors[p.status as keyof typeof problemStatusColors]}>
                    {problemStatusLabels[p.status as keyof typeof problemStatusLabels] ?? p.status}
                  </Tag>
                ) : null}
              </Flex>
            </RowButton>
          )}
        />
      </Panel>
      {shown ? (
        <ActivityDrawer
          id={shown}
          onClose={() => setShown(null)}
          onChanged={() => {
            waiting.reload();
            doing.reload();
          }}
        />
      ) : null}
    </Flex>
  );
}
