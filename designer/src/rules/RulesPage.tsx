import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, ApiError, type ImpactPreview, type ReviewRule, type RuleFields, type RuleSet, type RuleTestResult, type Shop } from '../api';
import { addLeaveGuard } from '../shell/router';
import { Banner, type Notice } from '../shell/Banner';
import { useT } from '../i18n';
import { failure } from '../shell/format';
import { ConditionBuilder } from './ConditionBuilder';
import { conditionProblems, emptyRule, matchedPaths, summarize } from './ruleModel';
import { DryRunPanel } from './DryRunPanel';
import { ImpactPreviewPanel } from './ImpactPreviewPanel';

/**
 * A shop's review rules as rows (drag to reorder), an editor for one rule, a dry run of the rules (the unsaved one
 * included) against an order, and an impact preview over recent orders before an edit is published.
 */
export function RulesPage() {
  const t = useT();
  const [shops, setShops] = useState<Shop[]>([]);
  const [shopId, setShopId] = useState<number | null>(null);
  const [fields, setFields] = useState<RuleFields | null>(null);
  const [set, setSet] = useState<RuleSet | null>(null);
  const [editing, setEditing] = useState<{ rule: ReviewRule; isNew: boolean } | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const [test, setTest] = useState<RuleTestResult | null>(null);
  const [draftRule, setDraftRule] = useState<ReviewRule | null>(null);
  const [impact, setImpact] = useState<{ rule: ReviewRule; preview: ImpactPreview | null; error: Notice | null; busy: boolean } | null>(null);
  const editingRef = useRef(editing);
  editingRef.current = editing;

  useEffect(() => {
    Promise.all([api.shops(), api.ruleFields()]).then(([s, f]) => {
      setShops(s.items);
      setFields(f);
      setShopId(id => id ?? s.items[0]?.id ?? null);
    }).catch(e => setNotice(failure(e, t)));
  }, []); // once, at load
  const leaveQuestion = useRef(t('rules.leave'));
  leaveQuestion.current = t('rules.leave');
  useEffect(() => addLeaveGuard(() => (editingRef.current ? leaveQuestion.current : null)), []);

  // The shop whose rules are wanted now: an answer for a shop the user has since left is dropped. Kept, it would show
  // that shop's rule set under this one's name, and a new rule would go to that shop.
  const wantedShop = useRef(shopId);
  wantedShop.current = shopId;
  const reload = useCallback(async () => {
    if (shopId === null) return;
    const loaded = await api.rules(shopId);
    if (wantedShop.current === shopId) setSet(loaded);
  }, [shopId]);
  useEffect(() => {
    setTest(null);
    setEditing(null);
    setImpact(null);
    reload().catch(e => setNotice(failure(e, t)));
  }, [reload]); // not on a language switch: that would drop the rule being edited

  const run = async (what: string, action: () => Promise<RuleSet>) => {
    try {
      const next = await action();
      setSet(next);
      setNotice({ kind: 'ok', text: t('rules.live', { what, version: next.version }) });
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        setNotice({ kind: 'error', text: t('rules.conflict', { version: String(e.problem.currentVersion ?? '?') }) });
        await reload();
      } else {
        setNotice(failure(e, t, problem => t('rules.failed', { problem })));
      }
      return false;
    }
  };

  const rules = useMemo(() => [...(set?.rules ?? [])].sort((a, b) => a.priority - b.priority), [set]);
  const resultsByRule = useMemo(() => new Map([...(test?.shop.rules ?? [])].map(r => [r.ruleId, r])), [test]);

  const drop = (targetId: string) => {
    if (!set || !dragging || dragging === targetId) return;
    const ids = rules.map(r => r.id).filter(id => id !== dragging);
    ids.splice(ids.indexOf(targetId), 0, dragging);
    setDragging(null);
    void run(t('rules.reordered'), () => api.reorderRules(set.scopeId, set.version, ids));
  };

  const move = (id: string, delta: number) => {
    if (!set) return;
    const ids = rules.map(r => r.id);
    const i = ids.indexOf(id);
    const j = i + delta;
    if (j < 0 || j >= ids.length) return;
    [ids[i], ids[j]] = [ids[j], ids[i]];
    void run(t('rules.reordered'), () => api.reorderRules(set.scopeId, set.version, ids));
  };

  // A change to the rule after its preview makes that preview stale: it goes, and Preview impact runs again.
  const editDraft = useCallback((rule: ReviewRule) => {
    setDraftRule(rule);
    setImpact(current => (current && current.rule !== rule ? null : current));
  }, []);

  const stopEditing = () => {
    setEditing(null);
    setDraftRule(null);
    setImpact(null);
  };

  // Saving goes through the impact preview first: what the edit would change over recent orders, then Publish or Cancel.
  const previewImpact = async (rule: ReviewRule) => {
    if (!set) return;
    setImpact({ rule, preview: null, error: null, busy: false });
    try {
      const preview = await api.previewRules(set.scopeId, { rule });
      setImpact(current => (current?.rule === rule ? { ...current, preview } : current));
    } catch (e) {
      const error = failure(e, t, problem => t('impact.failed', { problem }));
      setImpact(current => (current?.rule === rule ? { ...current, error } : current));
    }
  };

  const publish = async (rule: ReviewRule, isNew: boolean) => {
    if (!set) return;
    setImpact(current => current && { ...current, busy: true });
    const ok = await run(t(isNew ? 'rules.created' : 'rules.saved', { name: rule.name }),
      () => (isNew ? api.createRule(set.scopeId, set.version, rule) : api.updateRule(set.scopeId, set.version, rule)));
    if (ok) stopEditing();
    else setImpact(null);
  };

  return (
    <div className="page rules">
      <div className="page-head">
        <h2>{t('rules.title')}</h2>
        <select aria-label={t('common.shop')} value={shopId ?? ''} onChange={e => setShopId(Number(e.target.value))}>
          {shops.map(s => <option key={s.id} value={s.id}>{s.name} ({s.code})</option>)}
        </select>
        {set && <span className="muted">{t('rules.setVersion', { version: set.version })}</span>}
        <span className="spacer" />
        <button type="button" className="primary" disabled={!fields || !set || !!editing}
          onClick={() => fields && set && setEditing({ rule: emptyRule(fields, set.rules), isNew: true })}>{t('rules.new')}</button>
      </div>
      <p className="muted small">{t('rules.intro')}</p>
      <Banner notice={notice} />
      <div className="rules-body">
        <div className="rules-main">
          <table className="grid rules-table">
            <thead>
              <tr>
                <th /><th>{t('rules.col.on')}</th><th>{t('rules.col.priority')}</th><th>{t('rules.col.name')}</th>
                <th>{t('rules.col.conditions')}</th><th>{t('rules.col.action')}</th><th />
              </tr>
            </thead>
            <tbody aria-busy={!set}>
              {!set && shopId !== null && <tr><td colSpan={7} className="empty">{t('common.loading')}</td></tr>}
              {rules.map((r, i) => {
                const result = resultsByRule.get(r.id);
                return (
                  <tr key={r.id} draggable data-testid={`rule-${r.id}`}
                    className={`${dragging === r.id ? 'dragging' : ''} ${result?.matched ? 'matched' : ''} ${!r.enabled ? 'disabled' : ''}`}
                    onDragStart={e => { setDragging(r.id); e.dataTransfer.effectAllowed = 'move'; e.dataTransfer.setData('text/plain', r.id); }}
                    onDragOver={e => e.preventDefault()}
                    onDrop={e => { e.preventDefault(); drop(r.id); }}
                    onDragEnd={() => setDragging(null)}>
                    <td className="drag-handle" title={t('rules.drag')}>⠿
                      <button type="button" className="tiny" aria-label={t('rules.moveUp', { name: r.name })} disabled={i === 0} onClick={() => move(r.id, -1)}>↑</button>
                      <button type="button" className="tiny" aria-label={t('rules.moveDown', { name: r.name })} disabled={i === rules.length - 1} onClick={() => move(r.id, 1)}>↓</button>
                    </td>
                    <td>
                      <input type="checkbox" aria-label={t('rules.enable', { name: r.name })} checked={r.enabled}
                        onChange={e => set && void run(t(e.target.checked ? 'rules.enabled' : 'rules.disabled'), () => api.setRuleEnabled(set.scopeId, set.version, r.id, e.target.checked))} />
                    </td>
                    <td>{r.priority}</td>
                    <td><strong>{r.name}</strong><div className="muted small mono">{r.id}</div></td>
                    <td className="summary">{summarize(r.when, t)}{result && <span className={`pill ${result.matched ? 'pill-warn' : ''}`}>{t(result.matched ? 'rules.matches' : 'rules.noMatch')}</span>}</td>
                    <td>
                      <span className={`pill action-${r.action.type}`} title={r.action.type}>{t.term('action', r.action.type)}</span>
                      {r.action.reason && <div className="small">{r.action.reason}</div>}
                      {r.action.holdMinutes && <div className="small">{t('rules.holdMinutes', { minutes: r.action.holdMinutes })}</div>}
                    </td>
                    <td className="row-actions">
                      <button type="button" disabled={!!editing} onClick={() => setEditing({ rule: structuredClone(r), isNew: false })}>{t('common.edit')}</button>
                      <button type="button" className="danger" onClick={() => set && window.confirm(t('rules.confirmDelete', { name: r.name }))
                        && void run(t('rules.deleted'), () => api.deleteRule(set.scopeId, set.version, r.id))}>{t('common.delete')}</button>
                    </td>
                  </tr>
                );
              })}
              {set && rules.length === 0 && <tr><td colSpan={7} className="empty">{t('rules.none')}</td></tr>}
            </tbody>
          </table>
          {editing && fields && (
            <RuleForm key={editing.rule.id} fields={fields} initial={editing.rule} isNew={editing.isNew} previewing={!!impact}
              matched={matchedPaths(resultsByRule.get(editing.rule.id)?.conditions ?? [])}
              onChange={editDraft} onCancel={stopEditing} onSave={r => void previewImpact(r)} />
          )}
          {editing && impact && (
            <ImpactPreviewPanel preview={impact.preview} error={impact.error} busy={impact.busy}
              onPublish={() => void publish(impact.rule, editing.isNew)} onCancel={() => setImpact(null)} />
          )}
        </div>
        {shopId !== null && <DryRunPanel shopId={shopId} draftRule={editing ? draftRule : null} result={test} onResult={setTest} />}
      </div>
    </div>
  );
}

