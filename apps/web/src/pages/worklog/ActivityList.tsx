import { PaperClipOutlined } from '@ant-design/icons';
import { activityTypeLabels, type TActivitySummary } from '@lianxin/contracts';
import { Empty, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { onDemand } from '../../onDemand.tsx';
import { detailLine, whenOf } from './labels.ts';

// The drawer (its form, date pickers, uploads) loads when an activity is opened, not with the list.
const ActivityDrawer = onDemand(() => import('./ActivityDrawer.tsx').then((m) => m.ActivityDrawer));

interface ActivityListProps {
  items: TActivitySummary[] | undefined;
  loading?: boolean;
  /** contact id → name, for the names I may see */
  names?: Map<string, string>;
  showCadre?: boolean;
  /** after a change in the drawer (an attachment, a deletion) */
  onChanged?: () => void;
  empty?: string;
}

/** A timeline of activities, newest first; tap one for its details and attachments. */
export function ActivityList({ items, loading, names, showCadre, onChanged, empty }: ActivityListProps) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <>
      <List
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={items ?? []}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty ?? '还没有工作记录'} />,
        }}
        renderItem={(a) => {
          const who = a.contactIds.map((id) => names?.get(id)).filter(Boolean);
          return (
            <List.Item
              className="lx-activity"
              onClick={() => setOpen(a.id)}
              style={{ cursor: 'pointer' }}
              data-activity={a.id}
            >
              <List.Item.Meta
                title={
                  <span>
                    <Tag color="red">{activityTypeLabels[a.type]}</Tag>
                    {whenOf(a)}
                    {showCadre ? <Typography.Text type="secondary"> · {a.cadreName}</Typography.Text> : null}
                    {a.attachmentCount > 0 ? (
                      <Typography.Text type="secondary">
                        {' '}
                        <PaperClipOutlined /> {a.attachmentCount}
                      </Typography.Text>
                    ) : null}
                  </span>
                }
                description={
                  <>
                    {who.length > 0 ? <div>{who.join('、')}</div> : null}
                    <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }} type="secondary">
                      {detailLine(a)}
                    </Typography.Paragraph>
                  </>
                }
              />
            </List.Item>
          );
        }}
      />
      {open ? <ActivityDrawer id={open} onClose={() => setOpen(null)} onChanged={onChanged} /> : null}
    </>
  );
}
