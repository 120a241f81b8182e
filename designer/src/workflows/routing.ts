import type { Edge } from '@xyflow/react';
import { boxOf, nodeWidth, portCenters, type Box, type Sized } from './layout';

// Keeps connections apart: each gets its own arrival point on its target's top edge, and connections that would run
// along the same horizontal or vertical track get distinct lanes (LaneEdge draws them).

/** How one connection is drawn: the x shift of its end on the target, and the track of its middle segment. */
export interface EdgeRoute {
  /** Added to the target handle's x: connections into one activity arrive side by side. */
  targetShift: number;
  /** Forward connections: the y of the horizontal segment between the source's port and the target. */
  centerY?: number;
  /** Connections going back up: the x of the vertical segment, beside both activities. */
  centerX?: number;
  /**
   * Forward connections past other activities: they leave the port down to `exitY`, run down the free channel at
   * `channelX`, and reach `centerY` there.
   */
  channelX?: number;
  exitY?: number;
  /** How far the path leaves the port before turning (back connections loop out further on outer lanes). */
  offset: number;
}

export interface EdgeEnds {
  id: string;
  targetId: string;
  source: Box;
  target: Box;
  /** The x of the source port (an estimate is enough: it orders and separates tracks). */
  portX: number;
}

const LANE = 12;
const SLOT = 18;
const SIDE = 28;

/** The endpoints the routing needs for each edge whose nodes are known; `portX` places a port on its node. */
export function edgeEnds(edges: Edge[], boxes: Map<string, Box>, portX: (nodeId: string, port: string, box: Box) => number): EdgeEnds[] {
  return edges.flatMap(e => {
    const source = boxes.get(e.source);
    const target = boxes.get(e.target);
    return source && target ? [{ id: e.id, targetId: e.target, source, target, portX: portX(e.source, e.sourceHandle ?? 'Done', source) }] : [];
  });
}

/**
 * Routes for every edge: arrival slots per target, then lanes for tracks that would otherwise coincide; a vertical run
 * that would cross an activity in `obstacles` moves to the nearest free channel instead.
 */
export function routeEdges(ends: EdgeEnds[], obstacles: Box[] = []): Map<string, EdgeRoute> {
  const shift = targetSlots(ends);
  const routes = new Map<string, EdgeRoute>();
  const taken: Channel[] = [];
  const isBack = (e: EdgeEnds) => e.target.y < e.source.y + e.source.height + 8;

  // Forward: the horizontal segment lies in the gap just above the target; segments sharing a band and overlapping in x
  // take distinct lanes, spread about the middle of the gap.
  const forward = ends.filter(e => !isBack(e)).map(e => {
    const tx = e.target.x + e.target.width / 2 + shift.get(e.id)!;
    const bottom = e.source.y + e.source.height;
    const top = e.target.y;
    const band: [number, number] = [Math.max(bottom, top - 90), top];
    return { e, band, span: [Math.min(e.portX, tx), Math.max(e.portX, tx)] as [number, number] };
  });
  const forwardLanes = lanes(forward, (a, b) => overlap(a.band, b.band, 0) && overlap(a.span, b.span, LANE));
  forward.forEach(f => {
    const { lane, count } = forwardLanes.get(f.e.id)!;
    const middle = (f.band[0] + f.band[1]) / 2;
    const room = (f.band[1] - f.band[0]) / 2 - 10;
    const centerY = middle + Math.max(-room, Math.min(room, (lane - (count - 1) / 2) * LANE));
    const tx = f.e.target.x + f.e.target.width / 2 + shift.get(f.e.id)!;
    const route: EdgeRoute = { targetShift: shift.get(f.e.id)!, centerY, offset: 16 };
    const bottom = f.e.source.y + f.e.source.height;
    if (blocked(f.e.portX, [bottom, centerY], obstacles, []) || blocked(tx, [centerY, f.e.target.y], obstacles, [])) {
      route.exitY = bottom + 18;
      route.channelX = channel(f.e.portX, [route.exitY, centerY], obstacles, taken);
    }
    routes.set(f.e.id, route);
  });

  // Back: out of the port, round the side nearer the target, up beside both boxes and into the target from above; loops
  // whose vertical ranges overlap on the same side take lanes further out.
  const back = ends.filter(isBack).map(e => {
    const right = e.target.x + e.target.width / 2 >= e.portX;
    const y: [number, number] = [e.target.y, e.source.y + e.source.height];
    return { e, right, y };
  });
  const backLanes = lanes(back, (a, b) => a.right === b.right && overlap(a.y, b.y, LANE));
  back.forEach(b => {
    const { lane } = backLanes.get(b.e.id)!;
    const out = SIDE + lane * LANE;
    const beside = b.right
      ? Math.max(b.e.source.x + b.e.source.width, b.e.target.x + b.e.target.width) + out
      : Math.min(b.e.source.x, b.e.target.x) - out;
    const offset = 16 + lane * (LANE / 2);
    const centerX = channel(beside, [b.y[0] - offset, b.y[1] + offset], obstacles, taken, b.right ? 1 : -1);
    routes.set(b.e.id, { targetShift: shift.get(b.e.id)!, centerX, offset });
  });
  return routes;
}

