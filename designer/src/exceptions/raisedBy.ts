import type { ExceptionEntry } from '../api';
import type { Translate } from '../i18n';

// The server names a person who set an order aside (also a reviewer whose decision sent it to a workflow wait), and
// 'workflow' (or nothing) when the workflow got there on its own.
const workflowNames = new Set(['workflow', '']);

/** The person who raised the entry, or null when the workflow got there on its own. */
export function raisedByPerson(entry: Pick<ExceptionEntry, 'raisedBy'>): string | null {
  return entry.raisedBy && !workflowNames.has(entry.raisedBy) ? entry.raisedBy : null;
}

/** Who raised the entry, as the screens say it: the person, else "the workflow" in the screen's language. */
export function raisedByText(entry: Pick<ExceptionEntry, 'raisedBy'>, t: Translate): string {
  return raisedByPerson(entry) ?? t('common.theWorkflow');
}

/** Whether a person set the order aside (a hold, or a reviewer's decision that the workflow's wait recorded). */
export function setAsideByPerson(entry: Pick<ExceptionEntry, 'raisedBy' | 'source'>): boolean {
  return entry.source === 'Hold' || raisedByPerson(entry) !== null;
}
