import {
  ApartmentOutlined,
  AreaChartOutlined,
  CloudUploadOutlined,
  BankOutlined,
  FormOutlined,
  GiftOutlined,
  NodeIndexOutlined,
  ShopOutlined,
  AuditOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  FlagOutlined,
  FundOutlined,
  MailOutlined,
  AimOutlined,
  CarryOutOutlined,
  CheckSquareOutlined,
  ProjectOutlined,
  ScheduleOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ParseKeys } from 'i18next';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { Role } from '../shared/fields';
import { audienceOf, roleMay, type Audience } from '../shared/permissions';
import type { Permission } from './features/auth/permissions';

export interface AppRoute {
  /** react-router path, e.g. `/inspections/:id` */
  path: string;
  /** a lazily loaded page: the file must `export default` its component */
  page: LazyExoticComponent<ComponentType>;
  /** set to list the page in the side menu; entries with the same `group` are listed together under its title */
  menu?: { title: ParseKeys; icon: ReactNode; group?: ParseKeys };
  /** hides the menu entry and shows "access denied" to roles without it (the server checks too) */
  permission?: Permission;
  /** whose pages these are, as the API's route audiences (default staff): enterprise accounts get only theirs */
  audience?: Exclude<Audience, 'public'>[];
}

/** Whether `role` may see the route: its audience, and the catalogue's action when the route names one. */
export const routeVisibleTo = (route: AppRoute, role: Role | undefined) =>
  !!role &&
  (route.audience ?? ['staff']).includes(audienceOf(role)) &&
  (!route.permission || roleMay(role, route.permission));
/** Where an enterprise account lands, and is sent back to from staff pages. */
export const ENTERPRISE_HOME = '/my-enterprise';

