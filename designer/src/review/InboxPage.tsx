import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, ApiError, type BatchResponse, type ReviewBatchResult, type ReviewCounts, type ReviewQueueItem } from '../api';
import { useT, type Translate } from '../i18n';
import { BatchBar } from '../shell/BatchBar';
import { EmptyState } from '../shell/EmptyState';
import { navigate } from '../shell/router';
import { Banner, type Notice } from '../shell/Banner';
import { useShops } from '../shell/useShops';
import { failure, formatAge, formatMoney, formatTime, problemHint, problemText } from '../shell/format';
import { useSelection } from '../shell/selection';
import { ServerText } from '../shell/serverText';
import { batchNotice } from '../shell/batch';
import { ListShortcuts, type ShortcutDoc } from '../shell/ShortcutsPanel';
import { ageTabCount, ageTabs } from './ageTabs';
import { loadCountedList, shownTotal } from '../shell/paging';

/** What the list answers to while it has the focus (onKeyDown in InboxPage), for the shortcuts panel. */
const inboxKeys: ShortcutDoc[] = [
  { keys: ['j', 'k', 'ArrowDown', 'ArrowUp'], label: 'lists.key.move' },
  { keys: ['a'], label: 'lists.key.approve' },
  { keys: ['e'], label: 'lists.key.edit' },
  { keys: ['r'], label: 'lists.key.reject' },
  { keys: ['x'], label: 'lists.key.toggle' },
  { keys: ['Enter'], label: 'lists.key.open' },
];

type Mode = { kind: 'reject'; orderId: number } | { kind: 'edit'; orderId: number } | null;

/** What a failed decision tells the reviewer; a 409 names who got there first, or says the order is in the exception queue or no longer under review. */
export function decisionError(e: unknown, order: string | number, t: Translate): string {
  if (e instanceof ApiError && e.status === 409) {
    const by = e.problem.handledBy;
    const outcome = typeof e.problem.outcome === 'string' && e.problem.outcome ? e.problem.outcome : '';
    const said = outcome ? (t.lang === 'en' ? ` (${t.term('outcome', outcome)})` : `（${t.term('outcome', outcome)}）`) : '';
    if (typeof by === 'string' && by) return t('inbox.handledBy', { order, by, outcome: said });
    return t(e.problem.code === 'OnHold' ? 'inbox.onHold' : 'inbox.notWaiting', { order });
  }
  return problemText(e, t);
}

/**
 * The reviewers' inbox: blocked orders oldest first, by how long they have waited (tabs with counts), shop and reason;
 * the filter exports as CSV. Keyboard: ↑/↓ or j/k move, a approves, e edits then approves, r rejects (asks for a
 * reason), x ticks the order for a batch, Enter opens the journey. Buttons do the same for the mouse; ticked orders (or
 * all on the page) are approved or rejected in one call, each reported on its own. Decisions are recorded under the
 * signed-in user's name (the server takes it from the session).
 */
