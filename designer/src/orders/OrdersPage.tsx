import { useEffect, useState } from 'react';
import { api, type Order, type OrderCounts } from '../api';
import { Term, useT } from '../i18n';
import { navigate } from '../shell/router';
import { useShops } from '../shell/useShops';
import { formatMoney, formatTime, problemText } from '../shell/format';
import { statusTabs, tabCount, tabTitle } from './statusTabs';

const statuses = ['AwaitingPayment', 'PendingReview', 'Blocked', 'Exception', 'Allocated', 'Picking', 'Verified', 'Shipped', 'Cancelled'];

/** How long typing pauses before the search goes to the server (Enter sends it at once). */
const searchDelayMs = 300;

interface Filter {
  statuses: string[];
  exceptionKind?: string;
}

const sameFilter = (a: Filter, b: Filter) => a.exceptionKind === b.exceptionKind && a.statuses.join() === b.statuses.join();

/**
 * Orders newest first, by status tab (with counts) or status, shop, and a search over order id, buyer, receiver,
 * mobile and tracking number done by the server; a row opens the order's journey.
 */
export function OrdersPage() {
  const t = useT();
  const [orders, setOrders] = useState<Order[] | null>(null);
  const [total, setTotal] = useState(0);
  const [counts, setCounts] = useState<OrderCounts | null>(null);
  const { shops, shopName } = useShops();
  const [shopId, setShopId] = useState<number | undefined>();
  const [filter, setFilter] = useState<Filter>({ statuses: [] });
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const wanted = typed.trim();
    if (wanted === search) return;
    const timer = setTimeout(() => { setPage(1); setSearch(wanted); }, searchDelayMs);
    return () => clearTimeout(timer);
  }, [typed, search]);

  useEffect(() => {
    api.orders({ shopId, status: filter.statuses, exceptionKind: filter.exceptionKind, q: search || undefined, page })
      .then(p => { setOrders(p.items); setTotal(p.total); setError(null); })
      .catch(e => { setOrders([]); setError(problemText(e, t)); });
  }, [shopId, filter, search, page, t]);

  useEffect(() => {
    api.orderCounts({ shopId, q: search || undefined }).then(setCounts).catch(e => setError(problemText(e, t)));
  }, [shopId, search, t]);

  // A new filter or page shows 加载中… until its rows arrive rather than the previous rows.
  const choose = (next: Filter) => { setPage(1); setOrders(null); setFilter(next); };
  const single = filter.statuses.length === 1 && !filter.exceptionKind ? filter.statuses[0] : '';

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
        <input type="search" aria-label={t('orders.search')} maxLength={64} placeholder={t('orders.searchPlaceholder')} title={t('orders.searchTitle')}
          value={typed} onChange={e => setTyped(e.target.value)}
          onKeyDown={e => { if (e.key === 'Enter') { setPage(1); setSearch(typed.trim()); } }} />
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
      {error && <div className="banner banner-error" role="alert">{error}</div>}
      <table className="grid">
        <thead>
          <tr>
            <th>{t('orders.col.order')}</th><th>{t('orders.col.shop')}</th><th>{t('orders.col.status')}</th><th>{t('orders.col.buyer')}</th>
            <th>{t('orders.col.payment')}</th><th>{t('orders.col.buyerMessage')}</th><th>{t('orders.col.received')}</th>
          </tr>
        </thead>
        <tbody aria-busy={!orders}>
          {!orders && <tr><td colSpan={7} className="empty">{t('common.loading')}</td></tr>}
          {orders?.map(o => (
            <tr key={o.id} className="clickable" data-testid={`order-${o.platformOrderId}`} onClick={() => navigate(`/orders/${o.id}`)}>
              <td><code>{o.platformOrderId}</code></td>
              <td>{shopName.get(o.shopId) ?? o.shopId}</td>
              <td><Term group="orderStatus" code={o.status} className={`pill status-${o.status}`} /></td>
              <td>{o.buyerNick}</td>
              <td>{formatMoney(o.payment)}</td>
              <td className="ellipsis">{o.buyerMessage}</td>
              <td>{formatTime(o.receivedAt)}</td>
            </tr>
          ))}
          {orders?.length === 0 && <tr><td colSpan={7} className="empty">{t('orders.none')}</td></tr>}
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
