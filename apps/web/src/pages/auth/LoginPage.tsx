import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { api } from '../../api/endpoints.ts';
import { describeError } from '../../feedback.ts';
import { homePath, useSession } from '../../session/SessionContext.tsx';
import { AuthCard } from './AuthCard.tsx';

interface LoginValues {
  username: string;
  password: string;
  totp?: string;
}

export function LoginPage() {
  const { session, setSession } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [form] = Form.useForm<LoginValues>();
  const [needTotp, setNeedTotp] = useState(false);
  const [problem, setProblem] = useState<{ type: 'info' | 'error'; text: string } | null>(null);
  const [submitting, setSubmitting] = useState(false);

  // The form shows at once; the session check still running (undefined) only redirects if it finds one.
  if (session) return <Navigate to={homePath(session)} replace />;

  const from = (location.state as { from?: string } | null)?.from;

  const onFinish = async (values: LoginValues) => {
    setSubmitting(true);
    setProblem(null);
    try {
      const s = await api.auth.login({
        username: values.username.trim(),
        password: values.password,
        totp: needTotp && values.totp ? values.totp : undefined,
      });
      setSession(s);
      const target =
        from && from !== '/login' && !s.mustChangePassword && !s.mustEnrolTotp ? from : homePath(s);
      navigate(target, { replace: true });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'totp_required') {
        if (needTotp && values.totp) {
          form.setFields([{ name: 'totp', value: '', errors: [error.messageZh] }]);
        } else {
          setNeedTotp(true);
          setProblem({ type: 'info', text: '该账号已启用双因素认证，请输入身份验证器中的 6 位动态验证码' });
        }
      } else if (needTotp && error instanceof ApiError && error.code === 'unauthenticated') {
        // A wrong code is answered like a wrong password: keep the password, ask for the code again.
        setProblem({ type: 'error', text: `${error.messageZh}，或动态验证码不正确` });
        form.setFieldValue('totp', '');
      } else {
        setProblem({ type: 'error', text: describeError(error) });
        form.setFieldValue('password', '');
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <AuthCard>
      {problem ? (
        <Alert type={problem.type} showIcon title={problem.text} style={{ marginBottom: 16 }} />
      ) : null}
      <Form form={form} layout="vertical" requiredMark={false} onFinish={onFinish} autoComplete="on">
        <Form.Item
          label="用户名"
          name="username"
          rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
        >
          <Input prefix={<UserOutlined />} autoComplete="username" size="large" autoFocus />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
        </Form.Item>
        {needTotp ? (
          <Form.Item
            label="动态验证码"
            name="totp"
            rules={[
              { required: true, message: '请输入 6 位动态验证码' },
              { pattern: /^\d{6}$/, message: '验证码为 6 位数字' },
            ]}
          >
            <Input
              prefix={<SafetyOutlined />}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              size="large"
              autoFocus
            />
          </Form.Item>
        ) : null}
        <Form.Item style={{ marginBottom: 0 }}>
          <Button type="primary" htmlType="submit" size="large" block loading={submitting}>
            登录
          </Button>
        </Form.Item>
      </Form>
    </AuthCard>
  );
}
