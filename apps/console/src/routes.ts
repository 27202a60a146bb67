/**
 * The console's pages. A new page is one line here plus its component in `pages/`: the router
 * matches the first pattern, App picks the frame by `access`, and `nav` pages appear in the main
 * navigation for the roles allowed to open them.
 */
import type { Route } from './lib/router.svelte.ts';
import DevicesPage from './pages/DevicesPage.svelte';
import LoginPage from './pages/LoginPage.svelte';
import OverviewPage from './pages/OverviewPage.svelte';
import UsersPage from './pages/UsersPage.svelte';
import FeedbackInboxPage from './pages/FeedbackInboxPage.svelte';
import FeedbackItemPage from './pages/FeedbackItemPage.svelte';
import HolidaysPage from './pages/HolidaysPage.svelte';
import DashboardPage from './pages/DashboardPage.svelte';
import TargetsPage from './pages/TargetsPage.svelte';
import SetupPage from './pages/SetupPage.svelte';
import AlertsPage from './pages/AlertsPage.svelte';
import FeedbackEntryPage from './pages/FeedbackEntryPage.svelte';
import PostersPage from './pages/PostersPage.svelte';
import AssessmentPage from './pages/AssessmentPage.svelte';
import CountersPage from './pages/CountersPage.svelte';
import CataloguePage from './pages/CataloguePage.svelte';
import AccountPage from './pages/AccountPage.svelte';

export const routes: readonly Route[] = [
  { path: '/', page: OverviewPage, title: 'nav.overview', access: 'signed-in', nav: true },
  { path: '/reports', page: DashboardPage, title: 'nav.reports', access: 'signed-in', nav: true },
  {
    path: '/assessment',
    page: AssessmentPage,
    title: 'nav.assessment',
    access: 'signed-in',
    nav: true,
  },
  { path: '/targets', page: TargetsPage, title: 'nav.targets', access: 'signed-in', nav: true },
  {
    path: '/users',
    page: UsersPage,
    title: 'nav.users',
    access: 'signed-in',
    roles: ['admin'],
    nav: true,
  },
  {
    path: '/catalogue',
    page: CataloguePage,
    title: 'nav.catalogue',
    access: 'signed-in',
    roles: ['admin', 'supervisor'],
    nav: true,
  },
  { path: '/devices', page: DevicesPage, title: 'nav.devices', access: 'signed-in', nav: true },
  { path: '/counters', page: CountersPage, title: 'nav.counters', access: 'signed-in', nav: true },
  {
    path: '/feedback',
    page: FeedbackInboxPage,
    title: 'nav.feedback',
    access: 'signed-in',
    nav: true,
  },
  {
    path: '/feedback/new',
    page: FeedbackEntryPage,
    title: 'entry.title',
    access: 'signed-in',
    roles: ['admin', 'supervisor', 'staff'],
  },
  { path: '/feedback/:id', page: FeedbackItemPage, title: 'feedback.title', access: 'signed-in' },
  {
    path: '/posters',
    page: PostersPage,
    title: 'nav.posters',
    access: 'signed-in',
    roles: ['admin', 'supervisor', 'staff'],
    nav: true,
  },
  { path: '/holidays', page: HolidaysPage, title: 'nav.holidays', access: 'signed-in', nav: true },
  { path: '/setup', page: SetupPage, title: 'nav.setup', access: 'signed-in', roles: ['admin'] },
  { path: '/alerts', page: AlertsPage, title: 'alerts.title', access: 'signed-in' },
  { path: '/account', page: AccountPage, title: 'nav.account', access: 'signed-in' },
  { path: '/login', page: LoginPage, title: 'login.title', access: 'guest' },
];
