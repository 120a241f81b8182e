import { useSyncExternalStore } from 'react';

// Sign-in placeholder until the security issue: the user picks a role and a display name, kept in localStorage.
// Ops leads edit workflows and rules; reviewers work the inbox. Both can follow an order's journey.

export type Role = 'ops' | 'reviewer';

export interface Session {
  role: Role;
  name: string;
}

const key = 'orchestrator.session';
const listeners = new Set<() => void>();
let cached: { raw: string | null; session: Session | null } = { raw: null, session: null };

function read(): Session | null {
  const raw = window.localStorage.getItem(key);
  if (raw === cached.raw) return cached.session;
  let session: Session | null = null;
  try {
    const parsed = raw ? (JSON.parse(raw) as Partial<Session>) : null;
    if (parsed && (parsed.role === 'ops' || parsed.role === 'reviewer') && typeof parsed.name === 'string' && parsed.name.trim()) {
      session = { role: parsed.role, name: parsed.name.trim() };
    }
  } catch {
    session = null;
  }
  cached = { raw, session };
  return session;
}

export function signIn(session: Session): void {
  window.localStorage.setItem(key, JSON.stringify(session));
  listeners.forEach(l => l());
}

export function signOut(): void {
  window.localStorage.removeItem(key);
  listeners.forEach(l => l());
}

export function useSession(): Session | null {
  return useSyncExternalStore(
    listener => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    read,
  );
}

export function currentSession(): Session | null {
  return read();
}
