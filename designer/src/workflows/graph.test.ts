import { describe, expect, it } from 'vitest';
import type { FlowchartJson } from '../api';
import { activities } from '../test/fixtures';
import { diffFlows, executedPath, fromFlow, newActivityId, portsWithProblems, retarget, toFlow } from './graph';
import { autoLayout } from './layout';

const chart: FlowchartJson = {
  type: 'Flowchart',
  activities: [
    { id: 'start', type: 'Start', name: '开始', metadata: { designer: { position: { x: 400, y: 0 } } } },
    { id: 'wait', type: 'Delay', name: '等待', duration: '00:30:00', metadata: { designer: { position: { x: 400, y: 120 } } } },
    { id: 'done', type: 'Finish', metadata: { designer: { position: { x: 400, y: 240 } } } },
  ],
  connections: [
    { source: { activity: 'start', port: 'Done' }, target: { activity: 'wait' } },
    { source: { activity: 'wait', port: 'Done' }, target: { activity: 'done' } },
  ],
};

describe('graph', () => {
  it('round-trips a flowchart through the canvas, keeping inputs, names and positions', () => {
    const { nodes, edges } = toFlow(chart, activities, [{ code: 'X', path: 'root.activities[1]', message: 'bad', activityId: 'wait' }]);
    expect(nodes.find(n => n.id === 'wait')!.data.errors).toEqual(['bad']);
    expect(edges.map(e => [e.source, e.sourceHandle, e.target])).toEqual([['start', 'Done', 'wait'], ['wait', 'Done', 'done']]);
    const moved = nodes.map(n => (n.id === 'wait' ? { ...n, position: { x: 512.4, y: 130.6 } } : n));
    const back = fromFlow(moved, edges);
    expect(back.activities[1]).toEqual({ id: 'wait', type: 'Delay', name: '等待', duration: '00:30:00', metadata: { designer: { position: { x: 512, y: 131 } } } });
    expect(back.connections).toEqual(chart.connections);
  });

  it('re-targets one connection in place, and drops it rather than draw the same connection twice', () => {
    const { edges } = toFlow(chart, activities);
    const moved = retarget(edges, 'start:Done->wait', 'done');
    expect(moved.map(e => e.id)).toEqual(['start:Done->done', 'wait:Done->done']);
    expect(moved[0]).toMatchObject({ source: 'start', sourceHandle: 'Done', target: 'done' });
    expect(retarget(edges, 'wait:Done->done', 'done')).toBe(edges);
    expect(retarget(moved, 'start:Done->done', 'done')).toBe(moved);
    const both = [...edges, { ...edges[1], id: 'wait:Done->wait', target: 'wait' }];
    expect(retarget(both, 'wait:Done->wait', 'done').map(e => e.id)).toEqual(['start:Done->wait', 'wait:Done->done']);
  });

  it('names the ports the server found problems on, once each, for the activity asked about', () => {
    const errors = [
      { code: 'OutcomeConnectedTwice', path: 'root.connections[3].source.port', message: 'twice', activityId: 'review', port: 'Approved' },
      { code: 'OutcomeConnectedTwice', path: 'root.connections[4].source.port', message: 'three times', activityId: 'review', port: 'Approved' },
      { code: 'UnconnectedOutcome', path: 'root.activities[2]', message: 'nowhere', activityId: 'review', port: 'Exception' },
      { code: 'Unreachable', path: 'root.activities[2]', message: 'unreachable', activityId: 'review' },
      { code: 'UnconnectedOutcome', path: 'root.activities[3]', message: 'nowhere', activityId: 'wait', port: 'Done' },
    ];
    expect(portsWithProblems('review', errors)).toEqual(['Approved', 'Exception']);
    expect(portsWithProblems('done', errors)).toEqual([]);
  });

  it('lays out a chart without positions top to bottom', () => {
    const bare: FlowchartJson = { ...chart, activities: chart.activities.map(({ metadata: _, ...a }) => a) };
    const { nodes, edges } = toFlow(bare, activities);
    const ys = autoLayout(nodes, edges).map(n => n.position.y);
    expect(ys[0]).toBeLessThan(ys[1]);
    expect(ys[1]).toBeLessThan(ys[2]);
  });

  it('compares a draft with the published version', () => {
    const draft: FlowchartJson = {
      type: 'Flowchart',
      activities: [chart.activities[0], { ...chart.activities[1], duration: '01:00:00' }, { id: 'review', type: 'AwaitReview' }],
      connections: [chart.connections[0], { source: { activity: 'wait', port: 'Done' }, target: { activity: 'review' } }],
    };
    expect(diffFlows(chart, draft)).toEqual({
      addedActivities: ['review'],
      removedActivities: ['done'],
      changedActivities: ['wait'],
      moved: [],
      addedConnections: ['wait:Done->review'],
      removedConnections: ['wait:Done->done'],
    });
  });

  it('marks the executed path from the journal and where the instance waits', () => {
    const marks = executedPath(chart, [
      { sequence: 1, activityId: 'start', event: 'Completed', outcome: 'Done' },
      { sequence: 2, activityId: 'wait', event: 'Suspended', outcome: null },
    ], ['wait']);
    expect([...marks.executedNodes]).toEqual(['start', 'wait']);
    expect([...marks.executedEdges]).toEqual(['start:Done->wait']);
    expect([...marks.current]).toEqual(['wait']);
  });

  it('names new activities after their type, uniquely', () => {
    expect(newActivityId('AwaitReview', ['start'])).toBe('await-review');
    expect(newActivityId('AwaitReview', ['await-review', 'await-review-2'])).toBe('await-review-3');
  });
});
