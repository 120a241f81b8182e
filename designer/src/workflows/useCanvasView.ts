import { getViewportForBounds, useNodesInitialized, useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { LEGIBLE_ZOOM, type Box } from './layout';

/** Screen px kept clear around the chart when the view is fitted. */
const VIEW_PADDING = 24;

/**
 * The editor's view of the canvas: the readable view (the chart as large as fits, but never below a zoom where labels
 * stay legible; a chart too tall or too wide for that starts at its top or left, where Start is, and the rest is a pan
 * away), taken once a stored chart's nodes are measured; and the part of the chart on screen, in flow coordinates.
 * A new chart keeps the default view: top left at full size, leaving room below its Start.
 */
export function useCanvasView(canvasRef: RefObject<HTMLDivElement | null>, fitOnLoad: boolean, nodeCount: number) {
  const flow = useReactFlow();

  const readableView = useCallback(() => {
    const canvas = canvasRef.current;
    const nodes = flow.getNodes();
    if (!canvas || nodes.length === 0) return;
    const { width, height } = canvas.getBoundingClientRect();
    const bounds = flow.getNodesBounds(nodes);
    const fitted = getViewportForBounds(bounds, width, height, LEGIBLE_ZOOM, 1, `${VIEW_PADDING}px`);
    const tooWide = bounds.width * fitted.zoom > width - 2 * VIEW_PADDING;
    const tooTall = bounds.height * fitted.zoom > height - 2 * VIEW_PADDING;
    void flow.setViewport({
      x: tooWide ? VIEW_PADDING - bounds.x * fitted.zoom : fitted.x,
      y: tooTall ? VIEW_PADDING - bounds.y * fitted.zoom : fitted.y,
      zoom: fitted.zoom,
    });
  }, [canvasRef, flow]);

  const measured = useNodesInitialized();
  const viewed = useRef(false);
  useEffect(() => {
    if (!fitOnLoad || viewed.current || !measured || nodeCount === 0) return;
    viewed.current = true;
    readableView();
  }, [fitOnLoad, measured, nodeCount, readableView]);

  const visibleArea = useCallback((): Box => {
    const r = canvasRef.current?.getBoundingClientRect() ?? { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight };
    const from = flow.screenToFlowPosition({ x: r.left, y: r.top });
    const to = flow.screenToFlowPosition({ x: r.right, y: r.bottom });
    return { x: from.x, y: from.y, width: to.x - from.x, height: to.y - from.y };
  }, [canvasRef, flow]);

  return { readableView, visibleArea };
}
