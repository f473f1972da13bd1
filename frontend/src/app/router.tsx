import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Outlet, type RouteObject } from 'react-router';
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
const OrganisationListPage = lazy(() => import('../features/organisations/OrganisationListPage'));
const OrganisationDetailPage = lazy(() => import('../features/organisations/OrganisationDetailPage'));
const OrganisationFormPage = lazy(() => import('../features/organisations/OrganisationFormPage'));
const PersonListPage = lazy(() => import('../features/people/PersonListPage'));
const PersonDetailPage = lazy(() => import('../features/people/PersonDetailPage'));
const PersonFormPage = lazy(() => import('../features/people/PersonFormPage'));
const RevenueHomePage = lazy(() => import('../features/publicRevenue/RevenueHomePage'));
const CompoundLedgerPage = lazy(() => import('../features/publicRevenue/CompoundLedgerPage'));
const DisclosuresPage = lazy(() => import('../features/publicRevenue/DisclosuresPage'));
const DisclosurePage = lazy(() => import('../features/publicRevenue/DisclosurePage'));
const AuditsHomePage = lazy(() => import('../features/specialAudits/AuditsHomePage'));
const CampaignPage = lazy(() => import('../features/specialAudits/CampaignPage'));
const EngagementPage = lazy(() => import('../features/specialAudits/EngagementPage'));
const EngagementLedgerPage = lazy(() => import('../features/specialAudits/EngagementLedgerPage'));
const FindingsPage = lazy(() => import('../features/specialAudits/FindingsPage'));
const AllowancesHomePage = lazy(() => import('../features/allowances/AllowancesHomePage'));
const ProgrammePage = lazy(() => import('../features/allowances/ProgrammePage'));
const AssessmentsPage = lazy(() => import('../features/allowances/AssessmentsPage'));
const CyclePage = lazy(() => import('../features/allowances/CyclePage'));
const PersonPaymentsPage = lazy(() => import('../features/allowances/PersonPaymentsPage'));
const VolunteeringHomePage = lazy(() => import('../features/volunteering/VolunteeringHomePage'));
const ActivityPage = lazy(() => import('../features/volunteering/ActivityPage'));
const TeamPage = lazy(() => import('../features/volunteering/TeamPage'));
const CentreQrPage = lazy(() => import('../features/volunteering/CentreQrPage'));
const MyVolunteeringPage = lazy(() => import('../features/volunteering/MyVolunteeringPage'));
const ContractListPage = lazy(() => import('../features/contracts/ContractListPage'));
const ContractDetailPage = lazy(() => import('../features/contracts/ContractDetailPage'));
const ContractFormPage = lazy(() => import('../features/contracts/ContractFormPage'));
const MeetingListPage = lazy(() => import('../features/meetings/MeetingListPage'));
const ActionItemsPage = lazy(() => import('../features/meetings/ActionItemsPage'));
const MeetingPage = lazy(() => import('../features/meetings/MeetingPage'));
const MeetingFormPage = lazy(() => import('../features/meetings/MeetingFormPage'));
const CentreListPage = lazy(() => import('../features/centres/CentreListPage'));
const CentreDetailPage = lazy(() => import('../features/centres/CentreDetailPage'));
const CentreFormPage = lazy(() => import('../features/centres/CentreFormPage'));
const ApiKeysPage = lazy(() => import('../features/apiKeys/ApiKeysPage'));
const AuditLogPage = lazy(() => import('../features/auditLog/AuditLogPage'));
const ComplaintListPage = lazy(() => import('../features/complaints/ComplaintListPage'));
const ComplaintDetailPage = lazy(() => import('../features/complaints/ComplaintDetailPage'));
const ComplaintCreatePage = lazy(() => import('../features/complaints/ComplaintCreatePage'));
const ComplaintSettingsPage = lazy(() => import('../features/complaints/ComplaintSettingsPage'));
const MyComplaintsPage = lazy(() => import('../features/complaints/MyComplaintsPage'));
const MyComplaintNewPage = lazy(() => import('../features/complaints/MyComplaintNewPage'));
const MyComplaintPage = lazy(() => import('../features/complaints/MyComplaintPage'));
// Later modules (公共收益, 津贴, 志愿服务) add their pages here and in access.ts MODULES.

