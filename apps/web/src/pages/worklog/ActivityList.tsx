import { PaperClipOutlined } from '@ant-design/icons';
import { activityTypeLabels, type TActivitySummary } from '@lianxin/contracts';
import { Empty, Tag } from 'antd';
import { useState } from 'react';
import { PlainList, RowButton, Txt } from '../../components/plain.tsx';
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
      <PlainList
        rowKey={(a) => a.id}
        loading={loading}
        items={items ?? []}
        empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty ?? '还没有工作记录'} />}
        render={(a) => {
          const who = a.contactIds.map((id) => names?.get(id)).filter(Boolean);
          return (
            <RowButton className="lx-activity" onClick={() => setOpen(a.id)} data-activity={a.id}>
              <span style={{ display: 'block', marginBottom: 4 }}>
                <Tag color="red">{activityTypeLabels[a.type]}</Tag>
                {whenOf(a)}
                {showCadre ? <Txt type="secondary"> · {a.cadreName}</Txt> : null}
                {a.attachmentCount > 0 ? (
                  <Txt type="secondary">
                    {' '}
                    <PaperClipOutlined /> {a.attachmentCount}
                  </Txt>
                ) : null}
              </span>
              <Txt type="secondary" style={{ display: 'block' }}>
                {who.length > 0 ? <span style={{ display: 'block' }}>{who.join('、')}</span> : null}
                <span className="lx-clamp-2">{detailLine(a)}</span>
              </Txt>
            </RowButton>
          );
        }}
      />
      {open ? <ActivityDrawer id={open} onClose={() => setOpen(null)} onChanged={onChanged} /> : null}
    </>
  );
}
