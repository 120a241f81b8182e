import type { Edge, Node } from '@xyflow/react';
import type { ActivityDescriptor, ActivityJson, ConnectionJson, DefinitionError, FlowchartJson } from '../api';
import { CLEARANCE, NODE_HEIGHT, anyOverlap, autoLayout, boxOf } from './layout';

export { NODE_HEIGHT, NODE_WIDTH } from './layout';

// Converts between the stored flowchart (Elsa-shaped JSON) and React Flow's nodes and edges, and lays it out.

export type Mark = 'executed' | 'current' | 'faulted' | 'added' | 'changed';

export interface ActivityNodeData extends Record<string, unknown> {
  activity: ActivityJson;
  descriptor?: ActivityDescriptor;
  errors: string[];
  /** Outcome ports a server error names (connected twice, left unconnected), drawn as such on the node. */
  portProblems?: string[];
  mark?: Mark;
}

export type FlowNode = Node<ActivityNodeData, 'activity'>;

const reserved = new Set(['id', 'type', 'name', 'metadata']);

/** The inputs of an activity: every property beside id, type, name and metadata. */
export function inputsOf(activity: ActivityJson): Record<string, unknown> {
  return Object.fromEntries(Object.entries(activity).filter(([key]) => !reserved.has(key)));
}

export function edgeId(c: ConnectionJson): string {
  return `${c.source.activity}:${c.source.port}->${c.target.activity}`;
}

export function toFlow(root: FlowchartJson, catalog: ActivityDescriptor[], errors: DefinitionError[] = []): { nodes: FlowNode[]; edges: Edge[] } {
  const byType = new Map(catalog.map(d => [d.typeName, d]));
  const nodes: FlowNode[] = root.activities.map((activity, index) => ({
    id: activity.id,
    type: 'activity',
    position: activity.metadata?.designer?.position ?? { x: 0, y: index * (NODE_HEIGHT + 40) },
    data: { activity, descriptor: byType.get(activity.type), errors: errorsFor(activity.id, errors) },
  }));
  const edges: Edge[] = root.connections.map(c => ({
    id: edgeId(c),
    source: c.source.activity,
    sourceHandle: c.source.port,
    target: c.target.activity,
    targetHandle: 'in',
  }));
  // Laid out afresh when nothing was placed yet, or when what was placed overlaps (or leaves no room for connections)
  // at the sizes the nodes now need.
  const unplaced = root.activities.every(a => !a.metadata?.designer?.position);
  const needsLayout = root.activities.length > 0 && (unplaced || anyOverlap(nodes.map(boxOf), CLEARANCE));
  return needsLayout ? { nodes: autoLayout(nodes, edges), edges } : { nodes, edges };
}

/**
 * Points the connection `id` at `target` instead, keeping its place in the list; when that connection already exists
 * (same port, same target) the moved one is dropped rather than drawn twice.
 */
export function retarget(edges: Edge[], id: string, target: string): Edge[] {
  const edge = edges.find(e => e.id === id);
  if (!edge || edge.target === target) return edges;
  const next = edgeId({ source: { activity: edge.source, port: edge.sourceHandle ?? 'Done' }, target: { activity: target } });
  const taken = edges.some(e => e.id === next);
  return edges.flatMap(e => (e.id !== id ? [e] : taken ? [] : [{ ...e, id: next, target, selected: false }]));
}

export function errorsFor(activityId: string, errors: DefinitionError[]): string[] {
  return errors.filter(e => e.activityId === activityId).map(e => e.message);
}

export function portsWithProblems(activityId: string, errors: DefinitionError[]): string[] {
  return [...new Set(errors.filter(e => e.activityId === activityId && e.port).map(e => e.port!))];
}

/** The flowchart to save: activities in canvas order with their positions, connections by port. */
export function fromFlow(nodes: FlowNode[], edges: Edge[]): FlowchartJson {
  return {
    type: 'Flowchart',
    activities: nodes.map(n => ({
      ...n.data.activity,
      metadata: { ...(n.data.activity.metadata ?? {}), designer: { position: { x: Math.round(n.position.x), y: Math.round(n.position.y) } } },
    })),
    connections: edges.map(e => ({ source: { activity: e.source, port: e.sourceHandle ?? 'Done' }, target: { activity: e.target } })),
  };
}

/** A new activity id from its type: "delay", "delay-2", … unique among the given ids. */
export function newActivityId(type: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base = type.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) {
    if (!used.has(`${base}-${i}`)) return `${base}-${i}`;
  }
}

export interface FlowDiff {
  addedActivities: string[];
  removedActivities: string[];
  changedActivities: string[];
  addedConnections: string[];
  removedConnections: string[];
  moved: string[];
}

/** What `draft` changes relative to `base` (e.g. the published version): activities by id, connections by port. */
export function diffFlows(base: FlowchartJson, draft: FlowchartJson): FlowDiff {
  const before = new Map(base.activities.map(a => [a.id, a]));
  const after = new Map(draft.activities.map(a => [a.id, a]));
  const content = (a: ActivityJson) => JSON.stringify({ type: a.type, name: a.name ?? null, inputs: sortKeys(inputsOf(a)) });
  const position = (a: ActivityJson) => JSON.stringify(a.metadata?.designer?.position ?? null);
  const beforeEdges = new Set(base.connections.map(edgeId));
  const afterEdges = new Set(draft.connections.map(edgeId));
  return {
    addedActivities: [...after.keys()].filter(id => !before.has(id)),
    removedActivities: [...before.keys()].filter(id => !after.has(id)),
    changedActivities: [...after.keys()].filter(id => before.has(id) && content(before.get(id)!) !== content(after.get(id)!)),
    moved: [...after.keys()].filter(id => before.has(id) && position(before.get(id)!) !== position(after.get(id)!)),
    addedConnections: [...afterEdges].filter(e => !beforeEdges.has(e)),
    removedConnections: [...beforeEdges].filter(e => !afterEdges.has(e)),
  };
}

function sortKeys(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(value).sort().map(k => [k, value[k]]));
}

export interface PathMarks {
  executedNodes: Set<string>;
  executedEdges: Set<string>;
  current: Set<string>;
  faulted: Set<string>;
}

/**
 * The executed path of an instance from its journal: every activity with an entry, every connection leaving an
 * activity by the outcome it completed with towards an activity that ran after it; the current node(s) are where it
 * waits (bookmarks), is scheduled, or the instance's current activity.
 */
export function executedPath(
  root: FlowchartJson,
  journal: { sequence: number; activityId: string; event: string; outcome: string | null }[],
  current: (string | null | undefined)[],
): PathMarks {
  const executedNodes = new Set(journal.map(j => j.activityId));
  const executedEdges = new Set<string>();
  const faulted = new Set(journal.filter(j => j.event === 'Faulted').map(j => j.activityId));
  const ordered = [...journal].sort((a, b) => a.sequence - b.sequence);
  const currentSet = new Set(current.filter((c): c is string => !!c));
  ordered.forEach((entry, index) => {
    if (entry.event !== 'Completed' || !entry.outcome) return;
    const later = new Set(ordered.slice(index + 1).map(j => j.activityId));
    root.connections
      .filter(c => c.source.activity === entry.activityId && c.source.port === entry.outcome)
      .filter(c => later.has(c.target.activity) || currentSet.has(c.target.activity))
      .forEach(c => executedEdges.add(edgeId(c)));
  });
  return { executedNodes, executedEdges, current: currentSet, faulted };
}
