import { useEffect, useState } from 'react';
import { api, ApiError, type Shop } from '../api';
import { errorText } from '../shell/format';
import { can } from '../shell/permissions';
import { useMe } from '../shell/session';

const DEFAULT_WORKFLOW = 'sales-order';

/**
 * Which shops' new orders run this workflow; a shop runs the default sales-order unless it names another. Whoever may
 * edit workflows (an ops lead, an admin) picks them; others see the same list, read-only.
 */
export function ShopsUsingWorkflow({ definitionId, published }: { definitionId: string; published: boolean }) {
  const mayChange = can(useMe(), 'workflows');
  const [shops, setShops] = useState<Shop[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.shops().then(p => setShops(p.items)).catch(e => setError(errorText(e)));
  }, []);

  const runs = (shop: Shop) => (shop.workflowDefinitionId ?? DEFAULT_WORKFLOW) === definitionId;
  const toggle = async (shop: Shop, on: boolean) => {
    setError(null);
    const target = on ? (definitionId === DEFAULT_WORKFLOW ? null : definitionId) : null;
    const put = (next: Shop) => setShops(list => list.map(s => (s.id === shop.id ? next : s)));
    put({ ...shop, workflowDefinitionId: target }); // shown at once; put back if the server refuses
    try {
      put({ ...shop, ...(await api.setShopWorkflow(shop, target)) });
    } catch (e) {
      put(shop);
      setError(e instanceof ApiError ? [e.message, ...e.fieldMessages()].join(' ') : errorText(e));
    }
  };

  return (
    <section className="shops-using" aria-label="Shops running this workflow">
      <h4>Shops running it</h4>
      {!published && <p className="small">Publish it first; then pick the shops whose new orders run it.</p>}
      {published && !mayChange && <p className="small muted">An ops lead picks the shops that run it.</p>}
      {shops.map(shop => (
        <label key={shop.id} className="check">
          <input type="checkbox" aria-label={`Run for ${shop.name}`} checked={runs(shop)}
            disabled={!mayChange || !published || (definitionId === DEFAULT_WORKFLOW && runs(shop))}
            onChange={e => void toggle(shop, e.target.checked)} />
          {shop.name}
          {!runs(shop) && <span className="muted small"> · runs {shop.workflowDefinitionId ?? DEFAULT_WORKFLOW}</span>}
        </label>
      ))}
      {error && <div className="error-box" role="alert">{error}</div>}
    </section>
  );
}
