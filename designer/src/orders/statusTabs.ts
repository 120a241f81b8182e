import type { OrderCounts } from '../api';

/** A tab of the orders screen: the statuses (and exception kind) it lists, named in Chinese with the server's terms as a tooltip. */
export interface StatusTab {
  key: string;
  zh: string;
  statuses: string[];
  exceptionKind?: string;
}

// 待审核 takes the orders a rule stopped too: both wait for a reviewer. 缺货 is the out-of-stock part of 异常.
export const statusTabs: StatusTab[] = [
  { key: 'all', zh: '全部', statuses: [] },
  { key: 'review', zh: '待审核', statuses: ['PendingReview', 'Blocked'] },
  { key: 'exception', zh: '异常', statuses: ['Exception'] },
  { key: 'outOfStock', zh: '缺货', statuses: ['Exception'], exceptionKind: 'OutOfStock' },
  { key: 'picking', zh: '待拣货', statuses: ['Picking'] },
  { key: 'shipped', zh: '已发货', statuses: ['Shipped'] },
];

/** The English the server speaks for a tab, e.g. "PendingReview, Blocked" or "Exception: OutOfStock". */
export function tabTitle(tab: StatusTab): string {
  if (tab.statuses.length === 0) return 'All statuses';
  return tab.statuses.join(', ') + (tab.exceptionKind ? `: ${tab.exceptionKind}` : '');
}

/** How many orders a tab holds by the server's counts. */
export function tabCount(tab: StatusTab, counts: OrderCounts): number {
  if (tab.exceptionKind === 'OutOfStock') return counts.outOfStock;
  if (tab.statuses.length === 0) return counts.total;
  return tab.statuses.reduce((sum, s) => sum + (counts.statuses[s] ?? 0), 0);
}
