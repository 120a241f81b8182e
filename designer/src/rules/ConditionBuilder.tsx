import { useId, useState } from 'react';
import type { Condition, FieldType, RuleField, RuleFieldChoice, RuleFields } from '../api';
import { useT, type Translate } from '../i18n';
import { comparisonProblem, defaultValue, operatorsFor, valueKind, type ValueKind } from './ruleModel';

interface Props {
  fields: RuleFields;
  value: Condition;
  onChange: (c: Condition) => void;
  /** Paths (when.all[0]…) that matched in the last dry run: highlighted. */
  matched?: Set<string>;
  path?: string;
  depth?: number;
  onRemove?: () => void;
  /** Full names of the provinces an enclosing all-group's province condition allows: city pick lists offer only their cities. */
  provinces?: string[];
}

/** A group (all / any) of comparisons and nested groups over the server's field whitelist. */
export function ConditionBuilder({ fields, value, onChange, matched, path = 'when', depth = 0, onRemove, provinces }: Props) {
  const t = useT();
  if (!value.all && !value.any) {
    return <Comparison fields={fields} value={value} onChange={onChange} onRemove={onRemove} matched={matched?.has(path)} provinces={provinces} />;
  }
  const mode = value.all ? 'all' : 'any';
  const children = (value.all ?? value.any)!;
  const scope = (mode === 'all' ? provincesOf(fields, children) : undefined) ?? provinces;
  const setChildren = (next: Condition[]) => onChange(mode === 'all' ? { all: next } : { any: next });
  const firstField = fields.fields[0];
  return (
    <div className={`cond-group depth-${depth}${matched?.has(path) ? ' matched' : ''}`} data-testid={`group-${path}`}>
      <div className="cond-group-head">
        <select aria-label={t('cond.groupMode')} value={mode} onChange={e => onChange(e.target.value === 'all' ? { all: children } : { any: children })}>
          <option value="all">{t('cond.all')}</option>
          <option value="any">{t('cond.any')}</option>
        </select>
        <span className="spacer" />
        <button type="button" className="small" onClick={() => setChildren([...children, { field: firstField?.name, operator: fields.operators[firstField?.type ?? 'Text']?.[0], value: defaultValue(valueKind(firstField?.type, fields.operators[firstField?.type ?? 'Text']?.[0])) }])}>{t('cond.addCondition')}</button>
        {depth < 2 && <button type="button" className="small" onClick={() => setChildren([...children, { any: [] }])}>{t('cond.addGroup')}</button>}
        {onRemove && <button type="button" className="small danger" aria-label={t('cond.removeGroup')} onClick={onRemove}>✕</button>}
      </div>
      {children.length === 0 && <p className="muted small">{t('cond.emptyGroup')}</p>}
      {children.map((child, i) => (
        <ConditionBuilder key={i} fields={fields} value={child} matched={matched} path={`${path}.${mode}[${i}]`} depth={depth + 1} provinces={scope}
          onChange={c => setChildren(children.map((x, j) => (j === i ? c : x)))}
          onRemove={() => setChildren(children.filter((_, j) => j !== i))} />
      ))}
    </div>
  );
}

