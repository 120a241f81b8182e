import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, ApiError, type ExceptionEntry, type ExceptionState } from '../api';
import { useSelection } from '../shell/selection';
import { batchNotice } from '../shell/batch';
import { navigate } from '../shell/router';
import { Banner, type Notice } from '../shell/Banner';
import { useShops } from '../shell/useShops';
import { errorText, formatAge, formatTime } from '../shell/format';
import { allKinds, kindLabels, kindText } from './kinds';
import { canRemap, remapAllRequest, remapEntry, remapError, remapNotice } from './remap';
import { MapCodeAction } from './MapCodeAction';
import { raisedByText, setAsideByPerson } from './raisedBy';

/** What a failed resolve tells the reviewer; a 409 names who resolved the entry first. */
export function resolveError(e: unknown, entry: ExceptionEntry): string {
  if (e instanceof ApiError && e.status === 409) {
    const by = e.problem.handledBy;
    return typeof by === 'string' && by
      ? `Order ${entry.platformOrderId} was already resolved by ${by}.`
      : `Order ${entry.platformOrderId} could not be resolved: ${e.message}`;
  }
  if (e instanceof ApiError) return [e.message, ...e.fieldMessages()].join(' ');
  return errorText(e);
}

/** Asks before cancelling: the order is cancelled and its stock given back, which cannot be undone here. */
export function confirmCancel(entry: ExceptionEntry): boolean {
  return window.confirm(`Cancel order ${entry.platformOrderId}? Its stock is given back and it will not ship.`);
}

/** Asks before cancelling several orders at once, naming them. */
export function confirmCancelMany(entries: ExceptionEntry[]): boolean {
  return window.confirm(`取消 ${entries.length} 单（${entries.map(e => e.platformOrderId).join('、')}）？库存退回，这些订单不再发货。`);
}

/**
 * The exception queue (异常队列): orders set aside by a person or by their workflow, oldest first. Keyboard like the
 * inbox: ↑/↓ or j/k move, r resolves (asks for a note), c cancels the order (asks first), m re-maps an UnmappedSku
 * entry's order and continues it once its codes map, x ticks an open entry, Enter opens the journey. Ticked entries (or
 * all open ones on the page) are resolved or their orders cancelled in one call, each reported on its own.
 */
