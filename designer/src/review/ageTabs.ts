import type { ReviewCounts } from '../api';
import type { MessageKey } from '../i18n';

/** A tab of the review inbox: the orders waiting longer than its minutes (the list's olderThanMinutes), or all of them. */
export interface AgeTab {
  key: string;
  label: MessageKey;
  olderThanMinutes?: number;
}

// The ages the server counts (ReviewApi.Ages): an order waiting a day is in all three.
export const ageTabs: AgeTab[] = [
  { key: 'all', label: 'inbox.tab.all' },
  { key: 'older30', label: 'inbox.older30', olderThanMinutes: 30 },
  { key: 'older120', label: 'inbox.older120', olderThanMinutes: 120 },
  { key: 'older1440', label: 'inbox.older1440', olderThanMinutes: 1440 },
];

/** How many orders a tab holds by the server's counts. */
export function ageTabCount(tab: AgeTab, counts: ReviewCounts): number {
  return tab.olderThanMinutes === undefined ? counts.total : counts.olderThanMinutes[String(tab.olderThanMinutes)] ?? 0;
}
