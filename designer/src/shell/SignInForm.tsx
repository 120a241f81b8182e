import { useState } from 'react';
import { ApiError } from '../api';
import { errorText } from './format';
import { signIn } from './session';

/** What a failed sign-in tells the person: wrong credentials said plainly, a locked account or anything else as the server put it. */
export function signInError(e: unknown): string {
  if (e instanceof ApiError && e.status === 401 && e.problem.title !== 'Account locked') return 'Wrong user name or password.';
  return errorText(e);
}

/** User name and password; signs in and leaves the rest (the screen under it, a retried save) to the session. */
export function SignInForm({ initialUser = '', submitLabel = 'Sign in' }: { initialUser?: string; submitLabel?: string }) {
  const [userName, setUserName] = useState(initialUser);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(userName.trim(), password);
    } catch (err) {
      setError(signInError(err));
      setPassword('');
      setBusy(false);
    }
  };
  return (
    <form onSubmit={e => void submit(e)} aria-label="Sign in">
      <label className="field">
        <span>User name</span>
        <input aria-label="User name" autoComplete="username" value={userName} onChange={e => setUserName(e.target.value)} autoFocus={!initialUser} required />
      </label>
      <label className="field">
        <span>Password</span>
        <input aria-label="Password" type="password" autoComplete="current-password" value={password} onChange={e => setPassword(e.target.value)}
          autoFocus={!!initialUser} required />
      </label>
      {error && <div className="error-box" role="alert">{error}</div>}
      <button type="submit" className="primary" disabled={busy || !userName.trim() || !password}>{submitLabel}</button>
    </form>
  );
}

/** The whole page when nobody is signed in (the address stays, so signing in returns to it). */
export function SignInScreen({ notice, lastUser }: { notice?: string; lastUser?: string }) {
  return (
    <div className="signin">
      <div className="signin-card">
        <h1>Orchestrator</h1>
        <p className="muted">{notice ?? 'Sign in to carry on.'}</p>
        <SignInForm initialUser={lastUser} />
      </div>
    </div>
  );
}

/** Over the page when the session ended with unsaved work on it: signing in again keeps the work and retries. */
export function SignInDialog({ userName }: { userName: string }) {
  return (
    <div className="modal-backdrop">
      <div className="signin-card" role="dialog" aria-modal="true" aria-label="Session ended">
        <h3>Your session has ended</h3>
        <p className="muted">Sign in again to carry on. Your unsaved changes are kept on this page.</p>
        <SignInForm initialUser={userName} submitLabel="Sign in again" />
      </div>
    </div>
  );
}