function Comparison({ fields, value, onChange, onRemove, matched, provinces }: {
  fields: RuleFields; value: Condition; onChange: (c: Condition) => void; onRemove?: () => void; matched?: boolean; provinces?: string[];
}) {
  const t = useT();
  const field = fields.fields.find(f => f.name === value.field);
  const operators = operatorsFor(fields, value.field);
  const kind = valueKind(field?.type, value.operator);
  const problem = comparisonProblem(fields, value, t);
  const grouped = groupByType(fields);

  const pickField = (name: string) => {
    const next = fields.fields.find(f => f.name === name);
    const ops = next ? fields.operators[next.type] ?? [] : [];
    const operator = value.operator && ops.includes(value.operator) ? value.operator : ops[0];
    onChange({ field: name, operator, value: defaultValue(valueKind(next?.type, operator), next?.type === field?.type ? value.value : undefined) });
  };
  const pickOperator = (operator: string) => {
    const nextKind = valueKind(field?.type, operator);
    onChange({ ...value, operator, value: nextKind === kind ? value.value : defaultValue(nextKind, value.value) });
  };

  return (
    <div className={`cond-row${matched ? ' matched' : ''}`} data-testid="condition-row" data-matched={matched ? 'true' : 'false'}>
      <select aria-label={t('cond.field')} value={value.field ?? ''} onChange={e => pickField(e.target.value)} title={field && fieldTitle(field)}>
        <option value="" disabled>{t('cond.fieldPlaceholder')}</option>
        {grouped.map(([type, list]) => (
          <optgroup key={type} label={t.term('fieldType', type)}>
            {list.map(f => <option key={f.name} value={f.name} title={fieldTitle(f)}>{fieldLabel(f, t)}</option>)}
          </optgroup>
        ))}
      </select>
      <select aria-label={t('cond.operator')} value={value.operator ?? ''} onChange={e => pickOperator(e.target.value)} title={value.operator}>
        {operators.map(op => <option key={op} value={op} title={op}>{t.term('operator', op)}</option>)}
      </select>
      <ValueInput kind={kind} value={value.value} choices={narrowChoices(field?.choices ?? undefined, provinces)} onChange={v => onChange({ ...value, value: v })} />
      {onRemove && <button type="button" className="small danger" aria-label={t('cond.removeCondition')} onClick={onRemove}>✕</button>}
      {problem && <small className="field-error" role="alert">{problem}</small>}
    </div>
  );
}

const PROVINCE_FIELD = 'receiverProvince';

/**
 * The provinces (full names) a group's `receiverProvince equals / in` conditions allow, read through the province pick
 * list so 浙江 counts as 浙江省; undefined when the group has none or names no province the list knows.
 */
export function provincesOf(fields: RuleFields, children: Condition[]): string[] | undefined {
  const choices = fields.fields.find(f => f.name === PROVINCE_FIELD)?.choices ?? [];
  const fullName = (text: unknown) => {
    const name = typeof text === 'string' ? text.trim() : '';
    return choices.find(c => c.value === name || c.shortName === name)?.value;
  };
  const found = children
    .filter(c => c.field === PROVINCE_FIELD && (c.operator === 'equals' || c.operator === 'in'))
    .flatMap(c => (Array.isArray(c.value) ? c.value : [c.value]).map(fullName))
    .filter((p): p is string => !!p);
  return found.length ? [...new Set(found)] : undefined;
}

/** The choices in the given provinces (cities of 浙江省); all of them when none is given or none lies there. */
export function narrowChoices(choices: RuleFieldChoice[] | undefined, provinces: string[] | undefined): RuleFieldChoice[] | undefined {
  if (!choices || !provinces?.length) return choices;
  const narrowed = choices.filter(c => c.province && provinces.includes(c.province));
  return narrowed.length ? narrowed : choices;
}

/**
 * A field of the server's catalogue by its name in the screen's language (买家留言 for buyerMessage); a field the catalogue
 * does not know yet by the server's description.
 */
export function fieldLabel(field: RuleField, t: Translate): string {
  return t.knows('field', field.name) ? t.term('field', field.name) : field.description;
}

/** The field's code and the server's English description, for the tooltip. */
const fieldTitle = (field: RuleField) => `${field.name}: ${field.description}`;

function groupByType(fields: RuleFields): [FieldType, RuleFields['fields']][] {
  const map = new Map<FieldType, RuleFields['fields']>();
  fields.fields.forEach(f => map.set(f.type, [...(map.get(f.type) ?? []), f]));
  return [...map.entries()];
}

/**
 * The value input that fits the field's type and the operator: number, true/false, date, list, range, text. With
 * `choices` (provinces, cities) the text and list inputs offer them as a pick list searchable by full or short name.
 */
