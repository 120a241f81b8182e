import { useEffect, useState } from 'react';
import type { ActivityDescriptor, ActivityJson, ConditionFields, InputDescriptor } from '../api';
import { DecisionCondition } from './DecisionCondition';
import { parseTyped, validateInput } from './inputs';
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
  const set = (name: string, value: unknown) => {
    const next: ActivityJson = { ...activity };
    if (value === undefined) delete next[name];
    else next[name] = value;
    onChange(next);
  };

  return (
    <aside className="properties" aria-label="Properties">
      <h3>{descriptor?.displayName ?? activity.type}</h3>
      {descriptor?.description && <p className="muted small">{descriptor.description}</p>}
      <label className="field">
        <span>Id</span>
        <input value={activity.id} readOnly aria-label="Activity id" />
      </label>
      <label className="field">
        <span>Name</span>
        <input
          aria-label="Activity name"
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
          <InputField key={`${activity.id}:${input.name}`} input={input} value={activity[input.name]} readOnly={readOnly} onCommit={v => set(input.name, v)} />
        )
      ))}
      {descriptor && descriptor.inputs.length === 0 && <p className="muted small">This activity has no inputs.</p>}
      <OutcomePorts descriptor={descriptor} outgoing={outgoing} targets={targets} readOnly={readOnly}
        onRemove={onRemoveConnection} onRetarget={onRetarget} />
      {serverErrors.length > 0 && (
        <div className="error-box" role="alert">
          {serverErrors.map((e, i) => <div key={i}>{e}</div>)}
        </div>
      )}
      {!readOnly && (
        <button type="button" className="danger" onClick={onDelete}>Delete activity</button>
      )}
    </aside>
  );
}

function InputField({ input, value, readOnly, onCommit }: { input: InputDescriptor; value: unknown; readOnly?: boolean; onCommit: (v: unknown) => void }) {
  if (input.type === 'Boolean') {
    const error = validateInput(input, value);
    return (
      <label className="field">
        <span>{input.displayName}{input.isRequired && ' *'}</span>
        <select aria-label={input.displayName} disabled={readOnly} value={value === undefined ? '' : String(value)}
          onChange={e => onCommit(e.target.value === '' ? undefined : e.target.value === 'true')}>
          <option value="">(not set)</option>
          <option value="true">true</option>
          <option value="false">false</option>
        </select>
        {error && <small className="field-error">{error}</small>}
      </label>
    );
  }
  return <TextLikeField input={input} value={value} readOnly={readOnly} onCommit={onCommit} />;
}

const display = (type: InputDescriptor['type'], value: unknown) =>
  value === undefined || value === null ? '' : type === 'Json' ? JSON.stringify(value) : String(value);

/** Text, Number, Duration and Json: the text stays as typed; a valid value is stored, an invalid one shows why. */
function TextLikeField({ input, value, readOnly, onCommit }: { input: InputDescriptor; value: unknown; readOnly?: boolean; onCommit: (v: unknown) => void }) {
  const [text, setText] = useState(display(input.type, value));
  const [parseError, setParseError] = useState<string | null>(null);
  useEffect(() => {
    // Undo/redo or another edit changed the stored value: show it, unless it is what the text already means.
    setText(current => {
      const { value: parsed } = parseTyped(input.type, current);
      return JSON.stringify(parsed) === JSON.stringify(value) ? current : display(input.type, value);
    });
  }, [value, input.type]);

  const { value: parsed, error } = parseTyped(input.type, text);
  const message = parseError ?? error ?? validateInput(input, parsed);
  const placeholder = input.type === 'Duration' ? '00:30:00' : input.type === 'Json' ? '"text", 12, true or {…}' : '';
  return (
    <label className="field">
      <span>{input.displayName}{input.isRequired && ' *'} <em className="type-tag">{input.type}</em></span>
      {input.type === 'Json' ? (
        <textarea aria-label={input.displayName} readOnly={readOnly} rows={3} value={text} placeholder={placeholder}
          className={message ? 'invalid' : ''} onChange={e => update(e.target.value)} />
      ) : (
        <input aria-label={input.displayName} readOnly={readOnly} value={text} placeholder={placeholder}
          inputMode={input.type === 'Number' ? 'decimal' : undefined} className={message ? 'invalid' : ''}
          onChange={e => update(e.target.value)} />
      )}
      {input.description && <small className="muted">{input.description}</small>}
      {message && <small className="field-error" role="alert">{message}</small>}
    </label>
  );

  function update(next: string) {
    setText(next);
    const result = parseTyped(input.type, next);
    setParseError(result.error);
    if (!result.error && !validateInput(input, result.value)) onCommit(result.value);
    else if (result.value === undefined && !input.isRequired && !result.error) onCommit(undefined);
  }
}
