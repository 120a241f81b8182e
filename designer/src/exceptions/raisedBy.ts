import type { ExceptionEntry } from '../api';

// The server names a person who set an order aside (also a reviewer whose decision sent it to a workflow wait), and
// 'workflow' (or nothing) when the workflow got there on its own.
const workflowNames = new Set(['workflow', '']);

/** Who raised the entry, as the screens say it: the person, else "the workflow". */
export function raisedByText(entry: Pick<ExceptionEntry, 'raisedBy'>): string {
  return entry.raisedBy && !workflowNames.has(entry.raisedBy) ? entry.raisedBy : 'the workflow';
}

/** Whether a person set the order aside (a hold, or a reviewer's decision that the workflow's wait recorded). */
export function setAsideByPerson(entry: Pick<ExceptionEntry, 'raisedBy' | 'source'>): boolean {
  return entry.source === 'Hold' || raisedByText(entry) !== 'the workflow';
}