/** Connections into one activity, ordered by where they come from, arrive spread along its top edge. */
function targetSlots(ends: EdgeEnds[]): Map<string, number> {
  const byTarget = new Map<string, EdgeEnds[]>();
  ends.forEach(e => byTarget.set(e.targetId, [...(byTarget.get(e.targetId) ?? []), e]));
  const shift = new Map<string, number>();
  byTarget.forEach(into => {
    const target = into[0].target;
    const ordered = [...into].sort((a, b) => a.portX - b.portX || a.source.y - b.source.y || a.id.localeCompare(b.id));
    const slot = Math.min(SLOT, (target.width - 24) / Math.max(1, ordered.length - 1));
    ordered.forEach((e, i) => shift.set(e.id, Math.round((i - (ordered.length - 1) / 2) * slot)));
  });
  return shift;
}

/** Greedy colouring of the conflict graph: each item the lowest lane no conflicting item has; count = lanes its group uses. */
function lanes<T extends { e: EdgeEnds }>(items: T[], conflict: (a: T, b: T) => boolean): Map<string, { lane: number; count: number }> {
  const ordered = [...items].sort((a, b) => a.e.portX - b.e.portX || a.e.id.localeCompare(b.e.id));
  const lane = new Map<T, number>();
  ordered.forEach(item => {
    const taken = new Set(ordered.filter(o => lane.has(o) && conflict(o, item)).map(o => lane.get(o)!));
    let l = 0;
    while (taken.has(l)) l++;
    lane.set(item, l);
  });
  // A group is a connected set of conflicts: its lanes are spread about one middle together.
  const result = new Map<string, { lane: number; count: number }>();
  const seen = new Set<T>();
  ordered.forEach(first => {
    if (seen.has(first)) return;
    const group = [first];
    seen.add(first);
    for (let i = 0; i < group.length; i++) {
      ordered.filter(o => !seen.has(o) && conflict(o, group[i])).forEach(o => { seen.add(o); group.push(o); });
    }
    const count = Math.max(...group.map(o => lane.get(o)! + 1));
    group.forEach(o => result.set(o.e.id, { lane: lane.get(o)!, count }));
  });
  return result;
}

type Channel = { x: number; y: [number, number] };

/** Whether a vertical run at x over the range y crosses an activity (with a little room) or a channel already taken. */
function blocked(x: number, y: [number, number], obstacles: Box[], taken: Channel[]): boolean {
  const range: [number, number] = [Math.min(...y), Math.max(...y)];
  return obstacles.some(b => x > b.x - 10 && x < b.x + b.width + 10 && overlap(range, [b.y, b.y + b.height], -1))
    || taken.some(t => Math.abs(t.x - x) < LANE && overlap(t.y, range, 0));
}

