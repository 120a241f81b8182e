import { useState } from 'react';
import { authApi } from '../api';
import { useT } from '../i18n';
import { passwordLength } from '../admin/UserForm';
import type { Notice } from './Banner';
import { failure } from './format';

/** The signed-in person changes their own password: the current one, the new one twice. Other sessions end; this one stays. */
export function PasswordDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<Notice | null>(null);
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
      setError(failure(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="modal-backdrop">
      <div className="signin-card" role="dialog" aria-modal="true" aria-label={t('password.title')}>
        <h3>{t('password.title')}</h3>
        {done ? (
          <>
            <p role="status">{t('password.done')}</p>
            <button type="button" className="primary" onClick={onClose}>{t('common.close')}</button>
          </>
        ) : (
          <form onSubmit={e => void submit(e)}>
            <label className="field">
              <span>{t('password.current')}</span>
              <input aria-label={t('password.current')} type="password" autoComplete="current-password" value={current}
                onChange={e => setCurrent(e.target.value)} autoFocus required />
            </label>
            <label className="field">
              <span>{t('password.newHint', { min: passwordLength.min })}</span>
              <input aria-label={t('password.new')} type="password" autoComplete="new-password" value={next} onChange={e => setNext(e.target.value)} required />
            </label>
            <label className="field">
              <span>{t('password.again')}</span>
              <input aria-label={t('password.again')} type="password" autoComplete="new-password" value={again} onChange={e => setAgain(e.target.value)} required />
            </label>
            {mismatch && <div className="error-box" role="alert">{t('password.mismatch')}</div>}
            {error && <div className="error-box" role="alert" title={error.hint}>{error.text}</div>}
            <button type="submit" className="primary" disabled={busy || !current || next.length < passwordLength.min || next !== again}>{t('password.title')}</button>
            <button type="button" className="link" onClick={onClose}>{t('common.cancel')}</button>
          </form>
        )}
      </div>
    </div>
  );
}