function RuleForm({ fields, initial, isNew, previewing, matched, onChange, onSave, onCancel }: {
  fields: RuleFields; initial: ReviewRule; isNew: boolean; previewing: boolean; matched: Set<string>;
  onChange: (r: ReviewRule) => void; onSave: (r: ReviewRule) => void; onCancel: () => void;
}) {
  const t = useT();
  const [rule, setRule] = useState(initial);
  const [tried, setTried] = useState(false);
  useEffect(() => onChange(rule), [rule, onChange]);
  const problems = [
    ...(!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(rule.id) ? [{ path: 'id', message: t('rules.problem.id') }] : []),
    ...(!rule.name.trim() ? [{ path: 'name', message: t('rules.problem.name') }] : []),
    ...((rule.action.type === 'Block' || rule.action.type === 'RouteToException') && !rule.action.reason?.trim()
      ? [{ path: 'action.reason', message: t('rules.problem.reason') }] : []),
    ...(rule.action.type === 'HoldUntil' && !rule.action.holdMinutes && !rule.action.until
      ? [{ path: 'action.holdMinutes', message: t('rules.problem.hold') }] : []),
    ...conditionProblems(fields, rule.when, t),
  ];
  return (
    <form className="rule-form" aria-label={t('rules.editor')} onSubmit={e => { e.preventDefault(); setTried(true); if (!problems.length) onSave(rule); }}>
      <h3>{isNew ? t('rules.new') : t('rules.editTitle', { name: initial.name })}</h3>
      <div className="row">
        <label className="field"><span>{t('rules.id')}</span>
          <input aria-label={t('rules.ruleId')} value={rule.id} readOnly={!isNew} onChange={e => setRule({ ...rule, id: e.target.value })} /></label>
        <label className="field grow"><span>{t('rules.name')}</span>
          <input aria-label={t('rules.ruleName')} value={rule.name} placeholder={t('rules.namePlaceholder')} onChange={e => setRule({ ...rule, name: e.target.value })} /></label>
        <label className="field"><span>{t('rules.priority')}</span>
          <input aria-label={t('rules.priority')} type="number" value={rule.priority} onChange={e => setRule({ ...rule, priority: Number(e.target.value) })} /></label>
        <label className="check"><input type="checkbox" checked={rule.enabled} onChange={e => setRule({ ...rule, enabled: e.target.checked })} /> {t('rules.enabledCheck')}</label>
      </div>
      <h4>{t('rules.when')}</h4>
      <ConditionBuilder fields={fields} value={rule.when} matched={matched} onChange={when => setRule({ ...rule, when })} />
      <h4>{t('rules.then')}</h4>
      <div className="row">
        <select aria-label={t('rules.action')} value={rule.action.type} title={rule.action.type}
          onChange={e => setRule({ ...rule, action: { type: e.target.value, reason: rule.action.reason } })}>
          {fields.actions.map(a => <option key={a} value={a} title={a}>{t.term('action', a)}</option>)}
        </select>
        {rule.action.type !== 'AutoApprove' && (
          <input aria-label={t('rules.reason')} className="grow" placeholder={t('rules.reasonPlaceholder')} value={rule.action.reason ?? ''}
            onChange={e => setRule({ ...rule, action: { ...rule.action, reason: e.target.value } })} />
        )}
        {rule.action.type === 'HoldUntil' && (
          <input aria-label={t('rules.holdMinutesLabel')} type="number" min={1} placeholder={t('rules.minutes')} value={rule.action.holdMinutes ?? ''}
            onChange={e => setRule({ ...rule, action: { ...rule.action, holdMinutes: e.target.value ? Number(e.target.value) : undefined } })} />
        )}
      </div>
      {tried && problems.length > 0 && (
        <div className="error-box" role="alert">{problems.map((p, i) => <div key={i}><code>{p.path}</code> {p.message}</div>)}</div>
      )}
      <div className="row">
        <button type="submit" className="primary" disabled={previewing}>{t('rules.previewImpact')}</button>
        <button type="button" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}
