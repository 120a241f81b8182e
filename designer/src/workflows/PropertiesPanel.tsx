import { useEffect, useState } from 'react';
import type { ActivityDescriptor, ActivityJson, ConditionFields, InputDescriptor } from '../api';
import { useT } from '../i18n';
import { DecisionCondition } from './DecisionCondition';
import { parseTyped, validateInput } from './inputs';
import { activityHelp, activityName, inputHelp, inputName } from './names';
import { OutcomePorts, type ActivityChoice, type OutgoingConnection } from './OutcomePorts';

interface Props {
  activity: ActivityJson;
  descriptor?: ActivityDescriptor;
  serverErrors: string[];
  outgoing: OutgoingConnection[];
  targets: ActivityChoice[];
  readOnly?: boolean;
  /** The fields a Decision may test, from the server; null while loading. */
  conditionFields?: ConditionFields | null;
  onChange: (activity: ActivityJson) => void;
  onDelete: () => void;
  onRemoveConnection: (connectionId: string) => void;
  onRetarget: (connectionId: string, target: string) => void;
}

/**
 * The selected activity's name and inputs, as fields generated from its input descriptors, validated as you type; then
 * its outcome ports and where each goes.
 */
export function PropertiesPanel({
  activity, descriptor, serverErrors, outgoing, targets, readOnly, conditionFields = null, onChange, onDelete, onRemoveConnection, onRetarget,
}: Props) {
  const t = useT();
  const set = (name: string, value: unknown) => {
    const next: ActivityJson = { ...activity };
    if (value === undefined) delete next[name];
    else next[name] = value;
    onChange(next);
  };

  return (
    <aside className="properties" aria-label={t('wf.props.label')}>
      <h3 title={activity.type}>{activityName(t, activity.type, descriptor)}</h3>
      {descriptor && activityHelp(t, descriptor) && <p className="muted small">{activityHelp(t, descriptor)}</p>}
      <label className="field">
        <span>{t('wf.props.id')}</span>
        <input value={activity.id} readOnly aria-label={t('wf.props.idLabel')} data-testid="activity-id" />
      </label>
      <label className="field">
        <span>{t('wf.props.name')}</span>
        <input
          aria-label={t('wf.props.nameLabel')}
          data-testid="activity-name"
          value={activity.name ?? ''}
          readOnly={readOnly}
          onChange={e => onChange({ ...activity, name: e.target.value || undefined })}
        />
      </label>
      {descriptor?.inputs.map(input => (
        input.type === 'Condition' ? (
          <DecisionCondition key={`${activity.id}:${input.name}`} input={input} value={activity[input.name]} fields={conditionFields}
            readOnly={readOnly} onCommit={v => set(input.name, v)} />
        ) : (
          <InputField key={`${activity.id}:${input.name}`} type={activity.type} input={input} value={activity[input.name]} readOnly={readOnly}
            onCommit={v => set(input.name, v)} />
        )
      ))}
      {descriptor && descriptor.inputs.length === 0 && <p className="muted small">{t('wf.props.noInputs')}</p>}
      <OutcomePorts descriptor={descriptor} outgoing={outgoing} targets={targets} readOnly={readOnly}
        onRemove={onRemoveConnection} onRetarget={onRetarget} />
      {serverErrors.length > 0 && (
        <div className="error-box" role="alert">
          {serverErrors.map((e, i) => <div key={i}>{e}</div>)}
        </div>
      )}
      {!readOnly && (
        <button type="button" className="danger" data-testid="delete-activity" onClick={onDelete}>{t('wf.props.delete')}</button>
      )}
    </aside>
  );
}

interface FieldProps {
  /** The activity's type, which names its inputs. */
  type: string;
  input: InputDescriptor;
  value: unknown;
  readOnly?: boolean;
  onCommit: (v: unknown) => void;
}

function InputField({ type, input, value, readOnly, onCommit }: FieldProps) {
  const t = useT();
  if (input.type === 'Boolean') {
    const name = inputName(t, type, input);
    const error = validateInput(input, value, t, name);
    return (
      <label className="field">
        <span>{name}{input.isRequired && ' *'}</span>
        <select aria-label={name} data-testid={`input-${input.name}`} disabled={readOnly} value={value === undefined ? '' : String(value)}
          onChange={e => onCommit(e.target.value === '' ? undefined : e.target.value === 'true')}>
          <option value="">{t('wf.props.notSet')}</option>
          <option value="true">{t('cond.true')}</option>
          <option value="false">{t('cond.false')}</option>
        </select>
        {error && <small className="field-error">{error}</small>}
      </label>
    );
  }
  return <TextLikeField type={type} input={input} value={value} readOnly={readOnly} onCommit={onCommit} />;
}

const display = (type: InputDescriptor['type'], value: unknown) =>
  value === undefined || value === null ? '' : type === 'Json' ? JSON.stringify(value) : String(value);

/** Text, Number, Duration and Json: the text stays as typed; a valid value is stored, an invalid one shows why. */
function TextLikeField({ type, input, value, readOnly, onCommit }: FieldProps) {
  const t = useT();
  const name = inputName(t, type, input);
  const help = inputHelp(t, type, input);
  const [text, setText] = useState(display(input.type, value));
  const [parseError, setParseError] = useState<string | null>(null);
  useEffect(() => {
    // Undo/redo or another edit changed the stored value: show it, unless it is what the text already means.
    setText(current => {
      const { value: parsed } = parseTyped(input.type, current, t);
      return JSON.stringify(parsed) === JSON.stringify(value) ? current : display(input.type, value);
    });
  }, [value, input.type, t]);

  const { value: parsed, error } = parseTyped(input.type, text, t);
  const message = parseError ?? error ?? validateInput(input, parsed, t, name);
  const placeholder = input.type === 'Duration' ? '00:30:00' : input.type === 'Json' ? t('wf.props.jsonPlaceholder') : '';
  return (
    <label className="field">
      <span>{name}{input.isRequired && ' *'} <em className="type-tag" title={input.type}>{t.term('inputType', input.type)}</em></span>
      {input.type === 'Json' ? (
        <textarea aria-label={name} data-testid={`input-${input.name}`} readOnly={readOnly} rows={3} value={text} placeholder={placeholder}
          className={message ? 'invalid' : ''} onChange={e => update(e.target.value)} />
      ) : (
        <input aria-label={name} data-testid={`input-${input.name}`} readOnly={readOnly} value={text} placeholder={placeholder}
          inputMode={input.type === 'Number' ? 'decimal' : undefined} className={message ? 'invalid' : ''}
          onChange={e => update(e.target.value)} />
      )}
      {help && <small className="muted">{help}</small>}
      {message && <small className="field-error" role="alert">{message}</small>}
    </label>
  );

  function update(next: string) {
    setText(next);
    const result = parseTyped(input.type, next, t);
    setParseError(result.error);
    if (!result.error && !validateInput(input, result.value, t, name)) onCommit(result.value);
    else if (result.value === undefined && !input.isRequired && !result.error) onCommit(undefined);
  }
}
