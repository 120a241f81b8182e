import { useState } from 'react';
import { useT } from '../i18n';
import type { Notice } from './Banner';
import { failure } from './format';
import { setUpFirstAdmin } from './session';

/** First run: no user exists yet, so the first one is created here as Admin, and signed in by the server. */
export function SetupScreen() {
  const t = useT();
  const [userName, setUserName] = useState('admin');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<Notice | null>(null);
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
      setError(failure(err, t));
      setBusy(false);
    }
  };

  return (
    <div className="signin">
      <form className="signin-card" onSubmit={e => void submit(e)} aria-label={t('setup.form')}>
        <h1>Orchestrator</h1>
        <p className="muted">{t('setup.intro')}</p>
        <label className="field">
          <span>{t('signIn.userName')}</span>
          <input aria-label={t('signIn.userName')} autoComplete="username" value={userName} onChange={e => setUserName(e.target.value)} required />
        </label>
        <label className="field">
          <span>{t('signIn.password')}</span>
          <input aria-label={t('signIn.password')} type="password" autoComplete="new-password" value={password} onChange={e => setPassword(e.target.value)} autoFocus required />
        </label>
        <label className="field">
          <span>{t('setup.passwordAgain')}</span>
          <input aria-label={t('setup.passwordAgain')} type="password" autoComplete="new-password" value={again} onChange={e => setAgain(e.target.value)} required />
        </label>
        {mismatch && <div className="field-error small">{t('setup.mismatch')}</div>}
        {error && <div className="error-box" role="alert" title={error.hint}>{error.text}</div>}
        <button type="submit" className="primary" disabled={busy || !userName.trim() || !password || mismatch}>{t('setup.submit')}</button>
      </form>
    </div>
  );
}
