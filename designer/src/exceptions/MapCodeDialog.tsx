import { useEffect, useState } from 'react';
import { errorText } from '../shell/format';
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
  const [code, setCode] = useState(codes[0] ?? '');
  const [kind, setKind] = useState<Kind>('goods');
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<Option[] | null>(null);
  const [picked, setPicked] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
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
      load.then(found => { if (current) setOptions(found); }).catch(e => { if (current) setError(errorText(e)); });
    }, 250);
    return () => { current = false; window.clearTimeout(timer); };
  }, [kind, q]);

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
      setError(mapError(err));
      setBusy(false);
    }
  };

  return (
    <div className="modal-backdrop" onClick={e => e.stopPropagation()}>
      <div className="signin-card map-code-dialog" role="dialog" aria-modal="true" aria-label="映射商家编码"
        onKeyDown={e => { if (e.key === 'Escape') onClose(); e.stopPropagation(); }}>
        <h3>映射商家编码</h3>
        <form onSubmit={e => void submit(e)}>
          {codes.length > 1 ? (
            <label className="field">
              <span>未匹配的商家编码（{codes.length} 个，先映射其中一个）</span>
              <select aria-label="要映射的商家编码" value={code} onChange={e => setCode(e.target.value)}>
                {codes.map(c => <option key={c} value={c}>{c}</option>)}
              </select>
            </label>
          ) : (
            <p>未匹配的商家编码：<strong data-testid="unmapped-code">{code}</strong></p>
          )}
          <div className="field" role="radiogroup" aria-label="映射到">
            <span>映射到</span>
            <label className="check"><input type="radio" name="map-kind" checked={kind === 'goods'} onChange={() => switchKind('goods')} /> 单品</label>
            <label className="check"><input type="radio" name="map-kind" checked={kind === 'combo'} onChange={() => switchKind('combo')} /> 套餐</label>
          </div>
          <label className="field">
            <span>{kind === 'goods' ? '搜索单品（名称、编码或条码）' : '搜索套餐（名称或编码）'}</span>
            <input aria-label="搜索名称或编码" value={q} autoFocus onChange={e => setQ(e.target.value)} placeholder="如 龙井 或 TEA-LJ-250" />
          </label>
          <div className="map-code-options" role="radiogroup" aria-label={kind === 'goods' ? '单品' : '套餐'}>
            {options === null && <p className="muted small">正在搜索…</p>}
            {options?.length === 0 && <p className="muted small">没有找到{kind === 'goods' ? '单品' : '套餐'}。</p>}
            {options?.map(o => (
              <label key={o.id} className="check map-code-option">
                <input type="radio" name="map-target" checked={picked === o.id} onChange={() => setPicked(o.id)} />
                {' '}{o.name} <span className="muted">{o.code}</span>{o.hint && <span className="muted small"> · {o.hint}</span>}
              </label>
            ))}
          </div>
          <p className="muted small">确认后，所有等待编码 {code} 的订单都会继续处理（不只是这一单）。</p>
          {error && <div className="error-box" role="alert">{error}</div>}
          <button type="submit" className="primary" disabled={busy || picked === null}>确认映射</button>
          <button type="button" className="link" onClick={onClose}>取消</button>
        </form>
      </div>
    </div>
  );
}
