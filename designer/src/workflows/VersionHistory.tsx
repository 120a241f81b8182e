import { useEffect, useState } from 'react';
import { api, type WorkflowDefinition, type WorkflowDefinitionVersion } from '../api';
import { errorText, formatTime } from '../shell/format';

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
  const [versions, setVersions] = useState<WorkflowDefinitionVersion[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    api.versions(definitionId).then(v => { if (live) { setVersions(v); setFailed(null); } }, e => { if (live) setFailed(errorText(e)); });
    return () => { live = false; };
  }, [definitionId, refreshKey]);

  const rollBack = async (version: number) => {
    if (!window.confirm(`Publish version ${version}'s content again as a new version? New orders run it from then on.`)) return;
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
    <aside className="properties" aria-label="Version history" data-testid="version-history">
      <h3>Versions</h3>
      {failed && <p className="banner banner-error" role="alert">{failed}</p>}
      {!versions && !failed && <p className="muted">Loading…</p>}
      {blocked && <p className="muted small">{blocked}</p>}
      <ol className="version-list">
        {versions?.map(v => (
          <li key={v.version} data-testid={`version-${v.version}`}>
            <div>
              <strong>v{v.version}</strong> <span className={`pill ${stateClass[v.state] ?? ''}`}>{v.state.toLowerCase()}</span>
              {v.name && <span className="muted"> {v.name}</span>}
            </div>
            <div className="small" data-testid={`published-${v.version}`}>
              {v.publishedAt
                ? <>Published {formatTime(v.publishedAt)} by <strong>{v.publishedBy ?? 'unknown'}</strong></>
                : `Saved ${formatTime(v.createdAt)}, not published`}
            </div>
            {v.source.startsWith('rollback:') && <div className="small muted">Rolled back to {v.source.slice('rollback:'.length)}</div>}
            {v.state === 'Retired' && v.publishedAt && (
              <button type="button" disabled={busy || !!blocked} onClick={() => void rollBack(v.version)}>Roll back to v{v.version}</button>
            )}
          </li>
        ))}
      </ol>
    </aside>
  );
}
