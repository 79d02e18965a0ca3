import { DownloadOutlined, PaperClipOutlined } from '@ant-design/icons';
import type { TActivityDetail, TContactPoint } from '@lianxin/contracts';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  List,
  Skeleton,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { useLoad } from '../../components/useLoad.ts';
import { ActivityDrawer } from '../worklog/ActivityDrawer.tsx';
import { activityFields, activityTypeLabels, pointCategoryLabels, whenOf } from '../worklog/labels.ts';

const holder = (t: TContactPoint) => t.cadreName ?? t.holderOrgName ?? '—';

/** The newest first: by the day an activity counts on, then by when it was entered. */
function newestFirst(a: TActivityDetail, b: TActivityDetail): number {
  const day = (d: TActivityDetail) => {
    const r = d.activity as { end?: string; date?: string };
    return r.end ?? r.date ?? '';
  };
  return day(b).localeCompare(day(a)) || b.createdAt.localeCompare(a.createdAt);
}

/**
 * 工作台账 of a contact point: every tenure of its chain the reader may see, the handover notes,
 * and all activities with their contacts and attachments, newest first (decision 15).
 */
export function PointLedgerView({ id }: { id: string }) {
  const ledger = useLoad(() => api.points.ledger(id), [id]);
  const [open, setOpen] = useState<string | null>(null);
  if (ledger.error) return <Alert type="error" showIcon title={ledger.error} />;
  const data = ledger.data;
  if (!data) return <Skeleton active />;
  const { point, tenures, handovers } = data;
  const names = new Map(tenures.map((t) => [t.cadreId ?? t.holderOrgId ?? '', holder(t)]));
  const activities = [...data.activities].sort(newestFirst);

  return (
    <Flex vertical gap={12}>
      <Card size="small" title={`${point.orgName} · 工作台账`}>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          size="small"
          items={[
            { key: 'holder', label: '联系人', children: holder(point) },
            { key: 'term', label: '任期', children: `${point.from} 至 ${point.to ?? '今'}` },
            {
              key: 'category',
              label: '类别',
              children: point.category ? pointCategoryLabels[point.category] : '—',
            },
            { key: 'topic', label: '联系主题', children: point.topic ?? '—' },
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
                <b>{holder(t)}</b> {t.from} 至 {t.to ?? '今'}
                {t.id === point.id ? <Tag style={{ marginLeft: 6 }}>本任期</Tag> : null}
              </span>
            ),
          }))}
        />
      </Card>
      <Card size="small" title="交接说明">
        {handovers.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无交接" />
        ) : (
          <Flex vertical gap={12}>
            {handovers.map((h) => (
              <div key={`${h.fromPointId}-${h.toPointId}`} className="lx-handover">
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
      <Card size="small" title={`工作记录（${activities.length}）`}>
        <List
          rowKey={(d) => d.activity.id}
          dataSource={activities}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无工作记录" /> }}
          renderItem={(d) => (
            <List.Item
              data-activity={d.activity.id}
              actions={[
                <Button key="open" size="small" onClick={() => setOpen(d.activity.id)}>
                  详情/附件
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={
                  <span>
                    <Tag color="red">{activityTypeLabels[d.activity.type]}</Tag>
                    {whenOf(d.activity as { date?: string; start?: string; end?: string })} · {d.cadreName}
                  </span>
                }
                description={
                  <Flex vertical gap={4}>
                    <span>
                      {activityFields(d.activity)
                        .filter((f) => f.label !== '日期')
                        .map((f) => `${f.label}：${f.value}`)
                        .join('；')}
                    </span>
                    {d.contacts.length > 0 ? (
                      <span>
                        {d.contacts.map((c) => (
                          <Tag key={c.id}>{c.name}</Tag>
                        ))}
                      </span>
                    ) : null}
                    {d.attachments.length > 0 ? (
                      <span>
                        <PaperClipOutlined />{' '}
                        {d.attachments.map((f) => (
                          <a
                            key={f.id}
                            href={api.activities.attachmentUrl(f.id)}
                            download={f.fileName}
                            style={{ marginRight: 8 }}
                          >
                            <DownloadOutlined /> {f.fileName}
                          </a>
                        ))}
                      </span>
                    ) : null}
                  </Flex>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      <ActivityDrawer id={open} onClose={() => setOpen(null)} onChanged={ledger.reload} />
    </Flex>
  );
}
