import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api/endpoints.ts';
import { showFormError, toastSuccess } from '../../feedback.ts';
import { homePath, useSession, useSignedIn } from '../../session/SessionContext.tsx';
import { AuthCard } from './AuthCard.tsx';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const FIELDS = ['currentPassword', 'newPassword'] as const;

export function ChangePasswordPage() {
  const session = useSignedIn();
  const { setSession, logout } = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<PasswordValues>();
  const [submitting, setSubmitting] = useState(false);

  const onFinish = async (values: PasswordValues) => {
    setSubmitting(true);
    try {
      const next = await api.auth.changePassword({
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      });
      setSession(next);
      toastSuccess('密码已修改');
      navigate(homePath(next), { replace: true });
    } catch (error) {
      showFormError(form, error, FIELDS);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <AuthCard
      title="修改密码"
      extra={
        <Button type="link" onClick={() => void logout()}>
          退出登录
        </Button>
      }
    >
      {session.mustChangePassword ? (
        <Alert
          type="warning"
          showIcon
          title="首次登录或密码已被重置，请先设置新密码"
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Form form={form} layout="vertical" requiredMark={false} onFinish={onFinish}>
        <Form.Item
          label="当前密码"
          name="currentPassword"
          rules={[{ required: true, message: '请输入当前密码' }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label="新密码"
          name="newPassword"
          extra="至少 8 位，包含大写字母、小写字母、数字、符号中的至少 3 类，且不能与最近 3 次使用的密码相同"
          rules={[
            { required: true, message: '请输入新密码' },
            { min: 8, message: '新密码至少 8 位' },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="确认新密码"
          name="confirmPassword"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || getFieldValue('newPassword') === value
                  ? Promise.resolve()
                  : Promise.reject(new Error('两次输入的新密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item style={{ marginBottom: 0 }}>
          <Button type="primary" htmlType="submit" block loading={submitting}>
            确认修改
          </Button>
        </Form.Item>
      </Form>
    </AuthCard>
  );
}
