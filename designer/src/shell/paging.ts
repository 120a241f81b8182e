/**
 * The number a list's heading shows: the server's count of everything its filter holds when known, else the rows loaded.
 * The lists load one page (up to 200 rows), so counting the rows alone would say "200" of a backlog of 5,000; the count
 * can also lag a moment behind the page, so it is never shown smaller than what is on screen.
 */
export function shownTotal(loaded: number, counted: number | null | undefined): number {
  return counted == null ? loaded : Math.max(loaded, counted);
}
