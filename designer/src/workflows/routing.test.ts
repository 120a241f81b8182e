import type { Edge } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { toFlow } from './graph';
import { boxOf, intersects, nodeWidth, portCenters, type Box } from './layout';
import { lanePoints, roundedPath, routeEdges, routesFor, type EdgeEnds } from './routing';
import { lifecycle, lifecycleCatalog } from './lifecycle.fixture';

type Point = { x: number; y: number };
type Segment = [Point, Point];

const box = (x: number, y: number, width = 220, height = 76): Box => ({ x, y, width, height });
const end = (id: string, source: Box, target: Box, portX = source.x + source.width / 2): EdgeEnds => ({ id, targetId: `${target.x},${target.y}`, source, target, portX });

/** Two axis-parallel segments that lie on one line and share more than a few px: one track for two connections. */
function shareTrack([a1, a2]: Segment, [b1, b2]: Segment): boolean {
  const overlapLength = (p: number, q: number, r: number, s: number) => Math.min(Math.max(p, q), Math.max(r, s)) - Math.max(Math.min(p, q), Math.min(r, s));
  if (a1.x === a2.x && b1.x === b2.x && Math.abs(a1.x - b1.x) < 2) return overlapLength(a1.y, a2.y, b1.y, b2.y) > 4;
  if (a1.y === a2.y && b1.y === b2.y && Math.abs(a1.y - b1.y) < 2) return overlapLength(a1.x, a2.x, b1.x, b2.x) > 4;
  return false;
}

const segments = (points: Point[]): Segment[] => points.slice(1).map((p, i) => [points[i], p]);

describe('routing', () => {
  it('gives connections into one activity their own arrival points and parallel ones their own lanes', () => {
    const target = box(900, 300);
    const ends = [end('a', box(0, 100), target), end('b', box(300, 100), target), end('c', box(600, 100), target)];
    const routes = routeEdges(ends);
    const shifts = ends.map(e => routes.get(e.id)!.targetShift);
    expect(new Set(shifts).size).toBe(3);
    expect(shifts).toEqual([...shifts].sort((p, q) => p - q));
    // All three run right across the same gap towards the target, overlapping in x: three distinct middle tracks.
    const middles = ends.map(e => routes.get(e.id)!.centerY!);
    expect(new Set(middles).size).toBe(3);
    middles.forEach(y => expect(y > 176 && y < 300).toBe(true));
    // One connection alone turns in the middle of the last 90 px above its target.
    expect(routeEdges([end('alone', box(0, 100), box(0, 300))]).get('alone')!.centerY).toBe(255);
  });

  it('takes a free channel round an activity in the way instead of running through it', () => {
    const source = box(0, 0);
    const between = box(0, 150);
    const target = box(0, 300);
    const route = routeEdges([end('long', source, target)], [source, between, target]).get('long')!;
    expect(route.channelX).toBeDefined();
    const points = lanePoints({ x: 110, y: 76 }, { x: 110, y: 300 }, route);
    const crosses = segments(points).some(([p, q]) => intersects(
      { x: Math.min(p.x, q.x), y: Math.min(p.y, q.y), width: Math.abs(q.x - p.x) || 1, height: Math.abs(q.y - p.y) || 1 }, between));
    expect(crosses).toBe(false);
  });

  it('loops a connection back up beside both activities, further out for a second loop', () => {
    const top = box(0, 0);
    const bottom = box(0, 200);
    const routes = routeEdges([end('up', bottom, top, 60), end('up-2', bottom, top, 160)], [top, bottom]);
    const xs = ['up', 'up-2'].map(id => routes.get(id)!.centerX!);
    xs.forEach(x => expect(x < 0 || x > 220).toBe(true));
    expect(xs[0]).not.toBe(xs[1]);
    expect(lanePoints({ x: 60, y: 276 }, { x: 110, y: 0 }, routes.get('up'))).toHaveLength(6);
  });

  it('routes the shipped lifecycle with no two connections sharing a track', () => {
    const { nodes, edges } = toFlow(lifecycle, lifecycleCatalog);
    const routes = routesFor(nodes, edges);
    const byId = new Map(nodes.map(n => [n.id, n]));
    const drawn = edges.map((e: Edge) => {
      const from = byId.get(e.source)!;
      const to = boxOf(byId.get(e.target)!);
      const outcomes = from.data.descriptor!.outcomes;
      const port = portCenters(outcomes, nodeWidth(from.data.activity, from.data.descriptor))[outcomes.indexOf(e.sourceHandle!)];
      const fromBox = boxOf(from);
      return { id: e.id, segments: segments(lanePoints({ x: fromBox.x + port, y: fromBox.y + fromBox.height }, { x: to.x + to.width / 2, y: to.y }, routes.get(e.id))) };
    });
    const shared = drawn.flatMap((a, i) => drawn.slice(i + 1)
      .filter(b => a.segments.some(s => b.segments.some(t => shareTrack(s, t))))
      .map(b => `${a.id} / ${b.id}`));
    expect(shared).toEqual([]);
  });

  it('arrives straight when a port is almost above its arrival point, with no jog of a few px', () => {
    expect(lanePoints({ x: 110, y: 76 }, { x: 113, y: 200 }, { targetShift: 0, centerY: 160, offset: 16 })).toEqual([{ x: 110, y: 76 }, { x: 110, y: 200 }]);
    expect(lanePoints({ x: 110, y: 76 }, { x: 140, y: 200 }, { targetShift: 0, centerY: 160, offset: 16 })).toHaveLength(4);
  });

  it('draws rounded corners through the points', () => {
    expect(roundedPath([{ x: 0, y: 0 }, { x: 0, y: 50 }, { x: 40, y: 50 }], 8)).toBe('M 0 0 L 0 42 Q 0 50 8 50 L 40 50');
  });
});
