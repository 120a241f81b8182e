// The server's HTTP API as the designer uses it. Shapes follow src/Orchestrator.Server/Apis/** (camelCase JSON).

export interface Problem {
  status: number;
  title?: string;
  detail?: string;
  errors?: unknown;
  [key: string]: unknown;
}

/** A non-2xx answer: the RFC 7807 problem the server sent, kept whole so screens can read its extensions. */
export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  /** Field errors of a validation problem by field, named as the JSON names it (userName, not UserName). */
  fieldErrors(): Record<string, string[]> {
    const errors = this.problem.errors;
    if (!errors || typeof errors !== 'object' || Array.isArray(errors)) return {};
    return Object.fromEntries(Object.entries(errors as Record<string, unknown>).map(([field, messages]) => [
      field.charAt(0).toLowerCase() + field.slice(1),
      Array.isArray(messages) ? messages.map(String) : [String(messages)],
    ]));
  }
}

let unauthorized: () => void = () => {};

/** Who hears that a call came back 401 (the session ended); the sign-in calls answer 401 as their own result instead. */
export function onUnauthorized(handler: () => void): void {
  unauthorized = handler;
}

export async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    // The session is the HttpOnly Orchestrator.Auth cookie, sent to our own origin only.
    credentials: 'same-origin',
    headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json', accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const data = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const problem = (data && typeof data === 'object' ? data : { detail: text || response.statusText }) as Problem;
    if (response.status === 401 && !url.startsWith('/api/auth/')) unauthorized();
    throw new ApiError({ ...problem, status: response.status });
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export interface Page<T> {
  items: T[];
  pageNumber: number;
  pageSize: number;
  total: number;
}

// ---- activities and workflow definitions ------------------------------------------------------------------------

export type InputType = 'Text' | 'Number' | 'Boolean' | 'Duration' | 'Condition' | 'Json';

export interface InputDescriptor {
  name: string;
  displayName: string;
  type: InputType;
  isRequired: boolean;
  description: string | null;
}

export interface ActivityDescriptor {
  typeName: string;
  category: string;
  displayName: string;
  inputs: InputDescriptor[];
  outcomes: string[];
  isStart: boolean;
  suspendsOnBookmark: boolean;
  endsWorkflow: boolean;
  /** One outcome may lead to several activities, all started side by side (Fork); elsewhere a second connection is refused. */
  fansOut: boolean;
  description: string | null;
}

export interface Position {
  x: number;
  y: number;
}

/** One activity as stored: inputs sit beside id, type and name (Elsa 3 shape). */
export interface ActivityJson {
  id: string;
  type: string;
  name?: string | null;
  metadata?: { designer?: { position?: Position } | null } | null;
  [input: string]: unknown;
}

export interface ConnectionJson {
  source: { activity: string; port: string };
  target: { activity: string; port?: string | null };
}

export interface FlowchartJson {
  type: 'Flowchart';
  activities: ActivityJson[];
  connections: ConnectionJson[];
}

export interface VariableJson {
  name: string;
  type?: string;
  value?: unknown;
  [key: string]: unknown;
}

export interface DefinitionError {
  code: string;
  path: string;
  message: string;
  activityId?: string | null;
  port?: string | null;
}

export interface WorkflowDefinition {
  definitionId: string;
  name: string | null;
  version: number;
  isPublished: boolean;
  variables: VariableJson[];
  root: FlowchartJson;
  state: 'Draft' | 'Published' | 'Retired' | string;
  source: string;
  revision: number;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  errors: DefinitionError[];
  unchanged?: boolean;
}

export interface WorkflowDefinitionSummary {
  definitionId: string;
  name: string | null;
  latestVersion: number;
  publishedVersion: number | null;
  hasDraft: boolean;
  updatedAt: string;
}

export interface WorkflowDefinitionVersion {
  version: number;
  state: string;
  name: string | null;
  source: string;
  createdAt: string;
  publishedAt: string | null;
  /** Who published it (a user name, key:<name> or system), when the audit trail says. */
  publishedBy: string | null;
  contentHash: string;
}

