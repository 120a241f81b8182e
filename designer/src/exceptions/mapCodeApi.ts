// 映射商家编码: the goods and combos a merchant code can be mapped to, and the call that maps it (POST /api/merchant-codes/{code}:map).
import { request, type Page, type RemapItem } from '../api';

/** Goods as GET /api/goods lists them (GoodsResponse), the fields the picker shows. */
export interface GoodsOption {
  id: number;
  merchantCode: string;
  name: string;
  spec: string | null;
  isEnabled: boolean;
}

/** A combo as GET /api/combos lists it (ComboResponse), the fields the picker shows. */
export interface ComboOption {
  id: number;
  code: string;
  name: string;
  isEnabled: boolean;
  items: { goodsId: number; merchantCode: string; name: string; quantity: number }[];
}

/** What to map the code to: goods or a combo, one of them. */
export type MapTarget = { goodsId: number } | { comboId: number };

/** What mapping did (MerchantCodeMappingResponse): what the code maps to, whether this call recorded it, and the orders it continued. */
export interface MerchantCodeMapping {
  merchantCode: string;
  kind: 'Goods' | 'Combo';
  targetId: number;
  targetCode: string;
  targetName: string;
  created: boolean;
  continued: RemapItem[];
  stillWaiting: RemapItem[];
}

const search = (q: string) => {
  const query = new URLSearchParams({ isEnabled: 'true', pageSize: '20' });
  if (q.trim()) query.set('q', q.trim());
  return query;
};

export const mapCodeApi = {
  /** Enabled goods whose name, merchant code or barcode contains q. */
  goods: (q: string) => request<Page<GoodsOption>>('GET', `/api/goods?${search(q)}`),
  /** Enabled combos whose code or name contains q. */
  combos: (q: string) => request<Page<ComboOption>>('GET', `/api/combos?${search(q)}`),
  /** Maps the code (409 when it already maps elsewhere, 400 naming goodsId/comboId) and continues the orders waiting on it. */
  map: (code: string, target: MapTarget & { note?: string }) =>
    request<MerchantCodeMapping>('POST', `/api/merchant-codes/${encodeURIComponent(code)}:map`, target),
};
