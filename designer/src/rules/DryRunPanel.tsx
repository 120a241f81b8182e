import { useEffect, useState } from 'react';
import { api, type Order, type ReviewRule, type RuleResult, type RuleTestRequest, type RuleTestResult } from '../api';
import { useT } from '../i18n';
import type { Notice } from '../shell/Banner';
import { failure } from '../shell/format';
import { sayServerText, ServerText } from '../shell/serverText';
import { fieldLabel } from './ConditionBuilder';

export const sampleOrder = {
  platformOrderId: 'DRY-RUN-1',
  status: 'WAIT_SELLER_SEND_GOODS',
  buyerNick: '茶友小王',
  receiver: { name: '王小明', mobile: '13912345678', province: '浙江省', city: '杭州市', district: '西湖区', address: '文三路90号' },
  buyerMessage: '请开发票',
  payment: 168,
  lines: [{ merchantCode: 'TEA-LJ-250', quantity: 1, price: 168 }],
};

/**
 * Runs the rules against a pasted intake-shaped order or a stored one, the rule being edited (unsaved) in place of its
 * published self when there is one; nothing is stored.
 */
export function DryRunPanel({ shopId, draftRule, result, onResult }: {
  shopId: number; draftRule: ReviewRule | null; result: RuleTestResult | null; onResult: (r: RuleTestResult | null) => void;
}) {
  const t = useT();
  const [source, setSource] = useState<'paste' | 'stored'>('paste');
  const [withDraft, setWithDraft] = useState(true);
  const [text, setText] = useState(JSON.stringify(sampleOrder, null, 2));
  const [orders, setOrders] = useState<Order[]>([]);
  const [orderId, setOrderId] = useState<number | ''>('');
  const [error, setError] = useState<Notice | null>(null);

  useEffect(() => {
    api.orders({ shopId }).then(p => setOrders(p.items)).catch(() => setOrders([]));
  }, [shopId]);

  // A result must never outlive the input it was for: an error below an old decision reads as that decision.
  const fail = (notice: Notice) => {
    onResult(null);
    setError(notice);
  };

  const runTest = async () => {
    setError(null);
    let body: RuleTestRequest;
    if (source === 'paste') {
      try {
        body = { order: JSON.parse(text) };
      } catch {
        return fail({ kind: 'error', text: t('dry.invalidJson') });
      }
    } else {
      if (!orderId) return fail({ kind: 'error', text: t('dry.chooseOrder') });
      body = { orderId };
    }
    if (draftRule && withDraft) body.rule = draftRule;
    try {
      onResult(await api.testRules(shopId, body));
    } catch (e) {
      fail(failure(e, t, problem => t('dry.failed', { problem })));
    }
  };

  return (
    <aside className="dry-run" aria-label={t('dry.title')}>
      <h3>{t('dry.title')}</h3>
      <div className="segmented">
        <label><input type="radio" checked={source === 'paste'} onChange={() => setSource('paste')} /> {t('dry.paste')}</label>
        <label><input type="radio" checked={source === 'stored'} onChange={() => setSource('stored')} /> {t('dry.choose')}</label>
      </div>
      {source === 'paste' ? (
        <textarea aria-label={t('dry.orderJson')} className="mono" rows={12} value={text} onChange={e => setText(e.target.value)} />
      ) : (
        <select aria-label={t('dry.storedOrder')} value={orderId} onChange={e => setOrderId(e.target.value ? Number(e.target.value) : '')}>
          <option value="">{t('dry.orderPlaceholder')}</option>
          {orders.map(o => <option key={o.id} value={o.id}>{o.platformOrderId} · {o.buyerNick} · {o.buyerMessage ?? ''}</option>)}
        </select>
      )}
      {draftRule && (
        <label className="check">
          <input type="checkbox" checked={withDraft} onChange={e => setWithDraft(e.target.checked)} />
          {' '}{t('dry.withDraft', { name: draftRule.name || draftRule.id })}
        </label>
      )}
      <button type="button" className="primary" onClick={() => void runTest()}>{t('dry.run')}</button>
      {error && <div className="error-box" role="alert" title={error.hint}>{error.text}</div>}
      {result && <DryRunResult result={result} />}
    </aside>
  );
}

export function DryRunResult({ result }: { result: RuleTestResult }) {
  const t = useT();
  const version = (v: number | null) => (v === null ? t('dry.draft') : `v${v}`);
  return (
    <div className="dry-result" data-testid="dry-run-result">
      <div className={`decision decision-${result.decision}`}>{t('dry.decision')}<strong title={result.decision} data-testid="dry-run-decision" data-decision={result.decision}>
        {t.term('verdict', result.decision)}</strong>
        {result.draft && <span className="pill pill-warn" data-testid="dry-run-draft">{t('dry.withUnsaved')}</span>}</div>
      {result.reasons.map((r, i) => <div key={i}><ServerText className="pill pill-warn" text={r} /></div>)}
      {result.builtIn && <div className="small" title={result.builtIn}>{t('dry.builtIn', { text: sayServerText(result.builtIn, t).text })}</div>}
      <RuleResults title={t('dry.platformRules', { version: version(result.platform.version) })} rules={result.platform.rules} />
      <RuleResults title={t('dry.shopRules', { version: version(result.shop.version) })} rules={result.shop.rules} />
    </div>
  );
}

function RuleResults({ title, rules }: { title: string; rules: RuleResult[] }) {
  const t = useT();
  if (!rules.length) return null;
  return (
    <section>
      <h4>{title}</h4>
      {rules.map(r => (
        <div key={r.ruleId} className={`rule-result${r.matched ? ' matched' : ''}${r.considered ? '' : ' skipped'}`}>
          <div><strong>{r.name}</strong> · <span title={r.action}>{t.term('action', r.action)}</span> · {t(r.matched ? 'dry.matched' : 'dry.notMatched')}{!r.considered && ` ${t('dry.skipped')}`}</div>
          <ul>
            {r.conditions.map(c => (
              <li key={c.path} className={c.matched ? 'cond-hit' : 'cond-miss'} data-testid="dry-condition" data-matched={String(c.matched)}>
                {c.matched ? '✔' : '✘'} <span title={c.field}>{fieldLabel({ name: c.field, type: 'Text', description: c.field }, t)}</span>
                {' '}<span title={c.operator}>{t.term('operator', c.operator)}</span> {JSON.stringify(c.expected)} — {t('dry.actual', { value: JSON.stringify(c.actual) })}
                {c.warning && <span className="muted"> ({c.warning})</span>}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
