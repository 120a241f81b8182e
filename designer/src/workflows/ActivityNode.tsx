import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useT } from '../i18n';
import type { FlowNode } from './graph';
import { nodeWidth, portCenters } from './layout';
import { activityName } from './names';

const categoryClass: Record<string, string> = { 'Control flow': 'cat-control', 'Sales order': 'cat-sales' };

/**
 * One activity on the canvas: a target port on top (except Start), one labelled source port per outcome along the
 * bottom, the node as wide as its ports need (layout.ts computes the same widths and places for the layout and the routes).
 */
export function ActivityNode({ data, selected }: NodeProps<FlowNode>) {
  const t = useT();
  const { activity, descriptor, errors, portProblems = [], mark } = data;
  const outcomes = descriptor?.outcomes ?? [];
  const width = nodeWidth(activity, descriptor);
  const centers = portCenters(outcomes, width);
  const classes = ['activity-node', categoryClass[descriptor?.category ?? ''] ?? 'cat-other'];
  if (selected) classes.push('selected');
  if (errors.length) classes.push('has-errors');
  if (mark) classes.push(`mark-${mark}`);
  return (
    <div className={classes.join(' ')} style={{ width }} data-testid={`node-${activity.id}`} data-mark={mark ?? ''} title={errors.join('\n') || undefined}>
      {!descriptor?.isStart && <Handle type="target" position={Position.Top} id="in" className="port-in" />}
      <div className="activity-type" title={activity.type}>
        {activityName(t, activity.type, descriptor)}
        {descriptor?.suspendsOnBookmark && <span className="badge badge-wait" title={t('wf.node.waitsTitle')} data-testid="badge-waits">{t('wf.node.waits')}</span>}
        {!descriptor && <span className="badge badge-error" data-testid="badge-unknown">{t('wf.node.unknownType')}</span>}
      </div>
      <div className="activity-name">{activity.name || activity.id}</div>
      {mark === 'current' && <div className="current-flag" data-testid="here-now">{t('wf.node.hereNow')}</div>}
      {errors.length > 0 && (
        <div className="node-errors" role="alert">
          {errors.map((e, i) => <div key={i}>{e}</div>)}
        </div>
      )}
      <div className="ports">
        {outcomes.map((outcome, i) => (
          <div key={outcome} className={portProblems.includes(outcome) ? 'port-label port-problem' : 'port-label'}
            style={{ left: centers[i] }} data-testid={`port-label-${activity.id}-${outcome}`} title={outcome}>
            {t.term('outcome', outcome)}
            <Handle
              type="source"
              position={Position.Bottom}
              id={outcome}
              className="port-out"
              data-testid={`port-${activity.id}-${outcome}`}
            />
          </div>
        ))}
      </div>
    </div>
  );
}
