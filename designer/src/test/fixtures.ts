import type { ActivityDescriptor, ConditionFields, ExceptionCounts, ExceptionEntry, ReviewCounts, ReviewQueueItem, RuleFields } from '../api';

// The server's whitelist shape (GET /api/rules/fields), cut to one field of each type.
export const fields: RuleFields = {
  fields: [
    { name: 'buyerMessage', type: 'Text', description: 'Buyer message (买家留言)' },
    { name: 'payment', type: 'Number', description: 'Amount paid' },
    { name: 'isCod', type: 'Boolean', description: 'Cash on delivery' },
    { name: 'payTime', type: 'DateTime', description: 'Payment time' },
    { name: 'merchantCodes', type: 'TextList', description: 'Merchant codes' },
  ],
  operators: {
    Text: ['equals', 'notEquals', 'in', 'notIn', 'contains', 'notContains', 'startsWith', 'regex', 'isEmpty', 'isNotEmpty'],
    Number: ['equals', 'notEquals', 'in', 'notIn', 'gt', 'ge', 'lt', 'le', 'between'],
    Boolean: ['equals', 'notEquals'],
    DateTime: ['gt', 'ge', 'lt', 'le', 'between', 'isEmpty', 'isNotEmpty'],
    TextList: ['contains', 'notContains', 'in', 'notIn', 'isEmpty', 'isNotEmpty'],
  },
  actions: ['Block', 'HoldUntil', 'RouteToException', 'AutoApprove'],
};

// What a Decision may test (GET /api/activities/condition-fields), cut to one order field of each type.
export const conditionFields: ConditionFields = {
  fields: [
    { name: 'order.buyerMessage', type: 'Text', description: 'Buyer message (买家留言)' },
    { name: 'order.payment', type: 'Number', description: 'Amount paid (payment)' },
    { name: 'order.isCod', type: 'Boolean', description: 'Cash on delivery' },
  ],
  operators: {
    Text: ['eq', 'ne', 'in', 'contains', 'notContains', 'isEmpty', 'isNotEmpty'],
    Number: ['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'in', 'isEmpty', 'isNotEmpty'],
    Boolean: ['eq', 'ne'],
  },
  variableOperators: ['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'contains', 'notContains', 'in', 'isEmpty', 'isNotEmpty'],
};

// Palette entries as GET /api/activities describes them.
export const activities: ActivityDescriptor[] = [
  { typeName: 'Start', category: 'Control flow', displayName: 'Start', inputs: [], outcomes: ['Done'], isStart: true, suspendsOnBookmark: false, endsWorkflow: false, fansOut: false, description: 'Where every instance begins.' },
  { typeName: 'Delay', category: 'Control flow', displayName: 'Delay', inputs: [{ name: 'duration', displayName: 'Duration', type: 'Duration', isRequired: true, description: 'How long to wait, e.g. 00:30:00.' }], outcomes: ['Done'], isStart: false, suspendsOnBookmark: true, endsWorkflow: false, fansOut: false, description: 'Waits for a time span.' },
  { typeName: 'Decision', category: 'Control flow', displayName: 'Decision', inputs: [{ name: 'condition', displayName: 'Condition', type: 'Condition', isRequired: true, description: null }], outcomes: ['True', 'False'], isStart: false, suspendsOnBookmark: false, endsWorkflow: false, fansOut: false, description: null },
  { typeName: 'SetVariable', category: 'Control flow', displayName: 'Set variable', inputs: [{ name: 'variable', displayName: 'Variable', type: 'Text', isRequired: true, description: null }, { name: 'value', displayName: 'Value', type: 'Json', isRequired: false, description: null }], outcomes: ['Done'], isStart: false, suspendsOnBookmark: false, endsWorkflow: false, fansOut: false, description: null },
  { typeName: 'WeighShip', category: 'Sales order', displayName: 'Weigh', inputs: [{ name: 'tolerancePercent', displayName: 'Tolerance %', type: 'Number', isRequired: false, description: null }], outcomes: ['Weighed'], isStart: false, suspendsOnBookmark: true, endsWorkflow: false, fansOut: false, description: null },
  { typeName: 'AwaitReview', category: 'Sales order', displayName: 'Await reviewer', inputs: [], outcomes: ['Approved', 'Rejected', 'Exception'], isStart: false, suspendsOnBookmark: true, endsWorkflow: false, fansOut: false, description: null },
  { typeName: 'Fork', category: 'Control flow', displayName: 'Fork', inputs: [], outcomes: ['Done'], isStart: false, suspendsOnBookmark: false, endsWorkflow: false, fansOut: true, description: null },
  { typeName: 'Finish', category: 'Control flow', displayName: 'Finish', inputs: [], outcomes: [], isStart: false, suspendsOnBookmark: false, endsWorkflow: true, fansOut: false, description: null },
];

export const byType = (type: string) => activities.find(a => a.typeName === type)!;

/** GET /api/shops, one demo shop. */
export const shops = { items: [{ id: 1, code: 'tb-tea-flagship', name: '茶语旗舰店 (淘宝)', platform: 'taobao', isEnabled: true, version: 1, workflowDefinitionId: null }] };

/** GET /api/shops with both demo shops, for screens that pick among them. */
export const twoShops = {
  items: [
    ...shops.items,
    { id: 2, code: 'jd-tea-self', name: '茶语京东自营店', platform: 'jd', isEnabled: true, version: 1, workflowDefinitionId: null },
  ],
};

/** GET /api/review/queue/counts as the server would count these orders (by their age). */
export function reviewCountsOf(queue: ReviewQueueItem[]): ReviewCounts {
  const olderThan = (minutes: number) => queue.filter(i => i.ageMinutes >= minutes).length;
  return { total: queue.length, olderThanMinutes: { 30: olderThan(30), 120: olderThan(120), 1440: olderThan(1440) } };
}

/** GET /api/exceptions/counts as the server would count these entries (open or resolved, by kind). */
export function exceptionCountsOf(queue: ExceptionEntry[]): ExceptionCounts {
  const byKind = (entries: ExceptionEntry[]) => entries.reduce<Record<string, number>>((kinds, e) => ({ ...kinds, [e.kind]: (kinds[e.kind] ?? 0) + 1 }), {});
  const [open, resolved] = [queue.filter(e => !e.resolvedAt), queue.filter(e => e.resolvedAt)];
  return { open: open.length, resolved: resolved.length, openKinds: byKind(open), resolvedKinds: byKind(resolved) };
}
