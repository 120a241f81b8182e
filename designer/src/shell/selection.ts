import { useCallback, useMemo, useState } from 'react';

/** The set with `id` added, or taken out when it was there. */
export function toggled(selected: ReadonlySet<number>, id: number): Set<number> {
  const next = new Set(selected);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

/** Select all of `ids` (the page), or none when all of them already are. */
export function allOrNone(selected: ReadonlySet<number>, ids: readonly number[]): Set<number> {
  return ids.length > 0 && ids.every(id => selected.has(id)) ? new Set() : new Set(ids);
}

/**
 * Rows ticked for a batch action. Only ids still on the page count: a row that left (decided elsewhere, filtered out)
 * drops out of the selection by itself, so a batch never acts on something the reviewer no longer sees.
 */
export function useSelection(ids: readonly number[]) {
  const [ticked, setTicked] = useState<ReadonlySet<number>>(new Set());
  const chosen = useMemo(() => ids.filter(id => ticked.has(id)), [ids, ticked]);
  const toggle = useCallback((id: number) => setTicked(s => toggled(s, id)), []);
  const toggleAll = useCallback(() => setTicked(s => allOrNone(new Set(ids.filter(id => s.has(id))), ids)), [ids]);
  const clear = useCallback(() => setTicked(new Set()), []);
  return {
    chosen,
    has: (id: number) => ticked.has(id) && ids.includes(id),
    all: ids.length > 0 && chosen.length === ids.length,
    some: chosen.length > 0 && chosen.length < ids.length,
    toggle, toggleAll, clear,
  };
}
