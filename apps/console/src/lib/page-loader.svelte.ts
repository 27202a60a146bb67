/**
 * Each page of the console is its own chunk (routes.ts), fetched the first time it is opened and
 * kept: opening it again renders at once. A chunk that cannot be fetched (offline, or removed by a
 * deploy since this tab loaded) is remembered as failed, so the page says so instead of staying
 * blank; only a reload brings the new build's chunks.
 */
import type { Component } from 'svelte';
import { SvelteMap, SvelteSet } from 'svelte/reactivity';
import type { PageProps, Route } from './router.svelte.ts';

class PageLoader {
  readonly #pages = new SvelteMap<Route, Component<PageProps>>();
  readonly #failed = new SvelteSet<Route>();
  readonly #loading = new Map<Route, Promise<void>>();

  /** The route's page once loaded; undefined while its chunk is on the way. */
  page(route: Route): Component<PageProps> | undefined {
    return this.#pages.get(route);
  }

  failed(route: Route): boolean {
    return this.#failed.has(route);
  }

  /** Fetches the route's chunk once; a failure is kept until the next attempt. */
  load(route: Route): Promise<void> {
    if (this.#pages.has(route)) return Promise.resolve();
    let loading = this.#loading.get(route);
    if (!loading) {
      this.#failed.delete(route);
      loading = route
        .load()
        // Pages that take no props ignore `params`.
        .then((module) => void this.#pages.set(route, module.default as Component<PageProps>))
        .catch(() => void this.#failed.add(route))
        .finally(() => this.#loading.delete(route));
      this.#loading.set(route, loading);
    }
    return loading;
  }
}

export const pages = new PageLoader();
