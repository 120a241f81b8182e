import { describe, expect, it } from 'vitest';
import { fields } from '../test/fixtures';
import { conditionProblems, emptyRule, matchedPaths, summarize, valueKind } from './ruleModel';

describe('rule model', () => {
  it('reads conditions as one line for the rules table', () => {
    expect(summarize({
      all: [
        { field: 'buyerMessage', operator: 'contains', value: '发票' },
        { any: [{ field: 'payment', operator: 'ge', value: 1000 }, { field: 'receiverProvince', operator: 'in', value: ['新疆维吾尔自治区', '西藏自治区'] }] },
      ],
    })).toBe('buyerMessage contains “发票” and (payment ≥ 1000 or receiverProvince in [“新疆维吾尔自治区”, “西藏自治区”])');
    expect(summarize({ field: 'sellerMemo', operator: 'isEmpty' })).toBe('sellerMemo is empty');
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
    })).toEqual([
      { path: 'when.all[0]', message: 'Pick an operator for text fields.' },
      { path: 'when.all[1]', message: 'A group needs at least one condition.' },
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
