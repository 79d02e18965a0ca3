import type { TPointProposal, TPointProposalDecision } from '@lianxin/contracts';
import { DatePicker, Form, Input, Segmented } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ruleInputsApi } from '../../api/ruleInputs.ts';
import { CadreSelect } from '../../components/CadreSelect.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { toastSuccess } from '../../feedback.ts';
import { RegistrationFields } from './RegistrationFields.tsx';

type Values = Omit<TPointProposalDecision, 'from'> & { holderKind: 'cadre' | 'organ'; from?: Dayjs };

const fields = [
  'decision',
  'cadreId',
  'holderOrgId',
  'from',
  'category',
  'topic',
  'showcase',
  'note',
] as const;

/**
 * 审批候选联系点: approving names who holds the point (a cadre of the organ asked, or the organ
 * itself) and its 登记表 details, and creates the point; declining needs a reason.
 */
export function DecideProposalModal({
  proposal,
  onClose,
  onDone,
}: {
  proposal: TPointProposal | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const decision = Form.useWatch('decision', form) ?? 'approve';
  const holderKind = Form.useWatch('holderKind', form) ?? 'cadre';
  if (!proposal) return null;
  return (
    <FormModal<Values>
      title={`审批：${proposal.orgName}`}
      okText="确定"
      open
      onClose={onClose}
      form={form}
      fields={fields}
      initialValues={{
        decision: 'approve',
        holderKind: 'cadre',
        from: dayjs(),
        category: proposal.category ?? undefined,
        topic: proposal.topic ?? undefined,
        showcase: proposal.showcase,
      }}
      onSubmit={async ({ holderKind: kind, from, cadreId, ...v }) => {
        const approve = v.decision === 'approve';
        await ruleInputsApi.proposals.decide(proposal.id, {
          ...v,
          ...(approve && kind === 'cadre' ? { cadreId } : {}),
          ...(approve && kind === 'organ' ? { holderOrgId: proposal.to } : {}),
          ...(approve && from ? { from: from.format('YYYY-MM-DD') } : {}),
        });
        toastSuccess(approve ? '已批准，联系点已登记' : '已不予确定');
        onDone();
      }}
    >
      <Form.Item name="decision" label="审批意见">
        <Segmented
          options={[
            { value: 'approve', label: '批准' },
            { value: 'decline', label: '不予确定' },
          ]}
        />
      </Form.Item>
      {decision === 'approve' ? (
        <>
          <Form.Item name="holderKind" label="联系主体">
            <Segmented
              options={[
                { value: 'cadre', label: '联系领导（团干部）' },
                { value: 'organ', label: `${proposal.toName}（部门联系）` },
              ]}
            />
          </Form.Item>
          {holderKind === 'cadre' ? (
            <Form.Item
              name="cadreId"
              label={`联系领导（${proposal.toName}的团干部）`}
              rules={[{ required: true, message: '请选择团干部' }]}
            >
              <CadreSelect orgId={proposal.to} />
            </Form.Item>
          ) : null}
          <Form.Item name="from" label="开始联系日期">
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <RegistrationFields />
        </>
      ) : null}
      <Form.Item
        name="note"
        label={decision === 'approve' ? '备注' : '不予确定的理由'}
        rules={decision === 'decline' ? [{ required: true, message: '请说明理由' }] : []}
      >
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
