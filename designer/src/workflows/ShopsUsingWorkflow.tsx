import { useEffect, useState } from 'react';
import { api, type Shop } from '../api';
import { useT } from '../i18n';
import type { Notice } from '../shell/Banner';
import { failure } from '../shell/format';
import { can } from '../shell/permissions';
import { useMe } from '../shell/session';

const DEFAULT_WORKFLOW = 'sales-order';

/**
 * Which shops' new orders run this workflow; a shop runs the default sales-order unless it names another. Whoever may
 * edit workflows (an ops lead, an admin) picks them; others see the same list, read-only.
 */
export function ShopsUsingWorkflow({ definitionId, published }: { definitionId: string; published: boolean }) {
  const t = useT();
  const mayChange = can(useMe(), 'workflows');
  const [shops, setShops] = useState<Shop[]>([]);
  const [error, setError] = useState<Notice | null>(null);
  useEffect(() => {
    api.shops().then(p => setShops(p.items)).catch(e => setError(failure(e, t)));
  }, [t]);

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
      setError(failure(e, t));
    }
  };

  return (
    <section className="shops-using" aria-label={t('wf.shops.label')}>
      <h4>{t('wf.shops.title')}</h4>
      {!published && <p className="small">{t('wf.shops.publishFirst')}</p>}
      {published && !mayChange && <p className="small muted">{t('wf.shops.opsLeadPicks')}</p>}
      {shops.map(shop => (
        <label key={shop.id} className="check">
          <input type="checkbox" aria-label={t('wf.shops.runFor', { shop: shop.name })} checked={runs(shop)} data-testid={`run-for-${shop.code}`}
            disabled={!mayChange || !published || (definitionId === DEFAULT_WORKFLOW && runs(shop))}
            onChange={e => void toggle(shop, e.target.checked)} />
          {shop.name}
          {!runs(shop) && <span className="muted small">{t('wf.shops.runs', { workflow: shop.workflowDefinitionId ?? DEFAULT_WORKFLOW })}</span>}
        </label>
      ))}
      {error && <div className="error-box" role="alert" title={error.hint}>{error.text}</div>}
    </section>
  );
}