/**
 * The routes of a record module: its list, `new`, `:id` and `:id/edit`, each behind the
 * access check; `extra` adds further pages under the list's path.
 */
function recordRoutes(
  path: string,
  crumbs: { list: string; create: string; detail: string; edit: string },
  pages: { list: ReactNode; form: ReactNode; detail: ReactNode },
  extra: RouteObject[] = [],
): RouteObject {
  return {
    path,
    handle: { crumb: crumbs.list } satisfies RouteHandle,
    children: [
      { index: true, element: <Guarded page={pages.list} /> },
      ...extra,
      { path: 'new', handle: { crumb: crumbs.create } satisfies RouteHandle, element: <Guarded page={pages.form} /> },
      {
        path: ':id',
        handle: { crumb: crumbs.detail } satisfies RouteHandle,
        children: [
          { index: true, element: <Guarded page={pages.detail} /> },
          { path: 'edit', handle: { crumb: crumbs.edit } satisfies RouteHandle, element: <Guarded page={pages.form} /> },
        ],
      },
    ],
  };
}

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
            path: 'complaints',
            handle: { crumb: 'menu.complaints' } satisfies RouteHandle,
            children: [
              { index: true, element: <Guarded page={<ComplaintListPage />} /> },
              {
                path: 'new',
                handle: { crumb: 'crumbs.complaintNew' } satisfies RouteHandle,
                element: <Guarded page={<ComplaintCreatePage />} />,
              },
              {
                path: ':id',
                handle: { crumb: 'crumbs.complaintDetail' } satisfies RouteHandle,
                element: <Guarded page={<ComplaintDetailPage />} />,
              },
            ],
          },
          {
            path: 'my-complaints',
            handle: { crumb: 'menu.myComplaints' } satisfies RouteHandle,
            children: [
              { index: true, element: <Guarded page={<MyComplaintsPage />} /> },
              {
                path: 'new',
                handle: { crumb: 'crumbs.myComplaintNew' } satisfies RouteHandle,
                element: <Guarded page={<MyComplaintNewPage />} />,
              },
              {
                path: ':id',
                handle: { crumb: 'crumbs.complaintDetail' } satisfies RouteHandle,
                element: <Guarded page={<MyComplaintPage />} />,
              },
            ],
          },
          {
            path: 'complaint-settings',
            handle: { crumb: 'menu.complaintSettings' } satisfies RouteHandle,
            element: <Guarded page={<ComplaintSettingsPage />} />,
          },
          recordRoutes(
            'organisations',
            { list: 'menu.organisations', create: 'crumbs.organisationNew', detail: 'crumbs.organisationDetail', edit: 'crumbs.organisationEdit' },
            { list: <OrganisationListPage />, form: <OrganisationFormPage />, detail: <OrganisationDetailPage /> },
          ),
          recordRoutes(
            'people',
            { list: 'menu.people', create: 'crumbs.personNew', detail: 'crumbs.personDetail', edit: 'crumbs.personEdit' },
            { list: <PersonListPage />, form: <PersonFormPage />, detail: <PersonDetailPage /> },
          ),
          recordRoutes(
            'contracts',
            { list: 'menu.contracts', create: 'crumbs.contractNew', detail: 'crumbs.contractDetail', edit: 'crumbs.contractEdit' },
            { list: <ContractListPage />, form: <ContractFormPage />, detail: <ContractDetailPage /> },
          ),
          recordRoutes(
            'meetings',
            { list: 'menu.meetings', create: 'crumbs.meetingNew', detail: 'crumbs.meetingDetail', edit: 'crumbs.meetingEdit' },
            { list: <MeetingListPage />, form: <MeetingFormPage />, detail: <MeetingPage /> },
            [
              {
                path: 'action-items',
                handle: { crumb: 'crumbs.actionItems' } satisfies RouteHandle,
                element: <Guarded page={<ActionItemsPage />} />,
              },
            ],
          ),
          recordRoutes(
            'centres',
            { list: 'menu.centres', create: 'crumbs.centreNew', detail: 'crumbs.centreDetail', edit: 'crumbs.centreEdit' },
            { list: <CentreListPage />, form: <CentreFormPage />, detail: <CentreDetailPage /> },
          ),
          {
            path: 'public-revenue',
            handle: { crumb: 'menu.publicRevenue' } satisfies RouteHandle,
            children: [
              { index: true, element: <Guarded page={<RevenueHomePage />} /> },
              {
                path: ':compoundId',
                handle: { crumb: 'crumbs.ledger' } satisfies RouteHandle,
                element: <Guarded page={<CompoundLedgerPage />} />,
              },
            ],
          },
          {
            path: 'disclosures',
            handle: { crumb: 'menu.disclosures' } satisfies RouteHandle,
            children: [
              { index: true, element: <Guarded page={<DisclosuresPage />} /> },
              {
                path: ':id',
                handle: { crumb: 'crumbs.disclosure' } satisfies RouteHandle,
                element: <Guarded page={<DisclosurePage />} />,
              },
            ],
          },
          {
            path: 'audits',
            handle: { crumb: 'menu.audits' } satisfies RouteHandle,
            children: [
              { index: true, element: <Guarded page={<AuditsHomePage />} /> },
              {
                path: 'campaigns/:id',
                handle: { crumb: 'crumbs.auditCampaign' } satisfies RouteHandle,
                element: <Guarded page={<CampaignPage />} />,
              },
              {
                path: 'findings',
                handle: { crumb: 'crumbs.findings' } satisfies RouteHandle,
                element: <Guarded page={<FindingsPage />} />,
              },
              {
                path: 'engagements/:id',
                handle: { crumb: 'crumbs.engagement' } satisfies RouteHandle,
                children: [
                  { index: true, element: <Guarded page={<EngagementPage />} /> },
                  {
                    path: 'ledger',
                    handle: { crumb: 'crumbs.engagementLedger' } satisfies RouteHandle,
                    element: <Guarded page={<EngagementLedgerPage />} />,
                  },
                ],
              },
            ],
          },
          {
            path: 'allowances',
            handle: { crumb: 'menu.allowances' } satisfies RouteHandle,
            children: [
              { index: true, element: <Guarded page={<AllowancesHomePage />} /> },
              {
                path: 'programmes/:id',
                handle: { crumb: 'crumbs.allowanceProgramme' } satisfies RouteHandle,
                element: <Guarded page={<ProgrammePage />} />,
              },
              {
                path: 'assessments',
                handle: { crumb: 'crumbs.assessments' } satisfies RouteHandle,
                element: <Guarded page={<AssessmentsPage />} />,
              },
              {
                path: 'cycles/:id',
                handle: { crumb: 'crumbs.paymentCycle' } satisfies RouteHandle,
                element: <Guarded page={<CyclePage />} />,
              },
              {
                path: 'people/:personId',
                handle: { crumb: 'crumbs.personPayments' } satisfies RouteHandle,
                element: <Guarded page={<PersonPaymentsPage />} />,
              },
            ],
          },
          {
            path: 'volunteering',
            handle: { crumb: 'menu.volunteering' } satisfies RouteHandle,
            children: [
              { index: true, element: <Guarded page={<VolunteeringHomePage />} /> },
              {
                path: 'activities/:id',
                handle: { crumb: 'crumbs.activity' } satisfies RouteHandle,
                element: <Guarded page={<ActivityPage />} />,
              },
              {
                path: 'teams/:id',
                handle: { crumb: 'crumbs.volunteerTeam' } satisfies RouteHandle,
                element: <Guarded page={<TeamPage />} />,
              },
              {
                path: 'centres/:id/qr',
                handle: { crumb: 'crumbs.centreQr' } satisfies RouteHandle,
                element: <Guarded page={<CentreQrPage />} />,
              },
            ],
          },
          {
            path: 'my-volunteering',
            handle: { crumb: 'menu.myVolunteering' } satisfies RouteHandle,
            element: <Guarded page={<MyVolunteeringPage />} />,
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
