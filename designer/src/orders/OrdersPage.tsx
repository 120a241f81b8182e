import { useEffect, useMemo, useRef, useState } from 'react';
import { api, type Order, type OrderCounts } from '../api';
import { Term, useT } from '../i18n';
import { Banner, type Notice } from '../shell/Banner';
import { can } from '../shell/permissions';
import { navigate } from '../shell/router';
import { useMe } from '../shell/session';
import { useSelection } from '../shell/selection';
import type { Shortcut } from '../shell/shortcuts';
import { ListShortcuts } from '../shell/ShortcutsPanel';
import { useShops } from '../shell/useShops';
import { failure, formatMoney, formatTime } from '../shell/format';
import { OrdersBatchBar } from './OrdersBatchBar';
import { statusTabs, tabCount, tabTitle } from './statusTabs';

const statuses = ['AwaitingPayment', 'PendingReview', 'Blocked', 'Exception', 'Allocated', 'Picking', 'Verified', 'Shipped', 'Cancelled'];

/** How long typing pauses before the search goes to the server (Enter sends it at once). */
const searchDelayMs = 300;

interface Filter {
  statuses: string[];
  exceptionKind?: string;
}

const sameFilter = (a: Filter, b: Filter) => a.exceptionKind === b.exceptionKind && a.statuses.join() === b.statuses.join();

/** The print view of these orders, in a window of its own so the list keeps its filter and selection. */
export const printPath = (ids: readonly number[]) => `/orders/print?ids=${ids.join(',')}`;

/**
 * Orders newest first, by status tab (with counts) or status, shop, and a search over order id, buyer, receiver,
 * mobile and tracking number done by the server; a row opens the order's journey. The filter exports as CSV; ticked
 * rows are approved, set aside or printed in one go. Keyboard: see the shortcuts panel (?), which lists what the page
 * answers to.
 */
