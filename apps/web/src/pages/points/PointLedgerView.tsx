import {
  orgLevelLabels,
  pointCategoryLabels,
  type TActivityDetail,
  type TPointLedger,
} from '@lianxin/contracts';
import { Alert, Descriptions, Flex, Tag, theme } from 'antd';
import { useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { Panel, PlainSkeleton, PlainTabs, Txt } from '../../components/plain.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { onDemand } from '../../onDemand.tsx';
import { LedgerActivities, LedgerContacts, LedgerFiles, LedgerProblems } from './LedgerSections.tsx';
import { fieldOf, holderName, termOf } from './points.ts';

// opened by a tap (详情/附件, the 明白帐 tab): their forms and uploads load then, not with the ledger
const ActivityDrawer = onDemand(() => import('../worklog/ActivityDrawer.tsx').then((m) => m.ActivityDrawer));
const FactBookTab = onDemand(() => import('./FactBookTab.tsx').then((m) => m.FactBookTab));

type Tenure = TPointLedger['tenures'][number];

/** The holders one under another on a line, the current one's dot green (antd `Timeline`). */
function TenureLine({ tenures, current }: { tenures: Tenure[]; current: string }) {
  const { token } = theme.useToken();
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: '4px 0 0' }}>
      {tenures.map((t, i) => (
        <li key={t.id} style={{ position: 'relative', paddingLeft: 26, paddingBottom: 20 }}>
          {i < tenures.length - 1 ? (
            <span
              aria-hidden
              style={{
                position: 'absolute',
                left: 4,
                top: 16,
                bottom: 2,
                borderLeft: `2px solid ${token.colorSplit}`,
              }}
            />
          ) : null}
          <span
            aria-hidden
            style={{
              position: 'absolute',
              left: 0,
              top: 6,
              width: 10,
              height: 10,
              borderRadius: '50%',
              border: `${token.lineWidthBold}px solid ${t.to === null ? token.colorSuccess : token.colorTextDisabled}`,
              background: token.colorBgContainer,
            }}
          />
          <b>{holderName(t)}</b> {termOf(t)}
          {t.id === current ? <Tag style={{ marginLeft: 6 }}>本任期</Tag> : null}
        </li>
      ))}
    </ul>
  );
}

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
  if (!data) return <PlainSkeleton />;
  const { point, tenures, handovers } = data;
  const names = new Map(tenures.map((t) => [t.cadreId ?? t.holderOrgId ?? '', holderName(t)]));
  const activities = [...data.activities].sort(newestFirst);
  const count = (type?: string) => activities.filter((d) => !type || d.activity.type === type).length;
  const people = new Set(activities.flatMap((d) => d.contacts.map((c) => c.id))).size;
  const files = activities.reduce((n, d) => n + d.attachments.length, 0);

  return (
    <Flex vertical gap={12}>
      <Panel
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
      </Panel>
      <Panel title="历任联系人">
        <TenureLine tenures={tenures} current={point.id} />
      </Panel>
      <Panel title="交接说明">
        {handovers.length === 0 ? (
          <Txt type="secondary">暂无交接：本联系点尚未轮换</Txt>
        ) : (
          <Flex vertical gap={12}>
            {handovers.map((h) => (
              <div key={`${h.fromPointId}-${h.toPointId}`}>
                <Txt type="secondary">
                  {h.on} · {names.get(h.fromCadreId ?? '') ?? '前任'} 交给{' '}
                  {names.get(h.toCadreId ?? '') ?? '接任者'}
                </Txt>
                <div style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>{h.note}</div>
              </div>
            ))}
          </Flex>
        )}
      </Panel>
      <Panel bodyStyle={{ paddingTop: 0 }}>
        <PlainTabs
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
      </Panel>
      {open ? <ActivityDrawer id={open} onClose={() => setOpen(null)} onChanged={ledger.reload} /> : null}
    </Flex>
  );
}
