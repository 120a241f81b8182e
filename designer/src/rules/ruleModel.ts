import type { Condition, FieldType, ReviewRule, RuleFields } from '../api';
import type { Translate } from '../i18n';

// The condition model the builder edits: groups (all / any) of comparisons over whitelisted fields.

export const noValueOperators = new Set(['isEmpty', 'isNotEmpty']);
export const listOperators = new Set(['in', 'notIn']);

export type ValueKind = 'none' | 'text' | 'number' | 'boolean' | 'datetime' | 'list' | 'numberList' | 'numberRange' | 'dateRange' | 'regex';

/** What kind of value input fits a field type and operator. */
export function valueKind(type: FieldType | undefined, operator: string | undefined): ValueKind {
  if (!type || !operator || noValueOperators.has(operator)) return 'none';
  if (operator === 'between') return type === 'DateTime' ? 'dateRange' : 'numberRange';
  if (listOperators.has(operator)) return type === 'Number' ? 'numberList' : 'list';
  if (operator === 'regex') return 'regex';
  switch (type) {
    case 'Number': return 'number';
    case 'Boolean': return 'boolean';
    case 'DateTime': return 'datetime';
    default: return 'text';
  }
}

/** Operators valid for a field, as the server lists them per type. */
export function operatorsFor(fields: RuleFields, fieldName: string | undefined): string[] {
  const field = fields.fields.find(f => f.name === fieldName);
  return field ? fields.operators[field.type] ?? [] : [];
}

/** The value a comparison starts with when its field or operator changes: kept when it still fits, reset when not. */
export function defaultValue(kind: ValueKind, previous?: unknown): unknown {
  switch (kind) {
    case 'none': return undefined;
    case 'number': return typeof previous === 'number' ? previous : undefined;
    case 'boolean': return typeof previous === 'boolean' ? previous : true;
    case 'list': return Array.isArray(previous) ? previous.map(String) : [];
    case 'numberList': return Array.isArray(previous) ? previous.filter(v => typeof v === 'number') : [];
    case 'numberRange':
    case 'dateRange': return [undefined, undefined];
    default: return typeof previous === 'string' ? previous : '';
  }
}

/** Problems with one comparison the server would also refuse, shown before saving. */
export function comparisonProblem(fields: RuleFields, c: Condition, t: Translate): string | null {
  const field = fields.fields.find(f => f.name === c.field);
  if (!field) return t('cond.problem.field');
  if (!c.operator || !operatorsFor(fields, c.field).includes(c.operator)) return t('cond.problem.operator', { type: t.term('fieldType', field.type) });
  const kind = valueKind(field.type, c.operator);
  const v = c.value;
  switch (kind) {
    case 'none': return null;
    case 'number': return typeof v === 'number' && Number.isFinite(v) ? null : t('cond.problem.number');
    case 'boolean': return typeof v === 'boolean' ? null : t('cond.problem.boolean');
    case 'datetime': return typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? null : t('cond.problem.datetime');
    case 'list':
    case 'numberList': return Array.isArray(v) && v.length > 0 ? null : t('cond.problem.list');
    case 'numberRange':
    case 'dateRange': {
      if (!Array.isArray(v) || v.length !== 2 || v.some(x => x === undefined || x === null || x === '')) return t('cond.problem.range');
      const [a, b] = kind === 'dateRange' ? v.map(x => Date.parse(String(x))) : (v as number[]);
      return a <= b ? null : t('cond.problem.rangeOrder');
    }
    case 'regex':
      try {
        if (typeof v !== 'string' || !v) return t('cond.problem.pattern');
        new RegExp(v);
        return null;
      } catch {
        return t('cond.problem.regex');
      }
    default: return typeof v === 'string' && v.trim() ? null : t('cond.problem.value');
  }
}

/** Every problem in a condition tree, with the path the server would name (when.all[0]…). */
export function conditionProblems(fields: RuleFields, c: Condition, t: Translate, path = 'when'): { path: string; message: string }[] {
  const group = c.all ? 'all' : c.any ? 'any' : null;
  if (group) {
    const children = (c.all ?? c.any)!;
    if (children.length === 0) return [{ path, message: t('cond.problem.emptyGroup') }];
    return children.flatMap((child, i) => conditionProblems(fields, child, t, `${path}.${group}[${i}]`));
  }
  const problem = comparisonProblem(fields, c, t);
  return problem ? [{ path, message: problem }] : [];
}

// Comparisons read as symbols in any language; the other operators by their name in the catalogue.
const operatorSymbols: Record<string, string> = { equals: '=', notEquals: '≠', gt: '>', ge: '≥', lt: '<', le: '≤' };

function valueText(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(x => valueText(x)).join(', ')}]`;
  if (typeof v === 'string') return `“${v}”`;
  return v === undefined ? '' : String(v);
}

/** A one-line reading of the conditions for the rules table, e.g. 买家留言 包含 “发票” 且 实付金额 ≥ 1000. */
export function summarize(c: Condition, t: Translate): string {
  if (c.all || c.any) {
    const children = (c.all ?? c.any)!;
    const joined = children.map(child => (child.all || child.any ? `(${summarize(child, t)})` : summarize(child, t)))
      .join(t(c.all ? 'cond.summary.and' : 'cond.summary.or'));
    return joined || t('cond.summary.empty');
  }
  const op = operatorSymbols[c.operator ?? ''] ?? (c.operator ? t.term('operator', c.operator) : '?');
  const field = c.field ? t.term('field', c.field) : '?';
  return [field, op, noValueOperators.has(c.operator ?? '') ? '' : valueText(c.value)].filter(Boolean).join(' ');
}

export function emptyRule(fields: RuleFields, existing: ReviewRule[]): ReviewRule {
  const first = fields.fields.find(f => f.name === 'buyerMessage') ?? fields.fields[0];
  let n = existing.length + 1;
  while (existing.some(r => r.id === `rule-${n}`)) n++;
  return {
    id: `rule-${n}`,
    name: '',
    enabled: true,
    priority: (Math.max(0, ...existing.map(r => r.priority)) || 0) + 10,
    when: { all: [{ field: first?.name, operator: 'contains', value: '' }] },
    action: { type: 'Block', reason: '' },
  };
}

/** Paths (when.all[0]…) of the conditions that matched in a dry run, from the server's rules[i].when… paths. */
export function matchedPaths(results: { path: string; matched: boolean }[]): Set<string> {
  return new Set(results.filter(r => r.matched).map(r => r.path.replace(/^rules\[\d+\]\./, '')));
}
