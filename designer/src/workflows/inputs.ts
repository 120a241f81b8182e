import type { InputDescriptor } from '../api';
import type { Translate } from '../i18n';
import { conditionProblem, type ConditionInput } from './decisionCondition';

// Inline validation of an activity's inputs, as the server's validator reads them (see Orchestrator.Workflows).

const clock = /^(\d+\.)?\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$/;
const iso = /^P(?!$)(\d+(\.\d+)?D)?(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$/i;

export function isDuration(text: string): boolean {
  return clock.test(text.trim()) || iso.test(text.trim());
}

/**
 * The message to show under the field, or null when the value is fine. `value` is what would be stored; `name` is the
 * input's label in the screen's language.
 */
export function validateInput(descriptor: InputDescriptor, value: unknown, t: Translate, name = descriptor.displayName): string | null {
  const empty = value === undefined || value === null || value === '';
  if (empty) return descriptor.isRequired ? t('wf.input.required', { name }) : null;
  switch (descriptor.type) {
    case 'Number':
      return typeof value === 'number' && Number.isFinite(value) ? null : t('wf.input.number', { name });
    case 'Boolean':
      return typeof value === 'boolean' ? null : t('wf.input.boolean', { name });
    case 'Duration':
      return typeof value === 'string' && isDuration(value) ? null : t('wf.input.duration', { name, clock: '00:30:00', iso: 'PT30M' });
    case 'Condition':
      // Shape only here: the Decision's editor checks fields against the server's catalogue.
      return typeof value !== 'object' || Array.isArray(value)
        ? t('wf.input.conditionShape', { name, shape: '{ left, operator, right }' })
        : conditionProblem(value as ConditionInput, null, t);
    case 'Text':
      return typeof value === 'string' ? null : t('wf.input.text', { name });
    default:
      return null;
  }
}

/** Parses what the user typed into the value to store; Json input that does not parse stays text (and fails validation upstream). */
export function parseTyped(type: InputDescriptor['type'], text: string, t: Translate): { value: unknown; error: string | null } {
  if (text.trim() === '') return { value: undefined, error: null };
  if (type === 'Number') {
    const n = Number(text);
    return Number.isFinite(n) ? { value: n, error: null } : { value: text, error: t('wf.input.notNumber') };
  }
  if (type === 'Json') {
    try {
      return { value: JSON.parse(text), error: null };
    } catch {
      return { value: undefined, error: t('wf.input.notJson') };
    }
  }
  return { value: text, error: null };
}
