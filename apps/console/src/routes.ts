/**
 * The console's pages. A new page is one line here plus its component in `pages/`: the router
 * matches the first pattern, App picks the frame by `access`, and `nav` pages appear in the main
 * navigation for the roles allowed to open them.
 */
import type { Route } from './lib/router.svelte.ts';
import LoginPage from './pages/LoginPage.svelte';
import OverviewPage from './pages/OverviewPage.svelte';
import UsersPage from './pages/UsersPage.svelte';

export const routes: readonly Route[] = [
  { path: '/', page: OverviewPage, title: 'nav.overview', access: 'signed-in', nav: true },
  {
    path: '/users',
    page: UsersPage,
    title: 'nav.users',
    access: 'signed-in',
    roles: ['admin'],
    nav: true,
  },
  { path: '/login', page: LoginPage, title: 'login.title', access: 'guest' },
];
