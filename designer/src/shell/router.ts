import { useSyncExternalStore } from 'react';

// A small history router: the server answers every non-API path with index.html, so paths are real URLs.

type Guard = () => string | null;
const guards = new Set<Guard>();
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname + window.location.search);
}

/**
 * A screen with unsaved work registers a guard that returns the question to ask before leaving (or null when
 * nothing would be lost); navigate() asks it, and the browser asks on reload or close through beforeunload.
 */
export function addLeaveGuard(guard: Guard): () => void {
  guards.add(guard);
  return () => guards.delete(guard);
}

export function pendingLeaveQuestion(): string | null {
  for (const guard of guards) {
    const question = guard();
    if (question) return question;
  }
  return null;
}

export function navigate(to: string, options: { force?: boolean } = {}): boolean {
  if (!options.force) {
    const question = pendingLeaveQuestion();
    if (question && !window.confirm(question)) return false;
  }
  if (to !== window.location.pathname + window.location.search) {
    window.history.pushState(null, '', to);
    listeners.forEach(l => l());
  }
  return true;
}

if (typeof window !== 'undefined') {
  window.addEventListener('beforeunload', event => {
    if (pendingLeaveQuestion()) {
      event.preventDefault();
      event.returnValue = '';
    }
  });
}
