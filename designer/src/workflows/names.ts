import type { AriaLabelConfig } from '@xyflow/react';
import type { ActivityDescriptor, ConditionFields, DefinitionError, InputDescriptor } from '../api';
import type { Translate } from '../i18n';

// What the server describes in English (activity types, their inputs and help, Decision's fields) named in the screen's
// language; a type, input or field the catalogue does not know yet keeps the server's words.

/** An activity type's name (Verify → 验货出库), else the server's display name, else the code. */
export function activityName(t: Translate, type: string, descriptor?: ActivityDescriptor): string {
  return t.knows('activity', type) ? t.term('activity', type) : descriptor?.displayName ?? type;
}

/** What an activity type does, for the palette's tooltip and the properties panel. */
export function activityHelp(t: Translate, descriptor: ActivityDescriptor): string | null {
  const key = `wf.help.${descriptor.typeName}`;
  return t.has(key) ? t(key) : descriptor.description;
}

/** Codes the inputs' help names, filled in rather than translated. */
const helpCodes = { clock: '00:30:00', all: 'WaitAll', any: 'WaitAny' };

/** An input's label (Delay's duration → 时长). */
export function inputName(t: Translate, type: string, input: InputDescriptor): string {
  const key = `wf.input.${type}.${input.name}`;
  return t.has(key) ? t(key) : input.displayName;
}

export function inputHelp(t: Translate, type: string, input: InputDescriptor): string | null {
  const key = `wf.inputHelp.${type}.${input.name}`;
  return t.has(key) ? t(key, helpCodes) : input.description;
}

/** A Decision's field (order.payment → 实付金额): the order field's name as the rules name it, else the server's description. */
export function conditionFieldName(t: Translate, field: ConditionFields['fields'][number]): string {
  const name = field.name.startsWith('order.') ? field.name.slice('order.'.length) : field.name;
  return t.knows('orderField', name) ? t.term('orderField', name) : t.knows('field', name) ? t.term('field', name) : field.description;
}

/** Where a version came from: saved, imported, a workflows/ file, or published again from an earlier one (rollback:v2 → 回滚到 v2). */
export function sourceText(source: string, t: Translate): string {
  if (source.startsWith('rollback:')) return t('wf.versions.rolledBackTo', { version: source.slice('rollback:'.length) });
  if (source.startsWith('file:')) return t('wf.versions.fromFile', { file: source.slice('file:'.length) });
  return t.term('definitionSource', source);
}

/** The keys React Flow's screen-reader help names, filled in rather than translated. */
const canvasKeys = { remove: 'Delete', cancel: 'Esc' };

/**
 * Everything React Flow says on its own, in the screen's language: its control buttons and minimap, the help a screen
 * reader reads for a focused activity or connection, and what it announces when an activity is moved with the arrow keys.
 */
export function canvasLabels(t: Translate): AriaLabelConfig {
  return {
    // React Flow's names are the wrong way round: "default" is read when the arrow keys cannot move nodes.
    'node.a11yDescription.default': t('wf.canvas.nodeHelp', canvasKeys),
    'node.a11yDescription.keyboardDisabled': t('wf.canvas.nodeHelpMove', canvasKeys),
    'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }) => {
      const key = `wf.canvas.direction.${direction}`;
      return t('wf.canvas.moved', { direction: t.has(key) ? t(key) : direction, x, y });
    },
    'edge.a11yDescription.default': t('wf.canvas.edgeHelp', canvasKeys),
    'controls.ariaLabel': t('wf.editor.controls'),
    'controls.zoomIn.ariaLabel': t('wf.editor.zoomIn'),
    'controls.zoomOut.ariaLabel': t('wf.editor.zoomOut'),
    'controls.fitView.ariaLabel': t('wf.editor.fitAll'),
    'controls.interactive.ariaLabel': t('wf.editor.lock'),
    'minimap.ariaLabel': t('wf.editor.minimap'),
    'handle.ariaLabel': t('wf.canvas.handle'),
  };
}

/**
 * What a screen reader calls an activity and a connection on the canvas (React Flow's own aria-roledescription is
 * "node" and "edge"; a node's or edge's domAttributes override it).
 */
export function canvasRoles(t: Translate): { node: { 'aria-roledescription': string }; edge: { 'aria-roledescription': string } } {
  return { node: { 'aria-roledescription': t('wf.canvas.nodeRole') }, edge: { 'aria-roledescription': t('wf.canvas.edgeRole') } };
}

/** A connection as a screen reader names it (React Flow's own is "Edge from a to b"). */
export function edgeLabel(t: Translate, edge: { source: string; sourceHandle?: string | null; target: string }): string {
  return t('wf.canvas.edge', { source: edge.source, port: t.term('outcome', edge.sourceHandle ?? 'Done'), target: edge.target });
}

/**
 * A problem the server found in a draft, said in the screen's language by its code (UnconnectedOutcome → 环节 delay 的出口
 * 「完成」没有连线。); the server's own message for a code the catalogue does not know. `typeOf` names an activity's type,
 * for the input a problem is about (the last step of its path).
 */
export function problemMessage(e: DefinitionError, t: Translate, typeOf: (activityId: string) => string | undefined, catalog: ActivityDescriptor[] = []): string {
  const key = `wf.problem.${e.code}`;
  if (!t.has(key)) return e.message;
  const activity = e.activityId ?? '—';
  const type = e.activityId ? typeOf(e.activityId) : undefined;
  const code = e.path.split('.').pop() ?? '';
  const input = type && catalog.find(d => d.typeName === type)?.inputs.find(i => i.name === code);
  return t(key, {
    activity,
    port: e.port ? t.term('outcome', e.port) : '—',
    input: type && input ? inputName(t, type, input) : code,
  });
}
