/**
 * A small path router: the URL is the state. `navigate` pushes a history entry, the back button
 * (popstate) and clicks on same-origin `<a href>` links update `router.path`, and the app renders
 * the first route whose pattern matches. Pages are plain links; nothing else needs to know routing.
 */
import type { Component } from 'svelte';
import type { Role } from '@hailong/domain';
import type { MessageKey } from './i18n.svelte.ts';

/** guest: only when signed out (login); signed-in: staff only. */
export type Access = 'guest' | 'signed-in';

export interface PageProps {
  /** Values of the `:name` segments of the route's pattern. */
  params: Record<string, string>;
}

/** A page component: it may read the route's parameters, or take no props at all. */
export type Page = Component<PageProps> | Component<Record<string, never>>;

/** A page's own chunk, loaded when the page is first opened (`() => import('./pages/X.svelte')`). */
export type PageLoad = () => Promise<{ default: Page }>;

export interface Route {
  /** A pattern such as `/users` or `/feedback/:id`. */
  path: string;
  load: PageLoad;
  /** The page's name, used for the document title and, with `nav`, the navigation link. */
  title: MessageKey;
  access: Access;
  /** When set, only these roles may open the page (and see its navigation link). */
  roles?: readonly Role[];
  /** Listed in the main navigation, in the order of the route table. */
  nav?: boolean;
}

export interface Match {
  route: Route;
  params: Record<string, string>;
}

/** Paths the server answers itself; links to them are ordinary page loads. */
const SERVER_PATHS = /^\/(api|kiosk|public|healthz|readyz|metrics)(\/|$)/;

class Router {
  path = $state(location.pathname);
  search = $state(location.search);
  /** Increases on every navigation, so pages can reload data when the same path is opened again. */
  visit = $state(0);

  get query(): URLSearchParams {
    return new URLSearchParams(this.search);
  }

  /** Goes to a path within the console (`/users?x=1`); `replace` keeps the history length. */
  navigate(to: string, { replace = false } = {}) {
    const url = new URL(to, location.origin);
    if (url.origin !== location.origin || SERVER_PATHS.test(url.pathname)) {
      location.assign(url);
      return;
    }
    const target = url.pathname + url.search + url.hash;
    // Opening the page one is on reloads its data but adds no history entry.
    const same = target === location.pathname + location.search + location.hash;
    if (replace || same) history.replaceState(null, '', target);
    else history.pushState(null, '', target);
    this.sync();
    if (!replace) window.scrollTo(0, 0);
  }

  private sync() {
    this.path = location.pathname;
    this.search = location.search;
    this.visit += 1;
  }

  /** Listens to the back button and to link clicks; returns the function that stops listening. */
  start(): () => void {
    const onPopState = () => this.sync();
    const onClick = (event: MouseEvent) => {
      const to = internalLink(event);
      if (to === undefined) return;
      event.preventDefault();
      this.navigate(to);
    };
    window.addEventListener('popstate', onPopState);
    document.addEventListener('click', onClick);
    return () => {
      window.removeEventListener('popstate', onPopState);
      document.removeEventListener('click', onClick);
    };
  }
}

export const router = new Router();

/** The console path a click should be routed to, or undefined to let the browser handle it. */
function internalLink(event: MouseEvent): string | undefined {
  if (event.defaultPrevented || event.button !== 0) return undefined;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return undefined;
  const anchor = event.target instanceof Element ? event.target.closest('a') : null;
  if (!anchor || !anchor.href || anchor.hasAttribute('download')) return undefined;
  if ((anchor.target && anchor.target !== '_self') || anchor.dataset.router === 'off') {
    return undefined;
  }
  const url = new URL(anchor.href);
  if (url.origin !== location.origin || SERVER_PATHS.test(url.pathname)) return undefined;
  return url.pathname + url.search + url.hash;
}

/** The first route whose pattern matches `path`, with its parameters. */
export function matchRoute(routes: readonly Route[], path: string): Match | undefined {
  const actual = segments(path);
  for (const route of routes) {
    const pattern = segments(route.path);
    if (pattern.length !== actual.length) continue;
    const params: Record<string, string> = {};
    const ok = pattern.every((part, i) => {
      const value = actual[i] ?? '';
      if (part.startsWith(':')) {
        const decoded = decode(value);
        if (decoded === undefined) return false;
        params[part.slice(1)] = decoded;
        return true;
      }
      return part === value;
    });
    if (ok) return { route, params };
  }
  return undefined;
}

function decode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined; // a malformed escape such as `%E0%A4%A` matches no route
  }
}

function segments(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

/** Whether a signed-in user with `role` may open the route. */
export function allows(route: Route, role: Role): boolean {
  return !route.roles || route.roles.includes(role);
}

/** A `next` parameter is followed only to a console path, never to another site (`//evil`). */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')
    ? next
    : '/';
}
