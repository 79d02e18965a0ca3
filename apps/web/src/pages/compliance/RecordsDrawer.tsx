import {
  contactRoleLabels,
  orgFieldLabels,
  orgLevelLabels,
  rankLabels,
  type TActivitySummary,
  type TComplianceRecord,
} from '@lianxin/contracts';
import { Alert, Drawer, Empty, Flex, Grid, List, Skeleton, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useLoad } from '../../components/useLoad.ts';
import { ActivityList } from '../worklog/ActivityList.tsx';
import { complianceApi } from './complianceApi.ts';

export interface RecordsRequest {
  title: string;
  /** a line above the records: the rule and the number, in words */
  subtitle?: string;
  ids: string[];
}

type Of<K extends TComplianceRecord['kind']> = Extract<TComplianceRecord, { kind: K }>;

/** The records behind a number: activities (tap for details), people, points, organizations. */
export function RecordsDrawer({
  request,
  onClose,
  pointPath,
}: {
  request: RecordsRequest | null;
  onClose: () => void;
  /** where a point's ledger opens: `/me/points` for its cadre, `/points` for admins */
  pointPath: '/me/points' | '/points';
}) {
  const screens = Grid.useBreakpoint();
  const ids = request?.ids ?? [];
  const records = useLoad(
    () => (ids.length > 0 ? complianceApi.records(ids) : Promise.resolve({ items: [], withheld: [] })),
    [request],
  );
  const items = records.data?.items ?? [];
  const ofKind = <K extends TComplianceRecord['kind']>(kind: K) =>
    items.filter((r): r is Of<K> => r.kind === kind);
  const activities: TActivitySummary[] = ofKind('activity').map((r) => r.activity);
  const withheld = records.data?.withheld.length ?? 0;

  return (
    <Drawer
      open={request !== null}
      onClose={onClose}
      title={request?.title ?? '记录'}
      placement={screens.md ? 'right' : 'bottom'}
      size={screens.md ? 560 : '85%'}
      destroyOnHidden
      className="lx-records-drawer"
    >
      <Flex vertical gap={12}>
        {request?.subtitle ? <Typography.Text type="secondary">{request.subtitle}</Typography.Text> : null}
        {records.error ? <Alert type="error" showIcon title={records.error} /> : null}
        {records.loading && !records.data ? <Skeleton active /> : null}
        {records.data && ids.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有计入的记录" />
        ) : null}
        {activities.length > 0 ? (
          <Section title={`工作记录（${activities.length}）`}>
            <ActivityList items={activities} showCadre={pointPath === '/points'} />
          </Section>
        ) : null}
        <RecordList title="联系青年" items={ofKind('contact')} render={contactLine} />
        <RecordList title="联系点" items={ofKind('point')} render={(r) => pointLine(r, pointPath)} />
        <RecordList title="组织" items={ofKind('organization')} render={orgLine} />
        <RecordList title="团干部" items={ofKind('cadre')} render={cadreLine} />
        {withheld > 0 ? (
          <Alert type="info" showIcon title={`另有 ${withheld} 条记录无权查看或已删除`} />
        ) : null}
      </Flex>
    </Drawer>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section>
      <Typography.Title level={5} style={{ margin: '0 0 4px' }}>
        {title}
      </Typography.Title>
      {children}
    </section>
  );
}

function RecordList<R extends TComplianceRecord>({
  title,
  items,
  render,
}: {
  title: string;
  items: R[];
  render: (r: R) => ReactNode;
}) {
  if (items.length === 0) return null;
  return (
    <Section title={`${title}（${items.length}）`}>
      <List
        size="small"
        rowKey="id"
        dataSource={items}
        renderItem={(r) => <List.Item data-record={r.id}>{render(r)}</List.Item>}
      />
    </Section>
  );
}

function contactLine({ contact: c }: Of<'contact'>) {
  return (
    <span>
      {c.name} <Tag>{contactRoleLabels[c.role]}</Tag>
      <Typography.Text type="secondary">
        {[c.field ? orgFieldLabels[c.field] : null, c.unit].filter(Boolean).join(' · ')}
      </Typography.Text>
    </span>
  );
}

function pointLine({ id, point: p }: Of<'point'>, path: string) {
  return (
    <span>
      <Link to={`${path}/${encodeURIComponent(id)}`}>{p.orgName}</Link>
      <Typography.Text type="secondary">
        {' '}
        · {p.cadreName ?? p.holderOrgName} · {p.from} 至 {p.to ?? '今'}
      </Typography.Text>
    </span>
  );
}

function orgLine({ organization: o }: Of<'organization'>) {
  return (
    <span>
      {o.name} <Tag>{orgLevelLabels[o.level]}</Tag>
      {o.parentName ? <Typography.Text type="secondary">{o.parentName}</Typography.Text> : null}
    </span>
  );
}

function cadreLine({ cadre: c }: Of<'cadre'>) {
  return (
    <span>
      {c.name} <Tag>{rankLabels[c.rank]}</Tag>
      <Typography.Text type="secondary">
        {c.orgName}
        {c.department ? ` · ${c.department}` : ''}
      </Typography.Text>
    </span>
  );
}
