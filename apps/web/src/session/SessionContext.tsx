import type { TRole, TSession } from '@lianxin/contracts';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { setAuthFailureHandler } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import { toastError } from '../feedback.ts';

interface SessionValue {
  /** undefined while the first `GET /auth/session` runs; null when signed out. */
  session: TSession | null | undefined;
  setSession: (session: TSession | null) => void;
  logout: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export const CURRENT_ORG_KEY = 'lianxin.currentOrg';

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<TSession | null | undefined>(undefined);
  const navigate = useNavigate();

  useEffect(() => {
    let live = true;
    api.auth
      .session()
      .then((s) => live && setSession(s))
      .catch((error: unknown) => {
        if (!live) return;
        toastError(error);
        setSession(null);
      });
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    setAuthFailureHandler((code) => {
      if (code === 'unauthenticated') {
        setSession(null);
        navigate('/login', { replace: true, state: { from: window.location.pathname } });
      } else if (code === 'password_change_required') {
        setSession((s) => (s ? { ...s, mustChangePassword: true } : s));
        navigate('/change-password', { replace: true });
      } else {
        setSession((s) => (s ? { ...s, mustEnrolTotp: true } : s));
        navigate('/totp-setup', { replace: true });
      }
    });
    return () => setAuthFailureHandler(null);
  }, [navigate]);

  const logout = useCallback(async () => {
    try {
      await api.auth.logout();
    } catch {
      // Signed out locally whatever the server says.
    }
    sessionStorage.removeItem(CURRENT_ORG_KEY);
    setSession(null);
    navigate('/login', { replace: true });
  }, [navigate]);

  const value = useMemo(() => ({ session, setSession, logout }), [session, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in session; only for pages behind `RequireSession`. */
export function useSignedIn(): TSession {
  const { session } = useSession();
  if (!session) throw new Error('useSignedIn without a session');
  return session;
}

export function homePath(session: TSession): string {
  return session.account.role === 'cadre' ? '/me' : '/home';
}

/** Roles that may create and edit (leaders read only, cadres see their own record). */
export function canEdit(role: TRole): boolean {
  return role === 'system_admin' || role === 'org_admin';
}
