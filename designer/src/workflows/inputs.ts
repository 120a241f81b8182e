import type { InputDescriptor } from '../api';

// Inline validation of an activity's inputs, as the server's validator reads them (see Orchestrator.Workflows).

export const conditionOperators = ['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'contains', 'isEmpty', 'isNotEmpty'] as const;

const clock = /^(\d+\.)?\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$/;
const iso = /^P(?!$)(\d+(\.\d+)?D)?(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$/i;

export function isDuration(text: string): boolean {
  return clock.test(text.trim()) || iso.test(text.trim());
}

export interface ConditionInput {
  left?: string;
  operator?: string;
  right?: unknown;
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
    case 'Condition': {
      const c = value as ConditionInput;
      if (typeof value !== 'object' || Array.isArray(value)) return `${descriptor.displayName} is { left, operator, right }.`;
      if (!c.left || !/^(order|variables)\.[A-Za-z_][\w.]*$/.test(c.left)) return 'Left side is order.<field> or variables.<name>.';
      if (!c.operator || !(conditionOperators as readonly string[]).includes(c.operator)) return 'Pick an operator.';
      if (c.operator !== 'isEmpty' && c.operator !== 'isNotEmpty' && (c.right === undefined || c.right === '')) return 'Right side is required for this operator.';
      return null;
    }
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

/** A condition's right side as typed: numbers and true/false become JSON values, anything else stays text. */
export function parseRight(text: string): unknown {
  const t = text.trim();
  if (t === '') return '';
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  if (t === 'true' || t === 'false') return t === 'true';
  return text;
}
