import { pointCategoryLabels, type TPointProposal } from '@lianxin/contracts';
import { Button, Card, Flex, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { TOrganizationDetail } from '../../api/endpoints.ts';
import { ruleInputsApi } from '../../api/ruleInputs.ts';
import { StackedTable } from '../../components/StackedTable.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { DecideProposalModal } from './DecideProposalModal.tsx';
import { ProposePointModal } from './ProposePointModal.tsx';

const statusTags: Record<TPointProposal['status'], { text: string; color: string }> = {
  pending: { text: '待审批', color: 'processing' },
  approved: { text: '已批准', color: 'success' },
  declined: { text: '不予确定', color: 'default' },
};

function columnsFor(side: 'received' | 'sent', decide?: (p: TPointProposal) => void) {
  const columns: TableColumnsType<TPointProposal> = [
    { key: 'org', title: '候选联系点', width: 200, render: (_, p) => p.orgName },
    side === 'received'
      ? { key: 'by', title: '推荐单位', width: 160, render: (_, p) => p.proposedByName }
      : { key: 'to', title: '报送单位', width: 160, render: (_, p) => p.toName },
    { key: 'on', title: '推荐日期', width: 110, render: (_, p) => p.proposedOn },
    {
      key: 'category',
      title: '类别',
      width: 70,
      render: (_, p) => (p.category ? pointCategoryLabels[p.category] : '—'),
    },
    { key: 'topic', title: '联系主题', width: 160, render: (_, p) => p.topic ?? '—' },
    { key: 'reason', title: '推荐理由', width: 200, render: (_, p) => p.reason ?? '—' },
    {
      key: 'status',
      title: '状态',
      width: 190,
      render: (_, p) => (
        <>
          <Tag color={statusTags[p.status].color}>{statusTags[p.status].text}</Tag>
          {p.decidedOn ? <Typography.Text type="secondary">{p.decidedOn}</Typography.Text> : null}
          {p.decisionNote ? <div>{p.decisionNote}</div> : null}
        </>
      ),
    },
    {
      key: 'action',
      title: '操作',
      width: 100,
      fixed: 'right',
      render: (_, p) =>
        p.point ? (
          <Link to={`/points/${encodeURIComponent(p.point)}`}>查看联系点</Link>
        ) : decide && p.status === 'pending' ? (
          <Button size="small" type="primary" onClick={() => decide(p)}>
            审批
          </Button>
        ) : (
          '—'
        ),
    },
  ];
  return columns;
}

/**
 * 候选联系点 (seed 003): the proposals this committee received from below, to approve or decline,
 * and the ones it sent up. An approval registers the point (gd2006.registration).
 */
export function ProposalsTab({ org, editor }: { org: TOrganizationDetail; editor: boolean }) {
  const list = useLoad(() => ruleInputsApi.proposals.at(org.id), [org.id]);
  const [proposing, setProposing] = useState(false);
  const [deciding, setDeciding] = useState<TPointProposal | null>(null);
  const canPropose = editor && org.level !== 'grassroots' && org.path.length > 1;
  return (
    <Flex vertical gap={16}>
      <Card size="small" title="下级推荐、待本级审批">
        <StackedTable<TPointProposal>
          rowKey={(p) => p.id}
          size="middle"
          loading={list.loading}
          dataSource={list.data?.received ?? []}
          pagination={false}
          locale={{ emptyText: list.error ?? '暂无下级推荐的候选联系点' }}
          cardTitleKey="org"
          sideways
          columns={columnsFor('received', editor ? setDeciding : undefined)}
        />
      </Card>
      <Card
        size="small"
        title="本级推荐上报"
        extra={
          canPropose ? (
            <Button type="primary" size="small" onClick={() => setProposing(true)}>
              推荐候选联系点
            </Button>
          ) : null
        }
      >
        <StackedTable<TPointProposal>
          rowKey={(p) => p.id}
          size="middle"
          loading={list.loading}
          dataSource={list.data?.sent ?? []}
          pagination={false}
          locale={{ emptyText: list.error ?? '本级尚未推荐候选联系点' }}
          cardTitleKey="org"
          sideways
          columns={columnsFor('sent')}
        />
      </Card>
      <ProposePointModal
        open={proposing}
        org={org}
        onClose={() => setProposing(false)}
        onDone={list.reload}
      />
      <DecideProposalModal proposal={deciding} onClose={() => setDeciding(null)} onDone={list.reload} />
    </Flex>
  );
}
