import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, ApiError, type BatchResponse, type ReviewBatchResult, type ReviewQueueItem } from '../api';
import { navigate } from '../shell/router';
import { Banner, type Notice } from '../shell/Banner';
import { useShops } from '../shell/useShops';
import { errorText, formatAge, formatMoney } from '../shell/format';
import { useSelection } from '../shell/selection';
import { batchNotice } from '../shell/batch';

type Mode = { kind: 'reject'; orderId: number } | { kind: 'edit'; orderId: number } | null;

/** What a failed decision tells the reviewer; a 409 names who got there first. */
export function decisionError(e: unknown, orderId: number): string {
  if (e instanceof ApiError && e.status === 409) {
    const by = e.problem.handledBy;
    return typeof by === 'string' && by
      ? `Order ${orderId} was already handled by ${by}${e.problem.outcome ? ` (${String(e.problem.outcome)})` : ''}.`
      : `Order ${orderId} is no longer waiting for review: ${e.message}`;
  }
  if (e instanceof ApiError) return [e.message, ...e.fieldMessages()].join(' ');
  return errorText(e);
}

/**
 * The reviewers' inbox: blocked orders oldest first. Keyboard: ↑/↓ or j/k move, a approves, e edits then approves,
 * r rejects (asks for a reason), x ticks the order for a batch, Enter opens the journey. Buttons do the same for the
 * mouse; ticked orders (or all on the page) are approved or rejected in one call, each reported on its own. Decisions are
 * recorded under the signed-in user's name (the server takes it from the session).
 */
