import { describe, expect, it } from 'vitest';
import { translator } from '../i18n';
import { activities, byType } from '../test/fixtures';
import { activityHelp, activityName, canvasLabels, canvasRoles, conditionFieldName, edgeLabel, inputHelp, inputName, problemMessage, sourceText } from './names';

const [zh, en] = [translator('zh-CN'), translator('en')];

describe('names of what the server describes', () => {
  it('names activity types and their inputs from the catalogue, and keeps the server words for what it does not know', () => {
    expect(activityName(zh, 'WeighShip', byType('WeighShip'))).toBe('称重发货');
    expect(activityName(en, 'WeighShip', byType('WeighShip'))).toBe('Weigh and ship');
    expect(activityName(zh, 'Teleport', { ...byType('Delay'), typeName: 'Teleport', displayName: 'Teleport now' })).toBe('Teleport now');
    expect(activityName(zh, 'Teleport')).toBe('Teleport');

    const duration = byType('Delay').inputs[0];
    expect(inputName(zh, 'Delay', duration)).toBe('时长');
    expect(inputHelp(zh, 'Delay', duration)).toBe('等待多久，例如 00:30:00。');
    expect(inputName(zh, 'Teleport', { ...duration, displayName: 'Where to' })).toBe('Where to');
    expect(activityHelp(zh, byType('Start'))).toBe('每个流程实例从这里开始。');
    expect(activityHelp(zh, { ...byType('Start'), typeName: 'Teleport', description: 'Moves the order.' })).toBe('Moves the order.');
  });

  it("names a Decision's order fields as the rules do, with the order-only ones of their own", () => {
    expect(conditionFieldName(zh, { name: 'order.payment', type: 'Number', description: 'Amount paid (payment)' })).toBe('实付金额');
    expect(conditionFieldName(zh, { name: 'order.platformStatus', type: 'Text', description: 'Status on the platform' })).toBe('平台状态');
    expect(conditionFieldName(zh, { name: 'order.colour', type: 'Text', description: 'Colour' })).toBe('Colour');
  });

  it('says where a version came from', () => {
    expect(sourceText('rollback:v2', zh)).toBe('回滚到 v2');
    expect(sourceText('file:workflows/sales-order.json', zh)).toBe('文件 workflows/sales-order.json');
    expect(sourceText('import', zh)).toBe('导入');
    expect(sourceText('api', en)).toBe('saved');
    expect(sourceText('somewhere', zh)).toBe('somewhere');
  });
});

describe('problemMessage', () => {
  const typeOf = (id: string) => ({ wait: 'Delay', start: 'Start' } as Record<string, string>)[id];

  it("says a draft's problem in the screen's language by its code, naming the outcome and the input", () => {
    const unconnected = { code: 'UnconnectedOutcome', path: 'root.activities[1]', message: "Outcome 'Done' of activity 'wait' (Delay) is not connected.", activityId: 'wait', port: 'Done' };
    expect(problemMessage(unconnected, zh, typeOf, activities)).toBe('环节 wait 的出口「完成」没有连线。');
    expect(problemMessage(unconnected, en, typeOf, activities)).toBe("Outcome 'done' of activity 'wait' is not connected.");
    const missing = { code: 'MissingInput', path: 'root.activities[1].duration', message: "Activity 'wait' (Delay) needs 'Duration'.", activityId: 'wait' };
    expect(problemMessage(missing, zh, typeOf, activities)).toBe('环节 wait 缺少必填项「时长」。');
  });

  it('keeps the server message for a code the catalogue does not know', () => {
    const odd = { code: 'MoonPhase', path: 'root', message: 'The moon is wrong.', activityId: null };
    expect(problemMessage(odd, zh, typeOf, activities)).toBe('The moon is wrong.');
  });
});

describe('canvasLabels', () => {
  it("says React Flow's controls, minimap and screen-reader help in the screen's language", () => {
    const [chinese, english] = [canvasLabels(zh), canvasLabels(en)];
    expect(chinese['controls.zoomIn.ariaLabel']).toBe('放大');
    expect(english['controls.zoomIn.ariaLabel']).toBe('Zoom in');
    expect(chinese['controls.fitView.ariaLabel']).toBe('显示整个流程图');
    expect(chinese['minimap.ariaLabel']).toBe('流程图概览');
    expect(chinese['node.a11yDescription.keyboardDisabled']).toBe('按 Enter 或空格键选中环节，再用方向键移动它；按 Delete 删除，按 Esc 取消。');
    expect(english['edge.a11yDescription.default']).toBe('Press Enter or Space to select a connection; Delete removes it, Esc cancels.');
    // Nothing of React Flow's English is left on a Chinese screen.
    const texts = Object.values(chinese).filter((v): v is string => typeof v === 'string');
    expect(texts.filter(text => /[A-Za-z]{3,}/.test(text.replace(/Enter|Delete|Esc/g, '')))).toEqual([]);
  });

  it('gives a node and a connection a role description in the language (React Flow says "node" and "edge")', () => {
    expect(canvasRoles(zh)).toEqual({ node: { 'aria-roledescription': '环节' }, edge: { 'aria-roledescription': '连线' } });
    expect(canvasRoles(en)).toEqual({ node: { 'aria-roledescription': 'activity' }, edge: { 'aria-roledescription': 'connection' } });
  });

  it('announces a move with the arrow keys in the language, the direction named too', () => {
    expect(canvasLabels(zh)['node.a11yDescription.ariaLiveMessage']({ direction: 'left', x: 10, y: 20 })).toBe('已将所选环节向左移动。新位置：x 10，y 20。');
    expect(canvasLabels(en)['node.a11yDescription.ariaLiveMessage']({ direction: 'up', x: 0, y: -5 })).toBe('Moved the selected activity up. New position: x 0, y -5.');
  });

  it('names a connection by its activities and outcome instead of "Edge from a to b"', () => {
    expect(edgeLabel(zh, { source: 'verify', sourceHandle: 'Verified', target: 'weigh' })).toBe('从环节 verify 的出口「已验货」到环节 weigh 的连线');
    expect(edgeLabel(en, { source: 'start', target: 'finish' })).toBe("Connection from activity start (outcome 'done') to activity finish");
  });
});
