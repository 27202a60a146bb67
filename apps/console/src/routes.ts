/**
 * The console's pages. A new page is one entry here plus its component in `pages/`: its `path`,
 * `load` (a dynamic `import('./pages/XPage.svelte')`), `title` (a message key) and `access`.
 * The router matches the first pattern, App picks the frame by `access` and loads the page's own
 * chunk when it is first opened (never import a page statically: it would join the first load),
 * and `nav` pages appear in the main navigation for the roles allowed to open them.
 */
import type { Route } from './lib/router.svelte.ts';

export const routes: readonly Route[] = [
  {
    path: '/',
    load: () => import('./pages/OverviewPage.svelte'),
    title: 'nav.overview',
    access: 'signed-in',
    nav: true,
  },
  {
    path: '/reports',
    load: () => import('./pages/DashboardPage.svelte'),
    title: 'nav.reports',
    access: 'signed-in',
    nav: true,
  },
  {
    path: '/assessment',
    load: () => import('./pages/AssessmentPage.svelte'),
    title: 'nav.assessment',
    access: 'signed-in',
    nav: true,
  },
  {
    path: '/targets',
    load: () => import('./pages/TargetsPage.svelte'),
    title: 'nav.targets',
    access: 'signed-in',
    nav: true,
  },
  {
    path: '/users',
    load: () => import('./pages/UsersPage.svelte'),
    title: 'nav.users',
    access: 'signed-in',
    roles: ['admin'],
    nav: true,
  },
  {
    path: '/catalogue',
    load: () => import('./pages/CataloguePage.svelte'),
    title: 'nav.catalogue',
    access: 'signed-in',
    roles: ['admin', 'supervisor'],
    nav: true,
  },
  {
    path: '/devices',
    load: () => import('./pages/DevicesPage.svelte'),
    title: 'nav.devices',
    access: 'signed-in',
    nav: true,
  },
  {
    path: '/counters',
    load: () => import('./pages/CountersPage.svelte'),
    title: 'nav.counters',
    access: 'signed-in',
    nav: true,
  },
  {
    path: '/feedback',
    load: () => import('./pages/FeedbackInboxPage.svelte'),
    title: 'nav.feedback',
    access: 'signed-in',
    nav: true,
  },
  {
    path: '/feedback/new',
    load: () => import('./pages/FeedbackEntryPage.svelte'),
    title: 'entry.title',
    access: 'signed-in',
    roles: ['admin', 'supervisor', 'staff'],
  },
  {
    path: '/feedback/:id',
    load: () => import('./pages/FeedbackItemPage.svelte'),
    title: 'feedback.title',
    access: 'signed-in',
  },
  {
    path: '/posters',
    load: () => import('./pages/PostersPage.svelte'),
    title: 'nav.posters',
    access: 'signed-in',
    roles: ['admin', 'supervisor', 'staff'],
    nav: true,
  },
  {
    path: '/integrity',
    load: () => import('./pages/IntegrityPage.svelte'),
    title: 'nav.integrity',
    access: 'signed-in',
    roles: ['admin', 'supervisor'],
    nav: true,
  },
  {
    path: '/holidays',
    load: () => import('./pages/HolidaysPage.svelte'),
    title: 'nav.holidays',
    access: 'signed-in',
    nav: true,
  },
  {
    path: '/setup',
    load: () => import('./pages/SetupPage.svelte'),
    title: 'nav.setup',
    access: 'signed-in',
    roles: ['admin'],
  },
  {
    path: '/alerts',
    load: () => import('./pages/AlertsPage.svelte'),
    title: 'alerts.title',
    access: 'signed-in',
  },
  {
    path: '/account',
    load: () => import('./pages/AccountPage.svelte'),
    title: 'nav.account',
    access: 'signed-in',
  },
  {
    path: '/login',
    load: () => import('./pages/LoginPage.svelte'),
    title: 'login.title',
    access: 'guest',
  },
];
