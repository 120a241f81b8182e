import { useEffect, useState } from 'react';
import { useT } from '../i18n';
import type { Notice } from '../shell/Banner';
import { failure } from '../shell/format';
import { mapError } from './mapCode';
import { mapCodeApi, type MerchantCodeMapping } from './mapCodeApi';

type Kind = 'goods' | 'combo';

interface Option {
  id: number;
  code: string;
  name: string;
  hint: string;
}

/**
 * 映射商家编码: the codes an order waits on that map to nothing; the person picks one, finds existing goods or a combo by
 * name or code, and confirms. The server records the mapping and continues every order waiting on that code.
 */
export function MapCodeDialog({ codes, onClose, onMapped }: { codes: string[]; onClose: () => void; onMapped: (result: MerchantCodeMapping) => void }) {
  const t = useT();
  const [code, setCode] = useState(codes[0] ?? '');
  const [kind, setKind] = useState<Kind>('goods');
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<Option[] | null>(null);
  const [picked, setPicked] = useState<number | null>(null);
  const [error, setError] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);

  // Search as the person types, a moment after they pause; a later answer replaces an earlier one.
  useEffect(() => {
    let current = true;
    const timer = window.setTimeout(() => {
      const load = kind === 'goods'
        ? mapCodeApi.goods(q).then(p => p.items.map(g => ({ id: g.id, code: g.merchantCode, name: g.name, hint: g.spec ?? '' })))
        : mapCodeApi.combos(q).then(p => p.items.map(c => ({
          id: c.id, code: c.code, name: c.name, hint: c.items.map(i => `${i.name}×${i.quantity}`).join(' + '),
        })));
      load.then(found => { if (current) setOptions(found); }).catch(e => { if (current) setError(failure(e, t)); });
    }, 250);
    return () => { current = false; window.clearTimeout(timer); };
  }, [kind, q, t]);

  const switchKind = (next: Kind) => {
    setKind(next);
    setPicked(null);
    setOptions(null);
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (picked === null) return;
    setBusy(true);
    setError(null);
    try {
      onMapped(await mapCodeApi.map(code, kind === 'goods' ? { goodsId: picked } : { comboId: picked }));
    } catch (err) {
      setError(mapError(err, t));
      setBusy(false);
    }
  };

  return (
    <div className="modal-backdrop" onClick={e => e.stopPropagation()}>
      <div className="signin-card map-code-dialog" role="dialog" aria-modal="true" aria-label={t('mapCode.title')}
        onKeyDown={e => { if (e.key === 'Escape') onClose(); e.stopPropagation(); }}>
        <h3>{t('mapCode.title')}</h3>
        <form onSubmit={e => void submit(e)}>
          {codes.length > 1 ? (
            <label className="field">
              <span>{t('mapCode.pickCode', { count: codes.length })}</span>
              <select aria-label={t('mapCode.codeToMap')} value={code} onChange={e => setCode(e.target.value)}>
                {codes.map(c => <option key={c} value={c}>{c}</option>)}
              </select>
            </label>
          ) : (
            <p>{t('mapCode.unmapped')}<strong data-testid="unmapped-code">{code}</strong></p>
          )}
          <div className="field" role="radiogroup" aria-label={t('mapCode.mapTo')}>
            <span>{t('mapCode.mapTo')}</span>
            <label className="check"><input type="radio" name="map-kind" checked={kind === 'goods'} onChange={() => switchKind('goods')} /> {t('mapCode.goods')}</label>
            <label className="check"><input type="radio" name="map-kind" checked={kind === 'combo'} onChange={() => switchKind('combo')} /> {t('mapCode.combo')}</label>
          </div>
          <label className="field">
            <span>{t(kind === 'goods' ? 'mapCode.searchGoods' : 'mapCode.searchCombos')}</span>
            <input aria-label={t('mapCode.searchLabel')} value={q} autoFocus onChange={e => setQ(e.target.value)} placeholder={t('mapCode.searchPlaceholder')} />
          </label>
          <div className="map-code-options" role="radiogroup" aria-label={t(kind === 'goods' ? 'mapCode.goods' : 'mapCode.combo')}>
            {options === null && <p className="muted small">{t('mapCode.searching')}</p>}
            {options?.length === 0 && <p className="muted small">{t(kind === 'goods' ? 'mapCode.noGoods' : 'mapCode.noCombos')}</p>}
            {options?.map(o => (
              <label key={o.id} className="check map-code-option">
                <input type="radio" name="map-target" checked={picked === o.id} onChange={() => setPicked(o.id)} />
                {' '}{o.name} <span className="muted">{o.code}</span>{o.hint && <span className="muted small"> · {o.hint}</span>}
              </label>
            ))}
          </div>
          <p className="muted small">{t('mapCode.allWaiting', { code })}</p>
          {error && <div className="error-box" role="alert" title={error.hint}>{error.text}</div>}
          <button type="submit" className="primary" disabled={busy || picked === null}>{t('mapCode.confirm')}</button>
          <button type="button" className="link" onClick={onClose}>{t('common.cancel')}</button>
        </form>
      </div>
    </div>
  );
}
