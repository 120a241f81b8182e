import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError, type ApiKey, type NewApiKey, type Shop } from '../api';
import { Banner, type Notice } from '../shell/Banner';
import { errorText, formatTime } from '../shell/format';
import { addLeaveGuard } from '../shell/router';

const problemText = (e: unknown) => (e instanceof ApiError ? [e.message, ...e.fieldMessages()].join(' ') : errorText(e));

/**
 * A shop's API keys, which integrations (an ERP, a platform bridge) use instead of a person's sign-in. The server keeps
 * only a hash: a new key is shown here once, until dismissed, and can never be read again.
 */
export function ApiKeysPage() {
  const [shops, setShops] = useState<Shop[]>([]);
  const [shopId, setShopId] = useState<number | null>(null);
  const [keys, setKeys] = useState<ApiKey[] | null>(null);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<NewApiKey | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  // Leaving while a new key is on screen asks first: it cannot be shown again.
  const shown = useRef(false);
  shown.current = created !== null;
  useEffect(() => addLeaveGuard(() => (shown.current ? 'The new API key is not shown again. Leave without copying it?' : null)), []);

  useEffect(() => {
    api.shops().then(p => {
      setShops(p.items);
      setShopId(id => id ?? p.items[0]?.id ?? null);
    }).catch(e => setNotice({ kind: 'error', text: problemText(e) }));
  }, []);

  const refresh = useCallback(async () => {
    if (shopId === null) return;
    try {
      setKeys(await api.apiKeys(shopId));
    } catch (e) {
      setNotice({ kind: 'error', text: problemText(e) });
    }
  }, [shopId]);
  useEffect(() => { setKeys(null); void refresh(); }, [refresh]);

  const create = async (e: React.FormEvent) => {
    e.preventDefault();
    if (shopId === null || !name.trim()) return;
    try {
      setCreated(await api.createApiKey(shopId, name.trim()));
      setName('');
      setNotice(null);
    } catch (err) {
      setNotice({ kind: 'error', text: problemText(err) });
    }
    await refresh();
  };

  const revoke = async (key: ApiKey) => {
    if (shopId === null || !window.confirm(`Revoke “${key.name}” (${key.prefix}…)? Integrations using it stop working at once.`)) return;
    try {
      await api.revokeApiKey(shopId, key.id);
      setNotice({ kind: 'ok', text: `Key ${key.name} revoked.` });
    } catch (err) {
      setNotice({ kind: 'error', text: problemText(err) });
    }
    await refresh();
  };

  const copy = async (key: string) => {
    try {
      await navigator.clipboard.writeText(key);
      setNotice({ kind: 'ok', text: 'Key copied to the clipboard.' });
    } catch {
      setNotice({ kind: 'error', text: 'The browser did not allow copying: select the key and copy it by hand.' });
    }
  };

  return (
    <div className="page api-keys">
      <div className="page-head">
        <h2>API keys</h2>
        <select aria-label="Shop" value={shopId ?? ''} onChange={e => { setCreated(null); setShopId(Number(e.target.value)); }}>
          {shops.map(s => <option key={s.id} value={s.id}>{s.name} ({s.code})</option>)}
        </select>
        <span className="spacer" />
        <form className="row" onSubmit={e => void create(e)} aria-label="New API key">
          <input aria-label="Key name" placeholder="What uses it (e.g. ERP sync)" value={name} onChange={e => setName(e.target.value)} />
          <button type="submit" className="primary" disabled={shopId === null || !name.trim()}>Create key</button>
        </form>
      </div>
      <Banner notice={notice} />
      {created && (
        <section className="new-key" aria-label="New API key" data-testid="new-key">
          <p><strong>Copy this key now: it is shown only once.</strong> The server keeps only a hash of it; if it is lost, revoke
            it and create another. Anyone holding it can call the API as this shop.</p>
          <div className="row">
            <code className="secret" data-testid="new-key-value">{created.key}</code>
            <button type="button" onClick={() => void copy(created.key)}>Copy</button>
            <button type="button" onClick={() => setCreated(null)}>Done, I have copied it</button>
          </div>
        </section>
      )}
      <table className="grid">
        <thead><tr><th>Name</th><th>Prefix</th><th>Created</th><th>State</th><th /></tr></thead>
        <tbody>
          {keys?.map(key => (
            <tr key={key.id} data-testid={`api-key-${key.name}`}>
              <td>{key.name}</td>
              <td><code>{key.prefix}…</code></td>
              <td>{formatTime(key.createdAt)}{key.createdBy && <span className="muted small"> · {key.createdBy}</span>}</td>
              <td>{key.revokedAt ? <span className="pill pill-warn">Revoked {formatTime(key.revokedAt)}{key.revokedBy ? ` by ${key.revokedBy}` : ''}</span> : <span className="pill">Active</span>}</td>
              <td>{!key.revokedAt && <button type="button" className="small danger" onClick={() => void revoke(key)}>Revoke</button>}</td>
            </tr>
          ))}
          {keys?.length === 0 && <tr><td colSpan={5} className="empty">No keys for this shop.</td></tr>}
        </tbody>
      </table>
    </div>
  );
}
