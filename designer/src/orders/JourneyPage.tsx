import { Background, Controls, MiniMap, ReactFlow, ReactFlowProvider, type Edge } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, ApiError, type ActivityDescriptor, type ExceptionEntry, type InstanceDetail, type Order, type WorkflowDefinition } from '../api';
import { ResolveForm, resolveError } from '../exceptions/ExceptionsPage';
import { kindText, raisableKinds } from '../exceptions/kinds';
import { MapCodeAction } from '../exceptions/MapCodeAction';
import { raisedByText } from '../exceptions/raisedBy';
import { can } from '../shell/permissions';
import { navigate } from '../shell/router';
import { useMe } from '../shell/session';
import { Banner, type Notice } from '../shell/Banner';
import { errorText, formatAge, formatMoney, formatTime } from '../shell/format';
import { ActivityNode } from '../workflows/ActivityNode';
import { NODE_HEIGHT, NODE_WIDTH, executedPath, toFlow, type FlowNode } from '../workflows/graph';

const nodeTypes = { activity: ActivityNode };

/**
 * One order's way through its workflow: the flowchart with the path taken and where it is now, the journal, incidents,
 * and its exception queue entries: an open one shown on top with Resolve; a waiting or faulted order can be set aside.
 */
export function JourneyPage({ orderId }: { orderId: number }) {
  const me = useMe();
  const mayWorkExceptions = can(me, 'exceptions');
  const mayRunInstances = can(me, 'instances');
  const [order, setOrder] = useState<Order | null>(null);
  const [detail, setDetail] = useState<InstanceDetail | null>(null);
  const [definition, setDefinition] = useState<WorkflowDefinition | null>(null);
  const [catalog, setCatalog] = useState<ActivityDescriptor[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [exceptions, setExceptions] = useState<ExceptionEntry[]>([]);
  const [exceptionMode, setExceptionMode] = useState<'raise' | 'resolve' | null>(null);

  // The palette and a definition version never change under an instance: fetched once; order and instance each poll.
  const definitionRef = useRef<WorkflowDefinition | null>(null);
  const load = useCallback(async () => {
    // The exception history is a side panel: the journey still shows when it cannot be read.
    api.orderExceptions(orderId).then(setExceptions).catch(() => setExceptions([]));
    try {
      const [o, d] = await Promise.all([api.order(orderId), api.orderWorkflow(orderId)]);
      setOrder(o);
      setDetail(d);
      const known = definitionRef.current;
      if (!known || known.definitionId !== d.instance.definitionId || known.version !== d.instance.definitionVersion) {
        const [def, activities] = await Promise.all([api.definition(d.instance.definitionId, d.instance.definitionVersion), api.activities()]);
        definitionRef.current = def;
        setCatalog(activities);
        setDefinition(def);
      }
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError && e.status === 404 ? e.message : errorText(e));
    }
  }, [orderId]);

  useEffect(() => { void load(); }, [load]);
  useEffect(() => {
    // Follow a live instance: it moves when the floor or a reviewer sends it a stimulus.
    if (detail && ['Finished', 'Cancelled'].includes(detail.instance.status)) return;
    const timer = window.setInterval(() => void load(), 5_000);
    return () => window.clearInterval(timer);
  }, [load, detail]);

  const graph = useMemo(() => {
    if (!definition || !detail) return null;
    const { nodes, edges } = toFlow(definition.root, catalog);
    const running = !['Finished', 'Cancelled'].includes(detail.instance.status);
    const current = running ? [detail.instance.currentActivityId, ...detail.bookmarks.map(b => b.activityId), ...detail.scheduled] : [];
    const marks = executedPath(definition.root, detail.journal, current);
    const marked: FlowNode[] = nodes.map(n => ({
      ...n,
      draggable: false,
      connectable: false,
      // Sizes before measuring, so the minimap draws the nodes of a read-only chart.
      initialWidth: NODE_WIDTH,
      initialHeight: NODE_HEIGHT,
      data: {
        ...n.data,
        mark: marks.faulted.has(n.id) && detail.instance.status === 'Faulted' ? 'faulted'
          : marks.current.has(n.id) ? 'current' : marks.executedNodes.has(n.id) ? 'executed' : undefined,
      },
    }));
    const markedEdges: Edge[] = edges.map(e => (marks.executedEdges.has(e.id)
      ? { ...e, className: 'edge-executed', animated: marks.current.has(e.target) }
      : { ...e, className: 'edge-idle' }));
    return { nodes: marked, edges: markedEdges };
  }, [definition, detail, catalog]);

  const retry = async () => {
    if (!detail) return;
    try {
      await api.retry(detail.instance.id);
      setNotice({ kind: 'ok', text: 'Retried: the faulted step ran again.' });
    } catch (e) {
      setNotice({ kind: 'error', text: e instanceof ApiError ? `${e.problem.title ?? 'Error'}: ${e.message}` : errorText(e) });
    }
    await load();
  };

  const cancelInstance = async () => {
    if (!detail || !window.confirm('Cancel this workflow instance? The order stops where it is and no step runs again.')) return;
    try {
      await api.cancelInstance(detail.instance.id);
      setNotice({ kind: 'ok', text: 'Instance cancelled.' });
    } catch (e) {
      setNotice({ kind: 'error', text: e instanceof ApiError ? `${e.problem.title ?? 'Error'}: ${e.message}` : errorText(e) });
    }
    await load();
  };

  const openEntry = exceptions.find(e => !e.resolvedAt);
  // Setting aside holds the instance where it waits (or where it faulted); a running or ended one has no stage to hold.
  const canSetAside = mayWorkExceptions && !openEntry && detail !== null && ['Suspended', 'Faulted'].includes(detail.instance.status);
  const canCancel = mayRunInstances && detail !== null && !['Finished', 'Cancelled'].includes(detail.instance.status);

  const raise = async (kind: string, detailText: string | undefined) => {
    try {
      const entry = await api.raiseException(orderId, { kind, detail: detailText });
      setNotice({ kind: 'ok', text: `Set aside as ${kindText(entry.kind)}: it waits in the exception queue.` });
      setExceptionMode(null);
    } catch (e) {
      setNotice({ kind: 'error', text: e instanceof ApiError ? [e.message, ...e.fieldMessages()].join(' ') : errorText(e) });
    }
    await load();
  };

  const resolve = async (entry: ExceptionEntry, note: string | undefined) => {
    try {
      await api.resolveException(entry.id, { note });
      setNotice({ kind: 'ok', text: `Exception resolved: the order returns to ${entry.stage}.` });
    } catch (e) {
      setNotice({ kind: 'error', text: resolveError(e, entry) });
    }
    setExceptionMode(null);
    await load();
  };

  const names = useMemo(() => new Map(definition?.root.activities.map(a => [a.id, a.name || a.id]) ?? []), [definition]);

  return (
    <div className="page journey">
      <div className="page-head">
        <button type="button" className="link" onClick={() => window.history.length > 1 ? window.history.back() : navigate('/orders')}>← Back</button>
        <h2>Order {order?.platformOrderId ?? orderId}</h2>
        {order && <span className={`pill status-${order.status}`} data-testid="order-status">{order.status}</span>}
        {detail && (
          <span className="muted" data-testid="instance-status">
            {detail.instance.definitionId} v{detail.instance.definitionVersion} · {detail.instance.status}
            {detail.instance.waitingFor && ` · waiting for ${detail.instance.waitingFor}`}
          </span>
        )}
        <span className="spacer" />
        {canSetAside && <button type="button" onClick={() => setExceptionMode('raise')}>Set aside…</button>}
        {canCancel && <button type="button" className="danger" onClick={() => void cancelInstance()}>Cancel instance</button>}
        <button type="button" onClick={() => void load()}>Refresh</button>
      </div>
      {error && <div className="banner banner-error" role="alert">{error}</div>}
      <Banner notice={notice} />
      {exceptionMode === 'raise' && canSetAside && (
        <SetAsideForm onSubmit={(kind, text) => void raise(kind, text)} onCancel={() => setExceptionMode(null)} />
      )}
      {openEntry && (
        <section className="open-exception" data-testid="open-exception" aria-label="Open exception">
          <div className="row">
            <strong>In the exception queue: {kindText(openEntry.kind)}</strong>
            <span>{openEntry.detail || '—'}</span>
            <span className="muted small">left at {names.get(openEntry.stage) ?? openEntry.stage} · raised by {raisedByText(openEntry)} · waiting {formatAge(openEntry.ageMinutes)}</span>
            <span className="spacer" />
            <MapCodeAction entry={openEntry} onDone={n => { setNotice(n); void load(); }} />
            {mayWorkExceptions && exceptionMode !== 'resolve' && <button type="button" className="primary" onClick={() => setExceptionMode('resolve')}>Resolve</button>}
          </div>
          {exceptionMode === 'resolve' && <ResolveForm onSubmit={note => void resolve(openEntry, note)} onCancel={() => setExceptionMode(null)} />}
        </section>
      )}
      {order && (
        <div className="order-facts">
          <span>{order.buyerNick}</span>
          <span>{formatMoney(order.payment)}</span>
          <span>买家留言: {order.buyerMessage || '—'}</span>
          <span>卖家备注: {order.sellerMemo || '—'}</span>
          {order.blockReason && <span className="pill pill-warn">{order.blockReason}</span>}
          {order.trackingNumber && <span>Tracking {order.trackingNumber}</span>}
        </div>
      )}
      <div className="journey-body">
        <div className="canvas journey-canvas" data-testid="journey-canvas">
          {graph && (
            <ReactFlowProvider>
              <ReactFlow nodes={graph.nodes} edges={graph.edges} nodeTypes={nodeTypes} fitView fitViewOptions={{ padding: 0.1, maxZoom: 1 }}
                nodesDraggable={false} nodesConnectable={false} elementsSelectable={false} minZoom={0.2}
                defaultEdgeOptions={{ type: 'smoothstep' }} proOptions={{ hideAttribution: true }}>
                <Background gap={16} />
                <MiniMap pannable zoomable />
                <Controls showInteractive={false} />
              </ReactFlow>
            </ReactFlowProvider>
          )}
        </div>
        <aside className="timeline-panel">
          {detail && detail.incidents.length > 0 && (
            <section className="incidents">
              <h3>Incidents</h3>
              {detail.incidents.map(i => (
                <div key={i.id} className={`incident${i.resolvedAt ? ' resolved' : ''}`} data-testid="incident">
                  <div><strong>{names.get(i.activityId) ?? i.activityId}</strong> · attempt {i.attempt} · {formatTime(i.occurredAt)}</div>
                  <div className="mono small">{i.exceptionType}: {i.message}</div>
                  {i.resolvedAt ? <div className="muted small">resolved {formatTime(i.resolvedAt)}</div>
                    : mayRunInstances && detail.instance.status === 'Faulted' && <button type="button" className="primary" onClick={() => void retry()}>Retry</button>}
                </div>
              ))}
            </section>
          )}
          {exceptions.length > 0 && (
            <section className="exception-history">
              <h3>Exceptions</h3>
              <ol className="timeline" data-testid="exception-history">
                {exceptions.map(x => (
                  <li key={x.id} className={x.resolvedAt ? 'tl-completed' : 'tl-faulted'}>
                    <div className="tl-head">
                      <strong>{kindText(x.kind)}</strong>
                      <span className="pill">{x.resolvedAt ? 'Resolved' : 'Open'}</span>
                    </div>
                    <div className="small">{x.detail || '—'}</div>
                    <div className="muted small">{formatTime(x.raisedAt)} · {raisedByText(x)} · at {names.get(x.stage) ?? x.stage}</div>
                    {x.resolvedAt && <div className="muted small">resolved {formatTime(x.resolvedAt)} by {x.resolvedBy ?? 'the workflow'}{x.resolution ? `: ${x.resolution}` : ''}</div>}
                  </li>
                ))}
              </ol>
            </section>
          )}
          <h3>Journal</h3>
          <ol className="timeline" data-testid="timeline">
            {detail?.journal.map(j => (
              <li key={j.sequence} className={`tl-${j.event.toLowerCase()}`}>
                <div className="tl-head">
                  <strong>{names.get(j.activityId) ?? j.activityId}</strong>
                  <span className="pill">{j.event}{j.outcome ? ` → ${j.outcome}` : ''}</span>
                </div>
                <div className="muted small">{formatTime(j.startedAt)} · {j.durationMs} ms{j.bookmark ? ` · waits for ${j.bookmark}` : ''}</div>
                {j.outputs !== null && j.outputs !== undefined && <div className="mono small ellipsis-2">{JSON.stringify(j.outputs)}</div>}
                {j.error && <div className="field-error small">{j.error}</div>}
              </li>
            ))}
          </ol>
        </aside>
      </div>
    </div>
  );
}

/** Set the order aside: a kind a person may raise and what is wrong. */
function SetAsideForm({ onSubmit, onCancel }: { onSubmit: (kind: string, detail: string | undefined) => void; onCancel: () => void }) {
  const [kind, setKind] = useState('AddressProblem');
  const [detail, setDetail] = useState('');
  return (
    <form className="inline-panel set-aside" aria-label="Set aside" onSubmit={e => { e.preventDefault(); onSubmit(kind, detail.trim() || undefined); }}
      onKeyDown={e => { if (e.key === 'Escape') onCancel(); }}>
      <select aria-label="Exception kind" value={kind} onChange={e => setKind(e.target.value)} autoFocus>
        {raisableKinds.map(k => <option key={k} value={k}>{kindText(k)}</option>)}
      </select>
      <input aria-label="Exception detail" placeholder="What is wrong (e.g. 门牌号缺失)" value={detail} onChange={e => setDetail(e.target.value)} />
      <button type="submit" className="danger">Set aside</button>
      <button type="button" onClick={onCancel}>Cancel</button>
    </form>
  );
}
