import type { TContactReveal } from '@lianxin/contracts';
import { Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { showFormError } from '../../feedback.ts';

/** 查看号码: asks the reason, which the server writes to the audit log, then hands back the full numbers. */
export function RevealContactModal({
  contactId,
  open,
  onClose,
  onRevealed,
}: {
  contactId: string;
  open: boolean;
  onClose: () => void;
  onRevealed: (revealed: TContactReveal) => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);

  const reveal = async ({ reason }: { reason: string }) => {
    setBusy(true);
    try {
      onRevealed(await api.contacts.reveal(contactId, reason));
      onClose();
    } catch (error) {
      showFormError(form, error, ['reason']);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title="查看号码"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="查看"
      confirmLoading={busy}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">查看完整号码将记入操作日志，请说明原因。</Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false} onFinish={(v) => void reveal(v)}>
        <Form.Item
          name="reason"
          label="查看原因"
          rules={[{ required: true, min: 2, message: '请说明查看原因' }]}
        >
          <Input placeholder="如：电话回访" maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
