import { describe, expect, it } from 'vitest';
import type { FlowchartJson } from '../api';
import { toFlow } from './graph';
import { entry, lifecycle as root, lifecycleCatalog as catalog } from './lifecycle.fixture';
import { CLEARANCE, NODE_HEIGHT, anyOverlap, autoLayout, backEdges, boxOf, freePosition, intersects, nodeWidth, portCenters, portWidth, type Box } from './layout';

const centreX = (b: Box) => b.x + b.width / 2;

describe('layout', () => {
  it('lays the shipped lifecycle out without two activities overlapping or crowding', () => {
    const { nodes } = toFlow(root, catalog);
    expect(nodes).toHaveLength(root.activities.length);
    const boxes = nodes.map(boxOf);
    expect(anyOverlap(boxes, CLEARANCE)).toBe(false);
    // Its stored places leave no room between rows at today's node sizes, so it was laid out afresh, top to bottom.
    expect(nodes.map(n => n.position)).not.toEqual(root.activities.map(a => a.metadata?.designer?.position));
    const y = (id: string) => nodes.find(n => n.id === id)!.position.y;
    const path = ['start', 'import', 'review', 'stock', 'allocate', 'waybill', 'pick', 'verify', 'weigh', 'confirm', 'done'];
    path.slice(1).forEach((id, i) => expect(y(id), id).toBeGreaterThan(y(path[i])));
  });

  it('keeps the happy path in one column and the loops out of the ranking', () => {
    const { nodes, edges } = toFlow(root, catalog);
    const back = backEdges(nodes, edges);
    expect([...back].sort()).toEqual([
      'allocate:OutOfStock->await-stock', 'await-resolution:Done->allocate', 'await-review:Approved->stock',
      'await-review:Exception->review-exception', 'await-stock:Done->stock', 'pick:Rejected->await-review', 'review-exception:Done->review',
    ]);
    const column = ['start', 'import', 'pick', 'verify', 'weigh', 'confirm', 'done'].map(id => centreX(boxOf(nodes.find(n => n.id === id)!)));
    expect(Math.max(...column) - Math.min(...column)).toBeLessThan(20);
  });

  it('makes each node wide enough for all its port labels side by side, each port within the node', () => {
    const allocate = catalog.find(d => d.typeName === 'AllocateWarehouse')!;
    const width = nodeWidth({ id: 'allocate', type: 'AllocateWarehouse', name: '选仓 Allocate warehouse' }, allocate);
    const labels = allocate.outcomes.map(portWidth);
    expect(width).toBeGreaterThan(labels.reduce((a, b) => a + b, 0));
    const centers = portCenters(allocate.outcomes, width);
    centers.forEach((c, i) => {
      expect(c - labels[i] / 2).toBeGreaterThanOrEqual(0);
      expect(c + labels[i] / 2).toBeLessThanOrEqual(width);
      if (i > 0) expect(c - labels[i] / 2).toBeGreaterThan(centers[i - 1] + labels[i - 1] / 2);
    });
    // A node with one short port keeps the usual width.
    expect(nodeWidth({ id: 'd', type: 'Delay', name: 'Delay' }, entry('Delay', 'Delay', ['Done']))).toBe(220);
  });

  it('re-lays out with measured sizes, so taller nodes still do not overlap', () => {
    const { nodes, edges } = toFlow(root, catalog);
    const measured = nodes.map(n => (n.id === 'review' ? { ...n, measured: { width: 300, height: 180 } } : n));
    expect(anyOverlap(autoLayout(measured, edges).map(boxOf))).toBe(false);
  });

  it('keeps a stored chart where it was when its activities have room', () => {
    const chart: FlowchartJson = {
      type: 'Flowchart',
      activities: [
        { id: 'start', type: 'Start', metadata: { designer: { position: { x: 400, y: 0 } } } },
        { id: 'done', type: 'Finish', metadata: { designer: { position: { x: 400, y: 200 } } } },
      ],
      connections: [{ source: { activity: 'start', port: 'Done' }, target: { activity: 'done' } }],
    };
    expect(toFlow(chart, catalog).nodes.map(n => n.position)).toEqual([{ x: 400, y: 0 }, { x: 400, y: 200 }]);
  });
});

describe('free-space placement', () => {
  const view: Box = { x: 0, y: 0, width: 900, height: 700 };
  const size = { width: 220, height: NODE_HEIGHT };

  it('keeps the wanted spot when it is free', () => {
    expect(freePosition({ x: 500, y: 400 }, size, [{ x: 0, y: 0, width: 220, height: 76 }], view)).toEqual({ x: 500, y: 400 });
  });

  it('moves off an activity to the nearest free spot in view, for every node of the laid-out lifecycle', () => {
    const { nodes } = toFlow(root, catalog);
    const boxes = nodes.map(boxOf);
    const wide: Box = { x: 0, y: 0, width: 1400, height: 1700 };
    boxes.forEach(target => {
      const spot = freePosition({ x: target.x, y: target.y }, size, boxes, wide);
      const placed = { ...spot, ...size };
      expect(boxes.some(b => intersects(placed, b)), `dropped on ${target.x},${target.y}`).toBe(false);
      expect(placed.x >= wide.x && placed.y >= wide.y && placed.x + placed.width <= wide.width && placed.y + placed.height <= wide.height).toBe(true);
    });
  });

  it('goes below everything when the view is full', () => {
    const full: Box[] = [{ x: 0, y: 0, width: 900, height: 700 }];
    const spot = freePosition({ x: 300, y: 300 }, size, full, view);
    expect(intersects({ ...spot, ...size }, full[0])).toBe(false);
    expect(spot.y).toBeGreaterThanOrEqual(700);
  });
});
