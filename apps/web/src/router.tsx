import type { ComponentType } from 'react';
import { createBrowserRouter, Navigate, Outlet } from 'react-router-dom';
import { AdminLayout } from './layout/AdminLayout.tsx';
import { MyTaskListPage } from './pages/annual/MyTaskListPage.tsx';
import { ChangePasswordPage } from './pages/auth/ChangePasswordPage.tsx';
import { LoginPage } from './pages/auth/LoginPage.tsx';
import { TotpSetupPage } from './pages/auth/TotpSetupPage.tsx';
import { ProgressPage } from './pages/compliance/ProgressPage.tsx';
import { ContactPage } from './pages/me/ContactPage.tsx';
import { ContactsPage } from './pages/me/ContactsPage.tsx';
import { MePage } from './pages/me/MePage.tsx';
import { QuickEntryFormPage, QuickEntryPage } from './pages/me/QuickEntryPage.tsx';
import { MyPointLedgerPage, PointLedgerPage } from './pages/points/PointLedgerPage.tsx';
import { AdminGroupPage, MyGroupPage } from './pages/postings/GroupPages.tsx';
import { MyPostingPage } from './pages/postings/MyPostingPage.tsx';
import { MyPostingsPage } from './pages/postings/MyPostingsPage.tsx';
import {
  HomeRedirect,
  RequireAdmin,
  RequireEditor,
  RequireSession,
  RequireSystemAdmin,
} from './session/guards.tsx';
import { SessionProvider } from './session/SessionContext.tsx';

/** Admin pages load on demand, so a cadre's phone downloads only the pages a cadre uses. */
function page<M>(load: () => Promise<M>, name: keyof M) {
  return async () => ({ Component: (await load())[name] as ComponentType });
}

function Root() {
  return (
    <SessionProvider>
      <Outlet />
    </SessionProvider>
  );
}

export const router = createBrowserRouter([
  {
    element: <Root />,
    children: [
      { path: '/login', element: <LoginPage /> },
      {
        element: <RequireSession />,
        children: [
          { path: '/', element: <HomeRedirect /> },
          { path: '/change-password', element: <ChangePasswordPage /> },
          { path: '/totp-setup', element: <TotpSetupPage /> },
          { path: '/me', element: <MePage /> },
          { path: '/me/log', element: <QuickEntryPage /> },
          { path: '/me/log/:type', element: <QuickEntryFormPage /> },
          { path: '/me/contacts', element: <ContactsPage /> },
          { path: '/me/contacts/:id', element: <ContactPage /> },
          { path: '/me/points/:id', element: <MyPointLedgerPage /> },
          { path: '/me/progress', element: <ProgressPage /> },
          { path: '/me/annual', element: <MyTaskListPage /> },
          { path: '/me/postings', element: <MyPostingsPage /> },
          { path: '/me/postings/:id', element: <MyPostingPage /> },
          { path: '/me/groups/:id', element: <MyGroupPage /> },
          {
            element: <RequireAdmin />,
            children: [
              {
                element: <AdminLayout />,
                children: [
                  {
                    path: '/orgs',
                    lazy: page(() => import('./pages/organizations/OrgsPage.tsx'), 'OrgsPage'),
                  },
                  {
                    path: '/people',
                    lazy: page(() => import('./pages/people/PeoplePage.tsx'), 'PeoplePage'),
                  },
                  {
                    path: '/points',
                    lazy: page(() => import('./pages/points/PointsPage.tsx'), 'PointsPage'),
                  },
                  { path: '/points/:id', element: <PointLedgerPage /> },
                  {
                    path: '/problems',
                    lazy: page(() => import('./pages/problems/ProblemsPage.tsx'), 'ProblemsPage'),
                  },
                  {
                    path: '/compliance',
                    lazy: page(() => import('./pages/compliance/DashboardPage.tsx'), 'DashboardPage'),
                  },
                  {
                    path: '/annual',
                    lazy: page(() => import('./pages/annual/AnnualPage.tsx'), 'AnnualPage'),
                  },
                  {
                    path: '/postings',
                    lazy: page(() => import('./pages/postings/ProgramsPage.tsx'), 'ProgramsPage'),
                  },
                  {
                    path: '/postings/four-plus-one',
                    lazy: page(() => import('./pages/postings/FourPlusOnePage.tsx'), 'FourPlusOnePage'),
                  },
                  { path: '/postings/groups/:id', element: <AdminGroupPage /> },
                  {
                    path: '/postings/:id',
                    lazy: page(() => import('./pages/postings/ProgramPage.tsx'), 'ProgramPage'),
                  },
                  {
                    element: <RequireEditor />,
                    children: [
                      {
                        path: '/accounts',
                        lazy: page(() => import('./pages/accounts/AccountsPage.tsx'), 'AccountsPage'),
                      },
                      {
                        path: '/import',
                        lazy: page(() => import('./pages/imports/ImportPage.tsx'), 'ImportPage'),
                      },
                    ],
                  },
                  {
                    element: <RequireSystemAdmin />,
                    children: [
                      {
                        path: '/audit',
                        lazy: page(() => import('./pages/audit/AuditPage.tsx'), 'AuditPage'),
                      },
                    ],
                  },
                ],
              },
            ],
          },
        ],
      },
      { path: '*', element: <Navigate to="/" replace /> },
    ],
  },
]);
