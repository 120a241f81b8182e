import type { ImpactPreview } from '../api';
import { useT, type Translate } from '../i18n';
import type { Notice } from '../shell/Banner';
import { sayServerText } from '../shell/serverText';

const verdicts = ['Approve', 'Hold', 'Block', 'RouteToException'] as const;

/**
 * The counts' differences in the screen's language, e.g. "拦截多 12 单，通过少 3 单"; the server's English summary says
 * the same and stays as the tooltip.
 */
export function impactSummary(preview: ImpactPreview, t: Translate): string {
  const parts = verdicts.flatMap(v => {
    const diff = preview.counts.draft[v] - preview.counts.current[v];
    if (diff === 0) return [];
    return [t(diff > 0 ? 'impact.more' : 'impact.fewer', { verdict: t.term('verdict', v), count: Math.abs(diff) })];
  });
  return parts.length > 0 ? parts.join(t.lang === 'en' ? ', ' : '，') : t('impact.noChange');
}

/**
 * What publishing the edited rule would change over the shop's recent orders, between saving and publishing: the
 * summary, the counts per decision, the moves between decisions and example orders (opened in a new tab, so the
 * unsaved edit stays).
 */
export function ImpactPreviewPanel({ preview, error, busy, onPublish, onCancel }: {
  preview: ImpactPreview | null; error: Notice | null; busy: boolean; onPublish: () => void; onCancel: () => void;
}) {
  const t = useT();
  return (
    <section className="impact-preview" aria-label={t('impact.title')} data-testid="impact-preview">
      <h4>{t('impact.title')}</h4>
      {!preview && !error && <div className="muted">{t('impact.running')}</div>}
      {error && <div className="error-box" role="alert" title={error.hint}>{error.text}</div>}
      {preview && (
        <>
          <p className="impact-summary" data-testid="impact-summary" title={preview.summary}><strong>{impactSummary(preview, t)}</strong></p>
          <p className="muted small">{t('impact.changed', { changed: preview.changed, examined: preview.examined })}</p>
          <table className="grid impact-counts">
            <thead><tr><th /><th>{t('impact.now')}</th><th>{t('impact.withEdit')}</th></tr></thead>
            <tbody>
              {verdicts.map(v => (
                <tr key={v} className={preview.counts.current[v] !== preview.counts.draft[v] ? 'changed' : ''}>
                  <td title={v}>{t.term('verdict', v)}</td><td>{preview.counts.current[v]}</td><td>{preview.counts.draft[v]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.transitions.length > 0 && (
            <ul className="impact-transitions">
              {preview.transitions.map(x => <li key={`${x.from}-${x.to}`} data-testid="impact-transition">
                <span title={x.from}>{t.term('verdict', x.from)}</span> → <span title={x.to}>{t.term('verdict', x.to)}</span>{t('impact.count', { count: x.count })}</li>)}
            </ul>
          )}
          {preview.examples.length > 0 && (
            <ul className="impact-examples">
              {preview.examples.map(e => (
                <li key={e.orderId} data-testid="impact-example">
                  <a href={`/orders/${e.orderId}`} target="_blank" rel="noreferrer">{e.platformOrderId}</a>{' '}
                  <span title={e.from}>{t.term('verdict', e.from)}</span> → <span title={e.to}>{t.term('verdict', e.to)}</span>
                  {e.reasons.length > 0 && <span className="muted small" title={e.reasons.join('\n')}> · {e.reasons.map(r => sayServerText(r, t).text).join(t.lang === 'en' ? '; ' : '；')}</span>}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <div className="row">
        <button type="button" className="primary" disabled={busy || (!preview && !error)} onClick={onPublish}>{t('impact.publish')}</button>
        <button type="button" disabled={busy} onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </section>
  );
}
