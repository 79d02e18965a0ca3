import { Alert, Button, Flex, Form, Input, QRCode, Spin, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api/endpoints.ts';
import { describeError, showFormError, toastSuccess } from '../../feedback.ts';
import { homePath, useSession } from '../../session/SessionContext.tsx';
import { AuthCard } from './AuthCard.tsx';

/** Enrol an authenticator app: show the secret (QR, otpauth URI, manual key), then check one code. */
export function TotpSetupPage() {
  const { setSession, logout } = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ code: string }>();
  const [setup, setSetup] = useState<{ secret: string; uri: string } | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const started = useRef(false);

  const start = useCallback(async () => {
    setLoadError(null);
    setSetup(null);
    try {
      setSetup(await api.auth.totpSetup());
    } catch (error) {
      setLoadError(describeError(error));
    }
  }, []);

  useEffect(() => {
    // One secret per visit, also under StrictMode's double effects: the server keeps the latest.
    if (started.current) return;
    started.current = true;
    void start();
  }, [start]);

  const onFinish = async ({ code }: { code: string }) => {
    setSubmitting(true);
    try {
      const next = await api.auth.totpEnable(code.trim());
      setSession(next);
      toastSuccess('双因素认证已启用');
      navigate(homePath(next), { replace: true });
    } catch (error) {
      showFormError(form, error, ['code']);
      form.setFieldValue('code', '');
    } finally {
      setSubmitting(false);
    }
  };

  const grouped = setup?.secret.replace(/(.{4})(?=.)/g, '$1 ');

  return (
    <AuthCard
      title="启用双因素认证"
      extra={
        <Button type="link" onClick={() => void logout()}>
          退出登录
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        管理员账号须绑定身份验证器（如 Microsoft Authenticator、Google Authenticator、FreeOTP 等）。
      </Typography.Paragraph>
      {loadError ? (
        <Alert
          type="error"
          showIcon
          title={loadError}
          action={
            <Button size="small" onClick={() => void start()}>
              重新获取
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {!setup && !loadError ? (
        <Flex justify="center" style={{ padding: 24 }}>
          <Spin />
        </Flex>
      ) : null}
      {setup ? (
        <>
          <Typography.Paragraph strong>1. 用身份验证器扫描二维码</Typography.Paragraph>
          <Flex justify="center" style={{ marginBottom: 12 }}>
            <QRCode value={setup.uri} size={176} bordered={false} />
          </Flex>
          <Typography.Paragraph>
            无法扫码时手动输入密钥：
            <Typography.Text code copyable={{ text: setup.secret }} data-testid="totp-secret">
              {grouped}
            </Typography.Text>
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
            链接：
            <Typography.Text copyable data-testid="totp-uri" style={{ fontSize: 12 }}>
              {setup.uri}
            </Typography.Text>
          </Typography.Paragraph>
          <Typography.Paragraph strong>2. 输入验证器显示的 6 位验证码</Typography.Paragraph>
          <Form form={form} layout="vertical" requiredMark={false} onFinish={onFinish}>
            <Form.Item
              label="验证码"
              name="code"
              rules={[
                { required: true, message: '请输入验证码' },
                { pattern: /^\d{6}$/, message: '验证码为 6 位数字' },
              ]}
            >
              <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
            </Form.Item>
            <Form.Item style={{ marginBottom: 0 }}>
              <Button type="primary" htmlType="submit" block loading={submitting}>
                启用双因素认证
              </Button>
            </Form.Item>
          </Form>
        </>
      ) : null}
    </AuthCard>
  );
}
