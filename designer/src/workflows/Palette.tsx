import { useMemo, useState } from 'react';
import type { ActivityDescriptor } from '../api';
import { useT } from '../i18n';
import { activityHelp, activityName } from './names';

export const DRAG_TYPE = 'application/x-orchestrator-activity';

/** The activity palette from GET /api/activities: search, grouped by category; drag onto the canvas or press Add. */
export function Palette({ activities, onAdd }: { activities: ActivityDescriptor[]; onAdd: (type: string) => void }) {
  const t = useT();
  const [search, setSearch] = useState('');
  const groups = useMemo(() => {
    const q = search.trim().toLowerCase();
    // Found by its name in either language, its code, its category or what it does.
    const matching = activities.filter(a => !q || [
      a.typeName, a.displayName, activityName(t, a.typeName, a), a.category, t.term('activityCategory', a.category), activityHelp(t, a) ?? '',
    ].some(text => text.toLowerCase().includes(q)));
    const byCategory = new Map<string, ActivityDescriptor[]>();
    matching.forEach(a => byCategory.set(a.category, [...(byCategory.get(a.category) ?? []), a]));
    return [...byCategory.entries()];
  }, [activities, search, t]);

  return (
    <aside className="palette" aria-label={t('wf.palette.label')} data-testid="palette">
      <input
        type="search"
        className="palette-search"
        placeholder={t('wf.palette.searchPlaceholder')}
        aria-label={t('wf.palette.search')}
        data-testid="palette-search"
        value={search}
        onChange={e => setSearch(e.target.value)}
      />
      {groups.length === 0 && <p className="muted">{t('wf.palette.none', { search })}</p>}
      {groups.map(([category, items]) => (
        <section key={category} className="palette-group">
          <h4 title={category}>{t.term('activityCategory', category)}</h4>
          {items.map(a => (
            <div
              key={a.typeName}
              className="palette-item"
              draggable
              data-testid={`palette-${a.typeName}`}
              title={[a.typeName, activityHelp(t, a)].filter(Boolean).join(': ')}
              onDragStart={e => {
                e.dataTransfer.setData(DRAG_TYPE, a.typeName);
                e.dataTransfer.effectAllowed = 'move';
              }}
            >
              <div className="palette-item-text">
                <span className="palette-name">{activityName(t, a.typeName, a)}</span>
                <span className="palette-ports" title={a.outcomes.join(' · ')}>
                  {a.outcomes.length ? a.outcomes.map(o => t.term('outcome', o)).join(' · ') : t('wf.palette.ends')}
                </span>
              </div>
              <button type="button" className="icon-button" aria-label={t('wf.palette.add', { name: activityName(t, a.typeName, a) })}
                data-testid={`palette-add-${a.typeName}`} onClick={() => onAdd(a.typeName)}>+</button>
            </div>
          ))}
        </section>
      ))}
    </aside>
  );
}
