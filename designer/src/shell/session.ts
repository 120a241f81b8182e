import { useSyncExternalStore } from 'react';
import { ApiError, authApi, onUnauthorized, type Me } from '../api';
import { pendingLeaveQuestion } from './router';

// Who is signed in, as the server says (GET /api/auth/me); the cookie itself is HttpOnly and never read here.

export type SessionState =
  | { status: 'loading' }
  | { status: 'setup' }
  | { status: 'signedOut'; lastUser?: string }
  | { status: 'signedIn'; me: Me }
  /**
   * A call came back 401 mid-session. With unsaved work on the page (keepPage) it stays under a sign-in dialog;
   * otherwise the sign-in screen takes its place, at the same address.
   */
  | { status: 'expired'; me: Me; keepPage: boolean };

let state: SessionState = { status: 'loading' };
const listeners = new Set<() => void>();
let retries: (() => void)[] = [];

function set(next: SessionState): void {
  state = next;
  listeners.forEach(l => l());
}

onUnauthorized(() => {
  if (state.status === 'signedIn') set({ status: 'expired', me: state.me, keepPage: pendingLeaveQuestion() !== null });
});

/** At load: the session the cookie carries, else the first-run setup when no user exists yet, else sign-in. */
export async function loadSession(): Promise<void> {
  try {
    set({ status: 'signedIn', me: await authApi.me() });
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 401) throw e;
    const setup = await authApi.setupNeeded().catch(() => ({ needed: false }));
    set(setup.needed ? { status: 'setup' } : { status: 'signedOut' });
  }
}

/** Signs in (throws the ApiError on 401); then runs what was waiting for a session again, e.g. a draft's save. */
export async function signIn(userName: string, password: string): Promise<Me> {
  const me = await authApi.signIn(userName, password);
  set({ status: 'signedIn', me });
  const waiting = retries;
  retries = [];
  waiting.forEach(run => run());
  return me;
}

export async function signOut(): Promise<void> {
  const lastUser = state.status === 'signedIn' || state.status === 'expired' ? state.me.userName : undefined;
  await authApi.signOut().catch(() => undefined); // an ended session is signed out already
  retries = [];
  set({ status: 'signedOut', lastUser });
}

/** Creates the first administrator, who the server signs in at once; on 409 (someone was first) sign-in comes next. */
export async function setUpFirstAdmin(userName: string, password: string): Promise<void> {
  try {
    set({ status: 'signedIn', me: await authApi.setup(userName, password) });
  } catch (e) {
    if (e instanceof ApiError && e.status === 409) set({ status: 'signedOut', lastUser: undefined });
    else throw e;
  }
}

/** Runs once the person has signed in again after a 401 (an action that failed for want of a session); returns a cancel. */
export function retryAfterSignIn(run: () => void): () => void {
  retries.push(run);
  return () => { retries = retries.filter(r => r !== run); };
}

export function useSession(): SessionState {
  return useSyncExternalStore(
    listener => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}

/** The signed-in person for screens below the shell (which renders them only with a session). */
export function useMe(): Me {
  const current = useSession();
  if (current.status !== 'signedIn' && current.status !== 'expired') throw new Error('useMe outside a session');
  return current.me;
}

/** For tests: forget the session between them. */
export function resetSession(next: SessionState = { status: 'loading' }): void {
  retries = [];
  set(next);
}
