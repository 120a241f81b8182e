import dagre from '@dagrejs/dagre';
import type { Edge, Node } from '@xyflow/react';
import type { ActivityDescriptor, ActivityJson } from '../api';
import { languages, translator, type TermGroup } from '../i18n';

// Node sizes, the layered layout and free-space placement: the geometry the canvas needs before React Flow measures.

export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 76;
/** Below this zoom a 12 px port label drops under 10 screen px: the initial view and "fit" stop there and pan instead. */
export const LEGIBLE_ZOOM = 0.85;
/** The least room between two activities for the connections between them to run on tracks of their own. */
export const CLEARANCE = 40;

const PORT_GAP = 6;
const PORT_PADDING = 14;
const NODE_PADDING = 26;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A rough width of text in px for the designer's sans-serif: CJK characters are square, Latin about 0.6 em (capitals 0.7). */
export function textWidth(text: string, fontPx: number): number {
  let em = 0;
  for (const ch of text) em += ch.codePointAt(0)! >= 0x2e80 ? 1 : /[A-Z]/.test(ch) ? 0.7 : 0.6;
  return Math.ceil(em * fontPx);
}

/**
 * The widest a code is drawn in any language (or as the code, when the catalogue lacks it), so a chart is laid out the
 * same whichever language the person reads it in.
 */
function widestName(group: TermGroup, code: string, fontPx: number, fallback = code): number {
  return Math.max(...languages.map(l => {
    const t = translator(l.lang);
    return textWidth(t.knows(group, code) ? t.term(group, code) : fallback, fontPx);
  }));
}

/** The width a port needs for its label (12 px text and a little padding either side). */
export function portWidth(outcome: string): number {
  return widestName('outcome', outcome, 12) + PORT_PADDING;
}

/** How wide an activity is drawn: wide enough for its name, its type line and every outcome port side by side. */
export function nodeWidth(activity: ActivityJson, descriptor?: ActivityDescriptor): number {
  const outcomes = descriptor?.outcomes ?? [];
  const ports = outcomes.reduce((sum, o) => sum + portWidth(o), 0) + PORT_GAP * Math.max(0, outcomes.length - 1);
  const name = textWidth(activity.name || activity.id, 14) * 1.05;
  const type = widestName('activity', activity.type, 12, descriptor?.displayName ?? activity.type) + (descriptor?.suspendsOnBookmark ? 44 : 0);
  return Math.max(NODE_WIDTH, Math.ceil(Math.max(ports, name, type) + NODE_PADDING));
}

export type Sized = Node<{ activity: ActivityJson; descriptor?: ActivityDescriptor }>;

/** The node's box on the canvas: measured by React Flow once drawn, estimated before. */
export function boxOf(node: Sized): Box {
  return {
    x: node.position.x,
    y: node.position.y,
    width: node.measured?.width ?? node.width ?? nodeWidth(node.data.activity, node.data.descriptor),
    height: node.measured?.height ?? node.height ?? NODE_HEIGHT,
  };
}

export function intersects(a: Box, b: Box, margin = 0): boolean {
  return a.x < b.x + b.width + margin && b.x < a.x + a.width + margin && a.y < b.y + b.height + margin && b.y < a.y + a.height + margin;
}

/** Whether any two boxes overlap, or come closer than `clearance`. */
export function anyOverlap(boxes: Box[], clearance = 0): boolean {
  return boxes.some((a, i) => boxes.slice(i + 1).some(b => intersects(a, b, clearance)));
}

/**
 * The connections that go back towards the start (retries, loops): those on a cycle whose target is no further from the
 * start, counted in steps breadth-first, than their source. Left out of the ranking, so the main path runs straight down.
 */
