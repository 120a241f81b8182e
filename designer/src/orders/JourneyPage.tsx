import { Background, Controls, MiniMap, ReactFlow, ReactFlowProvider, type Edge } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, type ActivityDescriptor, type ExceptionEntry, type InstanceDetail, type JournalEntry, type Order, type WorkflowDefinition } from '../api';
import { Term, useT, type Translate } from '../i18n';
import { ResolveForm, resolveError } from '../exceptions/ExceptionsPage';
import { kindText, raisableKinds } from '../exceptions/kinds';
import { MapCodeAction } from '../exceptions/MapCodeAction';
import { raisedByText } from '../exceptions/raisedBy';
import { can } from '../shell/permissions';
import { navigate } from '../shell/router';
import { useMe } from '../shell/session';
import { Banner, type Notice } from '../shell/Banner';
import { ServerText } from '../shell/serverText';
import { failure, formatAge, formatMoney, formatTime, problemHint } from '../shell/format';
import { ActivityNode } from '../workflows/ActivityNode';
import { NODE_HEIGHT, NODE_WIDTH, executedPath, toFlow, type FlowNode } from '../workflows/graph';
import { canvasLabels, canvasRoles, edgeLabel } from '../workflows/names';

const nodeTypes = { activity: ActivityNode };

/**
 * One order's way through its workflow: the flowchart with the path taken and where it is now, the journal, incidents,
 * and its exception queue entries: an open one shown on top with Resolve; a waiting or faulted order can be set aside.
 */
