import {
  Background,
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  applyEdgeChanges,
  applyNodeChanges,
  useReactFlow,
  type Connection,
  type Edge,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, ApiError, type ActivityDescriptor, type ConditionFields, type DefinitionError, type WorkflowDefinition } from '../api';
import { useT, type Translate } from '../i18n';
import { addLeaveGuard, navigate } from '../shell/router';
import { retryAfterSignIn } from '../shell/session';
import { Banner, type Notice } from '../shell/Banner';
import { downloadJson, failure, formatTime } from '../shell/format';
import { ActivityNode } from './ActivityNode';
import { diffFlows, edgeId, fromFlow, newActivityId, portsWithProblems, retarget, toFlow, type FlowDiff, type FlowNode, type Mark } from './graph';
import { LaneEdge } from './LaneEdge';
import { NODE_HEIGHT, autoLayout, boxOf, freePosition, nodeWidth } from './layout';
import { activityName, canvasLabels, canvasRoles, edgeLabel, problemMessage, sourceText } from './names';
import { DRAG_TYPE, Palette } from './Palette';
import { PropertiesPanel } from './PropertiesPanel';
import { routesFor } from './routing';
import { ShopsUsingWorkflow } from './ShopsUsingWorkflow';
import { useCanvasView } from './useCanvasView';
import { useHistory } from './useHistory';
import { VersionHistory } from './VersionHistory';

const nodeTypes = { activity: ActivityNode };
const edgeTypes = { lane: LaneEdge };

interface Doc {
  name: string;
  nodes: FlowNode[];
  edges: Edge[];
}

interface Props {
  definitionId: string;
  isNew: boolean;
  initialName?: string;
}

export function WorkflowEditor(props: Props) {
  return (
    <ReactFlowProvider>
      <Editor {...props} />
    </ReactFlowProvider>
  );
}

const serialize = (doc: Doc) => JSON.stringify({ name: doc.name, root: fromFlow(doc.nodes, doc.edges) });

