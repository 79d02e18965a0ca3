import { type ComponentType, lazy, Suspense } from 'react';
import { matchRoutes, Navigate, Outlet, type RouteObject, useRoutes } from 'react-router-dom';
import {
  FullPageSpin,
  HomeRedirect,
  RequireAdmin,
  RequireEditor,
  RequireSession,
  RequireSystemAdmin,
} from './session/guards.tsx';
import { SessionProvider } from './session/SessionContext.tsx';

type Loader = () => Promise<Record<string, unknown>>;

/**
 * A page loaded with its route: each page is a chunk of its own, so the phone downloads none of the
 * admin shell and its pages (nor charts, Excel, the admin's antd components) before it is usable.
 */
function page(load: Loader, name: string): Pick<RouteObject, 'element' | 'handle'> {
  const Page = lazy(async () => ({ default: (await load())[name] as ComponentType }));
  return { element: <Page />, handle: { load } };
}

function Root() {
  return (
    <SessionProvider>
      <Suspense fallback={<FullPageSpin />}>
        <Outlet />
      </Suspense>
    </SessionProvider>
  );
}

const me = () => import('./pages/me/MePage.tsx');
const ledger = () => import('./pages/points/PointLedgerPage.tsx');

const routes: RouteObject[] = [
  {
    element: <Root />,
    children: [
      { path: '/login', ...page(() => import('./pages/auth/LoginPage.tsx'), 'LoginPage') },
      {
        element: <RequireSession />,
        children: [
          { path: '/', element: <HomeRedirect /> },
          {
            path: '/change-password',
            ...page(() => import('./pages/auth/ChangePasswordPage.tsx'), 'ChangePasswordPage'),
          },
          { path: '/totp-setup', ...page(() => import('./pages/auth/TotpSetupPage.tsx'), 'TotpSetupPage') },
          { path: '/me', ...page(me, 'MePage') },
          { path: '/me/log', ...page(() => import('./pages/me/QuickEntryPage.tsx'), 'QuickEntryPage') },
          {
            path: '/me/log/:type',
            ...page(() => import('./pages/me/QuickEntryFormPage.tsx'), 'QuickEntryFormPage'),
          },
          { path: '/me/contacts', ...page(() => import('./pages/me/ContactsPage.tsx'), 'ContactsPage') },
          { path: '/me/contacts/:id', ...page(() => import('./pages/me/ContactPage.tsx'), 'ContactPage') },
          { path: '/me/points/:id', ...page(ledger, 'MyPointLedgerPage') },
          {
            path: '/me/progress',
            ...page(() => import('./pages/compliance/ProgressPage.tsx'), 'ProgressPage'),
          },
          {
            path: '/me/annual',
            ...page(() => import('./pages/annual/MyTaskListPage.tsx'), 'MyTaskListPage'),
          },
          {
            path: '/me/postings',
            ...page(() => import('./pages/postings/MyPostingsPage.tsx'), 'MyPostingsPage'),
          },
          {
            path: '/me/postings/:id',
            ...page(() => import('./pages/postings/MyPostingPage.tsx'), 'MyPostingPage'),
          },
          {
            path: '/me/groups/:id',
            ...page(() => import('./pages/postings/MyGroupPage.tsx'), 'MyGroupPage'),
          },
          { path: '/me/card', ...page(() => import('./pages/me/MyCardPage.tsx'), 'MyCardPage') },
          {
            element: <RequireAdmin />,
            children: [
              {
                ...page(() => import('./layout/AdminLayout.tsx'), 'AdminLayout'),
                children: [
                  { path: '/home', ...page(() => import('./pages/home/HomePage.tsx'), 'HomePage') },
                  { path: '/orgs', ...page(() => import('./pages/organizations/OrgsPage.tsx'), 'OrgsPage') },
                  { path: '/people', ...page(() => import('./pages/people/PeoplePage.tsx'), 'PeoplePage') },
                  { path: '/points', ...page(() => import('./pages/points/PointsPage.tsx'), 'PointsPage') },
                  { path: '/points/:id', ...page(ledger, 'PointLedgerPage') },
                  {
                    path: '/problems',
                    ...page(() => import('./pages/problems/ProblemsPage.tsx'), 'ProblemsPage'),
                  },
                  {
                    path: '/compliance',
                    ...page(() => import('./pages/compliance/DashboardPage.tsx'), 'DashboardPage'),
                  },
                  { path: '/annual', ...page(() => import('./pages/annual/AnnualPage.tsx'), 'AnnualPage') },
                  {
                    path: '/bulletins',
                    ...page(() => import('./pages/bulletins/BulletinPage.tsx'), 'BulletinPage'),
                  },
                  {
                    path: '/open-days',
                    ...page(() => import('./pages/open-days/OpenDaysPage.tsx'), 'OpenDaysPage'),
                  },
                  { path: '/cases', ...page(() => import('./pages/showcase/CasesPage.tsx'), 'CasesPage') },
                  {
                    path: '/postings',
                    ...page(() => import('./pages/postings/ProgramsPage.tsx'), 'ProgramsPage'),
                  },
                  {
                    path: '/postings/four-plus-one',
                    ...page(() => import('./pages/postings/FourPlusOnePage.tsx'), 'FourPlusOnePage'),
                  },
                  {
                    path: '/postings/groups/:id',
                    ...page(() => import('./pages/postings/GroupPages.tsx'), 'AdminGroupPage'),
                  },
                  {
                    path: '/postings/:id',
                    ...page(() => import('./pages/postings/ProgramPage.tsx'), 'ProgramPage'),
                  },
                  {
                    element: <RequireEditor />,
                    children: [
                      {
                        path: '/accounts',
                        ...page(() => import('./pages/accounts/AccountsPage.tsx'), 'AccountsPage'),
                      },
                      {
                        path: '/import',
                        ...page(() => import('./pages/imports/ImportPage.tsx'), 'ImportPage'),
                      },
                    ],
                  },
                  {
                    element: <RequireSystemAdmin />,
                    children: [
                      { path: '/audit', ...page(() => import('./pages/audit/AuditPage.tsx'), 'AuditPage') },
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
];

// The first page's chunks start downloading with the app, beside the session check, instead of
// after it (the guards render the page only once the session is known).
for (const match of matchRoutes(routes, window.location) ?? []) {
  (match.route.handle as { load?: Loader } | undefined)?.load?.();
}

export function AppRoutes() {
  return useRoutes(routes);
}
