import type { Dispatch, SetStateAction } from 'react';
import type { Translate } from '../i18n';
import type { Notice } from './Banner';
import { failure } from './format';

/**
 * The number a list's heading shows: the server's count of everything its filter holds when known, else the rows loaded.
 * The lists load one page (up to 200 rows), so counting the rows alone would say "200" of a backlog of 5,000; the count
 * can also lag a moment behind the page, so it is never shown smaller than what is on screen.
 */
export function shownTotal(loaded: number, counted: number | null | undefined): number {
  return counted == null ? loaded : Math.max(loaded, counted);
}

/** What a list with counted tabs keeps in state (the inbox, the exception queue). */
export interface CountedListState<Item, Counts> {
  setItems: Dispatch<SetStateAction<Item[] | null>>;
  setCursor: Dispatch<SetStateAction<number>>;
  setCounts: (counts: Counts) => void;
  setNotice: (notice: Notice) => void;
}

/**
 * Loads a list's page and its tabs' counts at once; each shows as soon as it is in, and one failing does not hide the
 * other (a failed page leaves what was listed, or an empty list on first load). The first failure is the notice.
 */
export async function loadCountedList<Item, Counts>(
  page: Promise<{ items: Item[] }>, counts: Promise<Counts>, state: CountedListState<Item, Counts>, t: Translate,
): Promise<void> {
  const [listed, counted] = await Promise.allSettled([page, counts]);
  if (listed.status === 'fulfilled') {
    state.setItems(listed.value.items);
    state.setCursor(c => Math.min(c, Math.max(listed.value.items.length - 1, 0)));
  } else {
    state.setItems(i => i ?? []);
  }
  if (counted.status === 'fulfilled') state.setCounts(counted.value);
  const failed = listed.status === 'rejected' ? listed : counted.status === 'rejected' ? counted : null;
  if (failed) state.setNotice(failure(failed.reason, t));
}
