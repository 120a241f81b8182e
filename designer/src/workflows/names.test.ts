import { describe, expect, it } from 'vitest';
import { translator } from '../i18n';
import { byType } from '../test/fixtures';
import { activityHelp, activityName, conditionFieldName, inputHelp, inputName, sourceText } from './names';

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
