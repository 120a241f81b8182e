import { useEffect, useState } from 'react';
import { api, ApiError, type Order, type OrderCounts } from '../api';
import { navigate } from '../shell/router';
import { useShops } from '../shell/useShops';
import { errorText, formatMoney, formatTime } from '../shell/format';
import { statusTabs, tabCount, tabTitle } from './statusTabs';

const statuses = ['AwaitingPayment', 'PendingReview', 'Blocked', 'Exception', 'Allocated', 'Picking', 'Verified', 'Shipped', 'Cancelled'];

/** How long typing pauses before the search goes to the server (Enter sends it at once). */
const searchDelayMs = 300;

interface Filter {
  statuses: string[];
  exceptionKind?: string;
}

/** A refused search names its field (q) in the problem's errors; show those rather than the generic title. */
const problemText = (e: unknown) => (e instanceof ApiError && e.fieldMessages().length > 0 ? e.fieldMessages().join(' ') : errorText(e));

const sameFilter = (a: Filter, b: Filter) => a.exceptionKind === b.exceptionKind && a.statuses.join() === b.statuses.join();

/**
 * Orders newest first, by status tab (with counts) or status, shop, and a search over order id, buyer, receiver,
 * mobile and tracking number done by the server; a row opens the order's journey.
 */
export function OrdersPage() {
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
      .catch(e => setError(problemText(e)));
  }, [shopId, filter, search, page]);

  useEffect(() => {
    api.orderCounts({ shopId, q: search || undefined }).then(setCounts).catch(e => setError(problemText(e)));
  }, [shopId, search]);

  const choose = (next: Filter) => { setPage(1); setFilter(next); };
  const single = filter.statuses.length === 1 && !filter.exceptionKind ? filter.statuses[0] : '';

  return (
    <div className="page">
      <div className="page-head">
        <h2>Orders</h2>
        <span className="muted">{total} in all</span>
        <span className="spacer" />
        <select aria-label="Shop filter" value={shopId ?? ''} onChange={e => { setPage(1); setShopId(e.target.value ? Number(e.target.value) : undefined); }}>
          <option value="">All shops</option>
          {shops.map(s => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
        <select aria-label="Status filter" value={single} onChange={e => choose({ statuses: e.target.value ? [e.target.value] : [] })}>
          <option value="">Any status</option>
          {statuses.map(s => <option key={s} value={s}>{s}</option>)}
        </select>
        <input type="search" aria-label="Search orders" maxLength={64} placeholder="订单号 / 买家 / 收件人 / 手机 / 运单号" title="Order id (or part), buyer, receiver, mobile or tracking number"
          value={typed} onChange={e => setTyped(e.target.value)}
          onKeyDown={e => { if (e.key === 'Enter') { setPage(1); setSearch(typed.trim()); } }} />
      </div>
      <div className="tabs" role="tablist" aria-label="Order status">
        {statusTabs.map(tab => {
          const selected = sameFilter(filter, tab);
          return (
            <button key={tab.key} type="button" role="tab" aria-selected={selected} className={selected ? 'tab tab-selected' : 'tab'}
              title={tabTitle(tab)} data-testid={`tab-${tab.key}`} onClick={() => choose({ statuses: tab.statuses, exceptionKind: tab.exceptionKind })}>
              {tab.zh} <span className="tab-count">{counts ? tabCount(tab, counts) : '…'}</span>
            </button>
          );
        })}
      </div>
      {error && <div className="banner banner-error" role="alert">{error}</div>}
      <table className="grid">
        <thead><tr><th>Order</th><th>Shop</th><th>Status</th><th>Buyer</th><th>Payment</th><th>买家留言</th><th>Received</th></tr></thead>
        <tbody>
          {orders?.map(o => (
            <tr key={o.id} className="clickable" data-testid={`order-${o.platformOrderId}`} onClick={() => navigate(`/orders/${o.id}`)}>
              <td><code>{o.platformOrderId}</code></td>
              <td>{shopName.get(o.shopId) ?? o.shopId}</td>
              <td><span className={`pill status-${o.status}`}>{o.status}</span></td>
              <td>{o.buyerNick}</td>
              <td>{formatMoney(o.payment)}</td>
              <td className="ellipsis">{o.buyerMessage}</td>
              <td>{formatTime(o.receivedAt)}</td>
            </tr>
          ))}
          {orders?.length === 0 && <tr><td colSpan={7} className="empty">No orders match.</td></tr>}
        </tbody>
      </table>
      <div className="pager">
        <button type="button" disabled={page <= 1} onClick={() => setPage(p => p - 1)}>← Newer</button>
        <span>Page {page}</span>
        <button type="button" disabled={page * 50 >= total} onClick={() => setPage(p => p + 1)}>Older →</button>
      </div>
    </div>
  );
}
