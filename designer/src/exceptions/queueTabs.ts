import type { ExceptionCounts, ExceptionState } from '../api';
import type { MessageKey } from '../i18n';
import { allKinds } from './kinds';

/** The exception queue's state tabs, in the list's own terms (its state filter). */
export const stateTabs: { state: ExceptionState; label: MessageKey }[] = [
  { state: 'open', label: 'exceptions.state.open' },
  { state: 'resolved', label: 'exceptions.state.resolved' },
  { state: 'all', label: 'exceptions.state.all' },
];

/** How many entries the list holds for a state and a kind ('' for every kind) by the server's counts. */
export function queueCount(counts: ExceptionCounts, state: ExceptionState, kind = ''): number {
  const of = (part: 'open' | 'resolved') => (kind ? counts[`${part}Kinds`][kind] ?? 0 : counts[part]);
  return state === 'all' ? of('open') + of('resolved') : of(state);
}

/** The kinds worth a tab in a state: those with entries, and the chosen one even when it has none left. */
export function kindTabs(counts: ExceptionCounts | null, state: ExceptionState, chosen: string): string[] {
  return allKinds.filter(k => k === chosen || (counts !== null && queueCount(counts, state, k) > 0));
}
