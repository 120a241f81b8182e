import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type ApiKey, type NewApiKey, type Shop } from '../api';
import { useT } from '../i18n';
import { Banner, type Notice } from '../shell/Banner';
import { failure, formatTime } from '../shell/format';
import { addLeaveGuard } from '../shell/router';

/**
 * A shop's API keys, which integrations (an ERP, a platform bridge) use instead of a person's sign-in. The server keeps
 * only a hash: a new key is shown here once, until dismissed, and can never be read again.
 */
export function ApiKeysPage() {
  const t = useT();
  const failed = (e: unknown): Notice => failure(e, t, problem => t('keys.failed', { problem }));
  const [shops, setShops] = useState<Shop[]>([]);
  const [shopId, setShopId] = useState<number | null>(null);
  const [keys, setKeys] = useState<ApiKey[] | null>(null);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<NewApiKey | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  // Leaving while a new key is on screen asks first: it cannot be shown again.
  const shown = useRef<string | null>(null);
  shown.current = created !== null ? t('keys.leave') : null;
  useEffect(() => addLeaveGuard(() => shown.current), []);

  useEffect(() => {
    api.shops().then(p => {
      setShops(p.items);
      setShopId(id => id ?? p.items[0]?.id ?? null);
    }).catch(e => setNotice(failed(e)));
  }, []);

  const refresh = useCallback(async () => {
    if (shopId === null) return;
    try {
      setKeys(await api.apiKeys(shopId));
    } catch (e) {
      setNotice(failure(e, t, problem => t('keys.failed', { problem })));
    }
  }, [shopId, t]);
  useEffect(() => { setKeys(null); void refresh(); }, [refresh]);

  const create = async (e: React.FormEvent) => {
    e.preventDefault();
    if (shopId === null || !name.trim()) return;
    try {
      setCreated(await api.createApiKey(shopId, name.trim()));
      setName('');
      setNotice(null);
    } catch (err) {
      setNotice(failed(err));
    }
    await refresh();
  };

  const revoke = async (key: ApiKey) => {
    if (shopId === null || !window.confirm(t('keys.confirmRevoke', { name: key.name, prefix: key.prefix }))) return;
    try {
      await api.revokeApiKey(shopId, key.id);
      setNotice({ kind: 'ok', text: t('keys.revokedDone', { name: key.name }) });
    } catch (err) {
      setNotice(failed(err));
    }
    await refresh();
  };

  const copy = async (key: string) => {
    try {
      await navigator.clipboard.writeText(key);
      setNotice({ kind: 'ok', text: t('keys.copied') });
    } catch {
      setNotice({ kind: 'error', text: t('keys.copyRefused') });
    }
  };

  return (
    <div className="page api-keys">
      <div className="page-head">
        <h2>{t('keys.title')}</h2>
        <select aria-label={t('common.shop')} value={shopId ?? ''} onChange={e => { setCreated(null); setShopId(Number(e.target.value)); }}>
          {shops.map(s => <option key={s.id} value={s.id}>{s.name} ({s.code})</option>)}
        </select>
        <span className="spacer" />
        <form className="row" onSubmit={e => void create(e)} aria-label={t('keys.form')}>
          <input aria-label={t('keys.name')} placeholder={t('keys.namePlaceholder')} value={name} onChange={e => setName(e.target.value)} />
          <button type="submit" className="primary" disabled={shopId === null || !name.trim()}>{t('keys.create')}</button>
        </form>
      </div>
      <Banner notice={notice} />
      {created && (
        <section className="new-key" aria-label={t('keys.newKey')} data-testid="new-key">
          <p><strong>{t('keys.copyNow')}</strong> {t('keys.copyNowMore')}</p>
          <div className="row">
            <code className="secret" data-testid="new-key-value">{created.key}</code>
            <button type="button" onClick={() => void copy(created.key)}>{t('keys.copy')}</button>
            <button type="button" onClick={() => setCreated(null)}>{t('keys.copiedDone')}</button>
          </div>
        </section>
      )}
      <table className="grid">
        <thead><tr><th>{t('keys.col.name')}</th><th>{t('keys.col.prefix')}</th><th>{t('keys.col.created')}</th><th>{t('keys.col.state')}</th><th /></tr></thead>
        <tbody>
          {!keys && shopId !== null && <tr><td colSpan={5} className="empty" aria-busy="true">{t('common.loading')}</td></tr>}
          {keys?.map(key => (
            <tr key={key.id} data-testid={`api-key-${key.name}`}>
              <td>{key.name}</td>
              <td><code>{key.prefix}…</code></td>
              <td>{formatTime(key.createdAt, t)}{key.createdBy && <span className="muted small"> · {key.createdBy}</span>}</td>
              <td>{key.revokedAt ? <span className="pill pill-warn">{key.revokedBy ? t('keys.revokedBy', { time: formatTime(key.revokedAt, t), by: key.revokedBy }) : t('keys.revoked', { time: formatTime(key.revokedAt, t) })}</span>
                : <span className="pill">{t('keys.active')}</span>}</td>
              <td>{!key.revokedAt && <button type="button" className="small danger" onClick={() => void revoke(key)}>{t('keys.revoke')}</button>}</td>
            </tr>
          ))}
          {keys?.length === 0 && <tr><td colSpan={5} className="empty">{t('keys.none')}</td></tr>}
        </tbody>
      </table>
    </div>
  );
}
