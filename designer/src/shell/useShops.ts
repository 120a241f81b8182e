import { useEffect, useMemo, useState } from 'react';
import { api, type Shop } from '../api';

/** The shops for pickers and filters, and their names by id; empty when they cannot be read (screens still work). */
export function useShops(): { shops: Shop[]; shopName: Map<number, string> } {
  const [shops, setShops] = useState<Shop[]>([]);
  useEffect(() => {
    api.shops().then(p => setShops(p.items)).catch(() => setShops([]));
  }, []);
  const shopName = useMemo(() => new Map(shops.map(s => [s.id, s.name])), [shops]);
  return { shops, shopName };
}
