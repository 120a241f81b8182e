import { describe, expect, it } from 'vitest';
import { translator } from '../i18n';
import { fields } from '../test/fixtures';

const zh = translator('zh-CN');
const en = translator('en');
import { conditionProblems, emptyRule, matchedPaths, summarize, valueKind } from './ruleModel';

describe('rule model', () => {
  it('reads conditions as one line for the rules table, fields and operators in the screen\'s language', () => {
    const when = {
      all: [
        { field: 'buyerMessage', operator: 'contains', value: '发票' },
        { any: [{ field: 'payment', operator: 'ge', value: 1000 }, { field: 'receiverProvince', operator: 'in', value: ['新疆维吾尔自治区', '西藏自治区'] }] },
      ],
    };
    expect(summarize(when, zh)).toBe('买家留言 包含 “发票” 且 (实付金额 ≥ 1000 或 收货省份 属于 [“新疆维吾尔自治区”, “西藏自治区”])');
    expect(summarize(when, en)).toBe('Buyer message contains “发票” and (Amount paid ≥ 1000 or Receiver province is one of [“新疆维吾尔自治区”, “西藏自治区”])');
    expect(summarize({ field: 'sellerMemo', operator: 'isEmpty' }, zh)).toBe('卖家备注 为空');
    expect(summarize({ field: 'newField', operator: 'isEmpty' }, zh)).toBe('newField 为空');
  });

  it('picks the value input from type and operator', () => {
    expect(valueKind('Number', 'in')).toBe('numberList');
    expect(valueKind('Text', 'in')).toBe('list');
    expect(valueKind('DateTime', 'between')).toBe('dateRange');
    expect(valueKind('Text', 'isNotEmpty')).toBe('none');
    expect(valueKind('Boolean', 'equals')).toBe('boolean');
  });

  it('names each problem by the path the server would use', () => {
    expect(conditionProblems(fields, {
      all: [{ field: 'buyerMessage', operator: 'gt', value: 'x' }, { any: [] }, { field: 'payment', operator: 'ge', value: 5 }],
    }, zh)).toEqual([
      { path: 'when.all[0]', message: '请为文本字段选择运算符。' },
      { path: 'when.all[1]', message: '条件组至少需要一个条件。' },
    ]);
  });

  it('maps dry-run condition paths onto the builder and numbers new rules after the last', () => {
    expect(matchedPaths([{ path: 'rules[2].when.all[0]', matched: true }, { path: 'rules[2].when.all[1]', matched: false }]))
      .toEqual(new Set(['when.all[0]']));
    const rule = emptyRule(fields, [{ id: 'rule-1', name: 'a', enabled: true, priority: 30, when: {}, action: { type: 'Block' } }]);
    expect(rule.id).toBe('rule-2');
    expect(rule.priority).toBe(40);
  });
});
