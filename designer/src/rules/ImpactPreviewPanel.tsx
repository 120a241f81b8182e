import type { ImpactPreview } from '../api';

const verdicts = ['Approve', 'Hold', 'Block', 'RouteToException'] as const;

/**
 * What publishing the edited rule would change over the shop's recent orders, between saving and publishing: the
 * summary, the counts per decision, the moves between decisions and example orders (opened in a new tab, so the
 * unsaved edit stays).
 */
export function ImpactPreviewPanel({ preview, error, busy, onPublish, onCancel }: {
  preview: ImpactPreview | null; error: string | null; busy: boolean; onPublish: () => void; onCancel: () => void;
}) {
  return (
    <section className="impact-preview" aria-label="Impact preview" data-testid="impact-preview">
      <h4>Impact preview <span lang="zh" className="muted">影响预览</span></h4>
      {!preview && !error && <div className="muted">Running the draft against recent orders…</div>}
      {error && <div className="error-box" role="alert">{error}</div>}
      {preview && (
        <>
          <p className="impact-summary" data-testid="impact-summary"><strong>{preview.summary}</strong></p>
          <p className="muted small">{preview.changed} of the last {preview.examined} orders would get another decision.</p>
          <table className="grid impact-counts">
            <thead><tr><th /><th>Now</th><th>With this edit</th></tr></thead>
            <tbody>
              {verdicts.map(v => (
                <tr key={v} className={preview.counts.current[v] !== preview.counts.draft[v] ? 'changed' : ''}>
                  <td>{v}</td><td>{preview.counts.current[v]}</td><td>{preview.counts.draft[v]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.transitions.length > 0 && (
            <ul className="impact-transitions">
              {preview.transitions.map(t => <li key={`${t.from}-${t.to}`} data-testid="impact-transition">{t.from} → {t.to}: {t.count}</li>)}
            </ul>
          )}
          {preview.examples.length > 0 && (
            <ul className="impact-examples">
              {preview.examples.map(e => (
                <li key={e.orderId} data-testid="impact-example">
                  <a href={`/orders/${e.orderId}`} target="_blank" rel="noreferrer">{e.platformOrderId}</a> {e.from} → {e.to}
                  {e.reasons.length > 0 && <span className="muted small"> · {e.reasons.join('; ')}</span>}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <div className="row">
        <button type="button" className="primary" disabled={busy || (!preview && !error)} onClick={onPublish}>Publish</button>
        <button type="button" disabled={busy} onClick={onCancel}>Cancel</button>
      </div>
    </section>
  );
}
