import { RightOutlined } from '@ant-design/icons';
import { pointCategoryLabels } from '@lianxin/contracts';
import { Alert, Card, Empty, Flex, List, Progress, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/endpoints.ts';
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
      <Card
        size="small"
        title="1+100 联系青年"
        extra={
          <Link to="/me/contacts">
            名单 <RightOutlined />
          </Link>
        }
      >
        {progress ? (
          <>
            <Typography.Text strong style={{ fontSize: 24 }} data-testid="progress-count">
              {progress.count}
            </Typography.Text>
            <Typography.Text type="secondary"> / {progress.target} 人</Typography.Text>
            <Progress
              percent={Math.min(100, Math.round((progress.count / Math.max(1, progress.target)) * 100))}
              strokeColor="#c41d1d"
              aria-label="联系青年进度"
            />
          </>
        ) : (
          <Progress percent={0} status="active" />
        )}
      </Card>
      <Card size="small" title="我的联系点">
        <List
          rowKey="id"
          size="small"
          loading={points.loading}
          dataSource={points.data?.items ?? []}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无联系点" /> }}
          renderItem={(p) => (
            <List.Item>
              <Link to={`/me/points/${encodeURIComponent(p.id)}`} style={{ width: '100%' }}>
                <Flex justify="space-between" align="center" gap={8}>
                  <span style={{ minWidth: 0 }}>
                    {p.orgName}
                    {p.category ? (
                      <Tag style={{ marginLeft: 6 }}>{pointCategoryLabels[p.category]}</Tag>
                    ) : null}
                    {p.showcase ? <Tag color="gold">示范点</Tag> : null}
                    <br />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {p.orgField ? `${fieldOf(p)} · ` : ''}
                      {termOf(p)}
                      {p.topic ? ` · ${p.topic}` : ''}
                    </Typography.Text>
                  </span>
                  <Tag color={stateOf(p).color}>{stateOf(p).label}</Tag>
                </Flex>
              </Link>
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title="最近工作" styles={{ body: { paddingTop: 0 } }}>
        <ActivityList
          items={timeline.data?.items}
          loading={timeline.loading}
          names={names}
          onChanged={timeline.reload}
          empty="还没有工作记录，点上方“记一笔”"
        />
      </Card>
      <Card size="small" title={`待办问题${problems.length ? `（${problems.length}）` : ''}`}>
        <List
          rowKey="id"
          size="small"
          dataSource={problems}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有待办问题" /> }}
          renderItem={(p) => (
            <List.Item onClick={() => setShown(p.id)} style={{ cursor: 'pointer' }}>
              <span>
                {p.title ?? p.note ?? '（未写标题）'}
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {p.date}
                  {p.dueOn ? ` · 期限 ${p.dueOn}` : ''}
                </Typography.Text>
              </span>
              {p.status ? (
                <Tag color={problemStatusColors[p.status as keyof typeof problemStatusColors]}>
                  {problemStatusLabels[p.status as keyof typeof problemStatusLabels] ?? p.status}
                </Tag>
              ) : null}
            </List.Item>
          )}
        />
      </Card>
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