export function InboxPage() {
  const [items, setItems] = useState<ReviewQueueItem[] | null>(null);
  const { shops, shopName } = useShops();
  const [shopId, setShopId] = useState<number | undefined>();
  const [reason, setReason] = useState('');
  const [olderThan, setOlderThan] = useState('');
  const [cursor, setCursor] = useState(0);
  const [mode, setMode] = useState<Mode>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [batchRejecting, setBatchRejecting] = useState(false);
  const [busy, setBusy] = useState(false);
  const list = useRef<HTMLDivElement>(null);
  const ids = useMemo(() => items?.map(i => i.orderId) ?? [], [items]);
  const selection = useSelection(ids);

  const refresh = useCallback(async () => {
    try {
      const page = await api.reviewQueue({ shopId, reason: reason.trim() || undefined, olderThanMinutes: olderThan ? Number(olderThan) : undefined });
      setItems(page.items);
      setCursor(c => Math.min(c, Math.max(page.items.length - 1, 0)));
    } catch (e) {
      setNotice({ kind: 'error', text: errorText(e) });
    }
  }, [shopId, reason, olderThan]);

  useEffect(() => { void refresh(); }, [refresh]);
  useEffect(() => {
    const timer = window.setInterval(() => { if (!mode && !batchRejecting && !busy) void refresh(); }, 15_000);
    return () => window.clearInterval(timer);
  }, [refresh, mode, batchRejecting, busy]);

  const current = items?.[cursor];

  const decide = useCallback(async (orderId: number, action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      setNotice({ kind: 'ok', text: done });
      setMode(null);
      list.current?.focus();
    } catch (e) {
      setNotice({ kind: 'error', text: decisionError(e, orderId) });
      setMode(null);
    }
    await refresh();
  }, [refresh]);

  const approve = useCallback((item: ReviewQueueItem, changes?: Record<string, unknown>, note?: string) =>
    decide(item.orderId, () => api.approve(item.orderId, { note, changes }), `Order ${item.platformOrderId} approved.`), [decide]);

  const reject = (item: ReviewQueueItem, why: string, asException: boolean) =>
    decide(item.orderId, () => api.reject(item.orderId, { reason: why, mode: asException ? 'exception' : 'cancel' }),
      asException ? `Order ${item.platformOrderId} set aside in the exception queue.` : `Order ${item.platformOrderId} rejected and cancelled.`);

  // The ticked orders in one call; each order's outcome comes back on its own, so one refused does not hide the others.
  const decideSelected = async (call: (orderIds: number[]) => Promise<BatchResponse<ReviewBatchResult>>, done: string) => {
    const names = new Map(items?.map(i => [i.orderId, i.platformOrderId]));
    setBusy(true);
    try {
      const response = await call(selection.chosen);
      setNotice(batchNotice(response, r => names.get(r.orderId) ?? `#${r.orderId}`, done));
      selection.clear();
    } catch (e) {
      setNotice({ kind: 'error', text: e instanceof ApiError ? [e.message, ...e.fieldMessages()].join(' ') : errorText(e) });
    }
    setBusy(false);
    setBatchRejecting(false);
    list.current?.focus();
    await refresh();
  };

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
        <h2>Review inbox</h2>
        <span className="muted">{items ? `${items.length} waiting` : ''}</span>
        <span className="spacer" />
        <select aria-label="Shop filter" value={shopId ?? ''} onChange={e => setShopId(e.target.value ? Number(e.target.value) : undefined)}>
          <option value="">All shops</option>
          {shops.map(s => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
        <input aria-label="Reason filter" placeholder="Reason contains…" value={reason} onChange={e => setReason(e.target.value)} />
        <select aria-label="Age filter" value={olderThan} onChange={e => setOlderThan(e.target.value)}>
          <option value="">Any age</option>
          <option value="30">Older than 30 min</option>
          <option value="120">Older than 2 h</option>
          <option value="1440">Older than 1 day</option>
        </select>
        <button type="button" onClick={() => void refresh()}>Refresh</button>
      </div>
      <p className="muted small keys">Keys: <kbd>↑</kbd>/<kbd>↓</kbd> or <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>a</kbd> approve · <kbd>e</kbd> edit &amp; approve · <kbd>r</kbd> reject · <kbd>x</kbd> select · <kbd>Enter</kbd> journey</p>
      <div className="batch-bar" role="toolbar" aria-label="批量操作">
        <label className="check" title="Select all on this page">
          <input type="checkbox" aria-label="全选本页" checked={selection.all} disabled={!items?.length}
            ref={el => { if (el) el.indeterminate = selection.some; }} onChange={selection.toggleAll} /> 全选本页
        </label>
        <span className="muted" title="Selected">{selection.chosen.length > 0 ? `已选 ${selection.chosen.length} 单` : '未选择'}</span>
        <button type="button" className="primary" title="Approve selected" disabled={selection.chosen.length === 0 || busy}
          onClick={() => void decideSelected(orderIds => api.approveMany({ orderIds }), '已通过')}>批量通过</button>
        <button type="button" className="danger" title="Reject selected" disabled={selection.chosen.length === 0 || busy}
          onClick={() => setBatchRejecting(true)}>批量驳回</button>
      </div>
      {batchRejecting && (
        <RejectForm onCancel={() => { setBatchRejecting(false); list.current?.focus(); }}
          onSubmit={(why, exception) => void decideSelected(orderIds => api.rejectMany({ orderIds, reason: why, mode: exception ? 'exception' : 'cancel' }),
            exception ? '已转入异常队列' : '已驳回并取消')} />
      )}
      <Banner notice={notice} />
      <div className="inbox-list" tabIndex={0} ref={list} onKeyDown={onKeyDown} aria-label="Blocked orders" role="listbox"
        aria-activedescendant={current ? `review-${current.orderId}` : undefined}>
        {items && items.length === 0 && <p className="empty">Nothing waiting for review. 🎉</p>}
        {items?.map((item, index) => (
          <div key={item.orderId} id={`review-${item.orderId}`} role="option" aria-selected={index === cursor}
            className={`review-card${index === cursor ? ' cursor' : ''}`} data-testid={`review-${item.platformOrderId}`}
            onClick={() => setCursor(index)}>
            <div className="review-main">
              <div className="review-title">
                <input type="checkbox" aria-label={`选择 ${item.platformOrderId}`} title="Select for a batch action" checked={selection.has(item.orderId)}
                  onClick={e => e.stopPropagation()} onChange={() => selection.toggle(item.orderId)} />
                <strong>{item.platformOrderId}</strong>
                <span className="muted">{shopName.get(item.shopId) ?? `shop ${item.shopId}`}</span>
                <span className="amount">{formatMoney(item.payment)}</span>
                <span className="age" title={item.waitingSince}>waiting {formatAge(item.ageMinutes)}</span>
              </div>
              <div className="review-reasons">
                {item.reasons.map((r, i) => <span key={i} className="pill pill-warn">{r}</span>)}
              </div>
              <dl className="review-facts">
                <dt>Buyer</dt><dd>{item.buyerNick ?? '—'}</dd>
                <dt>买家留言</dt><dd>{item.buyerMessage || '—'}</dd>
                <dt>卖家备注</dt><dd>{item.sellerMemo || '—'}</dd>
                <dt>Ship to</dt><dd>{[item.receiverProvince, item.receiverCity, item.receiverDistrict, item.receiverAddress].filter(Boolean).join(' ')}</dd>
              </dl>
              {mode?.orderId === item.orderId && mode.kind === 'reject' && (
                <RejectForm onCancel={() => { setMode(null); list.current?.focus(); }} onSubmit={(why, exception) => void reject(item, why, exception)} />
              )}
              {mode?.orderId === item.orderId && mode.kind === 'edit' && (
                <EditForm item={item} onCancel={() => { setMode(null); list.current?.focus(); }} onSubmit={(changes, note) => void approve(item, changes, note)} />
              )}
            </div>
            <div className="review-actions">
              <button type="button" className="primary" onClick={e => { e.stopPropagation(); setCursor(index); void approve(item); }}>Approve</button>
              <button type="button" onClick={e => { e.stopPropagation(); setCursor(index); setMode({ kind: 'edit', orderId: item.orderId }); }}>Edit &amp; approve</button>
              <button type="button" className="danger" onClick={e => { e.stopPropagation(); setCursor(index); setMode({ kind: 'reject', orderId: item.orderId }); }}>Reject</button>
              <button type="button" className="link" onClick={e => { e.stopPropagation(); navigate(`/orders/${item.orderId}`); }}>Journey →</button>
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}

export function RejectForm({ onSubmit, onCancel }: { onSubmit: (reason: string, asException: boolean) => void; onCancel: () => void }) {
  const [reason, setReason] = useState('');
  const [exception, setException] = useState(false);
  return (
    <form className="inline-panel" onSubmit={e => { e.preventDefault(); if (reason.trim()) onSubmit(reason.trim(), exception); }}
      onKeyDown={e => { if (e.key === 'Escape') onCancel(); }}>
      <input aria-label="Reject reason" autoFocus placeholder="Why (the buyer's service sees this)" value={reason} onChange={e => setReason(e.target.value)} />
      <label className="check"><input type="checkbox" checked={exception} onChange={e => setException(e.target.checked)} /> Exception queue instead of cancelling</label>
      <button type="submit" className="danger" disabled={!reason.trim()}>Reject</button>
      <button type="button" onClick={onCancel}>Cancel</button>
    </form>
  );
}

export function EditForm({ item, onSubmit, onCancel }: {
  item: ReviewQueueItem; onSubmit: (changes: Record<string, unknown>, note?: string) => void; onCancel: () => void;
}) {
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
      <label className="field"><span>卖家备注 Seller memo</span><input aria-label="Seller memo" autoFocus value={memo} onChange={e => setMemo(e.target.value)} /></label>
      <label className="field"><span>Street address</span><input aria-label="Street address" value={address} onChange={e => setAddress(e.target.value)} /></label>
      <label className="field"><span>Note</span><input aria-label="Review note" value={note} onChange={e => setNote(e.target.value)} /></label>
      <div className="row">
        <button type="submit" className="primary">Save &amp; approve</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