export function OrdersPage() {
  const t = useT();
  const me = useMe();
  const [orders, setOrders] = useState<Order[] | null>(null);
  const [total, setTotal] = useState(0);
  const [counts, setCounts] = useState<OrderCounts | null>(null);
  const { shops, shopName } = useShops();
  const [shopId, setShopId] = useState<number | undefined>();
  const [filter, setFilter] = useState<Filter>({ statuses: [] });
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [error, setError] = useState<Notice | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [reloads, setReloads] = useState(0);
  const [cursor, setCursor] = useState(0);
  const searchBox = useRef<HTMLInputElement>(null);
  const exportLink = useRef<HTMLAnchorElement>(null);
  const ids = useMemo(() => orders?.map(o => o.id) ?? [], [orders]);
  const selection = useSelection(ids);

  useEffect(() => {
    const wanted = typed.trim();
    if (wanted === search) return;
    const timer = setTimeout(() => { setPage(1); setSearch(wanted); }, searchDelayMs);
    return () => clearTimeout(timer);
  }, [typed, search]);

  useEffect(() => {
    api.orders({ shopId, status: filter.statuses, exceptionKind: filter.exceptionKind, q: search || undefined, page })
      .then(p => { setOrders(p.items); setTotal(p.total); setError(null); setCursor(c => Math.min(c, Math.max(p.items.length - 1, 0))); })
      .catch(e => { setOrders([]); setError(failure(e, t)); });
  }, [shopId, filter, search, page, reloads, t]);

  useEffect(() => {
    api.orderCounts({ shopId, q: search || undefined }).then(setCounts).catch(e => setError(failure(e, t)));
  }, [shopId, search, reloads, t]);

  // A new filter or page shows 加载中… until its rows arrive rather than the previous rows.
  const choose = (next: Filter) => { setPage(1); setOrders(null); setFilter(next); };
  const single = filter.statuses.length === 1 && !filter.exceptionKind ? filter.statuses[0] : '';
  const exportUrl = api.ordersExportUrl({ shopId, status: filter.statuses, exceptionKind: filter.exceptionKind, q: search || undefined });
  const current = orders?.[cursor];
  const selected = orders?.filter(o => selection.has(o.id)) ?? [];
  const print = () => { if (selection.chosen.length > 0) window.open(printPath(selection.chosen), '_blank'); };
  const batchDone = (next: Notice) => { setNotice(next); selection.clear(); setReloads(r => r + 1); };

  const shortcuts: Shortcut[] = [
    { keys: ['j', 'ArrowDown'], label: 'lists.key.move', run: () => setCursor(c => Math.min(c + 1, Math.max(ids.length - 1, 0))) },
    { keys: ['k', 'ArrowUp'], label: 'lists.key.move', run: () => setCursor(c => Math.max(c - 1, 0)) },
    { keys: ['x', ' '], label: 'lists.key.toggle', run: () => { if (current) selection.toggle(current.id); } },
    { keys: ['Enter'], label: 'lists.key.open', run: () => { if (current) navigate(`/orders/${current.id}`); } },
    { keys: ['e'], label: 'lists.key.export', run: () => exportLink.current?.click() },
    { keys: ['p'], label: 'lists.key.print', run: print },
  ];

  return (
    <div className="page">
      <div className="page-head">
        <h2>{t('orders.title')}</h2>
        <span className="muted">{orders ? t('orders.total', { count: total }) : ''}</span>
        <span className="spacer" />
        <select aria-label={t('common.shopFilter')} value={shopId ?? ''} onChange={e => { setPage(1); setOrders(null); setShopId(e.target.value ? Number(e.target.value) : undefined); }}>
          <option value="">{t('common.allShops')}</option>
          {shops.map(s => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
        <select aria-label={t('orders.statusFilter')} value={single} onChange={e => choose({ statuses: e.target.value ? [e.target.value] : [] })}>
          <option value="">{t('orders.anyStatus')}</option>
          {statuses.map(s => <option key={s} value={s} title={s}>{t.term('orderStatus', s)}</option>)}
        </select>
        <input type="search" ref={searchBox} aria-label={t('orders.search')} maxLength={64} placeholder={t('orders.searchPlaceholder')} title={t('orders.searchTitle')}
          value={typed} onChange={e => setTyped(e.target.value)}
          onKeyDown={e => { if (e.key === 'Enter') { setPage(1); setSearch(typed.trim()); } else if (e.key === 'Escape') e.currentTarget.blur(); }} />
        <a ref={exportLink} className="button" href={exportUrl} download title={t('lists.exportTitle')} data-testid="export-csv">{t('lists.export')}</a>
        <ListShortcuts shortcuts={shortcuts} search={searchBox} />
      </div>
      <div className="tabs" role="tablist" aria-label={t('orders.tabs')}>
        {statusTabs.map(tab => {
          const selected = sameFilter(filter, tab);
          return (
            <button key={tab.key} type="button" role="tab" aria-selected={selected} className={selected ? 'tab tab-selected' : 'tab'}
              title={tabTitle(tab, t)} data-testid={`tab-${tab.key}`} onClick={() => choose({ statuses: tab.statuses, exceptionKind: tab.exceptionKind })}>
              {t(tab.label)} <span className="tab-count">{counts ? tabCount(tab, counts) : '…'}</span>
            </button>
          );
        })}
      </div>
      <Banner notice={error} />
      <OrdersBatchBar selected={selected} all={selection.all} some={selection.some} canReview={can(me, 'review')} canSetAside={can(me, 'exceptions')}
        onToggleAll={selection.toggleAll} onPrint={print} onDone={batchDone} />
      <Banner notice={notice} />
      <table className="grid orders-grid">
        <thead>
          <tr>
            <th className="check-col" /><th>{t('orders.col.order')}</th><th>{t('orders.col.shop')}</th><th>{t('orders.col.status')}</th><th>{t('orders.col.buyer')}</th>
            <th>{t('orders.col.payment')}</th><th>{t('orders.col.buyerMessage')}</th><th>{t('orders.col.received')}</th>
          </tr>
        </thead>
        <tbody aria-busy={!orders}>
          {!orders && <tr><td colSpan={8} className="empty">{t('common.loading')}</td></tr>}
          {orders?.map((o, index) => (
            <tr key={o.id} className={index === cursor ? 'clickable cursor' : 'clickable'} aria-current={index === cursor ? 'true' : undefined}
              data-testid={`order-${o.platformOrderId}`} onClick={() => navigate(`/orders/${o.id}`)}>
              <td className="check-col" onClick={e => e.stopPropagation()}>
                <input type="checkbox" aria-label={t('common.selectOne', { name: o.platformOrderId })} title={t('common.selectForBatch')}
                  checked={selection.has(o.id)} onChange={() => { setCursor(index); selection.toggle(o.id); }} />
              </td>
              <td><code>{o.platformOrderId}</code></td>
              <td>{shopName.get(o.shopId) ?? o.shopId}</td>
              <td><Term group="orderStatus" code={o.status} className={`pill status-${o.status}`} /></td>
              <td>{o.buyerNick}</td>
              <td>{formatMoney(o.payment)}</td>
              <td className="ellipsis">{o.buyerMessage}</td>
              <td>{formatTime(o.receivedAt, t)}</td>
            </tr>
          ))}
          {orders?.length === 0 && <tr><td colSpan={8} className="empty">{t('orders.none')}</td></tr>}
        </tbody>
      </table>
      <div className="pager">
        <button type="button" disabled={page <= 1} onClick={() => { setOrders(null); setPage(p => p - 1); }}>{t('orders.newer')}</button>
        <span>{t('orders.page', { page })}</span>
        <button type="button" disabled={page * 50 >= total} onClick={() => { setOrders(null); setPage(p => p + 1); }}>{t('orders.older')}</button>
      </div>
    </div>
  );
}
