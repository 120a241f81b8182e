import { useMemo, useState } from 'react';
import type { ActivityDescriptor } from '../api';

export const DRAG_TYPE = 'application/x-orchestrator-activity';

/** The activity palette from GET /api/activities: search, grouped by category; drag onto the canvas or press Add. */
export function Palette({ activities, onAdd }: { activities: ActivityDescriptor[]; onAdd: (type: string) => void }) {
  const [search, setSearch] = useState('');
  const groups = useMemo(() => {
    const q = search.trim().toLowerCase();
    const matching = activities.filter(a =>
      !q || [a.typeName, a.displayName, a.category, a.description ?? ''].some(t => t.toLowerCase().includes(q)));
    const byCategory = new Map<string, ActivityDescriptor[]>();
    matching.forEach(a => byCategory.set(a.category, [...(byCategory.get(a.category) ?? []), a]));
    return [...byCategory.entries()];
  }, [activities, search]);

  return (
    <aside className="palette" aria-label="Activity palette">
      <input
        type="search"
        className="palette-search"
        placeholder="Search activities…"
        aria-label="Search activities"
        value={search}
        onChange={e => setSearch(e.target.value)}
      />
      {groups.length === 0 && <p className="muted">No activity matches “{search}”.</p>}
      {groups.map(([category, items]) => (
        <section key={category} className="palette-group">
          <h4>{category}</h4>
          {items.map(a => (
            <div
              key={a.typeName}
              className="palette-item"
              draggable
              data-testid={`palette-${a.typeName}`}
              title={a.description ?? a.typeName}
              onDragStart={e => {
                e.dataTransfer.setData(DRAG_TYPE, a.typeName);
                e.dataTransfer.effectAllowed = 'move';
              }}
            >
              <div className="palette-item-text">
                <span className="palette-name">{a.displayName}</span>
                <span className="palette-ports">{a.outcomes.length ? a.outcomes.join(' · ') : 'ends'}</span>
              </div>
              <button type="button" className="icon-button" aria-label={`Add ${a.displayName}`} onClick={() => onAdd(a.typeName)}>+</button>
            </div>
          ))}
        </section>
      ))}
    </aside>
  );
}
