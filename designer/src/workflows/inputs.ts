import type { InputDescriptor } from '../api';
import { conditionProblem, type ConditionInput } from './decisionCondition';

// Inline validation of an activity's inputs, as the server's validator reads them (see Orchestrator.Workflows).

const clock = /^(\d+\.)?\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$/;
const iso = /^P(?!$)(\d+(\.\d+)?D)?(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$/i;

export function isDuration(text: string): boolean {
  return clock.test(text.trim()) || iso.test(text.trim());
}

/** The message to show under the field, or null when the value is fine. `value` is what would be stored. */
export function validateInput(descriptor: InputDescriptor, value: unknown): string | null {
  const empty = value === undefined || value === null || value === '';
  if (empty) return descriptor.isRequired ? `${descriptor.displayName} is required.` : null;
  switch (descriptor.type) {
    case 'Number':
      return typeof value === 'number' && Number.isFinite(value) ? null : `${descriptor.displayName} must be a number.`;
    case 'Boolean':
      return typeof value === 'boolean' ? null : `${descriptor.displayName} is true or false.`;
    case 'Duration':
      return typeof value === 'string' && isDuration(value) ? null : `${descriptor.displayName} is a time span such as 00:30:00 or PT30M.`;
    case 'Condition':
      // Shape only here: the Decision's editor checks fields against the server's catalogue.
      return typeof value !== 'object' || Array.isArray(value)
        ? `${descriptor.displayName} is { left, operator, right }.`
        : conditionProblem(value as ConditionInput, null);
    case 'Text':
      return typeof value === 'string' ? null : `${descriptor.displayName} is text.`;
    default:
      return null;
  }
}

/** Parses what the user typed into the value to store; Json input that does not parse stays text (and fails validation upstream). */
export function parseTyped(type: InputDescriptor['type'], text: string): { value: unknown; error: string | null } {
  if (text.trim() === '') return { value: undefined, error: null };
  if (type === 'Number') {
    const n = Number(text);
    return Number.isFinite(n) ? { value: n, error: null } : { value: text, error: 'Must be a number.' };
  }
  if (type === 'Json') {
    try {
      return { value: JSON.parse(text), error: null };
    } catch {
      return { value: undefined, error: 'Not valid JSON (strings need "quotes").' };
    }
  }
  return { value: text, error: null };
}
