import type { ReactNode } from 'react';
import { useT } from '../i18n';

/**
 * The toolbar over a list whose rows can be ticked for a batch: "select all on this page" (indeterminate when some are
 * ticked), how many are ticked, then the list's own batch buttons.
 */
export function BatchBar({ all, some, count, onToggleAll, disabled, selectAllTitle, children }: {
  all: boolean;
  some: boolean;
  count: number;
  onToggleAll: () => void;
  disabled?: boolean;
  selectAllTitle?: string;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <div className="batch-bar" role="toolbar" aria-label={t('common.batchActions')}>
      <label className="check" title={selectAllTitle ?? t('common.selectAllTitle')}>
        <input type="checkbox" aria-label={t('common.selectAllOnPage')} checked={all} disabled={disabled}
          ref={el => { if (el) el.indeterminate = some; }} onChange={onToggleAll} /> {t('common.selectAllOnPage')}
      </label>
      <span className="muted" data-testid="selected-count">{count > 0 ? t('common.selectedCount', { count }) : t('common.noneSelected')}</span>
      {children}
    </div>
  );
}
