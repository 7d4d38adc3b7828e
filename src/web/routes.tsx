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
import type { QueryKey } from '@tanstack/react-query';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { Role } from '../shared/fields';
import { audienceOf, roleMay, type Audience } from '../shared/permissions';
import type { Permission } from './features/auth/permissions';
import { dashboardFirstRead } from './features/dashboard/api';
import { myWorkFirstRead } from './features/my-work/api';

type PageModule = { default: ComponentType };
/** A lazily loaded page that can also be fetched ahead of its first render (`load`: the same module, once). */
export type LazyPage = LazyExoticComponent<ComponentType> & { load: () => Promise<PageModule> };
const lazyPage = (load: () => Promise<PageModule>): LazyPage => Object.assign(lazy(load), { load });

export interface AppRoute {
  /** react-router path, e.g. `/inspections/:id` */
  path: string;
  /** a lazily loaded page: the file must `export default` its component */
  page: LazyPage;
  /**
   * The page's first read (its query key and the request), started beside the session probe when the page's address
   * is opened (`boot.ts`): the page finds it in the query cache instead of asking only after it has rendered.
   */
  firstRead?: { queryKey: QueryKey; read: () => Promise<unknown> };
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
    page: lazyPage(() => import('./features/my-work/my-work-page')),
    firstRead: myWorkFirstRead,
    menu: { title: 'myWork.title', icon: <CheckSquareOutlined /> },
    audience: ['staff', 'enterprise'],
  },
  {
    path: '/dashboard',
    page: lazyPage(() => import('./features/dashboard/dashboard-page')),
    firstRead: dashboardFirstRead,
    menu: { title: 'dashboard.title', icon: <DashboardOutlined /> },
  },
  {
    path: '/inspection-plans',
    page: lazyPage(() => import('./features/inspection-plans/inspection-plans-page')),
    menu: { title: 'inspectionPlans.title', icon: <ScheduleOutlined /> },
  },
  { path: '/inspection-plans/:id', page: lazyPage(() => import('./features/inspection-plans/inspection-plan-page')) },
  {
    path: '/inspections',
    page: lazyPage(() => import('./features/inspections/inspections-page')),
    menu: { title: 'inspections.title', icon: <FileSearchOutlined /> },
  },
  { path: '/inspections/:id', page: lazyPage(() => import('./features/inspections/inspection-page')) },
  {
    path: '/follow-ups',
    page: lazyPage(() => import('./features/follow-ups/follow-ups-page')),
    menu: { title: 'followUps.title', icon: <FlagOutlined /> },
  },
  {
    path: '/monitoring',
    page: lazyPage(() => import('./features/monitoring-dashboard/monitoring-dashboard-page')),
    menu: { title: 'monitoring.dashboardTitle', icon: <FundOutlined />, group: 'monitoring.group' },
  },
  {
    path: '/indicators',
    page: lazyPage(() => import('./features/indicators/indicators-page')),
    menu: { title: 'monitoring.indicatorsTitle', icon: <AimOutlined />, group: 'monitoring.group' },
  },
  {
    path: '/program-tasks',
    page: lazyPage(() => import('./features/program-tasks/program-tasks-page')),
    menu: { title: 'monitoring.tasksTitle', icon: <CarryOutOutlined />, group: 'monitoring.group' },
  },
  {
    path: '/reporting-rounds',
    page: lazyPage(() => import('./features/reporting-rounds/reporting-rounds-page')),
    menu: { title: 'monitoring.roundsTitle', icon: <FormOutlined />, group: 'monitoring.group' },
  },
  { path: '/reporting-rounds/:id', page: lazyPage(() => import('./features/reporting-rounds/reporting-round-page')) },
  {
    path: '/reporting-rounds/:id/reports/:orgUnitId',
    page: lazyPage(() => import('./features/reporting-rounds/report-page')),
  },
  { path: '/org-units/:id/overview', page: lazyPage(() => import('./features/unit-overview/unit-overview-page')) },
  {
    path: '/programs',
    page: lazyPage(() => import('./features/programs/programs-page')),
    menu: { title: 'programs.title', icon: <ProjectOutlined /> },
  },
  { path: '/programs/:id', page: lazyPage(() => import('./features/programs/program-page')) },
  {
    path: '/org-units',
    page: lazyPage(() => import('./features/org-units/org-units-page')),
    menu: { title: 'orgUnits.title', icon: <ApartmentOutlined /> },
  },
  {
    path: '/people',
    page: lazyPage(() => import('./features/people/people-page')),
    menu: { title: 'people.title', icon: <TeamOutlined /> },
  },
  {
    path: '/users',
    page: lazyPage(() => import('./features/users/users-page')),
    menu: { title: 'users.title', icon: <UserOutlined /> },
    permission: 'user.manage',
  },
  {
    path: ENTERPRISE_HOME,
    page: lazyPage(() => import('./features/enterprises/my-enterprise-page')),
    menu: { title: 'enterprises.myTitle', icon: <ShopOutlined /> },
    audience: ['enterprise'],
  },
  {
    path: '/dx-assessments/:id',
    page: lazyPage(() => import('./features/dx-assessments/questionnaire-page')),
    audience: ['enterprise', 'staff'],
    permission: 'dxAssessment.read',
  },
  {
    path: '/dx-assessments/:id/report',
    page: lazyPage(() => import('./features/dx-assessments/report-page')),
    audience: ['enterprise', 'staff'],
    permission: 'dxAssessment.read',
  },
  {
    path: '/dx-assessments',
    page: lazyPage(() => import('./features/dx-assessments/assessments-page')),
    menu: { title: 'dxAssessments.title', icon: <FormOutlined />, group: 'dxAssessments.group' },
    permission: 'dxAssessment.read',
  },
  {
    path: '/enterprises',
    page: lazyPage(() => import('./features/enterprises/enterprises-page')),
    menu: { title: 'enterprises.title', icon: <BankOutlined />, group: 'dxAssessments.group' },
    permission: 'enterprise.list',
  },
  {
    path: '/dx-frameworks',
    page: lazyPage(() => import('./features/dx-frameworks/frameworks-page')),
    menu: { title: 'dxFrameworks.title', icon: <NodeIndexOutlined />, group: 'dxAssessments.group' },
    permission: 'dxFramework.readDrafts',
  },
  {
    path: '/dx-analytics',
    page: lazyPage(() => import('./features/dx-analytics/analytics-page')),
    menu: { title: 'dxAnalytics.title', icon: <AreaChartOutlined />, group: 'dxAssessments.group' },
    permission: 'dxAnalytics.read',
  },
  {
    path: '/support-programs',
    page: lazyPage(() => import('./features/support-programs/programs-page')),
    menu: { title: 'supportPrograms.title', icon: <GiftOutlined />, group: 'dxAssessments.group' },
    permission: 'supportProgram.read',
  },
  {
    path: '/support-programs/:id',
    page: lazyPage(() => import('./features/support-programs/program-page')),
    permission: 'supportProgram.read',
  },
  {
    path: '/my-support',
    page: lazyPage(() => import('./features/support-programs/my-support-page')),
    menu: { title: 'supportPrograms.myTitle', icon: <GiftOutlined /> },
    audience: ['enterprise'],
    permission: 'supportEnrolment.read',
  },
  {
    path: '/dx-imports',
    page: lazyPage(() => import('./features/dx-analytics/imports-page')),
    menu: { title: 'dxAnalytics.importsTitle', icon: <CloudUploadOutlined />, group: 'dxAssessments.group' },
    permission: 'dxImport.run',
  },
  {
    path: '/audit-events',
    page: lazyPage(() => import('./features/audit-events/audit-events-page')),
    menu: { title: 'auditEvents.title', icon: <AuditOutlined /> },
    permission: 'audit.read',
  },
  {
    path: '/notification-sends',
    page: lazyPage(() => import('./features/notifications/notification-sends-page')),
    menu: { title: 'notifications.sends.title', icon: <MailOutlined /> },
    permission: 'notificationSend.read',
  },
  // opened from the header's bell (no menu entry)
  {
    path: '/notifications',
    page: lazyPage(() => import('./features/notifications/notifications-page')),
    permission: 'notification.self',
    audience: ['staff', 'enterprise'],
  },
];

export const LoginPage = lazy(() => import('./features/auth/login-page'));
