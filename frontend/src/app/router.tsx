import { lazy, Suspense } from 'react';
import { createBrowserRouter, Outlet } from 'react-router';
import { SessionWatcher } from '../auth/SessionWatcher';
import { RequireSession } from '../auth/RequireSession';
import AppLayout, { PageFallback } from './AppLayout';
import { Guarded } from './Guarded';
import HomeRedirect from './HomeRedirect';

// One chunk per page: the sign-in page and the layout load first, the rest on demand.
const LoginPage = lazy(() => import('../features/auth/LoginPage'));
const WelcomePage = lazy(() => import('../features/home/WelcomePage'));
const NotFoundPage = lazy(() => import('../features/home/NotFoundPage'));
const DashboardPage = lazy(() => import('../features/dashboard/DashboardPage'));
const AreasPage = lazy(() => import('../features/areas/AreasPage'));
const CompoundListPage = lazy(() => import('../features/compounds/CompoundListPage'));
const CompoundDetailPage = lazy(() => import('../features/compounds/CompoundDetailPage'));
const CompoundFormPage = lazy(() => import('../features/compounds/CompoundFormPage'));
const UserListPage = lazy(() => import('../features/users/UserListPage'));
const UserDetailPage = lazy(() => import('../features/users/UserDetailPage'));
const UserCreatePage = lazy(() => import('../features/users/UserCreatePage'));
const UserEditPage = lazy(() => import('../features/users/UserEditPage'));
const ApiKeysPage = lazy(() => import('../features/apiKeys/ApiKeysPage'));
const AuditLogPage = lazy(() => import('../features/audit/AuditLogPage'));
// Later modules (诉求, 公共收益, 津贴, 志愿服务) add their pages here and in access.ts MODULES.

/** `handle.crumb` is the i18n key of the breadcrumb for that route level. */
export interface RouteHandle {
  crumb?: string;
}

export const router = createBrowserRouter([
  {
    element: (
      <SessionWatcher>
        <Suspense fallback={<PageFallback />}>
          <Outlet />
        </Suspense>
      </SessionWatcher>
    ),
    children: [
      { path: '/login', element: <LoginPage /> },
      {
        path: '/',
        element: (
          <RequireSession>
            <AppLayout />
          </RequireSession>
        ),
        handle: { crumb: 'crumbs.home' } satisfies RouteHandle,
        children: [
          { index: true, element: <HomeRedirect /> },
          { path: 'welcome', element: <WelcomePage /> },
          {
            path: 'dashboard',
            handle: { crumb: 'menu.dashboard' } satisfies RouteHandle,
            element: <Guarded page={<DashboardPage />} />,
          },
          {
            path: 'areas',
            handle: { crumb: 'menu.areas' } satisfies RouteHandle,
            element: <Guarded page={<AreasPage />} />,
          },
          {
            path: 'compounds',
            handle: { crumb: 'menu.compounds' } satisfies RouteHandle,
            children: [
              { index: true, element: <Guarded page={<CompoundListPage />} /> },
              {
                path: 'new',
                handle: { crumb: 'crumbs.compoundNew' } satisfies RouteHandle,
                element: <Guarded page={<CompoundFormPage />} />,
              },
              {
                path: ':id',
                handle: { crumb: 'crumbs.compoundDetail' } satisfies RouteHandle,
                children: [
                  { index: true, element: <Guarded page={<CompoundDetailPage />} /> },
                  {
                    path: 'edit',
                    handle: { crumb: 'crumbs.compoundEdit' } satisfies RouteHandle,
                    element: <Guarded page={<CompoundFormPage />} />,
                  },
                ],
              },
            ],
          },
          {
            path: 'users',
            handle: { crumb: 'menu.users' } satisfies RouteHandle,
            children: [
              { index: true, element: <Guarded page={<UserListPage />} /> },
              {
                path: 'new',
                handle: { crumb: 'crumbs.userNew' } satisfies RouteHandle,
                element: <Guarded page={<UserCreatePage />} />,
              },
              {
                path: ':id',
                handle: { crumb: 'crumbs.userDetail' } satisfies RouteHandle,
                children: [
                  { index: true, element: <Guarded page={<UserDetailPage />} /> },
                  {
                    path: 'edit',
                    handle: { crumb: 'crumbs.userEdit' } satisfies RouteHandle,
                    element: <Guarded page={<UserEditPage />} />,
                  },
                ],
              },
            ],
          },
          {
            path: 'api-keys',
            handle: { crumb: 'menu.apiKeys' } satisfies RouteHandle,
            element: <Guarded page={<ApiKeysPage />} />,
          },
          {
            path: 'audit-log',
            handle: { crumb: 'menu.auditLog' } satisfies RouteHandle,
            element: <Guarded page={<AuditLogPage />} />,
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
