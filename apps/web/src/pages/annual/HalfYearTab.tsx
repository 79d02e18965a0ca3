import type { THalfYearSlot } from '@lianxin/contracts';
import { Button, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ruleInputsApi } from '../../api/ruleInputs.ts';
import { StackedTable } from '../../components/StackedTable.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { canEdit, useSignedIn } from '../../session/SessionContext.tsx';
import { HalfYearReportModal } from './HalfYearReportModal.tsx';
import { HalfYearReviewModal } from './HalfYearReviewModal.tsx';
import { filingStateLabels, filingStatusLabels } from './labels.ts';

/**
 * 半年工作报告 (mz2016.half_year_report): at a county its own two halves, to write and send; above
 * it every county's, to review. The deadline and the state against it come from the rule.
 */
export function HalfYearTab({ year, orgId }: { year: number; orgId: string }) {
  const editor = canEdit(useSignedIn().account.role);
  const slots = useLoad(() => ruleInputsApi.halfYear.slots(orgId, year), [orgId, year]);
  const [writing, setWriting] = useState<THalfYearSlot | null>(null);
  const [reviewing, setReviewing] = useState<THalfYearSlot | null>(null);
  const own = (s: THalfYearSlot) => s.org === orgId;
  const action = (s: THalfYearSlot) => {
    const status = s.report?.status;
    if (!editor) return '—';
    if (own(s) && status !== 'submitted' && status !== 'accepted')
      return (
        <Button size="small" type="primary" onClick={() => setWriting(s)}>
          {status ? '修改并报送' : '填写报告'}
        </Button>
      );
    if (!own(s) && status === 'submitted')
      return (
        <Button size="small" type="primary" onClick={() => setReviewing(s)}>
          审核
        </Button>
      );
    return '—';
  };
  const columns: TableColumnsType<THalfYearSlot> = [
    {
      key: 'org',
      title: '县级团委',
      width: 180,
      render: (_, s) => `${s.orgName} · ${s.half === 1 ? '上' : '下'}半年`,
    },
    { key: 'due', title: '报送期限', width: 110, render: (_, s) => s.due ?? '—' },
    {
      key: 'state',
      title: '报送情况',
      width: 180,
      render: (_, s) => (
        <>
          <Tag color={filingStateLabels[s.state].color}>{filingStateLabels[s.state].text}</Tag>
          {s.report ? filingStatusLabels[s.report.status] : '未填报'}
          {s.report?.submittedOn ? (
            <Typography.Text type="secondary"> {s.report.submittedOn}</Typography.Text>
          ) : null}
        </>
      ),
    },
    {
      key: 'file',
      title: '报告文件',
      width: 160,
      render: (_, s) =>
        s.report?.fileName ? (
          <a href={ruleInputsApi.halfYear.fileUrl(s.report.id)}>{s.report.fileName}</a>
        ) : (
          '—'
        ),
    },
    { key: 'comment', title: '审核意见', width: 200, render: (_, s) => s.report?.reviewComment ?? '—' },
    { key: 'action', title: '操作', width: 120, fixed: 'right', render: (_, s) => action(s) },
  ];
  return (
    <>
      <StackedTable<THalfYearSlot>
        rowKey={(s) => `${s.org}-${s.half}`}
        size="middle"
        loading={slots.loading}
        dataSource={slots.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: slots.error ?? '本级及下级没有县级团委' }}
        cardTitleKey="org"
        sideways
        columns={columns}
      />
      {writing ? (
        <HalfYearReportModal
          slot={writing}
          year={year}
          onClose={() => setWriting(null)}
          onDone={slots.reload}
        />
      ) : null}
      {reviewing?.report ? (
        <HalfYearReviewModal
          report={reviewing.report}
          onClose={() => setReviewing(null)}
          onDone={slots.reload}
        />
      ) : null}
    </>
  );
}
