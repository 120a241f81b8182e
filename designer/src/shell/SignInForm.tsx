import { useState } from 'react';
import { ApiError } from '../api';
import { useT, type Translate } from '../i18n';
import type { Notice } from './Banner';
import { problemHint, problemText } from './format';
import { signIn } from './session';

/** What a failed sign-in tells the person: wrong credentials said plainly, a locked account or anything else by its problem. */
export function signInError(e: unknown, t: Translate): string {
  if (e instanceof ApiError && e.status === 401 && e.problem.title !== 'Account locked') return t('signIn.wrong');
  return problemText(e, t);
}

/** User name and password; signs in and leaves the rest (the screen under it, a retried save) to the session. */
export function SignInForm({ initialUser = '', again = false }: { initialUser?: string; again?: boolean }) {
  const t = useT();
  const [userName, setUserName] = useState(initialUser);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(userName.trim(), password);
    } catch (err) {
      setError({ kind: 'error', text: signInError(err, t), hint: problemHint(err) });
      setPassword('');
      setBusy(false);
    }
  };
  return (
    <form onSubmit={e => void submit(e)} aria-label={t('signIn.form')}>
      <label className="field">
        <span>{t('signIn.userName')}</span>
        <input aria-label={t('signIn.userName')} autoComplete="username" value={userName} onChange={e => setUserName(e.target.value)} autoFocus={!initialUser} required />
      </label>
      <label className="field">
        <span>{t('signIn.password')}</span>
        <input aria-label={t('signIn.password')} type="password" autoComplete="current-password" value={password} onChange={e => setPassword(e.target.value)}
          autoFocus={!!initialUser} required />
      </label>
      {error && <div className="error-box" role="alert" title={error.hint}>{error.text}</div>}
      <button type="submit" className="primary" disabled={busy || !userName.trim() || !password}>{t(again ? 'signIn.again' : 'signIn.submit')}</button>
    </form>
  );
}

/** The whole page when nobody is signed in (the address stays, so signing in returns to it). */
export function SignInScreen({ notice, lastUser }: { notice?: string; lastUser?: string }) {
  const t = useT();
  return (
    <div className="signin">
      <div className="signin-card">
        <h1>Orchestrator</h1>
        <p className="muted">{notice ?? t('signIn.prompt')}</p>
        <SignInForm initialUser={lastUser} />
      </div>
    </div>
  );
}

/** Over the page when the session ended with unsaved work on it: signing in again keeps the work and retries. */
export function SignInDialog({ userName }: { userName: string }) {
  const t = useT();
  return (
    <div className="modal-backdrop">
      <div className="signin-card" role="dialog" aria-modal="true" aria-label={t('signIn.endedTitle')}>
        <h3>{t('signIn.endedTitle')}</h3>
        <p className="muted">{t('signIn.endedText')}</p>
        <SignInForm initialUser={userName} again />
      </div>
    </div>
  );
}