export function JourneyPage({ orderId }: { orderId: number }) {
  const t = useT();
  const me = useMe();
  const mayWorkExceptions = can(me, 'exceptions');
  const mayRunInstances = can(me, 'instances');
  const [order, setOrder] = useState<Order | null>(null);
  const [detail, setDetail] = useState<InstanceDetail | null>(null);
  const [definition, setDefinition] = useState<WorkflowDefinition | null>(null);
  const [catalog, setCatalog] = useState<ActivityDescriptor[]>([]);
  const [error, setError] = useState<Notice | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [exceptions, setExceptions] = useState<ExceptionEntry[]>([]);
  const [exceptionMode, setExceptionMode] = useState<'raise' | 'resolve' | null>(null);
  const [raw, setRaw] = useState(false);

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
      setError(failure(e, t));
    }
  }, [orderId, t]);

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
    const roles = canvasRoles(t);
    const marked: FlowNode[] = nodes.map(n => ({
      ...n,
      domAttributes: roles.node,
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
    const markedEdges: Edge[] = edges.map(e => ({ ...e, ariaLabel: edgeLabel(t, e), domAttributes: roles.edge })).map(e => (marks.executedEdges.has(e.id)
      ? { ...e, className: 'edge-executed', animated: marks.current.has(e.target) }
      : { ...e, className: 'edge-idle' }));
    return { nodes: marked, edges: markedEdges };
  }, [definition, detail, catalog, t]);
  const labels = useMemo(() => canvasLabels(t), [t]);

  const retry = async () => {
    if (!detail) return;
    try {
      await api.retry(detail.instance.id);
      setNotice({ kind: 'ok', text: t('journey.retried') });
    } catch (e) {
      setNotice(failure(e, t, problem => t('journey.failed', { problem })));
    }
    await load();
  };

  const cancelInstance = async () => {
    if (!detail || !window.confirm(t('journey.confirmCancel'))) return;
    try {
      await api.cancelInstance(detail.instance.id);
      setNotice({ kind: 'ok', text: t('journey.cancelled') });
    } catch (e) {
      setNotice(failure(e, t, problem => t('journey.failed', { problem })));
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
      setNotice({ kind: 'ok', text: t('journey.raised', { kind: kindText(entry.kind, t) }) });
      setExceptionMode(null);
    } catch (e) {
      setNotice(failure(e, t, problem => t('journey.failed', { problem })));
    }
    await load();
  };

  const resolve = async (entry: ExceptionEntry, note: string | undefined) => {
    try {
      await api.resolveException(entry.id, { note });
      setNotice({ kind: 'ok', text: t('journey.resolved', { stage: stageName(entry.stage) }) });
    } catch (e) {
      setNotice({ kind: 'error', text: resolveError(e, entry, t), hint: problemHint(e) });
    }
    setExceptionMode(null);
    await load();
  };

  // A step is named by its activity type in the screen's language (客服审核); the definition's own name is its tooltip.
  const steps = useMemo(() => new Map(definition?.root.activities.map(a => [a.id, a]) ?? []), [definition]);
  const stageName = (id: string) => {
    const step = steps.get(id);
    if (!step) return id;
    return t.knows('activity', step.type) ? t.term('activity', step.type) : step.name || step.id;
  };
  const stageTitle = (id: string) => {
    const step = steps.get(id);
    return step ? `${step.name || step.id} (${step.type})` : id;
  };

  return (
    <div className="page journey">
      <div className="page-head">
        <button type="button" className="link" onClick={() => window.history.length > 1 ? window.history.back() : navigate('/orders')}>{t('journey.back')}</button>
        <h2>{t('journey.title', { order: order?.platformOrderId ?? orderId })}</h2>
        {order && <span className={`pill status-${order.status}`} data-testid="order-status" data-status={order.status} title={order.status}>{t.term('orderStatus', order.status)}</span>}
        {detail && (
          <span className="muted" data-testid="instance-status" data-status={detail.instance.status}>
            {detail.instance.definitionId} v{detail.instance.definitionVersion} · <Term group="instanceStatus" code={detail.instance.status} />
            {detail.instance.waitingFor && <> · <span title={detail.instance.waitingFor} data-testid="waiting-for" data-bookmark={detail.instance.waitingFor}>
              {t('journey.waitingFor', { what: t.term('bookmark', detail.instance.waitingFor) })}</span></>}
          </span>
        )}
        <span className="spacer" />
        {canSetAside && <button type="button" onClick={() => setExceptionMode('raise')}>{t('journey.setAside')}</button>}
        {canCancel && <button type="button" className="danger" onClick={() => void cancelInstance()}>{t('journey.cancelInstance')}</button>}
        <button type="button" onClick={() => void load()}>{t('common.refresh')}</button>
      </div>
      <Banner notice={error} />
      <Banner notice={notice} />
      {exceptionMode === 'raise' && canSetAside && (
        <SetAsideForm onSubmit={(kind, text) => void raise(kind, text)} onCancel={() => setExceptionMode(null)} />
      )}
      {openEntry && (
        <section className="open-exception" data-testid="open-exception" aria-label={t('journey.openException')}>
          <div className="row">
            <strong title={openEntry.kind}>{t('journey.inQueue', { kind: kindText(openEntry.kind, t) })}</strong>
            {openEntry.detail ? <ServerText text={openEntry.detail} /> : <span>—</span>}
            <span className="muted small" title={stageTitle(openEntry.stage)}>{t('journey.openFacts', {
              stage: stageName(openEntry.stage), by: raisedByText(openEntry, t), age: formatAge(openEntry.ageMinutes, t),
            })}</span>
            <span className="spacer" />
            <MapCodeAction entry={openEntry} onDone={n => { setNotice(n); void load(); }} />
            {mayWorkExceptions && exceptionMode !== 'resolve' && <button type="button" className="primary" onClick={() => setExceptionMode('resolve')}>{t('exceptions.resolve')}</button>}
          </div>
          {exceptionMode === 'resolve' && <ResolveForm onSubmit={note => void resolve(openEntry, note)} onCancel={() => setExceptionMode(null)} />}
        </section>
      )}
      {order && (
        <div className="order-facts">
          <span>{order.buyerNick}</span>
          <span>{formatMoney(order.payment)}</span>
          <span>{t('journey.buyerMessage', { text: order.buyerMessage || '—' })}</span>
          <span>{t('journey.sellerMemo', { text: order.sellerMemo || '—' })}</span>
          {order.blockReason && <ServerText className="pill pill-warn" text={order.blockReason} />}
          {order.trackingNumber && <span>{t('journey.tracking', { number: order.trackingNumber })}</span>}
        </div>
      )}
      <div className="journey-body">
        <div className="canvas journey-canvas" data-testid="journey-canvas">
          {graph && (
            <ReactFlowProvider>
              <ReactFlow nodes={graph.nodes} edges={graph.edges} nodeTypes={nodeTypes} fitView fitViewOptions={{ padding: 0.1, maxZoom: 1 }}
                nodesDraggable={false} nodesConnectable={false} elementsSelectable={false} minZoom={0.2}
                defaultEdgeOptions={{ type: 'smoothstep' }} proOptions={{ hideAttribution: true }} ariaLabelConfig={labels}>
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
              <h3>{t('journey.incidents')}</h3>
              {detail.incidents.map(i => (
                <div key={i.id} className={`incident${i.resolvedAt ? ' resolved' : ''}`} data-testid="incident">
                  <div><strong title={stageTitle(i.activityId)}>{stageName(i.activityId)}</strong> · {t('journey.attempt', { attempt: i.attempt })} · {formatTime(i.occurredAt, t)}</div>
                  <div className="mono small">{i.exceptionType}: {i.message}</div>
                  {i.resolvedAt ? <div className="muted small">{t('journey.incidentResolved', { time: formatTime(i.resolvedAt, t) })}</div>
                    : mayRunInstances && detail.instance.status === 'Faulted' && <button type="button" className="primary" onClick={() => void retry()}>{t('journey.retry')}</button>}
                </div>
              ))}
            </section>
          )}
          {exceptions.length > 0 && (
            <section className="exception-history">
              <h3>{t('journey.exceptions')}</h3>
              <ol className="timeline" data-testid="exception-history">
                {exceptions.map(x => (
                  <li key={x.id} className={x.resolvedAt ? 'tl-completed' : 'tl-faulted'}>
                    <div className="tl-head">
                      <strong title={x.kind}>{kindText(x.kind, t)}</strong>
                      <span className="pill">{t(x.resolvedAt ? 'journey.exceptionResolved' : 'journey.exceptionOpen')}</span>
                    </div>
                    <div className="small">{x.detail ? <ServerText text={x.detail} /> : '—'}</div>
                    <div className="muted small" title={stageTitle(x.stage)}>{t('journey.exceptionAt', {
                      time: formatTime(x.raisedAt, t), by: raisedByText(x, t), stage: stageName(x.stage),
                    })}</div>
                    {x.resolvedAt && <div className="muted small">{t('journey.exceptionResolvedBy', {
                      time: formatTime(x.resolvedAt, t), by: x.resolvedBy ?? t('common.theWorkflow'),
                    })}{x.resolution && <>{t.lang === 'en' ? ': ' : '：'}<ServerText text={x.resolution} /></>}</div>}
                  </li>
                ))}
              </ol>
            </section>
          )}
          <div className="row journal-head">
            <h3>{t('journey.journal')}</h3>
            <span className="spacer" />
            <button type="button" className="link small" aria-pressed={raw} onClick={() => setRaw(r => !r)}>{t(raw ? 'journey.hideRaw' : 'journey.showRaw')}</button>
          </div>
          <ol className="timeline" data-testid="timeline">
            {detail?.journal.map(j => (
              <li key={j.sequence} className={`tl-${j.event.toLowerCase()}`}>
                <div className="tl-head" title={`${stageTitle(j.activityId)} · ${j.event}${j.outcome ? ` → ${j.outcome}` : ''}${j.bookmark ? ` (${j.bookmark})` : ''}`}>
                  <span data-testid="journal-sentence">{journalSentence(j, stageName(j.activityId), t)}</span>
                </div>
                <div className="muted small">{formatTime(j.startedAt, t)}</div>
                {j.error && <div className="field-error small">{t('journal.failedWith', { error: j.error })}</div>}
                {raw && (
                  <pre className="mono small raw" aria-label={t('journal.raw', { sequence: j.sequence })}>
                    {JSON.stringify({ event: j.event, outcome: j.outcome, bookmark: j.bookmark, inputs: j.inputs, outputs: j.outputs }, null, 2)}
                  </pre>
                )}
              </li>
            ))}
          </ol>
        </aside>
      </div>
    </div>
  );
}

