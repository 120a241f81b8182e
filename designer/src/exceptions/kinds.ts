// The exception queue's kinds (src/Orchestrator.Domain/Orders/OrderExceptionKind.cs) as a reviewer reads them.

export const kindLabels: Record<string, { label: string; zh: string }> = {
  AddressProblem: { label: 'Address problem', zh: '地址异常' },
  RefundRequested: { label: 'Refund requested', zh: '退款中' },
  OutOfStock: { label: 'Out of stock', zh: '缺货' },
  UnmappedSku: { label: 'Unmapped SKU', zh: '商品未匹配' },
  PlatformError: { label: 'Platform error', zh: '平台异常' },
  NoWarehouse: { label: 'No warehouse', zh: '无可用仓库' },
  RuleMatched: { label: 'Rule matched', zh: '规则转异常' },
  Other: { label: 'Other', zh: '其他' },
};

/** Every kind the queue can hold, for filters. */
export const allKinds = Object.keys(kindLabels);

/** The kinds a person may set an order aside with (POST /api/orders/{id}/exceptions; the rest the workflow raises). */
export const raisableKinds = ['OutOfStock', 'RefundRequested', 'AddressProblem', 'UnmappedSku', 'PlatformError', 'Other'];

/** "Address problem 地址异常"; an unknown kind as the server named it. */
export function kindText(kind: string): string {
  const k = kindLabels[kind];
  return k ? `${k.label} ${k.zh}` : kind;
}
