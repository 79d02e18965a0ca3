import type { THalfYearReport, THalfYearReview } from '@lianxin/contracts';
import { Form, Input, Segmented, Typography } from 'antd';
import { ruleInputsApi } from '../../api/ruleInputs.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { toastSuccess } from '../../feedback.ts';

/** The city reviews a county's half-year report: 通过, or 退回 with what to correct. */
export function HalfYearReviewModal({
  report,
  onClose,
  onDone,
}: {
  report: THalfYearReport;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<THalfYearReview>();
  const decision = Form.useWatch('decision', form) ?? 'accept';
  return (
    <FormModal<THalfYearReview>
      title={`审核：${report.orgName} ${report.year} 年${report.half === 1 ? '上' : '下'}半年报告`}
      okText="确定"
      open
      onClose={onClose}
      form={form}
      fields={['decision', 'comment']}
      initialValues={{ decision: 'accept' }}
      onSubmit={async (v) => {
        await ruleInputsApi.halfYear.review(report.id, v);
        toastSuccess(v.decision === 'accept' ? '已通过' : '已退回');
        onDone();
      }}
    >
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', maxHeight: 240, overflow: 'auto' }}>
        {report.body ?? '（无正文）'}
      </Typography.Paragraph>
      {report.fileName ? (
        <Typography.Paragraph>
          <a href={ruleInputsApi.halfYear.fileUrl(report.id)}>{report.fileName}</a>
        </Typography.Paragraph>
      ) : null}
      <Form.Item name="decision" label="审核意见">
        <Segmented
          options={[
            { value: 'accept', label: '通过' },
            { value: 'return', label: '退回' },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="comment"
        label={decision === 'return' ? '退回意见' : '意见（可选）'}
        rules={decision === 'return' ? [{ required: true, message: '请写明退回意见' }] : []}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
