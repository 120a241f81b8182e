import { useState } from 'react';
import { api, type BatchProblem, type BatchResponse, type Order } from '../api';
import { useT } from '../i18n';
import { BatchBar } from '../shell/BatchBar';
import type { Notice } from '../shell/Banner';
import { batchNotice } from '../shell/batch';
import { failure } from '../shell/format';

/** Orders a reviewer decides: the server's batch approve takes only these (others answer 409 one by one). */
const waitingForReview = new Set(['PendingReview', 'Blocked']);

interface Props {
  selected: Order[];
  all: boolean;
  some: boolean;
  canReview: boolean;
  canSetAside: boolean;
  onToggleAll: () => void;
  onPrint: () => void;
  /** After a batch: what to tell the person, and the list is read again. */
  onDone: (notice: Notice) => void;
}

/**
 * What the orders list does with its ticked rows: 批量审核通过 (only those waiting for review are sent; the rest are
 * named as not sent), 批量搁置 with one reason, and printing their pick list and labels.
 */
export function OrdersBatchBar({ selected, all, some, canReview, canSetAside, onToggleAll, onPrint, onDone }: Props) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [settingAside, setSettingAside] = useState(false);
  const [reason, setReason] = useState('');
  const names = new Map(selected.map(o => [o.id, o.platformOrderId]));
  const name = (r: { orderId: number }) => names.get(r.orderId) ?? `#${r.orderId}`;
  const list = t.lang === 'en' ? ', ' : '、';

  const run = async <T extends { orderId: number; status: number; problem: BatchProblem | null }>(
    call: () => Promise<BatchResponse<T>>, done: string, skipped: Order[] = []) => {
    setBusy(true);
    try {
      const notice = batchNotice(await call(), name, done, t);
      const note = skipped.length > 0 ? t('lists.notWaiting', { count: skipped.length, names: skipped.map(o => o.platformOrderId).join(list) }) : '';
      onDone({ kind: notice.kind, text: [notice.text, note].filter(Boolean).join(t.lang === 'en' ? ' ' : '') });
    } catch (e) {
      onDone(failure(e, t));
    }
    setBusy(false);
  };

  const approve = () => {
    const waiting = selected.filter(o => waitingForReview.has(o.status));
    const others = selected.filter(o => !waitingForReview.has(o.status));
    if (waiting.length === 0) {
      onDone({ kind: 'error', text: t('lists.noneWaiting') });
      return;
    }
    void run(() => api.approveMany({ orderIds: waiting.map(o => o.id) }), t('inbox.approvedMany'), others);
  };

  const setAside = (e: React.FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) return;
    void run(() => api.setAsideMany({ orderIds: selected.map(o => o.id), kind: 'Other', detail: reason.trim() }), t('lists.setAsideDone'))
      .then(() => { setSettingAside(false); setReason(''); });
  };

  const none = selected.length === 0;
  return (
    <>
      <BatchBar all={all} some={some} count={selected.length} onToggleAll={onToggleAll}>
        {canReview && (
          <button type="button" className="primary" title={t('lists.approveTitle')} disabled={none || busy} onClick={approve}>{t('lists.approveSelected')}</button>
        )}
        {canSetAside && (
          <button type="button" disabled={none || busy} onClick={() => setSettingAside(true)}>{t('lists.setAsideSelected')}</button>
        )}
        <button type="button" disabled={none} onClick={onPrint}>{t('lists.print')}</button>
      </BatchBar>
      {settingAside && (
        <form className="inline-panel" onSubmit={setAside} onKeyDown={e => { if (e.key === 'Escape') setSettingAside(false); }}>
          <input aria-label={t('lists.setAsideReason')} autoFocus placeholder={t('lists.setAsidePlaceholder')} maxLength={2000}
            value={reason} onChange={e => setReason(e.target.value)} />
          <button type="submit" className="danger" disabled={!reason.trim() || busy || none}>{t('lists.setAsideConfirm')}</button>
          <button type="button" onClick={() => setSettingAside(false)}>{t('common.cancel')}</button>
        </form>
      )}
    </>
  );
}
