import { useEffect, useState } from 'react';
import { api, type PrintData } from '../api';
import { useT, type Translate } from '../i18n';
import { Banner, type Notice } from '../shell/Banner';
import { failure } from '../shell/format';
import { navigate } from '../shell/router';

/** Why an order was left out, by the status the server gives it (its detail is the tooltip). */
function refusal(status: number, t: Translate): string {
  return status === 403 ? t('print.refused.403') : status === 404 ? t('print.refused.404') : t('error.status.other', { status });
}

/** The order ids of `/orders/print?ids=1,2,3`: positive whole numbers only, each once. */
export function printIds(text: string | null): number[] {
  const ids = (text ?? '').split(',').map(s => Number(s.trim())).filter(id => Number.isInteger(id) && id > 0);
  return [...new Set(ids)];
}

/**
 * The selection's pick list (grouped by goods and warehouse, with totals and which orders take how many) and one label
 * per package (tracking number as text, carrier, receiver, address), laid out for paper: print CSS hides the designer
 * around it, and each label starts a page.
 */
export function PrintView({ ids }: { ids: number[] }) {
  const t = useT();
  const [data, setData] = useState<PrintData | null>(null);
  const [error, setError] = useState<Notice | null>(null);

  // Keyed by the ids' text: the shell parses them from the address on every render.
  const key = ids.join(',');
  useEffect(() => {
    if (!key) return;
    api.printData(key.split(',').map(Number)).then(setData).catch(e => setError(failure(e, t)));
  }, [key, t]);

  const orderCount = new Set(data?.labels.map(l => l.orderId)).size;
  const list = t.lang === 'en' ? '; ' : '；';
  return (
    <div className="page print-view">
      <div className="page-head no-print">
        <button type="button" className="link" onClick={() => navigate('/orders')}>{t('print.back')}</button>
        <h2>{t('print.title')}</h2>
        {data && <span className="muted">{t('print.summary', { orders: orderCount, labels: data.labels.length })}</span>}
        <span className="spacer" />
        <button type="button" className="primary" disabled={!data} onClick={() => window.print()}>{t('print.printNow')}</button>
      </div>
      {ids.length === 0 && <p className="empty">{t('print.noOrders')}</p>}
      <Banner notice={error} />
      {data && data.notPrinted.length > 0 && (
        <div className="banner banner-error no-print" role="alert" title={data.notPrinted.map(r => r.detail).join('\n')}>
          {t('print.notPrinted', { count: data.notPrinted.length, items: data.notPrinted.map(r => t('print.refused', { order: r.orderId, why: refusal(r.status, t) })).join(list) })}
        </div>
      )}
      {ids.length > 0 && !data && !error && <p className="empty">{t('common.loading')}</p>}
      {data && (
        <>
          <section className="pick-sheet" aria-label={t('print.pickList')}>
            <h3>{t('print.pickList')}</h3>
            <table className="grid">
              <thead>
                <tr>
                  <th>{t('print.col.warehouse')}</th><th>{t('print.col.code')}</th><th>{t('print.col.goods')}</th><th>{t('print.col.spec')}</th>
                  <th className="num">{t('print.col.quantity')}</th><th>{t('print.col.orders')}</th>
                </tr>
              </thead>
              <tbody>
                {data.pickList.map(item => (
                  <tr key={`${item.warehouse}|${item.merchantCode}`}>
                    <td>{item.warehouse ?? t('print.noWarehouse')}</td>
                    <td><code>{item.merchantCode}</code></td>
                    <td>{item.name ?? '—'}</td>
                    <td>{item.spec ?? ''}</td>
                    <td className="num"><strong>{item.totalQuantity}</strong></td>
                    <td className="small">{item.orders.map(o => `${o.platformOrderId} ×${o.quantity}`).join(t.lang === 'en' ? ', ' : '、')}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <td colSpan={4}>{t('print.total')}</td>
                  <td className="num"><strong>{data.pickList.reduce((sum, i) => sum + i.totalQuantity, 0)}</strong></td>
                  <td />
                </tr>
              </tfoot>
            </table>
          </section>
          <h3 className="no-print">{t('print.labels')}</h3>
          {data.labels.map(label => (
            <section key={`${label.orderId}-${label.sequence}`} className="shipping-label" data-testid={`label-${label.platformOrderId}`}
              aria-label={`${label.platformOrderId} ${t('print.package', { sequence: label.sequence, count: label.packageCount })}`}>
              <div className="label-top">
                <span className="label-carrier">{label.carrier ?? '—'}</span>
                <span className="muted">{t('print.package', { sequence: label.sequence, count: label.packageCount })}</span>
              </div>
              <div className="label-tracking">{label.trackingNumber ?? t('print.noTracking')}</div>
              <dl>
                <dt>{t('print.receiver')}</dt><dd className="label-receiver">{label.receiverName} {label.receiverMobile}</dd>
                <dt>{t('print.address')}</dt><dd>{label.address}</dd>
                <dt>{t('print.from')}</dt><dd>{label.warehouse ?? t('print.noWarehouse')} · {label.shop}</dd>
                <dt>{t('print.goods')}</dt>
                <dd>{label.lines.map(l => `${l.name ?? l.merchantCode} ×${l.quantity}`).join(t.lang === 'en' ? ', ' : '、')}</dd>
              </dl>
              <div className="label-order"><code>{label.platformOrderId}</code></div>
            </section>
          ))}
        </>
      )}
    </div>
  );
}
