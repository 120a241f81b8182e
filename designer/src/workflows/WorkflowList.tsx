import { Fragment, useEffect, useRef, useState } from 'react';
import { api, type DefinitionBody, type WorkflowDefinitionSummary, type WorkflowDefinitionVersion } from '../api';
import { Term, useT } from '../i18n';
import { navigate } from '../shell/router';
import { Banner, type Notice } from '../shell/Banner';
import { failure, formatTime } from '../shell/format';
import { sourceText } from './names';

/** Every workflow definition with its published and latest versions; create one, or import an exported JSON file. */
export function WorkflowList() {
  const t = useT();
  const [items, setItems] = useState<WorkflowDefinitionSummary[] | null>(null);
  const [expanded, setExpanded] = useState<string | null>(null);
  const [versions, setVersions] = useState<WorkflowDefinitionVersion[]>([]);
  const [error, setError] = useState<Notice | null>(null);
  const [newId, setNewId] = useState('');
  const [newName, setNewName] = useState('');
  const file = useRef<HTMLInputElement>(null);

  const refresh = () => api.definitions().then(p => setItems(p.items)).catch(e => setError(failure(e, t)));
  useEffect(() => { void refresh(); }, []);

  const toggle = async (id: string) => {
    if (expanded === id) return setExpanded(null);
    setExpanded(id);
    setVersions(await api.versions(id).catch(() => []));
  };

  const create = (e: React.FormEvent) => {
    e.preventDefault();
    const id = newId.trim();
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id)) return setError({ kind: 'error', text: t('wf.list.badId') });
    if (items?.some(i => i.definitionId === id)) return setError({ kind: 'error', text: t('wf.list.exists', { id }) });
    navigate(`/workflows/${encodeURIComponent(id)}?new=1&name=${encodeURIComponent(newName.trim() || id)}`);
  };

  const importFile = async (f: File) => {
    setError(null);
    try {
      const body = JSON.parse(await f.text()) as DefinitionBody;
      const result = await api.importDefinition(body);
      navigate(`/workflows/${encodeURIComponent(result.definitionId)}`);
    } catch (e) {
      setError(failure(e, t, problem => t('wf.list.importFailed', { file: f.name, problem })));
    }
  };

  return (
    <div className="page">
      <div className="page-head">
        <h2>{t('wf.list.title')}</h2>
        <span className="spacer" />
        <form className="inline-form" onSubmit={create}>
          <input aria-label={t('wf.list.newId')} placeholder={t('wf.list.newIdPlaceholder')} value={newId} data-testid="new-workflow-id"
            onChange={e => setNewId(e.target.value)} />
          <input aria-label={t('wf.list.newName')} placeholder={t('wf.list.newNamePlaceholder')} value={newName} data-testid="new-workflow-name"
            onChange={e => setNewName(e.target.value)} />
          <button type="submit" className="primary" data-testid="new-workflow">{t('wf.list.create')}</button>
        </form>
        <button type="button" onClick={() => file.current?.click()}>{t('wf.list.import')}</button>
        <input ref={file} type="file" accept="application/json,.json" hidden aria-label={t('wf.list.importFile')} data-testid="import-file"
          onChange={e => { const f = e.target.files?.[0]; if (f) void importFile(f); e.target.value = ''; }} />
      </div>
      <Banner notice={error} />
      {!items ? <p className="muted">{t('common.loading')}</p> : (
        <table className="grid">
          <thead>
            <tr>
              <th>{t('wf.list.col.id')}</th><th>{t('wf.list.col.name')}</th><th>{t('wf.list.col.published')}</th><th>{t('wf.list.col.latest')}</th>
              <th>{t('wf.list.col.status')}</th><th>{t('wf.list.col.updated')}</th><th />
            </tr>
          </thead>
          <tbody>
            {items.map(d => (
              <Fragment key={d.definitionId}>
                <tr className="clickable" onClick={() => navigate(`/workflows/${encodeURIComponent(d.definitionId)}`)}>
                  <td><code>{d.definitionId}</code></td>
                  <td>{d.name}</td>
                  <td>{d.publishedVersion ? `v${d.publishedVersion}` : '—'}</td>
                  <td>v{d.latestVersion}</td>
                  <td>
                    {d.hasDraft ? <Term className="pill pill-draft" group="definitionState" code="Draft" />
                      : d.publishedVersion ? <Term className="pill pill-ok" group="definitionState" code="Published" />
                        : <span className="pill">{t('wf.list.unpublished')}</span>}
                  </td>
                  <td>{formatTime(d.updatedAt, t)}</td>
                  <td>
                    <button type="button" className="link" onClick={e => { e.stopPropagation(); void toggle(d.definitionId); }}>
                      {t(expanded === d.definitionId ? 'wf.list.hideVersions' : 'wf.list.versions')}
                    </button>
                  </td>
                </tr>
                {expanded === d.definitionId && (
                  <tr className="sub-row">
                    <td colSpan={7}>
                      <table className="grid inner">
                        <thead>
                          <tr>
                            <th>{t('wf.list.col.version')}</th><th>{t('wf.list.col.state')}</th><th>{t('wf.list.col.source')}</th>
                            <th>{t('wf.list.col.created')}</th><th>{t('wf.list.col.publishedAt')}</th><th>{t('wf.list.col.by')}</th>
                            <th>{t('wf.list.col.export')}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {versions.map(v => (
                            <tr key={v.version}>
                              <td>v{v.version}</td><td><Term group="definitionState" code={v.state} /></td>
                              <td title={v.source}>{sourceText(v.source, t)}</td>
                              <td>{formatTime(v.createdAt, t)}</td><td>{formatTime(v.publishedAt, t)}</td><td>{v.publishedBy ?? '—'}</td>
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