/** The free x nearest `near` (searching both ways, or only towards `direction`) for a vertical run; taken from then on. */
function channel(near: number, y: [number, number], obstacles: Box[], taken: Channel[], direction?: 1 | -1): number {
  for (let d = 0; d < 3000; d += 4) {
    const found = (direction ? [near + direction * d] : [near - d, near + d]).find(x => !blocked(x, y, obstacles, taken));
    if (found !== undefined) {
      taken.push({ x: found, y: [Math.min(...y), Math.max(...y)] });
      return found;
    }
  }
  return near;
}

function overlap(a: [number, number], b: [number, number], margin: number): boolean {
  return a[0] < b[1] + margin && b[0] < a[1] + margin;
}

type Point = { x: number; y: number };

/**
 * The corners of a connection from a bottom port to a top input: down, across on its lane, down into its arrival slot;
 * or, going back up, down a little, out to its side lane, up past both activities, across and down into the target.
 */
export function lanePoints(source: Point, target: Point, route?: EdgeRoute): Point[] {
  const offset = route?.offset ?? 16;
  const end = { x: target.x + (route?.targetShift ?? 0), y: target.y };
  if (route?.channelX !== undefined && route.exitY !== undefined && route.centerY !== undefined) {
    const { channelX, exitY, centerY } = route;
    return [source, { x: source.x, y: exitY }, { x: channelX, y: exitY }, { x: channelX, y: centerY }, { x: end.x, y: centerY }, end];
  }
  if (route?.centerX !== undefined) {
    const below = source.y + offset;
    const above = end.y - offset;
    return [source, { x: source.x, y: below }, { x: route.centerX, y: below }, { x: route.centerX, y: above }, { x: end.x, y: above }, end];
  }
  // A port almost above its arrival point: arrive straight below it instead of drawing a jog of a few px.
  if (Math.abs(source.x - end.x) < 8) return [source, { x: source.x, y: end.y }];
  const centerY = route?.centerY ?? (source.y + end.y) / 2;
  return [source, { x: source.x, y: centerY }, { x: end.x, y: centerY }, end];
}

/** An SVG path through the points with each corner rounded (by at most half the shorter leg). */
export function roundedPath(points: Point[], radius: number): string {
  const parts = [`M ${points[0].x} ${points[0].y}`];
  for (let i = 1; i < points.length - 1; i++) {
    const [a, b, c] = [points[i - 1], points[i], points[i + 1]];
    const r = Math.min(radius, Math.hypot(b.x - a.x, b.y - a.y) / 2, Math.hypot(c.x - b.x, c.y - b.y) / 2);
    if (r < 0.5) {
      parts.push(`L ${b.x} ${b.y}`);
      continue;
    }
    const toward = (p: Point, q: Point) => {
      const d = Math.hypot(q.x - p.x, q.y - p.y);
      return { x: p.x + ((q.x - p.x) / d) * r, y: p.y + ((q.y - p.y) / d) * r };
    };
    const before = toward(b, a);
    const after = toward(b, c);
    parts.push(`L ${before.x} ${before.y}`, `Q ${b.x} ${b.y} ${after.x} ${after.y}`);
  }
  const last = points[points.length - 1];
  parts.push(`L ${last.x} ${last.y}`);
  return parts.join(' ');
}

/** Routes for the canvas: node boxes as drawn (or estimated) and each port where ActivityNode puts it. */
export function routesFor(nodes: Sized[], edges: Edge[]): Map<string, EdgeRoute> {
  const byId = new Map(nodes.map(n => [n.id, n]));
  const boxes = new Map(nodes.map(n => [n.id, boxOf(n)]));
  return routeEdges(edgeEnds(edges, boxes, (id, port, box) => {
    const { activity, descriptor } = byId.get(id)!.data;
    const outcomes = descriptor?.outcomes ?? [];
    const index = outcomes.indexOf(port);
    return box.x + (index < 0 ? box.width / 2 : portCenters(outcomes, nodeWidth(activity, descriptor))[index]);
  }), [...boxes.values()]);
}