/** Pages inside the app layout. Adding a page = one line here. */
export const appRoutes: AppRoute[] = [
  // every role lands here after login: its own work across the three modules
  {
    path: '/',
    page: lazy(() => import('./features/my-work/my-work-page')),
    menu: { title: 'myWork.title', icon: <CheckSquareOutlined /> },
    audience: ['staff', 'enterprise'],
  },
  {
    path: '/dashboard',
    page: lazy(() => import('./features/dashboard/dashboard-page')),
    menu: { title: 'dashboard.title', icon: <DashboardOutlined /> },
  },
  {
    path: '/inspection-plans',
    page: lazy(() => import('./features/inspection-plans/inspection-plans-page')),
    menu: { title: 'inspectionPlans.title', icon: <ScheduleOutlined /> },
  },
  { path: '/inspection-plans/:id', page: lazy(() => import('./features/inspection-plans/inspection-plan-page')) },
  {
    path: '/inspections',
    page: lazy(() => import('./features/inspections/inspections-page')),
    menu: { title: 'inspections.title', icon: <FileSearchOutlined /> },
  },
  { path: '/inspections/:id', page: lazy(() => import('./features/inspections/inspection-page')) },
  {
    path: '/follow-ups',
    page: lazy(() => import('./features/follow-ups/follow-ups-page')),
    menu: { title: 'followUps.title', icon: <FlagOutlined /> },
  },
  {
    path: '/monitoring',
    page: lazy(() => import('./features/monitoring-dashboard/monitoring-dashboard-page')),
    menu: { title: 'monitoring.dashboardTitle', icon: <FundOutlined />, group: 'monitoring.group' },
  },
  {
    path: '/indicators',
    page: lazy(() => import('./features/indicators/indicators-page')),
    menu: { title: 'monitoring.indicatorsTitle', icon: <AimOutlined />, group: 'monitoring.group' },
  },
  {
    path: '/program-tasks',
    page: lazy(() => import('./features/program-tasks/program-tasks-page')),
    menu: { title: 'monitoring.tasksTitle', icon: <CarryOutOutlined />, group: 'monitoring.group' },
  },
  {
    path: '/reporting-rounds',
    page: lazy(() => import('./features/reporting-rounds/reporting-rounds-page')),
    menu: { title: 'monitoring.roundsTitle', icon: <FormOutlined />, group: 'monitoring.group' },
  },
  { path: '/reporting-rounds/:id', page: lazy(() => import('./features/reporting-rounds/reporting-round-page')) },
  {
    path: '/reporting-rounds/:id/reports/:orgUnitId',
    page: lazy(() => import('./features/reporting-rounds/report-page')),
  },
  { path: '/org-units/:id/overview', page: lazy(() => import('./features/unit-overview/unit-overview-page')) },
  {
    path: '/programs',
    page: lazy(() => import('./features/programs/programs-page')),
    menu: { title: 'programs.title', icon: <ProjectOutlined /> },
  },
  { path: '/programs/:id', page: lazy(() => import('./features/programs/program-page')) },
  {
    path: '/org-units',
    page: lazy(() => import('./features/org-units/org-units-page')),
    menu: { title: 'orgUnits.title', icon: <ApartmentOutlined /> },
  },
  {
    path: '/people',
    page: lazy(() => import('./features/people/people-page')),
    menu: { title: 'people.title', icon: <TeamOutlined /> },
  },
  {
    path: '/users',
    page: lazy(() => import('./features/users/users-page')),
    menu: { title: 'users.title', icon: <UserOutlined /> },
    permission: 'user.manage',
  },
  {
    path: ENTERPRISE_HOME,
    page: lazy(() => import('./features/enterprises/my-enterprise-page')),
    menu: { title: 'enterprises.myTitle', icon: <ShopOutlined /> },
    audience: ['enterprise'],
  },
  {
    path: '/dx-assessments/:id',
    page: lazy(() => import('./features/dx-assessments/questionnaire-page')),
    audience: ['enterprise', 'staff'],
    permission: 'dxAssessment.read',
  },
  {
    path: '/dx-assessments/:id/report',
    page: lazy(() => import('./features/dx-assessments/report-page')),
    audience: ['enterprise', 'staff'],
    permission: 'dxAssessment.read',
  },
  {
    path: '/dx-assessments',
    page: lazy(() => import('./features/dx-assessments/assessments-page')),
    menu: { title: 'dxAssessments.title', icon: <FormOutlined />, group: 'dxAssessments.group' },
    permission: 'dxAssessment.read',
  },
  {
    path: '/enterprises',
    page: lazy(() => import('./features/enterprises/enterprises-page')),
    menu: { title: 'enterprises.title', icon: <BankOutlined />, group: 'dxAssessments.group' },
    permission: 'enterprise.list',
  },
  {
    path: '/dx-frameworks',
    page: lazy(() => import('./features/dx-frameworks/frameworks-page')),
    menu: { title: 'dxFrameworks.title', icon: <NodeIndexOutlined />, group: 'dxAssessments.group' },
    permission: 'dxFramework.readDrafts',
  },
  {
    path: '/dx-analytics',
    page: lazy(() => import('./features/dx-analytics/analytics-page')),
    menu: { title: 'dxAnalytics.title', icon: <AreaChartOutlined />, group: 'dxAssessments.group' },
    permission: 'dxAnalytics.read',
  },
  {
    path: '/support-programs',
    page: lazy(() => import('./features/support-programs/programs-page')),
    menu: { title: 'supportPrograms.title', icon: <GiftOutlined />, group: 'dxAssessments.group' },
    permission: 'supportProgram.read',
  },
  {
    path: '/support-programs/:id',
    page: lazy(() => import('./features/support-programs/program-page')),
    permission: 'supportProgram.read',
  },
  {
    path: '/my-support',
    page: lazy(() => import('./features/support-programs/my-support-page')),
    menu: { title: 'supportPrograms.myTitle', icon: <GiftOutlined /> },
    audience: ['enterprise'],
    permission: 'supportEnrolment.read',
  },
  {
    path: '/dx-imports',
    page: lazy(() => import('./features/dx-analytics/imports-page')),
    menu: { title: 'dxAnalytics.importsTitle', icon: <CloudUploadOutlined />, group: 'dxAssessments.group' },
    permission: 'dxImport.run',
  },
  {
    path: '/audit-events',
    page: lazy(() => import('./features/audit-events/audit-events-page')),
    menu: { title: 'auditEvents.title', icon: <AuditOutlined /> },
    permission: 'audit.read',
  },
  {
    path: '/notification-sends',
    page: lazy(() => import('./features/notifications/notification-sends-page')),
    menu: { title: 'notifications.sends.title', icon: <MailOutlined /> },
    permission: 'notificationSend.read',
  },
  // opened from the header's bell (no menu entry)
  {
    path: '/notifications',
    page: lazy(() => import('./features/notifications/notifications-page')),
    permission: 'notification.self',
    audience: ['staff', 'enterprise'],
  },
];

export const LoginPage = lazy(() => import('./features/auth/login-page'));
