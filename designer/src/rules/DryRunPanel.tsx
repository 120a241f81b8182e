import { useEffect, useState } from 'react';
import { api, ApiError, type Order, type ReviewRule, type RuleResult, type RuleTestRequest, type RuleTestResult } from '../api';
import { errorText } from '../shell/format';

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
  const [source, setSource] = useState<'paste' | 'stored'>('paste');
  const [withDraft, setWithDraft] = useState(true);
  const [text, setText] = useState(JSON.stringify(sampleOrder, null, 2));
  const [orders, setOrders] = useState<Order[]>([]);
  const [orderId, setOrderId] = useState<number | ''>('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.orders({ shopId }).then(p => setOrders(p.items)).catch(() => setOrders([]));
  }, [shopId]);

  // A result must never outlive the input it was for: an error below an old decision reads as that decision.
  const fail = (message: string) => {
    onResult(null);
    setError(message);
  };

  const runTest = async () => {
    setError(null);
    let body: RuleTestRequest;
    if (source === 'paste') {
      try {
        body = { order: JSON.parse(text) };
      } catch {
        return fail('The order is not valid JSON.');
      }
    } else {
      if (!orderId) return fail('Choose an order.');
      body = { orderId };
    }
    if (draftRule && withDraft) body.rule = draftRule;
    try {
      onResult(await api.testRules(shopId, body));
    } catch (e) {
      fail(e instanceof ApiError ? [e.message, ...e.fieldMessages()].join(' ') : errorText(e));
    }
  };

  return (
    <aside className="dry-run" aria-label="Dry run">
      <h3>Dry run</h3>
      <div className="segmented">
        <label><input type="radio" checked={source === 'paste'} onChange={() => setSource('paste')} /> Paste an order</label>
        <label><input type="radio" checked={source === 'stored'} onChange={() => setSource('stored')} /> Choose an order</label>
      </div>
      {source === 'paste' ? (
        <textarea aria-label="Order JSON" className="mono" rows={12} value={text} onChange={e => setText(e.target.value)} />
      ) : (
        <select aria-label="Stored order" value={orderId} onChange={e => setOrderId(e.target.value ? Number(e.target.value) : '')}>
          <option value="">order…</option>
          {orders.map(o => <option key={o.id} value={o.id}>{o.platformOrderId} · {o.buyerNick} · {o.buyerMessage ?? ''}</option>)}
        </select>
      )}
      {draftRule && (
        <label className="check">
          <input type="checkbox" checked={withDraft} onChange={e => setWithDraft(e.target.checked)} />
          {' '}With the unsaved rule “{draftRule.name || draftRule.id}” <span lang="zh" className="muted">未保存</span>
        </label>
      )}
      <button type="button" className="primary" onClick={() => void runTest()}>Run</button>
      {error && <div className="error-box" role="alert">{error}</div>}
      {result && <DryRunResult result={result} />}
    </aside>
  );
}

export function DryRunResult({ result }: { result: RuleTestResult }) {
  return (
    <div className="dry-result" data-testid="dry-run-result">
      <div className={`decision decision-${result.decision}`}>Decision: <strong>{result.decision}</strong>
        {result.draft && <span className="pill pill-warn" data-testid="dry-run-draft">with unsaved rule</span>}</div>
      {result.reasons.map((r, i) => <div key={i} className="pill pill-warn">{r}</div>)}
      {result.builtIn && <div className="small">Built-in check: {result.builtIn}</div>}
      <RuleResults title={`Platform rules ${result.platform.version === null ? 'draft' : `v${result.platform.version}`}`} rules={result.platform.rules} />
      <RuleResults title={`Shop rules ${result.shop.version === null ? 'draft' : `v${result.shop.version}`}`} rules={result.shop.rules} />
    </div>
  );
}

function RuleResults({ title, rules }: { title: string; rules: RuleResult[] }) {
  if (!rules.length) return null;
  return (
    <section>
      <h4>{title}</h4>
      {rules.map(r => (
        <div key={r.ruleId} className={`rule-result${r.matched ? ' matched' : ''}${r.considered ? '' : ' skipped'}`}>
          <div><strong>{r.name}</strong> · {r.action} · {r.matched ? 'matched' : 'did not match'}{!r.considered && ' (skipped after AutoApprove)'}</div>
          <ul>
            {r.conditions.map(c => (
              <li key={c.path} className={c.matched ? 'cond-hit' : 'cond-miss'} data-testid="dry-condition" data-matched={String(c.matched)}>
                {c.matched ? '✔' : '✘'} {c.field} {c.operator} {JSON.stringify(c.expected)} — actual {JSON.stringify(c.actual)}
                {c.warning && <span className="muted"> ({c.warning})</span>}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