export interface DefinitionBody {
  definitionId: string;
  name: string | null;
  variables: VariableJson[];
  root: FlowchartJson;
  revision?: number;
}

// ---- the session ------------------------------------------------------------------------------------------------

export type Role = 'Admin' | 'OpsLead' | 'Reviewer' | 'Warehouse' | 'Integration';

/** The signed-in person (GET /api/auth/me, POST /api/auth/sign-in). */
export interface Me {
  userName: string;
  roles: Role[];
  shopIds: number[];
  warehouseIds: number[];
}

export const authApi = {
  me: () => request<Me>('GET', '/api/auth/me'),
  signIn: (userName: string, password: string) => request<Me>('POST', '/api/auth/sign-in', { userName, password }),
  signOut: () => request<void>('POST', '/api/auth/sign-out'),
  changePassword: (currentPassword: string, newPassword: string) =>
    request<void>('POST', '/api/auth/password', { currentPassword, newPassword }),
  setupNeeded: () => request<{ needed: boolean }>('GET', '/api/auth/setup'),
  /** Creates the first admin and signs them in (201 with who they are); 409 once any user exists. */
  setup: (userName: string, password: string) => request<Me>('POST', '/api/auth/setup', { userName, password }),
};

const defs = '/api/workflow-definitions';
const enc = encodeURIComponent;

