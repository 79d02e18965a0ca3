import { ExclamationCircleFilled } from '@ant-design/icons';
import { theme } from 'antd';
import { useSession } from '../session/SessionContext.tsx';

/**
 * Shown on every signed-in screen of a demo installation: drawn as antd's warning `Alert banner`
 * with the theme's tokens, since `Alert` itself would be 3 kB gzip on every phone page's first load.
 */
export function DemoBanner() {
  const { session } = useSession();
  const { token } = theme.useToken();
  if (!session?.demo) return null;
  return (
    <div
      role="alert"
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: token.marginXS,
        padding: `${token.paddingXS}px ${token.paddingSM}px`,
        background: token.colorWarningBg,
        color: token.colorText,
        lineHeight: token.lineHeight,
      }}
    >
      <ExclamationCircleFilled style={{ color: token.colorWarning }} />
      演示模式：演示账号密码公开，请勿录入真实数据
    </div>
  );
}