function Editor({ definitionId, isNew, initialName }: Props) {
  const flow = useReactFlow();
  const t = useT();
  // For what runs later (a load, the leave question): the language at that moment, without reloading when it changes.
  const tRef = useRef<Translate>(t);
  tRef.current = t;
  const [catalog, setCatalog] = useState<ActivityDescriptor[]>([]);
  const [loaded, setLoaded] = useState<WorkflowDefinition | null>(null);
  const [published, setPublished] = useState<WorkflowDefinition | null>(null);
  const [saved, setSaved] = useState<string>('');
  const [errors, setErrors] = useState<DefinitionError[]>([]);
  const [conditionFields, setConditionFields] = useState<ConditionFields | null>(null);
  const [message, setMessage] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  const [diff, setDiff] = useState<FlowDiff | null>(null);
  const [showVersions, setShowVersions] = useState(false);
  const history = useHistory<Doc>({ name: initialName ?? '', nodes: [], edges: [] });
  const doc = history.present;
  const dragStart = useRef<Doc | null>(null);

  // Every save and publish counts when it starts and when it ends: a load that overlapped one must not put back what
  // it read (a new workflow's first save moves to its own address, which loads it again while Publish may be on its way).
  const writes = useRef({ started: 0, ended: 0 });

  const load = useCallback(async () => {
    const startedAt = writes.current.started;
    const overlapped = () => writes.current.started !== startedAt || writes.current.ended !== startedAt;
    const activities = await api.activities();
    setCatalog(activities);
    if (isNew) {
      const start: FlowNode = {
        id: 'start', type: 'activity', position: { x: 300, y: 40 },
        data: { activity: { id: 'start', type: 'Start', name: activityName(tRef.current, 'Start') }, descriptor: activities.find(a => a.isStart), errors: [] },
      };
      const fresh = { name: initialName ?? definitionId, nodes: [start], edges: [] };
      history.reset(fresh);
      setSaved('');
      setLoaded(null);
      return;
    }
    const definition = await api.definition(definitionId);
    const latest = definition.isPublished ? definition : await api.definition(definitionId, 'published').catch(() => null);
    if (overlapped()) return;
    const { nodes, edges } = toFlow(definition.root, activities, definition.errors);
    const next = { name: definition.name ?? '', nodes, edges };
    history.reset(next);
    setSaved(serialize(next));
    setLoaded(definition);
    setErrors(definition.errors);
    setPublished(latest);
  }, [definitionId, isNew, initialName, history.reset]);

  useEffect(() => {
    load().catch(e => setMessage(failure(e, tRef.current)));
  }, [load]);

  // Without the catalogue a Decision's editor still works, checking only the condition's shape; the server checks the rest.
  useEffect(() => {
    api.conditionFields().then(setConditionFields, () => setConditionFields(null));
  }, []);

  const dirty = serialize(doc) !== saved;
  // A message about the last save or publish stops applying once the canvas changes again.
  const savedRef = useRef(saved);
  useEffect(() => {
    if (dirty && savedRef.current === saved) setMessage(m => (m?.kind === 'ok' ? null : m));
    savedRef.current = saved;
  }, [doc, saved, dirty]);
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  useEffect(() => addLeaveGuard(() => (dirtyRef.current ? tRef.current('wf.editor.leave') : null)), []);

  // The server's problems in the screen's language, by their codes (the server's message as the tooltip in the list).
  const describe = useCallback((e: DefinitionError) =>
    problemMessage(e, t, id => doc.nodes.find(n => n.id === id)?.data.activity.type, catalog), [t, doc.nodes, catalog]);
  const messagesFor = useCallback((id: string) => errors.filter(e => e.activityId === id).map(describe), [errors, describe]);

  // Server errors and compare marks decorate the nodes without being part of the document (or of undo).
  // The screen reader's word for a node, in the screen's language; one decorated copy per node object, so a node that
  // did not change stays the same object and React Flow does not draw it again.
  const roles = useMemo(() => canvasRoles(t), [t]);
  const withRole = useMemo(() => new WeakMap<FlowNode, FlowNode>(), [roles]);
  const decorated = useMemo(() => doc.nodes.map((n): FlowNode => {
    const nodeErrors = messagesFor(n.id);
    const portProblems = portsWithProblems(n.id, errors);
    const mark: Mark | undefined = diff?.addedActivities.includes(n.id) ? 'added' : diff?.changedActivities.includes(n.id) ? 'changed' : undefined;
    const same = nodeErrors.join() === n.data.errors.join() && portProblems.join() === (n.data.portProblems ?? []).join() && mark === n.data.mark;
    if (!same) return { ...n, domAttributes: roles.node, data: { ...n.data, errors: nodeErrors, portProblems, mark } };
    const kept = withRole.get(n) ?? { ...n, domAttributes: roles.node };
    withRole.set(n, kept);
    return kept;
  }), [doc.nodes, errors, diff, messagesFor, roles, withRole]);
  // Each connection on its own track (routing.ts), recomputed as nodes move.
  const routes = useMemo(() => routesFor(doc.nodes, doc.edges), [doc.nodes, doc.edges]);
  const decoratedEdges = useMemo(() => doc.edges.map(e => ({
    ...e, type: 'lane', data: { ...e.data, route: routes.get(e.id) }, ariaLabel: edgeLabel(t, e), domAttributes: roles.edge,
    ...(diff?.addedConnections.includes(e.id) ? { className: 'edge-added' } : {}),
  })), [doc.edges, routes, diff, t, roles]);

  const selected = doc.nodes.find(n => n.selected);
  const readOnly = false;

  const onNodesChange = useCallback((changes: NodeChange<FlowNode>[]) => {
    const removes = changes.some(c => c.type === 'remove');
    history.set(d => {
      const nodes = applyNodeChanges(changes, d.nodes);
      const removed = new Set(changes.filter(c => c.type === 'remove').map(c => (c as { id: string }).id));
      return { ...d, nodes, edges: removed.size ? d.edges.filter(e => !removed.has(e.source) && !removed.has(e.target)) : d.edges };
    }, removes);
  }, [history]);

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    history.set(d => ({ ...d, edges: applyEdgeChanges(changes, d.edges) }), changes.some(c => c.type === 'remove'));
  }, [history]);

  const onConnect = useCallback((c: Connection) => {
    if (!c.sourceHandle) return;
    const connection = { source: { activity: c.source, port: c.sourceHandle }, target: { activity: c.target } };
    const id = edgeId(connection);
    history.set(d => (d.edges.some(e => e.id === id) ? d : {
      ...d,
      edges: [...d.edges, { id, source: c.source, sourceHandle: c.sourceHandle, target: c.target, targetHandle: 'in' }],
    }));
  }, [history]);

  const canvasRef = useRef<HTMLDivElement>(null);
  const { readableView, visibleArea } = useCanvasView(canvasRef, !isNew, doc.nodes.length);

  // A new activity goes where it was dropped, or in the middle of the view for "+", moved to the nearest free spot in
  // view so it never lands on another activity.
  const addActivity = useCallback((type: string, position?: { x: number; y: number }) => {
    const descriptor = catalog.find(a => a.typeName === type);
    const name = activityName(t, type, descriptor);
    const size = { width: nodeWidth({ id: type, type, name }, descriptor), height: NODE_HEIGHT };
    const view = visibleArea();
    const preferred = position ?? { x: view.x + (view.width - size.width) / 2, y: view.y + (view.height - size.height) / 2 };
    history.set(d => {
      const id = newActivityId(type, d.nodes.map(n => n.id));
      const where = freePosition(preferred, size, d.nodes.map(boxOf), view);
      const node: FlowNode = {
        id, type: 'activity', position: where, selected: true,
        data: { activity: { id, type, name }, descriptor, errors: [] },
      };
      return { ...d, nodes: [...d.nodes.map(n => (n.selected ? { ...n, selected: false } : n)), node] };
    });
  }, [catalog, visibleArea, history, t]);

  const onDrop = useCallback((event: React.DragEvent) => {
    const type = event.dataTransfer.getData(DRAG_TYPE);
    if (!type) return;
    event.preventDefault();
    addActivity(type, flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
  }, [addActivity, flow]);

  // A 401 keeps the canvas as it is (the shell puts a sign-in dialog over it) and runs the action again after signing in.
  const pendingRetry = useRef<(() => void) | null>(null);
  useEffect(() => () => pendingRetry.current?.(), []);
  const afterSignIn = useCallback((run: () => void) => {
    pendingRetry.current?.();
    pendingRetry.current = retryAfterSignIn(() => { pendingRetry.current = null; run(); });
    setMessage({ kind: 'error', text: tRef.current('wf.editor.sessionEnded') });
  }, []);
  const saveRef = useRef<() => Promise<WorkflowDefinition | null>>(async () => null);
  const publishRef = useRef<() => Promise<void>>(async () => undefined);

  const save = useCallback(async (): Promise<WorkflowDefinition | null> => {
    writes.current.started++;
    setBusy(true);
    setMessage(null);
    try {
      const result = await api.saveDraft({
        definitionId, name: doc.name || null, variables: loaded?.variables ?? [], root: fromFlow(doc.nodes, doc.edges),
        revision: loaded?.revision,
      });
      setLoaded(result);
      setSaved(serialize(doc));
      setErrors(result.errors);
      setMessage(result.errors.length
        ? { kind: 'error', text: t('wf.editor.savedWithProblems', { version: result.version, count: result.errors.length }) }
        : { kind: 'ok', text: t('wf.editor.saved', { version: result.version }) });
      if (isNew) navigate(`/workflows/${encodeURIComponent(definitionId)}`, { force: true });
      return result;
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) afterSignIn(() => void saveRef.current());
      else showError(e);
      return null;
    } finally {
      writes.current.ended++;
      setBusy(false);
    }
  }, [definitionId, doc, loaded, isNew, afterSignIn, t]);
  saveRef.current = save;

  const publish = useCallback(async () => {
    // Unsaved changes are saved first; if the server then reports problems, the save's message says what to fix.
    const draft = dirty ? await save() : loaded;
    if (!draft || draft.errors.length > 0) return;
    writes.current.started++;
    setBusy(true);
    try {
      const result = await api.publish(definitionId);
      setLoaded(result);
      setPublished(result);
      setErrors(result.errors);
      setDiff(null);
      setMessage({ kind: 'ok', text: t('wf.editor.published', { version: result.version }) });
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) afterSignIn(() => void publishRef.current());
      else showError(e);
    } finally {
      writes.current.ended++;
      setBusy(false);
    }
  }, [definitionId, dirty, loaded, save, afterSignIn, t]);
  publishRef.current = publish;

  function showError(e: unknown) {
    if (e instanceof ApiError) {
      const list = (e.problem.errors as DefinitionError[] | undefined);
      if (Array.isArray(list)) setErrors(list);
      const conflict = e.status === 409 && e.problem.currentRevision !== undefined;
      const failed = failure(e, t, problem => t('wf.editor.failed', { problem }));
      setMessage(conflict ? { ...failed, text: `${failed.text} ${t('wf.editor.conflict')}` } : failed);
    } else {
      setMessage(failure(e, t, problem => t('wf.editor.failed', { problem })));
    }
  }

  const discardDraft = async () => {
    if (!window.confirm(t('wf.editor.confirmDiscard'))) return;
    try {
      await api.deleteDraft(definitionId);
      setDiff(null);
      await load();
      setMessage({ kind: 'ok', text: t('wf.editor.discarded') });
    } catch (e) {
      showError(e);
    }
  };

  // A rollback published a new version: the canvas shows the latest version again (the draft, if one is kept above it).
  const rolledBack = async (result: WorkflowDefinition) => {
    setDiff(null);
    await load();
    setMessage({ kind: 'ok', text: t('wf.editor.rolledBack', { version: result.version, from: result.source.replace('rollback:', '') }) });
  };

  const compare = () => {
    setShowVersions(false);
    if (diff) return setDiff(null);
    if (!published) return setMessage({ kind: 'error', text: t('wf.editor.noPublished') });
    // The published chart as the canvas would show it: one laid out on opening has not "moved" until someone moves it.
    const shown = toFlow(published.root, catalog);
    setDiff(diffFlows(fromFlow(shown.nodes, shown.edges), fromFlow(doc.nodes, doc.edges)));
  };

  const layout = () => {
    history.set(d => ({ ...d, nodes: autoLayout(d.nodes, d.edges) }));
    window.setTimeout(readableView, 50);
  };

  const exportJson = () => downloadJson(`${definitionId}.json`, {
    definitionId, name: doc.name || null, variables: loaded?.variables ?? [], root: fromFlow(doc.nodes, doc.edges),
  });

  // Keyboard: Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y, Ctrl+S. Not while typing in a field (the browser undoes text there).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLElement && e.target.closest('input, textarea, select');
      if (!(e.ctrlKey || e.metaKey)) return;
      const key = e.key.toLowerCase();
      if (key === 's') {
        e.preventDefault();
        void save();
      } else if (!typing && key === 'z') {
        e.preventDefault();
        if (e.shiftKey) history.redo();
        else history.undo();
      } else if (!typing && key === 'y') {
        e.preventDefault();
        history.redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [history, save]);

  const selectActivity = (id: string) =>
    history.set(d => ({ ...d, nodes: d.nodes.map(n => (!!n.selected === (n.id === id) ? n : { ...n, selected: n.id === id })) }), false);
  // The saved draft's problems hold until a save re-checks the canvas; publishing waits for none to stand.
  const problemsStand = !dirty && errors.length > 0;
  const status = isNew && !loaded ? t('wf.editor.statusNew')
    : loaded ? t('wf.editor.status', { state: t.term('definitionState', loaded.state), version: loaded.version })
      + (published && published.version !== loaded.version ? t('wf.editor.statusPublished', { version: published.version }) : '') : '';
  const labels = useMemo(() => canvasLabels(t), [t]);

  return (
    <div className="editor">
      {/* data-action names each button whatever the language, for tests and tools. */}
      <div className="toolbar" data-testid="editor-toolbar">
        <button type="button" className="link" data-action="back" onClick={() => navigate('/workflows')}>{t('wf.editor.back')}</button>
        <strong className="definition-id">{definitionId}</strong>
        <input className="name-input" aria-label={t('wf.editor.name')} value={doc.name} placeholder={t('wf.editor.name')} data-testid="workflow-name"
          onChange={e => history.set(d => ({ ...d, name: e.target.value }))} />
        <span className="status-chip" data-testid="definition-status" data-state={isNew && !loaded ? 'New' : loaded?.state ?? ''} data-dirty={dirty}>
          {status}{dirty && t('wf.editor.unsaved')}
        </span>
        <span className="spacer" />
        <button type="button" data-action="undo" onClick={history.undo} disabled={!history.canUndo} title={t('wf.editor.undoTitle', { keys: 'Ctrl+Z' })}>{t('wf.editor.undo')}</button>
        <button type="button" data-action="redo" onClick={history.redo} disabled={!history.canRedo} title={t('wf.editor.redoTitle', { keys: 'Ctrl+Shift+Z' })}>{t('wf.editor.redo')}</button>
        <button type="button" data-action="auto-layout" onClick={layout} title={t('wf.editor.layoutTitle')}>{t('wf.editor.layout')}</button>
        <button type="button" data-action="compare" onClick={compare} aria-pressed={!!diff} disabled={!published}>{t(diff ? 'wf.editor.hideCompare' : 'wf.editor.compare')}</button>
        <button type="button" data-action="export" onClick={exportJson}>{t('wf.editor.export')}</button>
        {!isNew && (
          <button type="button" data-action="versions" onClick={() => { setDiff(null); setShowVersions(v => !v); }} aria-pressed={showVersions}>{t('wf.editor.versions')}</button>
        )}
        {loaded?.state === 'Draft' && published && <button type="button" data-action="discard-draft" onClick={discardDraft}>{t('wf.editor.discardDraft')}</button>}
        <button type="button" data-action="save" onClick={() => void save()} disabled={busy || (!dirty && !isNew)} title="Ctrl+S">{t('wf.editor.saveDraft')}</button>
        <button type="button" className="primary" data-action="publish" onClick={() => void publish()}
          disabled={busy || problemsStand || (!dirty && loaded?.state !== 'Draft')}
          title={problemsStand ? t('wf.editor.publishBlocked', { count: errors.length }) : undefined}>{t('wf.editor.publish')}</button>
      </div>
      <Banner notice={message} />
      {errors.length > 0 && dirty && (
        <div className="banner banner-stale" role="note" data-testid="stale-problems">{t('wf.editor.staleProblems')}</div>
      )}
      {errors.length > 0 && (
        <div className="banner banner-error problems" role="alert" aria-label={t('wf.editor.problems')} data-testid="problems">
          <strong>{t('wf.editor.problemsTitle', { count: errors.length })}</strong>
          <ul>
            {errors.map((e, i) => (
              <li key={i} data-code={e.code}>
                {e.activityId && doc.nodes.some(n => n.id === e.activityId) && (
                  <button type="button" className="link" onClick={() => selectActivity(e.activityId!)}>{e.activityId}</button>
                )}{' '}
                <span title={e.message}>{describe(e)}</span> <code>{e.path}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="editor-body">
        <div className="editor-side">
          <Palette activities={catalog} onAdd={type => addActivity(type)} />
          {/* Beside the canvas rather than on it, so it never covers an activity; drag or scroll in it to move the view. */}
          <MiniMap className="editor-minimap" style={{ width: 229, height: 140 }} pannable zoomable ariaLabel={t('wf.editor.minimap')} bgColor="#fbfcfd"
            maskColor="rgba(225, 231, 238, .65)" nodeColor="#cdd8e4" nodeStrokeColor="#8a98a8" nodeBorderRadius={3} />
        </div>
        <div className="canvas" data-testid="canvas" ref={canvasRef} onDragOver={e => { e.preventDefault(); e.dataTransfer.dropEffect = 'move'; }} onDrop={onDrop}>
          <ReactFlow
            nodes={decorated}
            edges={decoratedEdges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            onNodesChange={onNodesChange}
            onEdgesChange={onEdgesChange}
            onConnect={onConnect}
            onNodeDragStart={() => { dragStart.current = doc; }}
            onNodeDragStop={() => { if (dragStart.current) history.checkpoint(dragStart.current); dragStart.current = null; }}
            deleteKeyCode={['Delete', 'Backspace']}
            defaultViewport={{ x: 0, y: 0, zoom: 1 }}
            minZoom={0.2}
            // A wider invisible stroke to click than React Flow's 20. Not elevateEdgesOnSelect: it lifts every edge of a
            // selected node above the nodes, where their hit areas cover the ports beside them.
            defaultEdgeOptions={{ type: 'lane', interactionWidth: 24 }}
            proOptions={{ hideAttribution: true }}
            ariaLabelConfig={labels}
          >
            <Background gap={16} />
            {/* React Flow's own fit button would centre the chart at the minimum zoom first: this one goes to the readable view. */}
            <Controls showFitView={false}>
              <ControlButton onClick={readableView} title={t('wf.editor.fitView')} aria-label={t('wf.editor.fitView')} data-testid="fit-view">
                <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M1 5V1h4M11 1h4v4M15 11v4h-4M5 15H1v-4" style={{ fill: 'none', stroke: 'currentColor', strokeWidth: 2 }} /></svg>
              </ControlButton>
            </Controls>
          </ReactFlow>
        </div>
        {diff ? (
          <DiffPanel diff={diff} publishedVersion={published?.version} />
        ) : showVersions && !isNew ? (
          <VersionHistory definitionId={definitionId} refreshKey={`${loaded?.version}:${loaded?.revision}:${published?.version}`}
            blocked={dirty ? t('wf.versions.blocked') : null}
            onRolledBack={r => void rolledBack(r).catch(showError)} onError={showError} />
        ) : selected ? (
          <PropertiesPanel
            activity={selected.data.activity}
            descriptor={selected.data.descriptor}
            serverErrors={messagesFor(selected.id)}
            outgoing={doc.edges.filter(e => e.source === selected.id).map(e => ({ id: e.id, port: e.sourceHandle ?? 'Done', target: e.target }))}
            targets={doc.nodes.filter(n => !n.data.descriptor?.isStart).map(n => ({
              id: n.id, label: n.data.activity.name && n.data.activity.name !== n.id ? `${n.data.activity.name} (${n.id})` : n.id,
            }))}
            readOnly={readOnly}
            conditionFields={conditionFields}
            onChange={activity => history.set(d => ({
              ...d, nodes: d.nodes.map(n => (n.id === selected.id ? { ...n, data: { ...n.data, activity } } : n)),
            }))}
            onDelete={() => history.set(d => ({
              ...d,
              nodes: d.nodes.filter(n => n.id !== selected.id),
              edges: d.edges.filter(e => e.source !== selected.id && e.target !== selected.id),
            }))}
            onRemoveConnection={id => history.set(d => ({ ...d, edges: d.edges.filter(e => e.id !== id) }))}
            onRetarget={(id, target) => history.set(d => ({ ...d, edges: retarget(d.edges, id, target) }))}
          />
        ) : (
          <aside className="properties muted">
            <h3>{t('wf.editor.properties')}</h3>
            <p>{t('wf.editor.hint')}</p>
            <p>{t('wf.editor.hintKeys', { delete: 'Delete', undo: 'Ctrl+Z' })}</p>
            {loaded && <p className="small" title={loaded.source}>{t('wf.editor.lastSaved', { time: formatTime(loaded.updatedAt, t), source: sourceText(loaded.source, t) })}</p>}
            {!isNew && <ShopsUsingWorkflow key={published?.version ?? 0} definitionId={definitionId} published={!!published} />}
          </aside>
        )}
      </div>
    </div>
  );
}

function DiffPanel({ diff, publishedVersion }: { diff: FlowDiff; publishedVersion?: number }) {
  const t = useT();
  const empty = Object.values(diff).every(list => list.length === 0);
  const section = (kind: keyof FlowDiff, items: string[], cls: string) => items.length > 0 && (
    <div className={`diff-section ${cls}`} data-testid={`diff-${kind}`}>
      <h4>{t('wf.diff.section', { title: t(`wf.diff.${kind}`), count: items.length })}</h4>
      <ul>{items.map(i => <li key={i}>{i}</li>)}</ul>
    </div>
  );
  return (
    <aside className="properties" aria-label={t('wf.diff.label')} data-testid="diff-panel">
      <h3>{t('wf.diff.title', { version: publishedVersion ?? '—' })}</h3>
      {empty && <p className="muted">{t('wf.diff.none')}</p>}
      {section('addedActivities', diff.addedActivities, 'diff-added')}
      {section('removedActivities', diff.removedActivities, 'diff-removed')}
      {section('changedActivities', diff.changedActivities, 'diff-changed')}
      {section('addedConnections', diff.addedConnections, 'diff-added')}
      {section('removedConnections', diff.removedConnections, 'diff-removed')}
      {section('moved', diff.moved, 'diff-moved')}
    </aside>
  );
}
