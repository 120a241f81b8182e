import { useEffect, useState } from 'react';
import { api, type Order } from '../api';
import { navigate } from '../shell/router';
import { useShops } from '../shell/useShops';
import { errorText, formatMoney, formatTime } from '../shell/format';

const statuses = ['AwaitingPayment', 'PendingReview', 'Blocked', 'Exception', 'Allocated', 'Picking', 'Verified', 'Shipped', 'Cancelled'];

/** Orders newest first, filtered by shop, status or platform order id; a row opens the order's journey. */
export function OrdersPage() {
  const [orders, setOrders] = useState<Order[] | null>(null);
  const [total, setTotal] = useState(0);
  const { shops, shopName } = useShops();
  const [shopId, setShopId] = useState<number | undefined>();
  const [status, setStatus] = useState('');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.orders({ shopId, status: status || undefined, platformOrderId: search.trim() || undefined, page })
      .then(p => { setOrders(p.items); setTotal(p.total); setError(null); })
      .catch(e => setError(errorText(e)));
  }, [shopId, status, search, page]);

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
        <select aria-label="Status filter" value={status} onChange={e => { setPage(1); setStatus(e.target.value); }}>
          <option value="">Any status</option>
          {statuses.map(s => <option key={s} value={s}>{s}</option>)}
        </select>
        <input aria-label="Platform order id" placeholder="Platform order id" value={search} onChange={e => { setPage(1); setSearch(e.target.value); }} />
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
