import { useEffect, useState } from 'react';
import type { ConditionFields, InputDescriptor } from '../api';
import { useT } from '../i18n';
import { ValueInput } from '../rules/ConditionBuilder';
import { defaultValue, valueKind } from '../rules/ruleModel';
import { conditionProblem, fieldOf, isVariable, operatorsOf, parseRight, rightKind, variablePrefix, type ConditionInput } from './decisionCondition';
import { validateInput } from './inputs';
import { conditionFieldName, inputName } from './names';

interface Props {
  input: InputDescriptor;
  value: unknown;
  /** The server's catalogue; null until it has loaded (then only the condition's shape is checked). */
  fields: ConditionFields | null;
  readOnly?: boolean;
  onCommit: (v: unknown) => void;
}

const asCondition = (value: unknown): ConditionInput => (value && typeof value === 'object' && !Array.isArray(value) ? value : {}) as ConditionInput;

/**
 * A Decision's condition as the rules' builder edits one comparison: a field picked from the catalogue (or a workflow
 * variable by name), an operator its type takes and a value input that fits. A field the catalogue lacks, as an old
 * definition may hold, stays listed and flagged until another is picked. Stored only once complete.
 */
export function DecisionCondition({ input, value, fields, readOnly, onCommit }: Props) {
  const t = useT();
  const name = inputName(t, 'Decision', input);
  const [draft, setDraft] = useState<ConditionInput>(asCondition(value));
  useEffect(() => setDraft(asCondition(value)), [value]);

  const field = fieldOf(fields, draft.left);
  const variable = isVariable(draft.left);
  const unknown = !!draft.left && !variable && !field;
  const operators = operatorsOf(fields, draft.left);
  const kind = rightKind(fields, draft);
  const empty = !draft.left && !draft.operator && draft.right === undefined;
  const error = empty ? validateInput(input, undefined, t, name) : conditionProblem(draft, fields, t);

  const change = (next: ConditionInput) => {
    setDraft(next);
    if (!conditionProblem(next, fields, t)) onCommit(next);
  };
  const pickField = (left: string) => {
    const next = left === variablePrefix ? undefined : fieldOf(fields, left);
    const ops = left === variablePrefix ? fields?.variableOperators ?? [] : operatorsOf(fields, left);
    const operator = draft.operator && ops.includes(draft.operator) ? draft.operator : ops[0];
    const nextLeft = left === variablePrefix ? (variable ? draft.left! : variablePrefix) : left;
    const right = next ? defaultValue(valueKind(next.type, operator), draft.right) : draft.right;
    change({ left: nextLeft, operator, right });
  };
  const pickOperator = (operator: string) => {
    const nextKind = rightKind(fields, { ...draft, operator });
    const right = nextKind === kind || nextKind === 'typed' ? draft.right : defaultValue(nextKind, draft.right);
    change({ ...draft, operator, right });
  };

  return (
    <fieldset className="field condition-field">
      <legend>{name}{input.isRequired && ' *'} <em className="type-tag" title={input.type}>{t.term('inputType', input.type)}</em></legend>
      <select aria-label={t('wf.cond.fieldLabel')} data-testid="condition-field" disabled={readOnly} className={unknown ? 'invalid' : ''}
        title={field ? `${field.name}: ${field.description}` : undefined}
        value={variable ? variablePrefix : field?.name ?? draft.left ?? ''} onChange={e => pickField(e.target.value)}>
        <option value="" disabled>{t('cond.fieldPlaceholder')}</option>
        {unknown && <option value={draft.left}>{t('wf.cond.unknownFieldOption', { field: draft.left! })}</option>}
        {groupByType(fields).map(([type, list]) => (
          <optgroup key={type} label={t.term('fieldType', type)}>
            {list.map(f => <option key={f.name} value={f.name} title={`${f.name}: ${f.description}`}>{conditionFieldName(t, f)}</option>)}
          </optgroup>
        ))}
        <optgroup label={t('wf.cond.variables')}>
          <option value={variablePrefix}>{t('wf.cond.variableOption', { prefix: variablePrefix })}</option>
        </optgroup>
      </select>
      {variable && (
        <input aria-label={t('wf.cond.variableName')} data-testid="condition-variable" placeholder={t('wf.cond.variablePlaceholder')} readOnly={readOnly} value={draft.left!.slice(variablePrefix.length)}
          onChange={e => change({ ...draft, left: variablePrefix + e.target.value })} />
      )}
      <select aria-label={t('wf.cond.operatorLabel')} data-testid="condition-operator" disabled={readOnly} value={draft.operator ?? ''} title={draft.operator}
        onChange={e => pickOperator(e.target.value)}>
        <option value="" disabled>{t('wf.cond.operatorPlaceholder')}</option>
        {draft.operator && !operators.includes(draft.operator) && (
          <option value={draft.operator} title={draft.operator}>{t('wf.cond.notFitting', { operator: t.term('operator', draft.operator) })}</option>
        )}
        {operators.map(op => <option key={op} value={op} title={op}>{t.term('operator', op)}</option>)}
      </select>
      {kind === 'typed' ? (
        <TypedRight value={draft.right} readOnly={readOnly} onChange={right => change({ ...draft, right })} />
      ) : (
        <fieldset className="condition-value" disabled={readOnly} data-testid="condition-value">
          <ValueInput key={`${field?.name}:${draft.operator}`} kind={kind} value={draft.right} onChange={right => change({ ...draft, right })} />
        </fieldset>
      )}
      {error && <small className="field-error" role="alert">{error}</small>}
    </fieldset>
  );
}

/** A variable has no fixed type: numbers and true/false typed here are stored as such, anything else as text. */
function TypedRight({ value, readOnly, onChange }: { value: unknown; readOnly?: boolean; onChange: (v: unknown) => void }) {
  const t = useT();
  const [text, setText] = useState(value === undefined ? '' : String(value));
  return (
    <input aria-label={t('wf.cond.right')} data-testid="condition-right" placeholder={t('wf.cond.rightPlaceholder')} readOnly={readOnly} value={text}
      onChange={e => { setText(e.target.value); onChange(parseRight(e.target.value)); }} />
  );
}

function groupByType(fields: ConditionFields | null): [string, ConditionFields['fields']][] {
  const map = new Map<string, ConditionFields['fields']>();
  fields?.fields.forEach(f => map.set(f.type, [...(map.get(f.type) ?? []), f]));
  return [...map.entries()];
}
