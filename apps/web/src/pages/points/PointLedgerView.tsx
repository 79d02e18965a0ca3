import { orgLevelLabels, pointCategoryLabels, type TActivityDetail } from '@lianxin/contracts';
import { Alert, Card, Descriptions, Flex, Skeleton, Tabs, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { useLoad } from '../../components/useLoad.ts';
import { ActivityDrawer } from '../worklog/ActivityDrawer.tsx';
import { FactBookTab } from './FactBookTab.tsx';
import { LedgerActivities, LedgerContacts, LedgerFiles, LedgerProblems } from './LedgerSections.tsx';
import { fieldOf, holderName, termOf } from './points.ts';

/** The newest first: by the day an activity counts on, then by when it was entered. */
function newestFirst(a: TActivityDetail, b: TActivityDetail): number {
  const day = (d: TActivityDetail) => {
    const r = d.activity as { end?: string; date?: string };
    return r.end ?? r.date ?? '';
  };
  return day(b).localeCompare(day(a)) || b.createdAt.localeCompare(a.createdAt);
}

/**
 * 工作台账 of a contact point: every tenure of its chain the reader may see, the handover notes, and
 * all activities, the contacts met, the problems and the files, newest first (decision 15).
 */
export function PointLedgerView({ id }: { id: string }) {
  const ledger = useLoad(() => api.points.ledger(id), [id]);
  const [open, setOpen] = useState<string | null>(null);
  if (ledger.error) return <Alert type="error" showIcon title={ledger.error} />;
  const data = ledger.data;
  if (!data) return <Skeleton active />;
  const { point, tenures, handovers } = data;
  const names = new Map(tenures.map((t) => [t.cadreId ?? t.holderOrgId ?? '', holderName(t)]));
  const activities = [...data.activities].sort(newestFirst);
  const count = (type?: string) => activities.filter((d) => !type || d.activity.type === type).length;
  const people = new Set(activities.flatMap((d) => d.contacts.map((c) => c.id))).size;
  const files = activities.reduce((n, d) => n + d.attachments.length, 0);

  return (
    <Flex vertical gap={12}>
      <Card
        size="small"
        title={
          <span style={{ whiteSpace: 'normal' }}>
            {point.orgName}
            {point.showcase ? (
              <Tag color="gold" style={{ marginLeft: 6 }}>
                示范点
              </Tag>
            ) : null}
          </span>
        }
      >
        <Descriptions
          column={{ xs: 1, sm: 1, md: 2 }}
          size="small"
          items={[
            { key: 'holder', label: '联系人', children: holderName(point) },
            { key: 'term', label: '任期', children: termOf(point) },
            { key: 'level', label: '组织层级', children: orgLevelLabels[point.orgLevel] },
            { key: 'field', label: '领域', children: fieldOf(point) },
            {
              key: 'category',
              label: '类别',
              children: point.category ? pointCategoryLabels[point.category] : '—',
            },
            { key: 'topic', label: '联系主题', children: point.topic ?? '—' },
            { key: 'showcase', label: '示范点', children: point.showcase ? '是' : '否' },
          ]}
        />
      </Card>
      <Card size="small" title="历任联系人">
        <Timeline
          items={tenures.map((t) => ({
            key: t.id,
            color: t.to === null ? 'green' : 'gray',
            content: (
              <span>
                <b>{holderName(t)}</b> {termOf(t)}
                {t.id === point.id ? <Tag style={{ marginLeft: 6 }}>本任期</Tag> : null}
              </span>
            ),
          }))}
        />
      </Card>
      <Card size="small" title="交接说明">
        {handovers.length === 0 ? (
          <Typography.Text type="secondary">暂无交接：本联系点尚未轮换</Typography.Text>
        ) : (
          <Flex vertical gap={12}>
            {handovers.map((h) => (
              <div key={`${h.fromPointId}-${h.toPointId}`}>
                <Typography.Text type="secondary">
                  {h.on} · {names.get(h.fromCadreId ?? '') ?? '前任'} 交给{' '}
                  {names.get(h.toCadreId ?? '') ?? '接任者'}
                </Typography.Text>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>
                  {h.note}
                </Typography.Paragraph>
              </div>
            ))}
          </Flex>
        )}
      </Card>
      <Card size="small" styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          size="small"
          tabBarGutter={20}
          items={[
            {
              key: 'log',
              label: `工作记录 ${count()}`,
              children: <LedgerActivities activities={activities} onOpen={setOpen} />,
            },
            {
              key: 'contacts',
              label: `联系青年 ${people}`,
              children: <LedgerContacts activities={activities} />,
            },
            {
              key: 'problems',
              label: `问题 ${count('problem')}`,
              children: <LedgerProblems activities={activities} onOpen={setOpen} />,
            },
            { key: 'files', label: `附件 ${files}`, children: <LedgerFiles activities={activities} /> },
            { key: 'fact-book', label: '明白帐', children: <FactBookTab id={id} /> },
          ]}
        />
      </Card>
      <ActivityDrawer id={open} onClose={() => setOpen(null)} onChanged={ledger.reload} />
    </Flex>
  );
}
