import { Fragment, useEffect, useRef, useState } from 'react';
import { api, ApiError, type DefinitionBody, type WorkflowDefinitionSummary, type WorkflowDefinitionVersion } from '../api';
import { navigate } from '../shell/router';
import { errorText, formatTime } from '../shell/format';

/** Every workflow definition with its published and latest versions; create one, or import an exported JSON file. */
export function WorkflowList() {
  const [items, setItems] = useState<WorkflowDefinitionSummary[] | null>(null);
  const [expanded, setExpanded] = useState<string | null>(null);
  const [versions, setVersions] = useState<WorkflowDefinitionVersion[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [newId, setNewId] = useState('');
  const [newName, setNewName] = useState('');
  const file = useRef<HTMLInputElement>(null);

  const refresh = () => api.definitions().then(p => setItems(p.items)).catch(e => setError(errorText(e)));
  useEffect(() => { void refresh(); }, []);

  const toggle = async (id: string) => {
    if (expanded === id) return setExpanded(null);
    setExpanded(id);
    setVersions(await api.versions(id).catch(() => []));
  };

  const create = (e: React.FormEvent) => {
    e.preventDefault();
    const id = newId.trim();
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id)) return setError("An id holds letters, digits, '-', '_' and '.', starting with a letter or digit.");
    if (items?.some(i => i.definitionId === id)) return setError(`A workflow '${id}' exists already.`);
    navigate(`/workflows/${encodeURIComponent(id)}?new=1&name=${encodeURIComponent(newName.trim() || id)}`);
  };

  const importFile = async (f: File) => {
    setError(null);
    try {
      const body = JSON.parse(await f.text()) as DefinitionBody;
      const result = await api.importDefinition(body);
      navigate(`/workflows/${encodeURIComponent(result.definitionId)}`);
    } catch (e) {
      setError(e instanceof ApiError ? `${e.message} ${e.fieldMessages().join('; ')}` : `Could not import ${f.name}: ${errorText(e)}`);
    }
  };

  return (
    <div className="page">
      <div className="page-head">
        <h2>Workflows</h2>
        <span className="spacer" />
        <form className="inline-form" onSubmit={create}>
          <input aria-label="New workflow id" placeholder="new-workflow-id" value={newId} onChange={e => setNewId(e.target.value)} />
          <input aria-label="New workflow name" placeholder="Name (可中文)" value={newName} onChange={e => setNewName(e.target.value)} />
          <button type="submit" className="primary">New workflow</button>
        </form>
        <button type="button" onClick={() => file.current?.click()}>Import JSON…</button>
        <input ref={file} type="file" accept="application/json,.json" hidden aria-label="Import file"
          onChange={e => { const f = e.target.files?.[0]; if (f) void importFile(f); e.target.value = ''; }} />
      </div>
      {error && <div className="banner banner-error" role="alert">{error}</div>}
      {!items ? <p className="muted">Loading…</p> : (
        <table className="grid">
          <thead>
            <tr><th>Id</th><th>Name</th><th>Published</th><th>Latest</th><th>Status</th><th>Updated</th><th /></tr>
          </thead>
          <tbody>
            {items.map(d => (
              <Fragment key={d.definitionId}>
                <tr className="clickable" onClick={() => navigate(`/workflows/${encodeURIComponent(d.definitionId)}`)}>
                  <td><code>{d.definitionId}</code></td>
                  <td>{d.name}</td>
                  <td>{d.publishedVersion ? `v${d.publishedVersion}` : '—'}</td>
                  <td>v{d.latestVersion}</td>
                  <td>{d.hasDraft ? <span className="pill pill-draft">draft</span> : d.publishedVersion ? <span className="pill pill-ok">published</span> : <span className="pill">unpublished</span>}</td>
                  <td>{formatTime(d.updatedAt)}</td>
                  <td>
                    <button type="button" className="link" onClick={e => { e.stopPropagation(); void toggle(d.definitionId); }}>
                      {expanded === d.definitionId ? 'Hide versions' : 'Versions'}
                    </button>
                  </td>
                </tr>
                {expanded === d.definitionId && (
                  <tr className="sub-row">
                    <td colSpan={7}>
                      <table className="grid inner">
                        <thead><tr><th>Version</th><th>State</th><th>Source</th><th>Created</th><th>Published</th><th>By</th><th>Export</th></tr></thead>
                        <tbody>
                          {versions.map(v => (
                            <tr key={v.version}>
                              <td>v{v.version}</td><td>{v.state}</td><td>{v.source}</td>
                              <td>{formatTime(v.createdAt)}</td><td>{formatTime(v.publishedAt)}</td><td>{v.publishedBy ?? '—'}</td>
                              <td><a href={api.exportUrl(d.definitionId, v.version)} download>JSON</a></td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