export function InboxPage() {
  const t = useT();
  const [items, setItems] = useState<ReviewQueueItem[] | null>(null);
  const [counts, setCounts] = useState<ReviewCounts | null>(null);
  const { shops, shopName } = useShops();
  const [shopId, setShopId] = useState<number | undefined>();
  const [reason, setReason] = useState('');
  const [olderThan, setOlderThan] = useState<number | undefined>();
  const [cursor, setCursor] = useState(0);
  const [mode, setMode] = useState<Mode>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [batchRejecting, setBatchRejecting] = useState(false);
  const [busy, setBusy] = useState(false);
  const list = useRef<HTMLDivElement>(null);
  const reasonBox = useRef<HTMLInputElement>(null);
  const ids = useMemo(() => items?.map(i => i.orderId) ?? [], [items]);
  const selection = useSelection(ids);

  // The tabs are counted with the list's filter but for every age, so each tab says what it would list.
  const refresh = useCallback(async () => {
    const filter = { shopId, reason: reason.trim() || undefined };
    await loadCountedList(api.reviewQueue({ ...filter, olderThanMinutes: olderThan }), api.reviewQueueCounts(filter), { setItems, setCursor, setCounts, setNotice }, t);
  }, [shopId, reason, olderThan, t]);

  useEffect(() => { void refresh(); }, [refresh]);
  useEffect(() => {
    const timer = window.setInterval(() => { if (!mode && !batchRejecting && !busy) void refresh(); }, 15_000);
    return () => window.clearInterval(timer);
  }, [refresh, mode, batchRejecting, busy]);

  const current = items?.[cursor];
  const exportUrl = api.reviewQueueExportUrl({ shopId, reason: reason.trim() || undefined, olderThanMinutes: olderThan });
  // A new tab or shop shows 加载中… until its orders arrive rather than the previous ones.
  const chooseAge = (minutes: number | undefined) => { setItems(null); setOlderThan(minutes); };

  const decide = useCallback(async (order: string, action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      setNotice({ kind: 'ok', text: done });
      setMode(null);
      list.current?.focus();
    } catch (e) {
      setNotice({ kind: 'error', text: decisionError(e, order, t), hint: problemHint(e) });
      setMode(null);
    }
    await refresh();
  }, [refresh, t]);

  const approve = useCallback((item: ReviewQueueItem, changes?: Record<string, unknown>, note?: string) =>
    decide(item.platformOrderId, () => api.approve(item.orderId, { note, changes }), t('inbox.approved', { order: item.platformOrderId })), [decide, t]);

  const reject = (item: ReviewQueueItem, why: string, asException: boolean) =>
    decide(item.platformOrderId, () => api.reject(item.orderId, { reason: why, mode: asException ? 'exception' : 'cancel' }),
      t(asException ? 'inbox.setAside' : 'inbox.rejected', { order: item.platformOrderId }));

  // The ticked orders in one call; each order's outcome comes back on its own, so one refused does not hide the others.
  const decideSelected = async (call: (orderIds: number[]) => Promise<BatchResponse<ReviewBatchResult>>, done: string) => {
    const names = new Map(items?.map(i => [i.orderId, i.platformOrderId]));
    setBusy(true);
    try {
      const response = await call(selection.chosen);
      setNotice(batchNotice(response, r => names.get(r.orderId) ?? `#${r.orderId}`, done, t));
      selection.clear();
    } catch (e) {
      setNotice(failure(e, t));
    }
    setBusy(false);
    setBatchRejecting(false);
    list.current?.focus();
    await refresh();
  };

  // The list answers these while it has the focus; the shortcuts panel lists them (inboxKeys).
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (mode || batchRejecting || busy || !items?.length || (e.target instanceof HTMLElement && e.target.closest('input, textarea, select'))) return;
    const key = e.key;
    if (key === 'ArrowDown' || key === 'j') setCursor(c => Math.min(c + 1, items.length - 1));
    else if (key === 'ArrowUp' || key === 'k') setCursor(c => Math.max(c - 1, 0));
    else if (key === 'a' && current) void approve(current);
    else if (key === 'r' && current) setMode({ kind: 'reject', orderId: current.orderId });
    else if (key === 'e' && current) setMode({ kind: 'edit', orderId: current.orderId });
    else if (key === 'x' && current) selection.toggle(current.orderId);
    else if (key === 'Enter' && current) navigate(`/orders/${current.orderId}`);
    else return;
    e.preventDefault();
  };

  return (
    <div className="page inbox">
      <div className="page-head">
        <h2>{t('inbox.title')}</h2>
        <span className="muted">{items ? t('inbox.waitingCount', { count: shownTotal(items.length, counts && ageTabCount(ageTabs.find(tab => tab.olderThanMinutes === olderThan) ?? ageTabs[0], counts)) }) : ''}</span>
        <span className="spacer" />
        <select aria-label={t('common.shopFilter')} value={shopId ?? ''} onChange={e => { setItems(null); setShopId(e.target.value ? Number(e.target.value) : undefined); }}>
          <option value="">{t('common.allShops')}</option>
          {shops.map(s => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
        <input ref={reasonBox} aria-label={t('inbox.reasonFilter')} placeholder={t('inbox.reasonPlaceholder')} value={reason} onChange={e => setReason(e.target.value)} />
        <button type="button" onClick={() => void refresh()}>{t('common.refresh')}</button>
        <a className="button" href={exportUrl} download title={t('inbox.exportTitle')} data-testid="export-csv">{t('lists.export')}</a>
        <ListShortcuts documented={inboxKeys} search={reasonBox} />
      </div>
      <div className="tabs" role="tablist" aria-label={t('inbox.tabs')}>
        {ageTabs.map(tab => {
          const selected = tab.olderThanMinutes === olderThan;
          return (
            <button key={tab.key} type="button" role="tab" aria-selected={selected} className={selected ? 'tab tab-selected' : 'tab'}
              data-testid={`tab-${tab.key}`} onClick={() => chooseAge(tab.olderThanMinutes)}>
              {t(tab.label)} <span className="tab-count">{counts ? ageTabCount(tab, counts) : '…'}</span>
            </button>
          );
        })}
      </div>
      <p className="muted small keys">{t('common.keys')}{t('inbox.keys')}</p>
      <BatchBar all={selection.all} some={selection.some} count={selection.chosen.length} onToggleAll={selection.toggleAll} disabled={!items?.length}>
        <button type="button" className="primary" disabled={selection.chosen.length === 0 || busy}
          onClick={() => void decideSelected(orderIds => api.approveMany({ orderIds }), t('inbox.approvedMany'))}>{t('inbox.batchApprove')}</button>
        <button type="button" className="danger" disabled={selection.chosen.length === 0 || busy}
          onClick={() => setBatchRejecting(true)}>{t('inbox.batchReject')}</button>
      </BatchBar>
      {batchRejecting && (
        <RejectForm onCancel={() => { setBatchRejecting(false); list.current?.focus(); }}
          onSubmit={(why, exception) => void decideSelected(orderIds => api.rejectMany({ orderIds, reason: why, mode: exception ? 'exception' : 'cancel' }),
            t(exception ? 'inbox.exceptionMany' : 'inbox.rejectedMany'))} />
      )}
      <Banner notice={notice} />
      <div className="inbox-list" tabIndex={0} ref={list} onKeyDown={onKeyDown} aria-label={t('inbox.list')} role="listbox"
        aria-activedescendant={current ? `review-${current.orderId}` : undefined} aria-busy={!items}>
        {!items && <p className="empty">{t('common.loading')}</p>}
        {items && items.length === 0 && <EmptyState>{t('inbox.empty')}</EmptyState>}
        {items?.map((item, index) => (
          <div key={item.orderId} id={`review-${item.orderId}`} role="option" aria-selected={index === cursor}
            className={`review-card${index === cursor ? ' cursor' : ''}`} data-testid={`review-${item.platformOrderId}`}
            onClick={() => setCursor(index)}>
            <div className="review-main">
              <div className="review-title">
                <input type="checkbox" aria-label={t('common.selectOne', { name: item.platformOrderId })} title={t('common.selectForBatch')} checked={selection.has(item.orderId)}
                  onClick={e => e.stopPropagation()} onChange={() => selection.toggle(item.orderId)} />
                <strong>{item.platformOrderId}</strong>
                <span className="muted">{shopName.get(item.shopId) ?? t('common.shopNumber', { id: item.shopId })}</span>
                <span className="amount">{formatMoney(item.payment)}</span>
                <span className="age" title={formatTime(item.waitingSince, t)}>{t('common.waiting', { age: formatAge(item.ageMinutes, t) })}</span>
              </div>
              <div className="review-reasons">
                {item.reasons.map((r, i) => <ServerText key={i} className="pill pill-warn" text={r} />)}
              </div>
              <dl className="review-facts">
                <dt>{t('inbox.buyer')}</dt><dd>{item.buyerNick ?? '—'}</dd>
                <dt>{t('inbox.buyerMessage')}</dt><dd>{item.buyerMessage || '—'}</dd>
                <dt>{t('inbox.sellerMemo')}</dt><dd>{item.sellerMemo || '—'}</dd>
                <dt>{t('inbox.shipTo')}</dt><dd>{[item.receiverProvince, item.receiverCity, item.receiverDistrict, item.receiverAddress].filter(Boolean).join(' ')}</dd>
              </dl>
              {mode?.orderId === item.orderId && mode.kind === 'reject' && (
                <RejectForm onCancel={() => { setMode(null); list.current?.focus(); }} onSubmit={(why, exception) => void reject(item, why, exception)} />
              )}
              {mode?.orderId === item.orderId && mode.kind === 'edit' && (
                <EditForm item={item} onCancel={() => { setMode(null); list.current?.focus(); }} onSubmit={(changes, note) => void approve(item, changes, note)} />
              )}
            </div>
            <div className="review-actions">
              <button type="button" className="primary" onClick={e => { e.stopPropagation(); setCursor(index); void approve(item); }}>{t('inbox.approve')}</button>
              <button type="button" onClick={e => { e.stopPropagation(); setCursor(index); setMode({ kind: 'edit', orderId: item.orderId }); }}>{t('inbox.editApprove')}</button>
              <button type="button" className="danger" onClick={e => { e.stopPropagation(); setCursor(index); setMode({ kind: 'reject', orderId: item.orderId }); }}>{t('inbox.reject')}</button>
              <button type="button" className="link" onClick={e => { e.stopPropagation(); navigate(`/orders/${item.orderId}`); }}>{t('common.journey')}</button>
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}

export function RejectForm({ onSubmit, onCancel }: { onSubmit: (reason: string, asException: boolean) => void; onCancel: () => void }) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [exception, setException] = useState(false);
  return (
    <form className="inline-panel" onSubmit={e => { e.preventDefault(); if (reason.trim()) onSubmit(reason.trim(), exception); }}
      onKeyDown={e => { if (e.key === 'Escape') onCancel(); }}>
      <input aria-label={t('inbox.rejectReason')} autoFocus placeholder={t('inbox.rejectPlaceholder')} value={reason} onChange={e => setReason(e.target.value)} />
      <label className="check"><input type="checkbox" checked={exception} onChange={e => setException(e.target.checked)} /> {t('inbox.toException')}</label>
      <button type="submit" className="danger" disabled={!reason.trim()}>{t('inbox.reject')}</button>
      <button type="button" onClick={onCancel}>{t('common.cancel')}</button>
    </form>
  );
}

export function EditForm({ item, onSubmit, onCancel }: {
  item: ReviewQueueItem; onSubmit: (changes: Record<string, unknown>, note?: string) => void; onCancel: () => void;
}) {
  const t = useT();
  const [memo, setMemo] = useState(item.sellerMemo ?? '');
  const [address, setAddress] = useState(item.receiverAddress);
  const [note, setNote] = useState('');
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const changes: Record<string, unknown> = {};
    if (memo !== (item.sellerMemo ?? '')) changes.sellerMemo = memo;
    if (address !== item.receiverAddress) {
      changes.receiver = { address };
    }
    onSubmit(changes, note.trim() || undefined);
  };
  return (
    <form className="inline-panel edit-panel" onSubmit={submit} onKeyDown={e => { if (e.key === 'Escape') onCancel(); }}>
      <label className="field"><span>{t('inbox.sellerMemoField')}</span><input aria-label={t('inbox.sellerMemoField')} autoFocus value={memo} onChange={e => setMemo(e.target.value)} /></label>
      <label className="field"><span>{t('inbox.street')}</span><input aria-label={t('inbox.street')} value={address} onChange={e => setAddress(e.target.value)} /></label>
      <label className="field"><span>{t('inbox.note')}</span><input aria-label={t('inbox.note')} value={note} onChange={e => setNote(e.target.value)} /></label>
      <div className="row">
        <button type="submit" className="primary">{t('inbox.saveApprove')}</button>
        <button type="button" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}
