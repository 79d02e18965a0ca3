import { Flex, Spin } from 'antd';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { canEdit, homePath, useSession, useSignedIn } from './SessionContext.tsx';

export function FullPageSpin() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
      <Spin size="large" description="加载中…">
        <div style={{ width: 120, height: 80 }} />
      </Spin>
    </Flex>
  );
}

/** Signed in, and sent through the forced flows (password change, then TOTP enrolment) first. */
export function RequireSession() {
  const { session } = useSession();
  const location = useLocation();
  if (session === undefined) return <FullPageSpin />;
  if (!session) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  if (session.mustChangePassword && location.pathname !== '/change-password') {
    return <Navigate to="/change-password" replace />;
  }
  if (!session.mustChangePassword && session.mustEnrolTotp && location.pathname !== '/totp-setup') {
    return <Navigate to="/totp-setup" replace />;
  }
  return <Outlet />;
}

/** The admin screens: every role but `cadre`, who lands on /me. */
export function RequireAdmin() {
  const session = useSignedIn();
  if (session.account.role === 'cadre') return <Navigate to="/me" replace />;
  return <Outlet />;
}

export function HomeRedirect() {
  const session = useSignedIn();
  return <Navigate to={homePath(session)} replace />;
}

/** Screens that change data or hold secrets: not for the read-only leader role. */
export function RequireEditor() {
  const session = useSignedIn();
  if (!canEdit(session.account.role)) return <Navigate to="/orgs" replace />;
  return <Outlet />;
}

/** 操作日志: system administrators only. */
export function RequireSystemAdmin() {
  const session = useSignedIn();
  if (session.account.role !== 'system_admin') return <Navigate to="/orgs" replace />;
  return <Outlet />;
}