export function backEdges(nodes: { id: string }[], edges: Edge[]): Set<string> {
  const incoming = new Set(edges.map(e => e.target));
  const depth = new Map<string, number>();
  const queue = nodes.filter(n => !incoming.has(n.id)).map(n => n.id);
  queue.forEach(id => depth.set(id, 0));
  // Nodes only reachable through a cycle start a search of their own, in canvas order.
  for (let i = 0, next = 0; i < queue.length || next < nodes.length; i++) {
    if (i === queue.length) {
      while (next < nodes.length && depth.has(nodes[next].id)) next++;
      if (next === nodes.length) break;
      depth.set(nodes[next].id, 0);
      queue.push(nodes[next].id);
    }
    const id = queue[i];
    edges.filter(e => e.source === id && !depth.has(e.target)).forEach(e => {
      depth.set(e.target, depth.get(id)! + 1);
      queue.push(e.target);
    });
  }
  const reaches = (from: string, to: string) => {
    const seen = new Set([from]);
    const stack = [from];
    while (stack.length) {
      const id = stack.pop()!;
      if (id === to) return true;
      edges.filter(e => e.source === id && !seen.has(e.target)).forEach(e => { seen.add(e.target); stack.push(e.target); });
    }
    return false;
  };
  return new Set(edges.filter(e => depth.get(e.target)! <= depth.get(e.source)! && reaches(e.target, e.source)).map(e => e.id));
}

/** Top-to-bottom layered layout (dagre) at each node's own size, keeping node ids and data. */
export function autoLayout<T extends Sized>(nodes: T[], edges: Edge[]): T[] {
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  // Aligned up-left: each chain hangs straight below its first parent, so the main path is one column and side paths sit beside it.
  graph.setGraph({ rankdir: 'TB', align: 'UL', nodesep: 40, edgesep: 24, ranksep: 70, marginx: 20, marginy: 20 });
  graph.setDefaultEdgeLabel(() => ({}));
  const boxes = new Map(nodes.map(n => [n.id, boxOf(n)]));
  boxes.forEach((b, id) => graph.setNode(id, { width: b.width, height: b.height }));
  const back = backEdges(nodes, edges);
  edges.filter(e => boxes.has(e.source) && boxes.has(e.target) && !back.has(e.id)).forEach(e => graph.setEdge(e.source, e.target, {}, e.id));
  dagre.layout(graph);
  return nodes.map(n => {
    const p = graph.node(n.id);
    const b = boxes.get(n.id)!;
    return p ? { ...n, position: { x: Math.round(p.x - b.width / 2), y: Math.round(p.y - b.height / 2) } } : n;
  });
}

/**
 * Where a new node of `size` goes: the free spot nearest `preferred` (its top-left) inside `view` that keeps `gap` from
 * every box, searched ring by ring on a grid; below everything when the view has no room.
 */
export function freePosition(preferred: { x: number; y: number }, size: { width: number; height: number }, boxes: Box[], view: Box, gap = 24): { x: number; y: number } {
  const fits = (x: number, y: number) => !boxes.some(b => intersects({ x, y, ...size }, b, gap));
  const inView = (x: number, y: number) => x >= view.x && y >= view.y && x + size.width <= view.x + view.width && y + size.height <= view.y + view.height;
  const step = 20;
  const rings = Math.ceil(Math.max(view.width, view.height) / step);
  for (let r = 0; r <= rings; r++) {
    const candidates: { x: number; y: number }[] = [];
    for (let i = -r; i <= r; i++) {
      for (let j = -r; j <= r; j++) {
        if (Math.max(Math.abs(i), Math.abs(j)) === r) candidates.push({ x: preferred.x + i * step, y: preferred.y + j * step });
      }
    }
    candidates.sort((a, b) => Math.hypot(a.x - preferred.x, a.y - preferred.y) - Math.hypot(b.x - preferred.x, b.y - preferred.y));
    const found = candidates.find(c => inView(c.x, c.y) && fits(c.x, c.y));
    if (found) return found;
  }
  const bottom = Math.max(view.y, ...boxes.map(b => b.y + b.height));
  const left = boxes.length ? Math.min(...boxes.map(b => b.x)) : preferred.x;
  return { x: left, y: bottom + gap * 2 };
}

/** Where each outcome port sits along the node's bottom edge, in px from its left: cells as wide as their labels, spread evenly. */
export function portCenters(outcomes: string[], width: number): number[] {
  const inner = width - NODE_PADDING;
  const cells = outcomes.map(portWidth);
  const total = cells.reduce((a, b) => a + b, 0) + PORT_GAP * Math.max(0, cells.length - 1);
  const extra = cells.length ? Math.max(0, inner - total) / cells.length : 0;
  let x = NODE_PADDING / 2;
  return cells.map(cell => {
    const center = x + (cell + extra) / 2;
    x += cell + extra + PORT_GAP;
    return Math.round(center);
  });
}
