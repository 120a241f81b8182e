import type { ConditionFields } from '../api';
import type { Translate } from '../i18n';
import { noValueOperators, valueKind, type ValueKind } from '../rules/ruleModel';

// A Decision's condition { left, operator, right } over the server's field catalogue (GET /api/activities/condition-fields).

export interface ConditionInput {
  left?: string;
  operator?: string;
  right?: unknown;
}

export const variablePrefix = 'variables.';

export const isVariable = (left: string | undefined): boolean => !!left && left.startsWith(variablePrefix);

/** The catalogue field `left` names; the server reads names without regard to case, so this does too. */
export function fieldOf(fields: ConditionFields | null, left: string | undefined) {
  const name = left?.toLowerCase();
  return fields?.fields.find(f => f.name.toLowerCase() === name);
}

/** Operators `left` takes: its type's, a variable's (any), or for an unknown field every operator so the stored one still shows. */
export function operatorsOf(fields: ConditionFields | null, left: string | undefined): string[] {
  if (!fields) return [];
  const field = fieldOf(fields, left);
  return field ? fields.operators[field.type] ?? [] : fields.variableOperators;
}

/** The value input that fits: by the field's type (as in rules), `typed` for a variable (numbers and true/false read as such). */
export function rightKind(fields: ConditionFields | null, c: ConditionInput): ValueKind | 'typed' {
  if (!c.operator || noValueOperators.has(c.operator)) return 'none';
  const field = fieldOf(fields, c.left);
  if (field) return valueKind(field.type, c.operator);
  return c.operator === 'in' ? 'list' : 'typed';
}

/** What the server would refuse, said before saving; null when the condition can be stored. Without a catalogue only the shape is checked. */
export function conditionProblem(c: ConditionInput, fields: ConditionFields | null, t: Translate): string | null {
  if (!c.left) return t('cond.problem.field');
  const field = fieldOf(fields, c.left);
  if (isVariable(c.left)) {
    if (c.left.slice(variablePrefix.length).trim() === '') return t('wf.cond.nameVariable');
  } else if (fields && !field) {
    return t('wf.cond.unknownField', { field: c.left });
  }
  if (!c.operator) return t('wf.cond.pickOperator');
  if (fields && !operatorsOf(fields, c.left).includes(c.operator)) {
    return field
      ? t('wf.cond.operatorDoesNotFit', { operator: t.term('operator', c.operator), type: t.term('fieldType', field.type) })
      : t('wf.cond.pickOperator');
  }
  const v = c.right;
  switch (rightKind(fields, c)) {
    case 'none': return null;
    case 'number': return typeof v === 'number' && Number.isFinite(v) ? null : t('cond.problem.number');
    case 'boolean': return typeof v === 'boolean' ? null : t('cond.problem.boolean');
    case 'list':
    case 'numberList': return Array.isArray(v) && v.length > 0 ? null : t('cond.problem.list');
    default: return v === undefined || v === '' ? t('cond.problem.value') : null;
  }
}

/** A condition's right side as typed for a variable: numbers and true/false become JSON values, anything else stays text. */
export function parseRight(text: string): unknown {
  const t = text.trim();
  if (t === '') return '';
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  if (t === 'true' || t === 'false') return t === 'true';
  return text;
}
