import type { TAccount } from '@lianxin/contracts';
import { Form, Input, Typography } from 'antd';
import { api } from '../../api/endpoints.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { toastSuccess } from '../../feedback.ts';
import { PASSWORD_HINT } from './CreateAccountModal.tsx';

export function ResetPasswordModal({
  account,
  onClose,
  onDone,
}: {
  account: TAccount;
  onClose: () => void;
  onDone: (account: TAccount) => void;
}) {
  const [form] = Form.useForm<{ resetPassword: string }>();

  const onSubmit = async ({ resetPassword }: { resetPassword: string }) => {
    const updated = await api.accounts.update(account.id, { resetPassword });
    toastSuccess(`已重置 ${account.username} 的密码`);
    onDone(updated);
  };

  return (
    <FormModal<{ resetPassword: string }>
      title="重置密码"
      okText="确认重置"
      open
      onClose={onClose}
      form={form}
      fields={['resetPassword']}
      aliases={{ password: 'resetPassword' }}
      onSubmit={onSubmit}
    >
      <Typography.Paragraph>
        为账号 <Typography.Text strong>{account.username}</Typography.Text>{' '}
        设置新的初始密码，请通过安全渠道告知本人。
      </Typography.Paragraph>
      <Form.Item
        label="新密码"
        name="resetPassword"
        extra={PASSWORD_HINT}
        rules={[
          { required: true, message: '请输入新密码' },
          { min: 8, message: '密码至少 8 位' },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
