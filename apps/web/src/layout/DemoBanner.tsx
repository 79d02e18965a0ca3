import { Alert } from 'antd';
import { useSession } from '../session/SessionContext.tsx';

/** Shown on every signed-in screen of a demo installation. */
export function DemoBanner() {
  const { session } = useSession();
  if (!session?.demo) return null;
  return <Alert banner type="warning" showIcon title="演示模式：演示账号密码公开，请勿录入真实数据" />;
}
