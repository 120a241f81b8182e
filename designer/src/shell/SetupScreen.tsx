import { useState } from 'react';
import { ApiError } from '../api';
import { errorText } from './format';
import { setUpFirstAdmin } from './session';

/** First run: no user exists yet, so the first one is created here as Admin, and signed in by the server. */
export function SetupScreen() {
  const [userName, setUserName] = useState('admin');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const mismatch = again !== '' && again !== password;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (mismatch) return;
    setBusy(true);
    setError(null);
    try {
      await setUpFirstAdmin(userName.trim(), password);
    } catch (err) {
      setError(err instanceof ApiError ? [err.message, ...err.fieldMessages()].join(' ') : errorText(err));
      setBusy(false);
    }
  };

  return (
    <div className="signin">
      <form className="signin-card" onSubmit={e => void submit(e)} aria-label="Create the first administrator">
        <h1>Orchestrator</h1>
        <p className="muted">No one can sign in yet. Create the first administrator; they add everyone else under <em>Users</em>.</p>
        <label className="field">
          <span>User name</span>
          <input aria-label="User name" autoComplete="username" value={userName} onChange={e => setUserName(e.target.value)} required />
        </label>
        <label className="field">
          <span>Password</span>
          <input aria-label="Password" type="password" autoComplete="new-password" value={password} onChange={e => setPassword(e.target.value)} autoFocus required />
        </label>
        <label className="field">
          <span>Password again</span>
          <input aria-label="Password again" type="password" autoComplete="new-password" value={again} onChange={e => setAgain(e.target.value)} required />
        </label>
        {mismatch && <div className="field-error small">The two passwords differ.</div>}
        {error && <div className="error-box" role="alert">{error}</div>}
        <button type="submit" className="primary" disabled={busy || !userName.trim() || !password || mismatch}>Create administrator</button>
      </form>
    </div>
  );
}