export const api = {
  activities: () => request<ActivityDescriptor[]>('GET', '/api/activities'),
  conditionFields: () => request<ConditionFields>('GET', '/api/activities/condition-fields'),
  definitions: () => request<Page<WorkflowDefinitionSummary>>('GET', `${defs}?pageSize=200`),
  definition: (id: string, version: string | number = 'latest') =>
    request<WorkflowDefinition>('GET', `${defs}/${enc(id)}?version=${enc(String(version))}`),
  versions: (id: string) => request<WorkflowDefinitionVersion[]>('GET', `${defs}/${enc(id)}/versions`),
  saveDraft: (body: DefinitionBody) => request<WorkflowDefinition>('PUT', `${defs}/${enc(body.definitionId)}/draft`, body),
  deleteDraft: (id: string) => request<void>('DELETE', `${defs}/${enc(id)}/draft`),
  publish: (id: string) => request<WorkflowDefinition>('POST', `${defs}/${enc(id)}:publish`),
  /** Rolls back: publishes an earlier version's content again as a new version. */
  republish: (id: string, version: number) => request<WorkflowDefinition>('POST', `${defs}/${enc(id)}/versions/${version}:republish`),
  unpublish: (id: string) => request<WorkflowDefinition>('POST', `${defs}/${enc(id)}:unpublish`),
  exportUrl: (id: string, version: string | number = 'latest') => `${defs}/${enc(id)}:export?version=${enc(String(version))}`,
  importDefinition: (body: DefinitionBody) => request<WorkflowDefinition>('POST', `${defs}:import`, body),

  // ---- shops, orders, instances, review --------------------------------------------------------------------------
  shops: () => request<Page<Shop>>('GET', '/api/shops?pageSize=200'),
  /** Which published workflow a shop's new orders run (null: the default sales-order); the rest of the shop as read. */
  setShopWorkflow: (shop: Shop, workflowDefinitionId: string | null) =>
    request<Shop>('PUT', `/api/shops/${shop.id}/workflow`, { workflowDefinitionId, version: shop.version }),
  /** `q` searches platform order id (or part of it), buyer, receiver, mobile and tracking number; several statuses are any of them. */
  orders: (query: OrderFilter & { page?: number }) => {
    const q = orderFilterQuery(query);
    q.set('pageSize', '50');
    q.set('page', String(query.page ?? 1));
    return request<Page<Order>>('GET', `/api/orders?${q}`);
  },
  /**
   * The CSV export of the list's filter, as a link: the browser streams the file to disk (a blob would hold 100,000
   * orders in memory), with the session cookie as for any same-origin request.
   */
  ordersExportUrl: (query: OrderFilter) => withQuery('/api/orders/export.csv', orderFilterQuery(query)),
  /** 批量搁置: each order into the exception queue as the single call would (201 per order, 409 when already there). */
  setAsideMany: (body: { orderIds: number[]; kind?: string; detail?: string }) =>
    request<BatchResponse<SetAsideResult>>('POST', '/api/orders:set-aside', body),
  /** Labels (one per package) and the pick list of the selected orders, for the print view. */
  printData: (orderIds: number[]) => request<PrintData>('POST', '/api/orders:print-data', { orderIds }),
  /** The status tabs' counts, for the same shop and search as the list. */
  orderCounts: (query: { shopId?: number; q?: string }) => {
    const q = new URLSearchParams();
    if (query.shopId) q.set('shopId', String(query.shopId));
    if (query.q) q.set('q', query.q);
    return request<OrderCounts>('GET', `/api/orders/counts?${q}`);
  },
  order: (id: number) => request<Order>('GET', `/api/orders/${id}`),
  orderWorkflow: (orderId: number) => request<InstanceDetail>('GET', `/api/orders/${orderId}/workflow`),
  retry: (instanceId: string) => request<InstanceDetail>('POST', `/api/workflow-instances/${instanceId}:retry`),
  cancelInstance: (instanceId: string, reason?: string) =>
    request<InstanceDetail>('POST', `/api/workflow-instances/${instanceId}:cancel`, { reason }),
  reviewQueue: (query: ReviewFilter) => request<Page<ReviewQueueItem>>('GET', `/api/review/queue?${withPageSize(reviewFilterQuery(query))}`),
  /** The inbox's age tabs' counts, for the same shop and reason as the list. */
  reviewQueueCounts: (query: Omit<ReviewFilter, 'olderThanMinutes'>) =>
    request<ReviewCounts>('GET', `/api/review/queue/counts?${reviewFilterQuery(query)}`),
  /** The inbox's filter as CSV, as a link (see ordersExportUrl). */
  reviewQueueExportUrl: (query: ReviewFilter) => withQuery('/api/review/queue/export.csv', reviewFilterQuery(query)),
  approve: (orderId: number, body: { note?: string; changes?: Record<string, unknown> }) =>
    request<unknown>('POST', `/api/review/orders/${orderId}:approve`, body),
  reject: (orderId: number, body: { reason: string; mode?: 'cancel' | 'exception' }) =>
    request<unknown>('POST', `/api/review/orders/${orderId}:reject`, body),
  /** Approve several orders as they are; 200 with one outcome per order (one failing does not stop the others). */
  approveMany: (body: { orderIds: number[]; note?: string }) =>
    request<BatchResponse<ReviewBatchResult>>('POST', '/api/review/orders:approve', body),
  rejectMany: (body: { orderIds: number[]; reason: string; mode?: 'cancel' | 'exception' }) =>
    request<BatchResponse<ReviewBatchResult>>('POST', '/api/review/orders:reject', body),

  // ---- exception queue (异常队列) -----------------------------------------------------------------------------------
  exceptions: (query: ExceptionFilter) => request<Page<ExceptionEntry>>('GET', `/api/exceptions?${withPageSize(exceptionFilterQuery(query))}`),
  /** The queue's tabs' counts (open and resolved, each by kind) for the same shop as the list. */
  exceptionCounts: (query: { shopId?: number }) =>
    request<ExceptionCounts>('GET', `/api/exceptions/counts${query.shopId ? `?shopId=${query.shopId}` : ''}`),
  /** The queue's filter as CSV, as a link (see ordersExportUrl). */
  exceptionsExportUrl: (query: ExceptionFilter) => withQuery('/api/exceptions/export.csv', exceptionFilterQuery(query)),
  /** Back to the stage the order left, or (cancelOrder) cancel it; 409 with handledBy when someone resolved it first. */
  resolveException: (entryId: number, body: { note?: string; cancelOrder?: boolean }) =>
    request<ExceptionEntry>('POST', `/api/exceptions/${entryId}:resolve`, body),
  /** Resolve (or cancel the orders of) several entries; 200 with one outcome per entry. */
  resolveExceptions: (body: { entryIds: number[]; note?: string; cancelOrder?: boolean }) =>
    request<BatchResponse<ResolveManyResult>>('POST', '/api/exceptions:resolve', body),
  /** Set an order aside (201 with the entry); 409 when it already has an open entry. */
  raiseException: (orderId: number, body: { kind: string; detail?: string }) =>
    request<ExceptionEntry>('POST', `/api/orders/${orderId}/exceptions`, body),
  orderExceptions: (orderId: number) => request<ExceptionEntry[]>('GET', `/api/orders/${orderId}/exceptions`),
  /** 重新匹配: continue the UnmappedSku orders (all, of shopId, or waiting on merchantCode) whose codes all map now. */
  remapExceptions: (body: RemapRequest) => request<RemapResult>('POST', '/api/exceptions:remap', body),

  // ---- people and access (Admin) ------------------------------------------------------------------------------------
  warehouses: () => request<Page<Warehouse>>('GET', '/api/warehouses?pageSize=200'),
  users: () => request<User[]>('GET', '/api/users'),
  createUser: (body: NewUser) => request<User>('POST', '/api/users', body),
  updateUser: (id: string | number, body: UserChanges) => request<User>('PUT', `/api/users/${enc(String(id))}`, body),
  setPassword: (id: string | number, password: string) => request<void>('POST', `/api/users/${enc(String(id))}/password`, { password }),
  apiKeys: (shopId: number) => request<ApiKey[]>('GET', `/api/shops/${shopId}/api-keys`),
  createApiKey: (shopId: number, name: string) => request<NewApiKey>('POST', `/api/shops/${shopId}/api-keys`, { name }),
  revokeApiKey: (shopId: number, id: string | number) => request<void>('DELETE', `/api/shops/${shopId}/api-keys/${enc(String(id))}`),

  // ---- rules -------------------------------------------------------------------------------------------------------
  ruleFields: () => request<RuleFields>('GET', '/api/rules/fields'),
  rules: (shopId: number) => request<RuleSet>('GET', `/api/shops/${shopId}/rules`),
  createRule: (shopId: number, version: number, rule: ReviewRule) =>
    request<RuleSet>('POST', `/api/shops/${shopId}/rules`, { version, rule }),
  updateRule: (shopId: number, version: number, rule: ReviewRule) =>
    request<RuleSet>('PUT', `/api/shops/${shopId}/rules/${enc(rule.id)}`, { version, rule }),
  deleteRule: (shopId: number, version: number, ruleId: string) =>
    request<RuleSet>('DELETE', `/api/shops/${shopId}/rules/${enc(ruleId)}?version=${version}`),
  setRuleEnabled: (shopId: number, version: number, ruleId: string, enabled: boolean) =>
    request<RuleSet>('POST', `/api/shops/${shopId}/rules/${enc(ruleId)}:${enabled ? 'enable' : 'disable'}`, { version }),
  reorderRules: (shopId: number, version: number, ruleIds: string[]) =>
    request<RuleSet>('POST', `/api/shops/${shopId}/rules:reorder`, { version, ruleIds }),
  testRules: (shopId: number, body: RuleTestRequest) =>
    request<RuleTestResult>('POST', `/api/shops/${shopId}/rules:test`, body),
  previewRules: (shopId: number, body: RulePreviewRequest) =>
    request<ImpactPreview>('POST', `/api/shops/${shopId}/rules:preview`, body),
};

