import type { TActivitySummary, TProblemStatus } from '@lianxin/contracts';
import { Card, Flex, Tag } from 'antd';
import { ruleInputsApi } from '../../api/ruleInputs.ts';
import { LinkButton } from '../../components/LinkButton.tsx';
import { type RColumn, ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { problemStatusLabels } from '../worklog/labels.ts';

function columns(open: (id: string) => void, overdueIds: Set<string>): RColumn<TActivitySummary>[] {
  return [
    {
      key: 'title',
      title: '问题',
      width: 240,
      primary: true,
      render: (p) => (
        <LinkButton onClick={() => open(p.id)} style={{ whiteSpace: 'normal', textAlign: 'left' }}>
          {p.title ?? p.note ?? '（未写标题）'}
        </LinkButton>
      ),
    },
    { key: 'date', title: '反映日期', width: 110, render: (p) => p.date ?? '—' },
    { key: 'cadre', title: '记录人', width: 100, render: (p) => p.cadreName },
    {
      key: 'due',
      title: '办理期限',
      width: 150,
      render: (p) => (
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
      render: (p) => (p.status ? problemStatusLabels[p.status as TProblemStatus] : '—'),
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
        <ResponsiveTable
          rows={queue.data?.waiting ?? []}
          rowKey={(p) => p.id}
          columns={cols}
          loading={queue.loading}
          emptyText={queue.error ?? '没有转交本级待答复的问题'}
        />
      </Card>
      <Card size="small" title={`逾期未办结（${queue.data?.overdue.length ?? 0}）`}>
        <ResponsiveTable
          rows={queue.data?.overdue ?? []}
          rowKey={(p) => p.id}
          columns={cols}
          loading={queue.loading}
          emptyText={queue.error ?? '没有逾期的问题'}
        />
      </Card>
    </Flex>
  );
}