/** Milliseconds as people read them: 3.6, 12, 0.4 (one decimal at most). */
const millis = (ms: number) => String(Math.round(ms * 10) / 10);

/**
 * One journal entry as a sentence, e.g. "客服审核：通过，用时 3.6 ms": the step, what came of it (its outcome, else the
 * event, a wait naming what it waits for) and how long it took.
 */
export function journalSentence(j: JournalEntry, activity: string, t: Translate): string {
  const what = j.outcome ? t.term('outcome', j.outcome)
    : j.event === 'Suspended' && j.bookmark ? t('journal.waitsFor', { bookmark: t.term('bookmark', j.bookmark) })
      : t.term('journalEvent', j.event);
  return t('journal.sentence', { activity, what, ms: millis(j.durationMs) });
}

/** Set the order aside: a kind a person may raise and what is wrong. */
function SetAsideForm({ onSubmit, onCancel }: { onSubmit: (kind: string, detail: string | undefined) => void; onCancel: () => void }) {
  const t = useT();
  const [kind, setKind] = useState('AddressProblem');
  const [detail, setDetail] = useState('');
  return (
    <form className="inline-panel set-aside" aria-label={t('journey.setAsideForm')} onSubmit={e => { e.preventDefault(); onSubmit(kind, detail.trim() || undefined); }}
      onKeyDown={e => { if (e.key === 'Escape') onCancel(); }}>
      <select aria-label={t('journey.kind')} value={kind} onChange={e => setKind(e.target.value)} autoFocus>
        {raisableKinds.map(k => <option key={k} value={k} title={k}>{kindText(k, t)}</option>)}
      </select>
      <input aria-label={t('journey.detail')} placeholder={t('journey.detailPlaceholder')} value={detail} onChange={e => setDetail(e.target.value)} />
      <button type="submit" className="danger">{t('journey.setAsideForm')}</button>
      <button type="button" onClick={onCancel}>{t('common.cancel')}</button>
    </form>
  );
}
