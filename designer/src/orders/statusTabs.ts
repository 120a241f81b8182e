import type { OrderCounts } from '../api';
import type { MessageKey, Translate } from '../i18n';

/** A tab of the orders screen: the statuses (and exception kind) it lists, named in Chinese with the server's terms as a tooltip. */
export interface StatusTab {
  key: string;
  label: MessageKey;
  statuses: string[];
  exceptionKind?: string;
}

// 待审核 takes the orders a rule stopped too: both wait for a reviewer. 缺货 is the out-of-stock part of 异常.
export const statusTabs: StatusTab[] = [
  { key: 'all', label: 'orders.tab.all', statuses: [] },
  { key: 'review', label: 'orders.tab.review', statuses: ['PendingReview', 'Blocked'] },
  { key: 'exception', label: 'orders.tab.exception', statuses: ['Exception'] },
  { key: 'outOfStock', label: 'orders.tab.outOfStock', statuses: ['Exception'], exceptionKind: 'OutOfStock' },
  { key: 'picking', label: 'orders.tab.picking', statuses: ['Picking'] },
  { key: 'shipped', label: 'orders.tab.shipped', statuses: ['Shipped'] },
];

/** The English the server speaks for a tab, e.g. "PendingReview, Blocked" or "Exception: OutOfStock". */
export function tabTitle(tab: StatusTab, t: Translate): string {
  if (tab.statuses.length === 0) return t('orders.allStatuses');
  return tab.statuses.join(', ') + (tab.exceptionKind ? `: ${tab.exceptionKind}` : '');
}

/** How many orders a tab holds by the server's counts. */
export function tabCount(tab: StatusTab, counts: OrderCounts): number {
  if (tab.exceptionKind === 'OutOfStock') return counts.outOfStock;
  if (tab.statuses.length === 0) return counts.total;
  return tab.statuses.reduce((sum, s) => sum + (counts.statuses[s] ?? 0), 0);
}