export function ValueInput({ kind, value, onChange, choices }: {
  kind: ValueKind; value: unknown; onChange: (v: unknown) => void; choices?: RuleFieldChoice[];
}) {
  const t = useT();
  const listId = useId();
  const pickList = choices?.length ? <ChoiceList id={listId} choices={choices} /> : null;
  const list = pickList ? listId : undefined;
  switch (kind) {
    case 'none':
      return <span className="muted small no-value">{t('cond.noValue')}</span>;
    case 'number':
      return <NumberBox label={t('cond.value')} value={value} onChange={onChange} />;
    case 'boolean':
      return (
        <select aria-label={t('cond.value')} value={String(value ?? true)} onChange={e => onChange(e.target.value === 'true')}>
          <option value="true">{t('cond.true')}</option>
          <option value="false">{t('cond.false')}</option>
        </select>
      );
    case 'datetime':
      return <input aria-label={t('cond.value')} type="datetime-local" value={toLocalInput(value)} onChange={e => onChange(fromLocalInput(e.target.value))} />;
    case 'list':
    case 'numberList':
      return <>{pickList}<ListInput numbers={kind === 'numberList'} value={Array.isArray(value) ? value : []} onChange={onChange} list={list} /></>;
    case 'numberRange':
    case 'dateRange': {
      const [low, high] = Array.isArray(value) ? value : [undefined, undefined];
      const set = (i: number, v: unknown) => onChange(i === 0 ? [v, high] : [low, v]);
      return kind === 'numberRange' ? (
        <span className="range">
          <NumberBox label={t('cond.from')} value={low} onChange={v => set(0, v)} /> – <NumberBox label={t('cond.to')} value={high} onChange={v => set(1, v)} />
        </span>
      ) : (
        <span className="range">
          <input aria-label={t('cond.from')} type="datetime-local" value={toLocalInput(low)} onChange={e => set(0, fromLocalInput(e.target.value))} /> –
          <input aria-label={t('cond.to')} type="datetime-local" value={toLocalInput(high)} onChange={e => set(1, fromLocalInput(e.target.value))} />
        </span>
      );
    }
    case 'regex':
      return <input aria-label={t('cond.value')} className="mono" placeholder="^VIP" value={typeof value === 'string' ? value : ''} onChange={e => onChange(e.target.value)} />;
    default:
      return (
        <>
          {pickList}
          <input aria-label={t('cond.value')} placeholder={t(list ? 'cond.pickOrType' : 'cond.textExample')} list={list}
            value={typeof value === 'string' ? value : ''} onChange={e => onChange(e.target.value)} />
        </>
      );
  }
}

/** The standard values as a datalist: the browser filters it by what is typed, against the full name and the short name. */
function ChoiceList({ id, choices }: { id: string; choices: RuleFieldChoice[] }) {
  return (
    <datalist id={id} data-testid="value-choices">
      {choices.map(c => <option key={c.value} value={c.value} label={c.shortName} />)}
    </datalist>
  );
}

function NumberBox({ label, value, onChange }: { label: string; value: unknown; onChange: (v: unknown) => void }) {
  const [text, setText] = useState(typeof value === 'number' ? String(value) : '');
  return (
    <input aria-label={label} type="number" step="any" className="num" value={text}
      onChange={e => { setText(e.target.value); onChange(e.target.value === '' ? undefined : Number(e.target.value)); }} />
  );
}

/** Values as chips: type one and press Enter or comma to add it; ✕ removes it. */
function ListInput({ numbers, value, onChange, list }: { numbers: boolean; value: unknown[]; onChange: (v: unknown[]) => void; list?: string }) {
  const t = useT();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = () => {
    const parts = text.split(/[,，\n]/).map(p => p.trim()).filter(Boolean);
    if (!parts.length) return;
    if (numbers && parts.some(p => !Number.isFinite(Number(p)))) return setError(t('cond.numbersOnly'));
    setError(null);
    onChange([...value, ...parts.map(p => (numbers ? Number(p) : p))]);
    setText('');
  };
  return (
    <span className="list-input">
      {value.map((v, i) => (
        <span key={i} className="chip">{String(v)}<button type="button" aria-label={t('cond.removeValue', { value: String(v) })} onClick={() => onChange(value.filter((_, j) => j !== i))}>✕</button></span>
      ))}
      <input aria-label={t('cond.addValue')} placeholder={t(numbers ? 'cond.numberEnter' : 'cond.valueEnter')} value={text} list={list}
        onChange={e => setText(e.target.value)} onBlur={add}
        onKeyDown={e => { if (e.key === 'Enter' || e.key === ',') { e.preventDefault(); add(); } }} />
      {error && <small className="field-error">{error}</small>}
    </span>
  );
}

function toLocalInput(value: unknown): string {
  if (typeof value !== 'string' || !value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function fromLocalInput(text: string): string | undefined {
  if (!text) return undefined;
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}