export interface Shop {
  id: number;
  code: string;
  name: string;
  platform: string;
  isEnabled: boolean;
  version: number;
  workflowDefinitionId: string | null;
  defaultWarehouseId?: number | null;
  defaultLogisticsCompanyId?: number | null;
  accountingPartner?: string | null;
  defaultEmployee?: string | null;
}

export interface Warehouse {
  id: number;
  code: string;
  name: string;
  isEnabled: boolean;
}

export interface User {
  id: string | number;
  userName: string;
  roles: Role[];
  shopIds: number[];
  warehouseIds: number[];
  disabled: boolean;
}

export interface UserChanges {
  roles: Role[];
  shopIds: number[];
  warehouseIds: number[];
  disabled: boolean;
}

export interface NewUser {
  userName: string;
  password: string;
  roles: Role[];
  shopIds: number[];
  warehouseIds: number[];
}

export interface ApiKey {
  id: string | number;
  name: string;
  /** How the key starts (`ork_` and eight characters): enough to recognise it, never enough to use it. */
  prefix: string;
  createdAt: string;
  createdBy?: string | null;
  revokedAt: string | null;
  revokedBy?: string | null;
}

/** A key as created: `key` is the secret itself, given this once. */
export interface NewApiKey {
  id: string | number;
  name: string;
  prefix: string;
  key: string;
}

