import { createBrowserRouter, Navigate, Outlet } from 'react-router-dom';
import { AdminLayout } from './layout/AdminLayout.tsx';
import { AccountsPage } from './pages/accounts/AccountsPage.tsx';
import { AnnualPage } from './pages/annual/AnnualPage.tsx';
import { MyTaskListPage } from './pages/annual/MyTaskListPage.tsx';
import { AuditPage } from './pages/audit/AuditPage.tsx';
import { ChangePasswordPage } from './pages/auth/ChangePasswordPage.tsx';
import { LoginPage } from './pages/auth/LoginPage.tsx';
import { TotpSetupPage } from './pages/auth/TotpSetupPage.tsx';
import { DashboardPage } from './pages/compliance/DashboardPage.tsx';
import { ProgressPage } from './pages/compliance/ProgressPage.tsx';
import { ImportPage } from './pages/imports/ImportPage.tsx';
import { ContactPage } from './pages/me/ContactPage.tsx';
import { ContactsPage } from './pages/me/ContactsPage.tsx';
import { MePage } from './pages/me/MePage.tsx';
import { QuickEntryFormPage, QuickEntryPage } from './pages/me/QuickEntryPage.tsx';
import { OrgsPage } from './pages/organizations/OrgsPage.tsx';
import { PeoplePage } from './pages/people/PeoplePage.tsx';
import { MyPointLedgerPage, PointLedgerPage } from './pages/points/PointLedgerPage.tsx';
import { PointsPage } from './pages/points/PointsPage.tsx';
import { FourPlusOnePage } from './pages/postings/FourPlusOnePage.tsx';
import { AdminGroupPage, MyGroupPage } from './pages/postings/GroupPages.tsx';
import { MyPostingPage } from './pages/postings/MyPostingPage.tsx';
import { MyPostingsPage } from './pages/postings/MyPostingsPage.tsx';
import { ProgramPage } from './pages/postings/ProgramPage.tsx';
import { ProgramsPage } from './pages/postings/ProgramsPage.tsx';
import { ProblemsPage } from './pages/problems/ProblemsPage.tsx';
import {
  HomeRedirect,
  RequireAdmin,
  RequireEditor,
  RequireSession,
  RequireSystemAdmin,
} from './session/guards.tsx';
import { SessionProvider } from './session/SessionContext.tsx';

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
                  { path: '/orgs', element: <OrgsPage /> },
                  { path: '/people', element: <PeoplePage /> },
                  { path: '/points', element: <PointsPage /> },
                  { path: '/points/:id', element: <PointLedgerPage /> },
                  { path: '/problems', element: <ProblemsPage /> },
                  { path: '/compliance', element: <DashboardPage /> },
                  { path: '/annual', element: <AnnualPage /> },
                  { path: '/postings', element: <ProgramsPage /> },
                  { path: '/postings/four-plus-one', element: <FourPlusOnePage /> },
                  { path: '/postings/groups/:id', element: <AdminGroupPage /> },
                  { path: '/postings/:id', element: <ProgramPage /> },
                  {
                    element: <RequireEditor />,
                    children: [
                      { path: '/accounts', element: <AccountsPage /> },
                      { path: '/import', element: <ImportPage /> },
                    ],
                  },
                  { element: <RequireSystemAdmin />, children: [{ path: '/audit', element: <AuditPage /> }] },
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
