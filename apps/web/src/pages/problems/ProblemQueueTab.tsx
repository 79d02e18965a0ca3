import type { TActivitySummary, TProblemStatus } from '@lianxin/contracts';
import { Card, Flex, type TableColumnsType, Tag } from 'antd';
import { ruleInputsApi } from '../../api/ruleInputs.ts';
import { LinkButton } from '../../components/LinkButton.tsx';
import { StackedTable } from '../../components/StackedTable.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { problemStatusLabels } from '../worklog/labels.ts';

function columns(open: (id: string) => void, overdueIds: Set<string>): TableColumnsType<TActivitySummary> {
  return [
    {
      key: 'title',
      title: '问题',
      width: 240,
      render: (_, p) => (
        <LinkButton onClick={() => open(p.id)} style={{ whiteSpace: 'normal', textAlign: 'left' }}>
          {p.title ?? p.note ?? '（未写标题）'}
        </LinkButton>
      ),
    },
    { key: 'date', title: '反映日期', width: 110, render: (_, p) => p.date ?? '—' },
    { key: 'cadre', title: '记录人', width: 100, render: (_, p) => p.cadreName },
    {
      key: 'due',
      title: '办理期限',
      width: 150,
      render: (_, p) => (
        <>
          {p.dueOn ?? '—'}
          {overdueIds.has(p.id) ? (
            <Tag color="error" style={{ marginLeft: 6 }}>
              已逾期
            </Tag>
          ) : null}
        </>
      ),
    },
    {
      key: 'status',
      title: '状态',
      width: 90,
      render: (_, p) => (p.status ? problemStatusLabels[p.status as TProblemStatus] : '—'),
    },
  ];
}

/**
 * 待办: problems passed up to this level still waiting for its answer, and the overdue ones raised
 * below it or passed to it (mz2016.problem_list counts from these).
 */
export function ProblemQueueTab({
  orgId,
  version,
  open,
}: {
  orgId: string;
  /** bumps when a problem changed in the drawer */
  version: number;
  open: (id: string) => void;
}) {
  const queue = useLoad(() => ruleInputsApi.problems.queue(orgId), [orgId, version]);
  const overdueIds = new Set((queue.data?.overdue ?? []).map((p) => p.id));
  const cols = columns(open, overdueIds);
  return (
    <Flex vertical gap={16}>
      <Card size="small" title={`转交本级、待答复（${queue.data?.waiting.length ?? 0}）`}>
        <StackedTable<TActivitySummary>
          rowKey={(p) => p.id}
          size="middle"
          loading={queue.loading}
          dataSource={queue.data?.waiting ?? []}
          pagination={false}
          locale={{ emptyText: queue.error ?? '没有转交本级待答复的问题' }}
          cardTitleKey="title"
          sideways
          columns={cols}
        />
      </Card>
      <Card size="small" title={`逾期未办结（${queue.data?.overdue.length ?? 0}）`}>
        <StackedTable<TActivitySummary>
          rowKey={(p) => p.id}
          size="middle"
          loading={queue.loading}
          dataSource={queue.data?.overdue ?? []}
          pagination={false}
          locale={{ emptyText: queue.error ?? '没有逾期的问题' }}
          cardTitleKey="title"
          sideways
          columns={cols}
        />
      </Card>
    </Flex>
  );
}
