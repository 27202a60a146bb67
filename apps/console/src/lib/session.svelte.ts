import type { Me } from '@hailong/contracts';
import { loadApi } from './api-loader.ts';

/** Why the login page is showing: the server ended the session, or the user signed out. */
export type SignedOutReason = 'ended' | 'signed-out';

/** Who is signed in. The session itself is an HttpOnly cookie; this mirrors what /auth/session says. */
class Session {
  me = $state<Me | null>(null);
  /** False until the first /auth/session answer, so no page flashes the login form to a signed-in user. */
  ready = $state(false);
  /** Whether /auth/session was asked (once, on the way in). */
  asked = $state(false);
  /** Set when /auth/session could not be asked at all (network, server down). */
  loadError = $state<unknown>(null);
  reason = $state<SignedOutReason | null>(null);

  get isAdmin(): boolean {
    return this.me?.user.role === 'admin';
  }

  async load() {
    this.asked = true;
    this.ready = false;
    this.loadError = null;
    try {
      const { api, setUnauthenticatedHandler } = await loadApi();
      setUnauthenticatedHandler(() => this.end());
      this.me = await api.auth.me();
    } catch (err) {
      this.loadError = err;
    } finally {
      this.ready = true;
    }
  }

  async signIn(username: string, password: string) {
    this.me = await (await loadApi()).api.auth.login({ username, password });
    this.reason = null;
  }

  async signOut() {
    try {
      await (await loadApi()).api.auth.logout();
    } finally {
      // Even if the request failed, forget the user here; the cookie is HttpOnly and expires anyway.
      this.me = null;
      this.reason = 'signed-out';
    }
  }

  /** The server refused the session: forget the user; the app then shows the login page. */
  end() {
    if (this.me === null) return;
    this.me = null;
    this.reason = 'ended';
  }
}

export const session = new Session();
