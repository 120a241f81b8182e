import { useEffect, useMemo, useState } from 'react';
import { api, type Shop } from '../api';
import { isScoped } from './permissions';
import { useMe } from './session';

/**
 * The shops for pickers and filters, and their names by id. A reviewer gets only the shops assigned to them; when the
 * list cannot be read, an assigned shop still appears by its id as #3 (and an unscoped person gets none: screens still work).
 */
export function useShops(): { shops: Shop[]; shopName: Map<number, string> } {
  const me = useMe();
  const scoped = isScoped(me);
  const assigned = me.shopIds.join();
  const [all, setAll] = useState<Shop[] | null>(null);
  useEffect(() => {
    api.shops().then(p => setAll(p.items)).catch(() => setAll([]));
  }, []);
  const shops = useMemo(() => {
    if (!all) return [];
    if (!scoped) return all;
    const ids = assigned ? assigned.split(',').map(Number) : [];
    return ids.map(id => all.find(s => s.id === id) ?? placeholder(id));
  }, [all, scoped, assigned]);
  const shopName = useMemo(() => new Map(shops.concat(all ?? []).map(s => [s.id, s.name])), [all, shops]);
  return { shops, shopName };
}

function placeholder(id: number): Shop {
  return { id, code: String(id), name: `#${id}`, platform: '', isEnabled: true, version: 0, workflowDefinitionId: null };
}
