import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, ApiError, type ExceptionCounts, type ExceptionEntry, type ExceptionState } from '../api';
import { Term, useT, type Translate } from '../i18n';
import { BatchBar } from '../shell/BatchBar';
import { EmptyState } from '../shell/EmptyState';
import { useSelection } from '../shell/selection';
import { ServerText } from '../shell/serverText';
import { ListShortcuts, type ShortcutDoc } from '../shell/ShortcutsPanel';
import { batchNotice } from '../shell/batch';
import { navigate } from '../shell/router';
import { Banner, type Notice } from '../shell/Banner';
import { useShops } from '../shell/useShops';
import { failure, formatAge, formatTime, problemHint, problemText } from '../shell/format';
import { kindText } from './kinds';
import { kindTabs, queueCount, stateTabs } from './queueTabs';
import { loadCountedList, shownTotal } from '../shell/paging';
import { canRemap, remapAllRequest, remapEntry, remapError, remapNotice } from './remap';
import { MapCodeAction } from './MapCodeAction';
import { raisedByText, setAsideByPerson } from './raisedBy';

/** What the list answers to while it has the focus (onKeyDown in ExceptionsPage), for the shortcuts panel. */
const queueKeys: ShortcutDoc[] = [
  { keys: ['j', 'k', 'ArrowDown', 'ArrowUp'], label: 'lists.key.move' },
  { keys: ['r'], label: 'lists.key.resolve' },
  { keys: ['c'], label: 'lists.key.cancelOrder' },
  { keys: ['m'], label: 'lists.key.remap' },
  { keys: ['x'], label: 'lists.key.toggle' },
  { keys: ['Enter'], label: 'lists.key.open' },
];

/** What a failed resolve tells the reviewer; a 409 names who resolved the entry first. */
export function resolveError(e: unknown, entry: ExceptionEntry, t: Translate): string {
  const order = entry.platformOrderId;
  if (e instanceof ApiError && e.status === 409) {
    const by = e.problem.handledBy;
    return typeof by === 'string' && by
      ? t('exceptions.alreadyResolved', { order, by })
      : t('exceptions.couldNotResolve', { order, problem: problemText(e, t) });
  }
  return t('exceptions.couldNotResolve', { order, problem: problemText(e, t) });
}

/** Asks before cancelling: the order is cancelled and its stock given back, which cannot be undone here. */
export function confirmCancel(entry: ExceptionEntry, t: Translate): boolean {
  return window.confirm(t('exceptions.confirmCancel', { order: entry.platformOrderId }));
}

/** Asks before cancelling several orders at once, naming them. */
export function confirmCancelMany(entries: ExceptionEntry[], t: Translate): boolean {
  const orders = entries.map(e => e.platformOrderId).join(t.lang === 'en' ? ', ' : '、');
  return window.confirm(t('exceptions.confirmCancelMany', { count: entries.length, orders }));
}

/**
 * The exception queue (异常队列): orders set aside by a person or by their workflow, oldest first, by state and kind (tabs
 * with counts) and shop; the filter exports as CSV. Keyboard like the inbox: ↑/↓ or j/k move, r resolves (asks for a
 * note), c cancels the order (asks first), m re-maps an UnmappedSku entry's order and continues it once its codes map,
 * x ticks an open entry, Enter opens the journey. Ticked entries (or all open ones on the page) are resolved or their
 * orders cancelled in one call, each reported on its own.
 */
