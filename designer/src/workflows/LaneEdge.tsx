import { BaseEdge, type Edge, type EdgeProps } from '@xyflow/react';
import { lanePoints, roundedPath, type EdgeRoute } from './routing';

export type LaneEdgeType = Edge<{ route?: EdgeRoute }, 'lane'>;

/**
 * A right-angled connection on its own track (routing.ts): its own arrival point on the target and its own middle
 * segment. React Flow's smoothstep picks its own corners when the target is far to the side, so the corners are ours.
 */
export function LaneEdge({ sourceX, sourceY, targetX, targetY, data, markerEnd, style, interactionWidth }: EdgeProps<LaneEdgeType>) {
  const points = lanePoints({ x: sourceX, y: sourceY }, { x: targetX, y: targetY }, data?.route);
  return <BaseEdge path={roundedPath(points, 8)} markerEnd={markerEnd} style={style} interactionWidth={interactionWidth} />;
}
