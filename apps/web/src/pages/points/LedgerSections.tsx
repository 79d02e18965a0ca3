import { DownloadOutlined, PaperClipOutlined } from '@ant-design/icons';
import {
  activityTypeLabels,
  type TActivityDetail,
  type TAttachment,
  type TProblemStatus,
} from '@lianxin/contracts';
import { Button, Empty, Flex, Tag } from 'antd';
import { api } from '../../api/endpoints.ts';
import { PlainList, RowButton, Txt } from '../../components/plain.tsx';
import { activityFields, problemStatusColors, problemStatusLabels, whenOf } from '../worklog/labels.ts';

const dayOf = (d: TActivityDetail) => whenOf(d.activity as { date?: string; start?: string; end?: string });
const none = (text: string) => <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} />;

function FileLink({ file }: { file: TAttachment }) {
  return (
    <a href={api.activities.attachmentUrl(file.id)} download={file.fileName} style={{ marginRight: 8 }}>
      <DownloadOutlined /> {file.fileName}
    </a>
  );
}

/** Every activity of the chain with its fields, contacts and files; 详情/附件 opens the drawer. */
export function LedgerActivities({
  activities,
  onOpen,
}: {
  activities: TActivityDetail[];
  onOpen: (id: string) => void;
}) {
  return (
    <PlainList
      items={activities}
      rowKey={(d) => d.activity.id}
      empty={none('暂无工作记录')}
      inline={0}
      render={(d) => (
        <div data-activity={d.activity.id} style={{ padding: '4px 0' }}>
          <Flex justify="space-between" align="flex-start" gap={8}>
            <span style={{ minWidth: 0 }}>
              <Tag color="red">{activityTypeLabels[d.activity.type]}</Tag>
              {dayOf(d)} · {d.cadreName}
            </span>
            <Button size="small" onClick={() => onOpen(d.activity.id)} style={{ flex: 'none' }}>
              详情/附件
            </Button>
          </Flex>
          <Flex vertical gap={4} style={{ marginTop: 4 }}>
            <Txt type="secondary">
              {activityFields(d.activity)
                .filter((f) => f.label !== '日期')
                .map((f) => `${f.label}：${f.value}`)
                .join('；')}
            </Txt>
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
                  <FileLink key={f.id} file={f} />
                ))}
              </span>
            ) : null}
          </Flex>
        </div>
      )}
    />
  );
}

/** The people met at the point, once each, with how often and when last (names masked unless mine). */
export function LedgerContacts({ activities }: { activities: TActivityDetail[] }) {
  const met = new Map<string, { id: string; name: string; masked: boolean; times: number; last: string }>();
  for (const d of activities) {
    for (const c of d.contacts) {
      const seen = met.get(c.id);
      const day = dayOf(d).slice(-10);
      if (seen) {
        seen.times += 1;
        if (day > seen.last) seen.last = day;
      } else met.set(c.id, { ...c, times: 1, last: day });
    }
  }
  const people = [...met.values()].sort((a, b) => b.times - a.times || b.last.localeCompare(a.last));
  return (
    <PlainList
      items={people}
      rowKey={(c) => c.id}
      empty={none('暂无联系青年')}
      render={(c) => (
        <Flex justify="space-between" align="center" gap={8}>
          <span title={c.masked ? '非本人联系的青年，姓名已隐去' : undefined}>{c.name}</span>
          <Txt type="secondary">
            联系 {c.times} 次 · 最近 {c.last}
          </Txt>
        </Flex>
      )}
    />
  );
}

/** The problems raised at the point, with status, and due date when set. */
export function LedgerProblems({
  activities,
  onOpen,
}: {
  activities: TActivityDetail[];
  onOpen: (id: string) => void;
}) {
  const problems = activities.filter((d) => d.activity.type === 'problem');
  return (
    <PlainList
      items={problems}
      rowKey={(d) => d.activity.id}
      empty={none('暂无问题')}
      render={(d) => {
        const a = d.activity as Extract<TActivityDetail['activity'], { type: 'problem' }>;
        const status = a.status as TProblemStatus;
        return (
          <RowButton onClick={() => onOpen(a.id)}>
            <Flex justify="space-between" align="center" gap={8}>
              <span style={{ minWidth: 0 }}>
                {a.title ?? a.note ?? '（未写标题）'}
                <br />
                <Txt type="secondary" style={{ fontSize: 12 }}>
                  {a.date} · {d.cadreName}
                  {a.dueOn ? ` · 期限 ${a.dueOn}` : ''}
                </Txt>
              </span>
              <Tag color={problemStatusColors[status]}>{problemStatusLabels[status]}</Tag>
            </Flex>
          </RowButton>
        );
      }}
    />
  );
}

/** Every file attached to the point's activities. */
export function LedgerFiles({ activities }: { activities: TActivityDetail[] }) {
  const files = activities.flatMap((d) => d.attachments.map((file) => ({ file, d })));
  return (
    <PlainList
      items={files}
      rowKey={({ file }) => file.id}
      empty={none('暂无附件')}
      render={({ file, d }) => (
        <span style={{ minWidth: 0, wordBreak: 'break-all' }}>
          <FileLink file={file} />
          <br />
          <Txt type="secondary" style={{ fontSize: 12 }}>
            {activityTypeLabels[d.activity.type]} · {dayOf(d)} · {d.cadreName}
          </Txt>
        </span>
      )}
    />
  );
}