export function ExceptionsPage() {
  const t = useT();
  const [items, setItems] = useState<ExceptionEntry[] | null>(null);
  const [counts, setCounts] = useState<ExceptionCounts | null>(null);
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

  // The tabs are counted for the list's shop across every state and kind, so each tab says what it would list.
  const refresh = useCallback(async () => {
    await loadCountedList(api.exceptions({ state, kind: kind || undefined, shopId }), api.exceptionCounts({ shopId }), { setItems, setCursor, setCounts, setNotice }, t);
  }, [state, kind, shopId, t]);

  useEffect(() => { void refresh(); }, [refresh]);
  useEffect(() => {
    const timer = window.setInterval(() => { if (resolving === null && !batchResolving && !busy) void refresh(); }, 15_000);
    return () => window.clearInterval(timer);
  }, [refresh, resolving, batchResolving, busy]);

  const current = items?.[cursor];
  const exportUrl = api.exceptionsExportUrl({ state, kind: kind || undefined, shopId });
  // A new tab or shop shows 加载中… until its entries arrive rather than the previous ones.
  const choose = <T,>(set: (value: T) => void, value: T) => { setItems(null); set(value); };

  const resolve = useCallback(async (entry: ExceptionEntry, note: string | undefined, cancelOrder: boolean) => {
    try {
      await api.resolveException(entry.id, cancelOrder ? { note, cancelOrder: true } : { note });
      setNotice({ kind: 'ok', text: cancelOrder ? t('exceptions.cancelled', { order: entry.platformOrderId })
        : t('exceptions.resolvedTo', { order: entry.platformOrderId, stage: entry.stage }) });
      list.current?.focus();
    } catch (e) {
      setNotice({ kind: 'error', text: resolveError(e, entry, t), hint: problemHint(e) });
    }
    setResolving(null);
    await refresh();
  }, [refresh, t]);

  // One entry's order (and any other waiting on its code), or every waiting order of the filtered shop.
  const remap = useCallback(async (entry: ExceptionEntry | null) => {
    setRemapping(true);
    const names = new Map(items?.map(i => [i.orderId, i.platformOrderId]));
    try {
      const result = entry ? await remapEntry(entry, api.remapExceptions) : await api.remapExceptions(remapAllRequest(shopId));
      setNotice(remapNotice(result, t, names));
    } catch (e) {
      setNotice({ kind: 'error', text: remapError(e, t), hint: problemHint(e) });
    }
    setRemapping(false);
    list.current?.focus();
    await refresh();
  }, [items, shopId, refresh, t]);

  // The ticked entries in one call; each entry's outcome comes back on its own.
  const resolveSelected = async (note: string | undefined, cancel: boolean) => {
    const chosen = items?.filter(i => selection.chosen.includes(i.id)) ?? [];
    if (cancel && !confirmCancelMany(chosen, t)) return;
    const names = new Map(items?.map(i => [i.id, i.platformOrderId]));
    setBusy(true);
    try {
      const response = await api.resolveExceptions(cancel ? { entryIds: selection.chosen, note, cancelOrder: true } : { entryIds: selection.chosen, note });
      setNotice(batchNotice(response, r => names.get(r.entryId) ?? `#${r.entryId}`, t(cancel ? 'exceptions.cancelledMany' : 'exceptions.resolvedMany'), t));
      selection.clear();
    } catch (e) {
      setNotice(failure(e, t));
    }
    setBusy(false);
    setBatchResolving(false);
    list.current?.focus();
    await refresh();
  };

  const cancelOrder = (entry: ExceptionEntry) => {
    if (confirmCancel(entry, t)) void resolve(entry, undefined, true);
  };

  // The list answers these while it has the focus (onKeyDown below); the shortcuts panel lists them.
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
        <h2>{t('exceptions.title')}</h2>
        <span className="muted">{items ? t(state === 'open' ? 'exceptions.countOpen' : state === 'resolved' ? 'exceptions.countResolved' : 'exceptions.countAll', { count: shownTotal(items.length, counts && queueCount(counts, state, kind)) }) : ''}</span>
        <span className="spacer" />
        <select aria-label={t('common.shopFilter')} value={shopId ?? ''} onChange={e => choose(setShopId, e.target.value ? Number(e.target.value) : undefined)}>
          <option value="">{t('common.allShops')}</option>
          {shops.map(s => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
        {(kind === 'UnmappedSku' || items?.some(canRemap)) && (
          <button type="button" disabled={remapping} onClick={() => void remap(null)}
            title={t('exceptions.remapAllTitle')}>{t('exceptions.remapAll')}</button>
        )}
        <button type="button" onClick={() => void refresh()}>{t('common.refresh')}</button>
        <a className="button" href={exportUrl} download title={t('exceptions.exportTitle')} data-testid="export-csv">{t('lists.export')}</a>
        <ListShortcuts documented={queueKeys} />
      </div>
      <div className="tabs" role="tablist" aria-label={t('exceptions.stateTabs')}>
        {stateTabs.map(tab => (
          <button key={tab.state} type="button" role="tab" aria-selected={tab.state === state} className={tab.state === state ? 'tab tab-selected' : 'tab'}
            data-testid={`tab-${tab.state}`} onClick={() => choose(setState, tab.state)}>
            {t(tab.label)} <span className="tab-count">{counts ? queueCount(counts, tab.state, kind) : '…'}</span>
          </button>
        ))}
      </div>
      <div className="tabs tabs-minor" role="tablist" aria-label={t('exceptions.kindTabs')}>
        {['', ...kindTabs(counts, state, kind)].map(k => (
          <button key={k || 'all'} type="button" role="tab" aria-selected={k === kind} className={k === kind ? 'tab tab-selected' : 'tab'}
            title={k || undefined} data-testid={`kind-tab-${k || 'all'}`} onClick={() => choose(setKind, k)}>
            {k ? kindText(k, t) : t('exceptions.allKinds')} <span className="tab-count">{counts ? queueCount(counts, state, k) : '…'}</span>
          </button>
        ))}
      </div>
      <p className="muted small keys">{t('common.keys')}{t('exceptions.keys')}</p>
      <BatchBar all={selection.all} some={selection.some} count={selection.chosen.length} onToggleAll={selection.toggleAll}
        disabled={openIds.length === 0} selectAllTitle={t('exceptions.selectAllTitle')}>
        <button type="button" className="primary" title={t('exceptions.batchResolveTitle')}
          disabled={selection.chosen.length === 0 || busy} onClick={() => setBatchResolving(true)}>{t('exceptions.batchResolve')}</button>
        <button type="button" className="danger" title={t('exceptions.batchCancelTitle')} disabled={selection.chosen.length === 0 || busy}
          onClick={() => void resolveSelected(undefined, true)}>{t('exceptions.batchCancel')}</button>
      </BatchBar>
      {batchResolving && (
        <ResolveForm onCancel={() => { setBatchResolving(false); list.current?.focus(); }} onSubmit={note => void resolveSelected(note, false)} />
      )}
      <Banner notice={notice} />
      <div className="inbox-list" tabIndex={0} ref={list} onKeyDown={onKeyDown} aria-label={t('exceptions.list')} role="listbox"
        aria-activedescendant={current ? `exception-${current.id}` : undefined} aria-busy={!items}>
        {!items && <p className="empty">{t('common.loading')}</p>}
        {items && items.length === 0 && (state === 'open' ? <EmptyState>{t('exceptions.emptyOpen')}</EmptyState> : <p className="empty">{t('exceptions.empty')}</p>)}
        {items?.map((entry, index) => (
          <div key={entry.id} id={`exception-${entry.id}`} role="option" aria-selected={index === cursor}
            className={`review-card exception-card${index === cursor ? ' cursor' : ''}${entry.resolvedAt ? ' resolved' : ''}`}
            data-testid={`exception-${entry.platformOrderId}`} onClick={() => setCursor(index)}>
            <div className="review-main">
              <div className="review-title">
                {!entry.resolvedAt && (
                  <input type="checkbox" aria-label={t('common.selectOne', { name: entry.platformOrderId })} title={t('common.selectForBatch')} checked={selection.has(entry.id)}
                    onClick={e => e.stopPropagation()} onChange={() => selection.toggle(entry.id)} />
                )}
                <Term group="exceptionKind" code={entry.kind} className={`pill kind-pill kind-${entry.kind}`} />
                <a href={`/orders/${entry.orderId}`} onClick={e => { e.preventDefault(); e.stopPropagation(); navigate(`/orders/${entry.orderId}`); }}>
                  <strong>{entry.platformOrderId}</strong>
                </a>
                <span className="muted">{shopName.get(entry.shopId) ?? t('common.shopNumber', { id: entry.shopId })}</span>
                <Term group="orderStatus" code={entry.orderStatus} className={`pill status-${entry.orderStatus}`} />
                <span className="age" title={formatTime(entry.raisedAt, t)}>
                  {t(entry.resolvedAt ? 'exceptions.openFor' : 'common.waiting', { age: formatAge(entry.ageMinutes, t) })}
                </span>
              </div>
              <dl className="review-facts">
                <dt>{t('exceptions.detail')}</dt><dd>{entry.detail ? <ServerText text={entry.detail} /> : '—'}</dd>
                <dt>{t('exceptions.leftAt')}</dt><dd>{entry.stage} <span className="muted small" title={entry.source}>
                  ({t(setAsideByPerson(entry) ? 'exceptions.source.Hold' : 'exceptions.source.Workflow')})</span></dd>
                <dt>{t('exceptions.raisedBy')}</dt><dd>{raisedByText(entry, t)} · {formatTime(entry.raisedAt, t)}</dd>
                {entry.resolvedAt && <><dt>{t('exceptions.resolved')}</dt>
                  <dd>{entry.resolvedBy ?? t('common.theWorkflow')} · {formatTime(entry.resolvedAt, t)}{entry.resolution && <> · <ServerText text={entry.resolution} /></>}</dd></>}
              </dl>
              {resolving === entry.id && (
                <ResolveForm onCancel={() => { setResolving(null); list.current?.focus(); }} onSubmit={note => void resolve(entry, note, false)} />
              )}
            </div>
            <div className="review-actions">
              <MapCodeAction entry={entry} names={new Map(items.map(i => [i.orderId, i.platformOrderId]))}
                onDone={n => { setNotice(n); void refresh(); }} />
              {canRemap(entry) && (
                <button type="button" disabled={remapping} onClick={e => { e.stopPropagation(); setCursor(index); void remap(entry); }}>{t('exceptions.remap')}</button>
              )}
              {!entry.resolvedAt && <>
                <button type="button" className="primary" onClick={e => { e.stopPropagation(); setCursor(index); setResolving(entry.id); }}>{t('exceptions.resolve')}</button>
                <button type="button" className="danger" onClick={e => { e.stopPropagation(); setCursor(index); cancelOrder(entry); }}>{t('exceptions.cancelOrder')}</button>
              </>}
              <button type="button" className="link" onClick={e => { e.stopPropagation(); navigate(`/orders/${entry.orderId}`); }}>{t('common.journey')}</button>
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}

/** The note that goes with a resolution (optional): what was done about it. */
export function ResolveForm({ onSubmit, onCancel }: { onSubmit: (note: string | undefined) => void; onCancel: () => void }) {
  const t = useT();
  const [note, setNote] = useState('');
  return (
    <form className="inline-panel" onSubmit={e => { e.preventDefault(); onSubmit(note.trim() || undefined); }}
      onKeyDown={e => { if (e.key === 'Escape') onCancel(); }}>
      <input aria-label={t('exceptions.resolveNote')} autoFocus placeholder={t('exceptions.resolvePlaceholder')} value={note} onChange={e => setNote(e.target.value)} />
      <button type="submit" className="primary">{t('exceptions.resolve')}</button>
      <button type="button" onClick={onCancel}>{t('common.cancel')}</button>
    </form>
  );
}