export function ExceptionsPage() {
  const [items, setItems] = useState<ExceptionEntry[] | null>(null);
  const { shops, shopName } = useShops();
  const [shopId, setShopId] = useState<number | undefined>();
  const [kind, setKind] = useState('');
  const [state, setState] = useState<ExceptionState>('open');
  const [cursor, setCursor] = useState(0);
  const [resolving, setResolving] = useState<number | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [remapping, setRemapping] = useState(false);
  const [batchResolving, setBatchResolving] = useState(false);
  const [busy, setBusy] = useState(false);
  const list = useRef<HTMLDivElement>(null);
  const openIds = useMemo(() => items?.filter(i => !i.resolvedAt).map(i => i.id) ?? [], [items]);
  const selection = useSelection(openIds);

  const refresh = useCallback(async () => {
    try {
      const page = await api.exceptions({ state, kind: kind || undefined, shopId });
      setItems(page.items);
      setCursor(c => Math.min(c, Math.max(page.items.length - 1, 0)));
    } catch (e) {
      setNotice({ kind: 'error', text: errorText(e) });
    }
  }, [state, kind, shopId]);

  useEffect(() => { void refresh(); }, [refresh]);
  useEffect(() => {
    const timer = window.setInterval(() => { if (resolving === null && !batchResolving && !busy) void refresh(); }, 15_000);
    return () => window.clearInterval(timer);
  }, [refresh, resolving, batchResolving, busy]);

  const current = items?.[cursor];

  const resolve = useCallback(async (entry: ExceptionEntry, note: string | undefined, cancelOrder: boolean) => {
    try {
      await api.resolveException(entry.id, cancelOrder ? { note, cancelOrder: true } : { note });
      setNotice({ kind: 'ok', text: cancelOrder ? `Order ${entry.platformOrderId} cancelled.` : `Order ${entry.platformOrderId} resolved: back to ${entry.stage}.` });
      list.current?.focus();
    } catch (e) {
      setNotice({ kind: 'error', text: resolveError(e, entry) });
    }
    setResolving(null);
    await refresh();
  }, [refresh]);

  // One entry's order (and any other waiting on its code), or every waiting order of the filtered shop.
  const remap = useCallback(async (entry: ExceptionEntry | null) => {
    setRemapping(true);
    const names = new Map(items?.map(i => [i.orderId, i.platformOrderId]));
    try {
      const result = entry ? await remapEntry(entry, api.remapExceptions) : await api.remapExceptions(remapAllRequest(shopId));
      setNotice(remapNotice(result, names));
    } catch (e) {
      setNotice({ kind: 'error', text: remapError(e) });
    }
    setRemapping(false);
    list.current?.focus();
    await refresh();
  }, [items, shopId, refresh]);

  // The ticked entries in one call; each entry's outcome comes back on its own.
  const resolveSelected = async (note: string | undefined, cancel: boolean) => {
    const chosen = items?.filter(i => selection.chosen.includes(i.id)) ?? [];
    if (cancel && !confirmCancelMany(chosen)) return;
    const names = new Map(items?.map(i => [i.id, i.platformOrderId]));
    setBusy(true);
    try {
      const response = await api.resolveExceptions(cancel ? { entryIds: selection.chosen, note, cancelOrder: true } : { entryIds: selection.chosen, note });
      setNotice(batchNotice(response, r => names.get(r.entryId) ?? `#${r.entryId}`, cancel ? '已取消' : '已解决'));
      selection.clear();
    } catch (e) {
      setNotice({ kind: 'error', text: e instanceof ApiError ? [e.message, ...e.fieldMessages()].join(' ') : errorText(e) });
    }
    setBusy(false);
    setBatchResolving(false);
    list.current?.focus();
    await refresh();
  };

  const cancelOrder = (entry: ExceptionEntry) => {
    if (confirmCancel(entry)) void resolve(entry, undefined, true);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (resolving !== null || batchResolving || busy || remapping || !items?.length || (e.target instanceof HTMLElement && e.target.closest('input, textarea, select'))) return;
    const key = e.key;
    const open = current && !current.resolvedAt;
    if (key === 'ArrowDown' || key === 'j') setCursor(c => Math.min(c + 1, items.length - 1));
    else if (key === 'ArrowUp' || key === 'k') setCursor(c => Math.max(c - 1, 0));
    else if (key === 'r' && open) setResolving(current.id);
    else if (key === 'c' && open) cancelOrder(current);
    else if (key === 'x' && open) selection.toggle(current.id);
    else if (key === 'm' && current && canRemap(current)) void remap(current);
    else if (key === 'Enter' && current) navigate(`/orders/${current.orderId}`);
    else return;
    e.preventDefault();
  };

  return (
    <div className="page inbox exceptions">
      <div className="page-head">
        <h2>Exceptions <span className="muted">异常队列</span></h2>
        <span className="muted">{items ? `${items.length} ${state === 'open' ? 'open' : state === 'resolved' ? 'resolved' : 'entries'}` : ''}</span>
        <span className="spacer" />
        <select aria-label="Kind filter" value={kind} onChange={e => setKind(e.target.value)}>
          <option value="">All kinds</option>
          {allKinds.map(k => <option key={k} value={k}>{kindText(k)}</option>)}
        </select>
        <select aria-label="Shop filter" value={shopId ?? ''} onChange={e => setShopId(e.target.value ? Number(e.target.value) : undefined)}>
          <option value="">All shops</option>
          {shops.map(s => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
        <select aria-label="State filter" value={state} onChange={e => setState(e.target.value as ExceptionState)}>
          <option value="open">Open</option>
          <option value="resolved">Resolved</option>
          <option value="all">All</option>
        </select>
        {(kind === 'UnmappedSku' || items?.some(canRemap)) && (
          <button type="button" disabled={remapping} onClick={() => void remap(null)}
            title="Continue every order waiting on a merchant code whose codes all map now (the shop filter applies)">Re-map all waiting</button>
        )}
        <button type="button" onClick={() => void refresh()}>Refresh</button>
      </div>
      <p className="muted small keys">Keys: <kbd>↑</kbd>/<kbd>↓</kbd> or <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>r</kbd> resolve · <kbd>c</kbd> cancel order · <kbd>m</kbd> re-map and continue (unmapped SKU) · <kbd>x</kbd> select · <kbd>Enter</kbd> journey</p>
      <div className="batch-bar" role="toolbar" aria-label="批量操作">
        <label className="check" title="Select all open entries on this page">
          <input type="checkbox" aria-label="全选本页" checked={selection.all} disabled={openIds.length === 0}
            ref={el => { if (el) el.indeterminate = selection.some; }} onChange={selection.toggleAll} /> 全选本页
        </label>
        <span className="muted" title="Selected">{selection.chosen.length > 0 ? `已选 ${selection.chosen.length} 单` : '未选择'}</span>
        <button type="button" className="primary" title="Resolve selected: each order returns to the stage it left"
          disabled={selection.chosen.length === 0 || busy} onClick={() => setBatchResolving(true)}>批量解决</button>
        <button type="button" className="danger" title="Cancel the selected orders" disabled={selection.chosen.length === 0 || busy}
          onClick={() => void resolveSelected(undefined, true)}>批量取消订单</button>
      </div>
      {batchResolving && (
        <ResolveForm onCancel={() => { setBatchResolving(false); list.current?.focus(); }} onSubmit={note => void resolveSelected(note, false)} />
      )}
      <Banner notice={notice} />
      <div className="inbox-list" tabIndex={0} ref={list} onKeyDown={onKeyDown} aria-label="Exception queue" role="listbox"
        aria-activedescendant={current ? `exception-${current.id}` : undefined}>
        {items && items.length === 0 && <p className="empty">{state === 'open' ? 'No open exceptions. 🎉' : 'No entries.'}</p>}
        {items?.map((entry, index) => (
          <div key={entry.id} id={`exception-${entry.id}`} role="option" aria-selected={index === cursor}
            className={`review-card exception-card${index === cursor ? ' cursor' : ''}${entry.resolvedAt ? ' resolved' : ''}`}
            data-testid={`exception-${entry.platformOrderId}`} onClick={() => setCursor(index)}>
            <div className="review-main">
              <div className="review-title">
                {!entry.resolvedAt && (
                  <input type="checkbox" aria-label={`选择 ${entry.platformOrderId}`} title="Select for a batch action" checked={selection.has(entry.id)}
                    onClick={e => e.stopPropagation()} onChange={() => selection.toggle(entry.id)} />
                )}
                <span className={`pill kind-pill kind-${entry.kind}`} title={entry.kind}>
                  {kindLabels[entry.kind]?.label ?? entry.kind} <span lang="zh">{kindLabels[entry.kind]?.zh ?? ''}</span>
                </span>
                <a href={`/orders/${entry.orderId}`} onClick={e => { e.preventDefault(); e.stopPropagation(); navigate(`/orders/${entry.orderId}`); }}>
                  <strong>{entry.platformOrderId}</strong>
                </a>
                <span className="muted">{shopName.get(entry.shopId) ?? `shop ${entry.shopId}`}</span>
                <span className={`pill status-${entry.orderStatus}`}>{entry.orderStatus}</span>
                <span className="age" title={entry.raisedAt}>{entry.resolvedAt ? `open ${formatAge(entry.ageMinutes)}` : `waiting ${formatAge(entry.ageMinutes)}`}</span>
              </div>
              <dl className="review-facts">
                <dt>Detail</dt><dd>{entry.detail || '—'}</dd>
                <dt>Left at</dt><dd>{entry.stage} <span className="muted small">({setAsideByPerson(entry) ? 'set aside' : 'workflow wait'})</span></dd>
                <dt>Raised by</dt><dd>{raisedByText(entry)} · {formatTime(entry.raisedAt)}</dd>
                {entry.resolvedAt && <><dt>Resolved</dt><dd>{entry.resolvedBy ?? 'the workflow'} · {formatTime(entry.resolvedAt)}{entry.resolution ? ` · ${entry.resolution}` : ''}</dd></>}
              </dl>
              {resolving === entry.id && (
                <ResolveForm onCancel={() => { setResolving(null); list.current?.focus(); }} onSubmit={note => void resolve(entry, note, false)} />
              )}
            </div>
            <div className="review-actions">
              <MapCodeAction entry={entry} names={new Map(items.map(i => [i.orderId, i.platformOrderId]))}
                onDone={n => { setNotice(n); void refresh(); }} />
              {canRemap(entry) && (
                <button type="button" disabled={remapping} onClick={e => { e.stopPropagation(); setCursor(index); void remap(entry); }}>Re-map and continue</button>
              )}
              {!entry.resolvedAt && <>
                <button type="button" className="primary" onClick={e => { e.stopPropagation(); setCursor(index); setResolving(entry.id); }}>Resolve</button>
                <button type="button" className="danger" onClick={e => { e.stopPropagation(); setCursor(index); cancelOrder(entry); }}>Cancel order</button>
              </>}
              <button type="button" className="link" onClick={e => { e.stopPropagation(); navigate(`/orders/${entry.orderId}`); }}>Journey →</button>
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}

/** The note that goes with a resolution (optional): what was done about it. */
export function ResolveForm({ onSubmit, onCancel }: { onSubmit: (note: string | undefined) => void; onCancel: () => void }) {
  const [note, setNote] = useState('');
  return (
    <form className="inline-panel" onSubmit={e => { e.preventDefault(); onSubmit(note.trim() || undefined); }}
      onKeyDown={e => { if (e.key === 'Escape') onCancel(); }}>
      <input aria-label="Resolution note" autoFocus placeholder="What was done (e.g. 已联系买家补全地址)" value={note} onChange={e => setNote(e.target.value)} />
      <button type="submit" className="primary">Resolve</button>
      <button type="button" onClick={onCancel}>Cancel</button>
    </form>
  );
}
