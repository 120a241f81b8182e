import { useEffect, useState } from 'react';
import { api, type WorkflowDefinition, type WorkflowDefinitionVersion } from '../api';
import { useT } from '../i18n';
import type { Notice } from '../shell/Banner';
import { failure, formatTime } from '../shell/format';

const stateClass: Record<string, string> = { Draft: 'pill-draft', Published: 'pill-ok' };

interface Props {
  definitionId: string;
  /** Changes whenever a version may have been added, so the list is read again. */
  refreshKey: string;
  /** Why rolling back is not possible now (unsaved changes), or null. */
  blocked: string | null;
  onRolledBack: (published: WorkflowDefinition) => void;
  onError: (error: unknown) => void;
}

/**
 * The versions of a workflow, newest first: state, when and by whom each was published, and on an earlier published
 * version "Roll back", which publishes its content again as a new version.
 */
export function VersionHistory({ definitionId, refreshKey, blocked, onRolledBack, onError }: Props) {
  const t = useT();
  const [versions, setVersions] = useState<WorkflowDefinitionVersion[] | null>(null);
  const [failed, setFailed] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    api.versions(definitionId).then(v => { if (live) { setVersions(v); setFailed(null); } }, e => { if (live) setFailed(failure(e, t)); });
    return () => { live = false; };
  }, [definitionId, refreshKey, t]);

  const rollBack = async (version: number) => {
    if (!window.confirm(t('wf.versions.confirmRollBack', { version }))) return;
    setBusy(true);
    try {
      const published = await api.republish(definitionId, version);
      setVersions(await api.versions(definitionId));
      onRolledBack(published);
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <aside className="properties" aria-label={t('wf.versions.label')} data-testid="version-history">
      <h3>{t('wf.versions.title')}</h3>
      {failed && <p className="banner banner-error" role="alert" title={failed.hint}>{failed.text}</p>}
      {!versions && !failed && <p className="muted">{t('common.loading')}</p>}
      {blocked && <p className="muted small">{blocked}</p>}
      <ol className="version-list">
        {versions?.map(v => (
          <li key={v.version} data-testid={`version-${v.version}`}>
            <div>
              <strong>v{v.version}</strong> <span className={`pill ${stateClass[v.state] ?? ''}`} title={v.state} data-state={v.state}>{t.term('definitionState', v.state)}</span>
              {v.name && <span className="muted"> {v.name}</span>}
            </div>
            <div className="small" data-testid={`published-${v.version}`}>
              {v.publishedAt
                ? t('wf.versions.published', { time: formatTime(v.publishedAt, t), by: v.publishedBy ?? t('wf.versions.unknownPublisher') })
                : t('wf.versions.saved', { time: formatTime(v.createdAt, t) })}
            </div>
            {v.source.startsWith('rollback:') && (
              <div className="small muted" title={v.source}>{t('wf.versions.rolledBackTo', { version: v.source.slice('rollback:'.length) })}</div>
            )}
            {v.state === 'Retired' && v.publishedAt && (
              <button type="button" disabled={busy || !!blocked} data-testid={`roll-back-${v.version}`}
                onClick={() => void rollBack(v.version)}>{t('wf.versions.rollBack', { version: v.version })}</button>
            )}
          </li>
        ))}
      </ol>
    </aside>
  );
}
