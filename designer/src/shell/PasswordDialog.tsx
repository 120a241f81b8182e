import { useState } from 'react';
import { ApiError, authApi } from '../api';
import { errorText } from './format';

/** The signed-in person changes their own password: the current one, the new one twice. Other sessions end; this one stays. */
export function PasswordDialog({ onClose }: { onClose: () => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const mismatch = again.length > 0 && next !== again;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await authApi.changePassword(current, next);
      setDone(true);
    } catch (err) {
      setError(err instanceof ApiError && err.fieldMessages().length > 0 ? err.fieldMessages().join(' ') : errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="modal-backdrop">
      <div className="signin-card" role="dialog" aria-modal="true" aria-label="Change password">
        <h3>Change password</h3>
        {done ? (
          <>
            <p role="status">Password changed. Your other sessions will have to sign in again.</p>
            <button type="button" className="primary" onClick={onClose}>Close</button>
          </>
        ) : (
          <form onSubmit={e => void submit(e)}>
            <label className="field">
              <span>Current password</span>
              <input aria-label="Current password" type="password" autoComplete="current-password" value={current}
                onChange={e => setCurrent(e.target.value)} autoFocus required />
            </label>
            <label className="field">
              <span>New password (at least 8 characters)</span>
              <input aria-label="New password" type="password" autoComplete="new-password" value={next} onChange={e => setNext(e.target.value)} required />
            </label>
            <label className="field">
              <span>New password again</span>
              <input aria-label="New password again" type="password" autoComplete="new-password" value={again} onChange={e => setAgain(e.target.value)} required />
            </label>
            {mismatch && <div className="error-box" role="alert">The new passwords differ.</div>}
            {error && <div className="error-box" role="alert">{error}</div>}
            <button type="submit" className="primary" disabled={busy || !current || next.length < 8 || next !== again}>Change password</button>
            <button type="button" className="link" onClick={onClose}>Cancel</button>
          </form>
        )}
      </div>
    </div>
  );
}