export interface Receiver {
  name?: string | null;
  mobile?: string | null;
  province?: string | null;
  city?: string | null;
  district?: string | null;
  address?: string | null;
  zip?: string | null;
}

export interface Order {
  id: number;
  shopId: number;
  platformOrderId: string;
  platformStatus: string;
  status: string;
  exceptionKind: string;
  exceptionDetail: string | null;
  buyerNick: string | null;
  receiver: Receiver;
  buyerMessage: string | null;
  sellerMemo: string | null;
  payTime: string | null;
  payment: number;
  blockReason: string | null;
  trackingNumber: string | null;
  receivedAt: string;
  updatedAt: string;
  lines: { merchantCode: string | null; title: string | null; quantity: number; price: number }[];
}

/** The orders list's filters, shared by the list and its CSV export. */
export interface OrderFilter {
  shopId?: number;
  status?: string | string[];
  exceptionKind?: string;
  platformOrderId?: string;
  q?: string;
}

/** A path with its query, or the bare path when the query is empty (a link ending in "?" reads as broken). */
export function withQuery(path: string, query: URLSearchParams): string {
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

export function orderFilterQuery(query: OrderFilter): URLSearchParams {
  const q = new URLSearchParams();
  if (query.shopId) q.set('shopId', String(query.shopId));
  for (const status of typeof query.status === 'string' ? [query.status] : query.status ?? []) if (status) q.append('status', status);
  if (query.exceptionKind) q.set('exceptionKind', query.exceptionKind);
  if (query.platformOrderId) q.set('platformOrderId', query.platformOrderId);
  if (query.q) q.set('q', query.q);
  return q;
}

/** The review inbox's filter: the list, its export, and (without the age, which its tabs count) its counts. */
export interface ReviewFilter {
  shopId?: number;
  reason?: string;
  olderThanMinutes?: number;
}

export function reviewFilterQuery(query: ReviewFilter): URLSearchParams {
  const q = new URLSearchParams();
  if (query.shopId) q.set('shopId', String(query.shopId));
  if (query.reason) q.set('reason', query.reason);
  if (query.olderThanMinutes !== undefined) q.set('olderThanMinutes', String(query.olderThanMinutes));
  return q;
}

/** The exception queue's filter, for the list and its export. */
export interface ExceptionFilter {
  state?: ExceptionState;
  kind?: string;
  shopId?: number;
}

export function exceptionFilterQuery(query: ExceptionFilter): URLSearchParams {
  const q = new URLSearchParams({ state: query.state ?? 'open' });
  if (query.kind) q.set('kind', query.kind);
  if (query.shopId) q.set('shopId', String(query.shopId));
  return q;
}

/** The queues show up to 200 rows a page (their backlogs are smaller by nature than the orders'). */
function withPageSize(filter: URLSearchParams): URLSearchParams {
  return new URLSearchParams([['pageSize', '200'], ...filter]);
}

export interface SetAsideResult {
  orderId: number;
  status: number;
  entry: ExceptionEntry | null;
  problem: BatchProblem | null;
}

/** POST /api/orders:print-data (PrintDataResponse). */
export interface PrintData {
  labels: PrintLabel[];
  pickList: PrintPickItem[];
  notPrinted: { orderId: number; status: number; detail: string }[];
}

export interface PrintLabel {
  orderId: number;
  platformOrderId: string;
  shop: string;
  sequence: number;
  packageCount: number;
  trackingNumber: string | null;
  carrier: string | null;
  warehouse: string | null;
  receiverName: string;
  receiverMobile: string;
  address: string;
  buyerMessage: string | null;
  sellerMemo: string | null;
  lines: { merchantCode: string; name: string | null; quantity: number }[];
}

export interface PrintPickItem {
  merchantCode: string;
  name: string | null;
  spec: string | null;
  warehouse: string | null;
  totalQuantity: number;
  orders: { orderId: number; platformOrderId: string; quantity: number }[];
}

/** GET /api/orders/counts (OrderCountsResponse): every status with its count, and the out-of-stock exceptions among them. */
export interface OrderCounts {
  total: number;
  statuses: Record<string, number>;
  outOfStock: number;
}

/** GET /api/review/queue/counts (ReviewCountsResponse): all waiting, and how many wait longer than each tab's minutes ("30", "120", "1440"). */
export interface ReviewCounts {
  total: number;
  olderThanMinutes: Record<string, number>;
}

/** GET /api/exceptions/counts (ExceptionCountsResponse): open and resolved entries, each by kind (every kind, zeros included). */
export interface ExceptionCounts {
  open: number;
  resolved: number;
  openKinds: Record<string, number>;
  resolvedKinds: Record<string, number>;
}

export interface InstanceSummary {
  id: string;
  definitionId: string;
  definitionVersion: number;
  orderId: number | null;
  shopId: number | null;
  status: string;
  currentActivityId: string | null;
  waitingFor: string | null;
  blockedReason: string | null;
  nextWakeAt: string | null;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

export interface JournalEntry {
  sequence: number;
  activityId: string;
  activityType: string;
  event: string;
  outcome: string | null;
  bookmark: string | null;
  startedAt: string;
  durationMs: number;
  inputs: unknown;
  outputs: unknown;
  error: string | null;
}

export interface Incident {
  id: number;
  activityId: string;
  activityType: string;
  exceptionType: string;
  message: string;
  attempt: number;
  occurredAt: string;
  resolvedAt: string | null;
}

export interface InstanceDetail {
  instance: InstanceSummary;
  variables: Record<string, unknown>;
  bookmarks: { id: string; name: string; activityId: string; createdAt: string; dueAt: string | null }[];
  scheduled: string[];
  fault: { activityId?: string; message?: string } | null;
  journal: JournalEntry[];
  incidents: Incident[];
}

export interface ReviewQueueItem {
  orderId: number;
  instanceId: string;
  shopId: number;
  platformOrderId: string;
  buyerNick: string | null;
  payment: number;
  buyerMessage: string | null;
  sellerMemo: string | null;
  receiverProvince: string;
  receiverCity: string;
  receiverDistrict: string | null;
  receiverAddress: string;
  reasons: string[];
  waitingSince: string;
  ageMinutes: number;
}

/** A batch call's answer: each item's status is what the single endpoint would have answered. */
export interface BatchResponse<T> {
  succeeded: number;
  failed: number;
  results: T[];
}

/** Why one item of a batch failed, as the single endpoint's problem details (field on 400, handledBy on 409). */
export interface BatchProblem {
  title: string;
  detail: string;
  field?: string | null;
  handledBy?: string | null;
  /** NotWaiting or OnHold, where the title names a stage (OrderStimuli.NotWaitingCode). */
  code?: string | null;
}

export interface ReviewBatchResult {
  orderId: number;
  status: number;
  problem: BatchProblem | null;
}

export interface ResolveManyResult {
  entryId: number;
  status: number;
  entry: ExceptionEntry | null;
  problem: BatchProblem | null;
}

export type ExceptionState = 'open' | 'resolved' | 'all';

/** One exception queue entry (ExceptionQueueItem); stage is where the order left its workflow, source Hold or Workflow. */
export interface ExceptionEntry {
  id: number;
  orderId: number;
  shopId: number;
  platformOrderId: string;
  kind: string;
  detail: string | null;
  source: string;
  stage: string;
  orderStatus: string;
  raisedBy: string | null;
  raisedAt: string;
  ageMinutes: number;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolution: string | null;
  /** Open UnmappedSku entries: the merchant codes the order waits on, as the platform sent them ('' for a line without one). */
  waitingOnCodes?: string[] | null;
}

/** POST /api/exceptions:remap (RemapRequest): every field narrows which waiting orders are looked at; none means all. */
export interface RemapRequest {
  merchantCode?: string;
  shopId?: number;
  note?: string;
}

/** One order a re-map looked at (RemapItem): the codes it still waits on, and why it did not continue when it did not. */
export interface RemapItem {
  entryId: number;
  orderId: number;
  orderStatus: string;
  stillUnmapped: string[];
  reason: string | null;
}

/** What a re-map did (RemapResult). */
export interface RemapResult {
  continued: RemapItem[];
  stillWaiting: RemapItem[];
}

export type FieldType = 'Text' | 'Number' | 'Boolean' | 'DateTime' | 'TextList';

export interface RuleField {
  name: string;
  type: FieldType;
  description: string;
  /** Standard values offered as a pick list (receiverProvince: the 34 provincial-level divisions; receiverCity: the cities). */
  choices?: RuleFieldChoice[] | null;
}

/**
 * A standard value: the official full name and the short name people type (新疆维吾尔自治区 / 新疆); for cities, the full
 * name of the province the city lies in (杭州市 → 浙江省).
 */
export interface RuleFieldChoice {
  value: string;
  shortName: string;
  province?: string | null;
}

export interface RuleFields {
  fields: RuleField[];
  operators: Record<string, string[]>;
  actions: string[];
}

/** What a Decision's condition may test (GET /api/activities/condition-fields): fields as order.payment, operators per type. */
export interface ConditionFields {
  fields: { name: string; type: 'Text' | 'Number' | 'Boolean'; description: string }[];
  operators: Record<string, string[]>;
  /** The operators a workflow variable (variables.<name>, of no fixed type) takes. */
  variableOperators: string[];
}

export interface Condition {
  all?: Condition[];
  any?: Condition[];
  field?: string;
  operator?: string;
  value?: unknown;
}

export interface RuleAction {
  type: string;
  reason?: string;
  holdMinutes?: number;
  until?: string;
}

export interface ReviewRule {
  id: string;
  name: string;
  enabled: boolean;
  priority: number;
  when: Condition;
  action: RuleAction;
}

export interface RuleSet {
  scope: string;
  scopeId: number;
  version: number;
  rules: ReviewRule[];
}

export interface ConditionResult {
  path: string;
  field: string;
  operator: string;
  expected: unknown;
  actual: unknown;
  matched: boolean;
  warning?: string | null;
}

export interface RuleResult {
  ruleId: string;
  name: string;
  priority: number;
  action: string;
  matched: boolean;
  considered: boolean;
  reason: string | null;
  holdUntil: string | null;
  conditions: ConditionResult[];
}

/** A dry run: an intake-shaped order or a stored one's id, with a whole draft set or one draft rule in place of the published set. */
export interface RuleTestRequest {
  order?: unknown;
  orderId?: number;
  draft?: { rules: ReviewRule[] };
  rule?: ReviewRule;
}

export interface RuleTestResult {
  decision: string;
  reasons: string[];
  holdUntil: string | null;
  builtIn: string | null;
  /** Version null: the draft stood in for that set. */
  platform: { version: number | null; verdict: string; rules: RuleResult[]; warnings: string[] };
  shop: { version: number | null; verdict: string; rules: RuleResult[]; warnings: string[] };
  facts: Record<string, unknown>;
  draft: boolean;
}

export interface RulePreviewRequest {
  draft?: { rules: ReviewRule[] };
  rule?: ReviewRule;
  /** How many recent orders to run, 1..5000; the server takes 500 when absent. */
  limit?: number;
}

export type VerdictCounts = Record<'Approve' | 'Hold' | 'Block' | 'RouteToException', number>;

/** What a draft would change over the shop's recent stored orders, before it is published. */
export interface ImpactPreview {
  examined: number;
  changed: number;
  /** Plain words, e.g. "blocks 12 more, approves 3 fewer", or "no change". */
  summary: string;
  counts: { current: VerdictCounts; draft: VerdictCounts };
  transitions: { from: string; to: string; count: number }[];
  examples: { orderId: number; platformOrderId: string; from: string; to: string; reasons: string[] }[];
}
