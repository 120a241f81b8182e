import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { Condition, RuleFields } from '../api';
import { fields } from '../test/fixtures';
import { ConditionBuilder } from './ConditionBuilder';


function Harness({ initial, onValue }: { initial: Condition; onValue: (c: Condition) => void }) {
  const [value, setValue] = useState(initial);
  return <ConditionBuilder fields={fields} value={value} onChange={c => { setValue(c); onValue(c); }} />;
}

const options = (select: HTMLElement) => within(select).getAllByRole('option').map(o => o.getAttribute('value'));

describe('ConditionBuilder', () => {
  it('offers only the operators valid for the field type, and switches them with the field', () => {
    let last: Condition = {};
    render(<Harness initial={{ all: [{ field: 'buyerMessage', operator: 'contains', value: '发票' }] }} onValue={c => { last = c; }} />);
    expect(options(screen.getByLabelText('运算符'))).toEqual(fields.operators.Text);

    fireEvent.change(screen.getByLabelText('字段'), { target: { value: 'payment' } });
    expect(options(screen.getByLabelText('运算符'))).toEqual(fields.operators.Number);
    // "contains" is not a number operator: the first valid one is picked, and the text value is dropped.
    expect(last).toEqual({ all: [{ field: 'payment', operator: 'equals', value: undefined }] });
    expect(screen.getByLabelText('值')).toHaveAttribute('type', 'number');

    fireEvent.change(screen.getByLabelText('字段'), { target: { value: 'isCod' } });
    expect(options(screen.getByLabelText('运算符'))).toEqual(['equals', 'notEquals']);
    expect(within(screen.getByLabelText('运算符')).getAllByRole('option').map(o => [o.textContent, o.getAttribute('title')]))
      .toEqual([['等于', 'equals'], ['不等于', 'notEquals']]);
    expect(within(screen.getByLabelText('字段')).getByRole('option', { name: '货到付款' })).toHaveAttribute('title', 'isCod: Cash on delivery');
    expect(options(screen.getByLabelText('值'))).toEqual(['true', 'false']);
  });

  it('stores numbers as numbers and shows what is missing', () => {
    let last: Condition = {};
    render(<Harness initial={{ all: [{ field: 'payment', operator: 'ge', value: undefined }] }} onValue={c => { last = c; }} />);
    expect(screen.getByRole('alert')).toHaveTextContent('请输入数字。');
    fireEvent.change(screen.getByLabelText('值'), { target: { value: '1000' } });
    expect(last).toEqual({ all: [{ field: 'payment', operator: 'ge', value: 1000 }] });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('takes a list for in, as chips, and numbers only for a number field', () => {
    let last: Condition = {};
    render(<Harness initial={{ all: [{ field: 'buyerMessage', operator: 'in', value: [] }] }} onValue={c => { last = c; }} />);
    const add = screen.getByLabelText('添加值');
    fireEvent.change(add, { target: { value: '新疆维吾尔自治区，西藏自治区' } });
    fireEvent.keyDown(add, { key: 'Enter' });
    expect(last).toEqual({ all: [{ field: 'buyerMessage', operator: 'in', value: ['新疆维吾尔自治区', '西藏自治区'] }] });
    fireEvent.click(screen.getByLabelText('删除 西藏自治区'));
    expect(last).toEqual({ all: [{ field: 'buyerMessage', operator: 'in', value: ['新疆维吾尔自治区'] }] });
  });

  it('asks for both ends of a between, in order', () => {
    let last: Condition = {};
    render(<Harness initial={{ all: [{ field: 'payment', operator: 'between', value: [undefined, undefined] }] }} onValue={c => { last = c; }} />);
    fireEvent.change(screen.getByLabelText('从'), { target: { value: '500' } });
    fireEvent.change(screen.getByLabelText('到'), { target: { value: '100' } });
    expect(last).toEqual({ all: [{ field: 'payment', operator: 'between', value: [500, 100] }] });
    expect(screen.getByRole('alert')).toHaveTextContent('起始值不能大于结束值。');
  });

  it('gives dates a date-time picker and empty checks no value at all', () => {
    let last: Condition = {};
    render(<Harness initial={{ all: [{ field: 'payTime', operator: 'gt', value: undefined }] }} onValue={c => { last = c; }} />);
    expect(screen.getByLabelText('值')).toHaveAttribute('type', 'datetime-local');
    fireEvent.change(screen.getByLabelText('值'), { target: { value: '2026-11-11T00:00' } });
    expect(typeof (last.all![0].value)).toBe('string');
    expect(Date.parse(String(last.all![0].value))).toBe(new Date('2026-11-11T00:00').getTime());

    fireEvent.change(screen.getByLabelText('运算符'), { target: { value: 'isEmpty' } });
    expect(screen.queryByLabelText('值')).toBeNull();
    expect(last).toEqual({ all: [{ field: 'payTime', operator: 'isEmpty', value: undefined }] });
  });

  it('nests groups and marks the conditions a dry run matched', () => {
    let last: Condition = {};
    const { rerender } = render(<Harness initial={{ all: [{ field: 'buyerMessage', operator: 'contains', value: '发票' }] }} onValue={c => { last = c; }} />);
    fireEvent.click(screen.getByRole('button', { name: '+ 条件组' }));
    expect(last).toEqual({ all: [{ field: 'buyerMessage', operator: 'contains', value: '发票' }, { any: [] }] });

    rerender(<ConditionBuilder fields={fields} value={{ all: [{ field: 'buyerMessage', operator: 'contains', value: '发票' }, { field: 'payment', operator: 'ge', value: 1 }] }}
      matched={new Set(['when.all[0]'])} onChange={() => {}} />);
    const rows = screen.getAllByTestId('condition-row');
    expect(rows.map(r => r.dataset.matched)).toEqual(['true', 'false']);
  });
});

describe('ConditionBuilder province pick list', () => {
  const withProvince: RuleFields = {
    ...fields,
    fields: [...fields.fields, {
      name: 'receiverProvince', type: 'Text', description: 'Receiver province',
      choices: [{ value: '新疆维吾尔自治区', shortName: '新疆' }, { value: '西藏自治区', shortName: '西藏' }, { value: '广东省', shortName: '广东' }],
    }],
  };

  function ProvinceHarness({ initial, onValue }: { initial: Condition; onValue: (c: Condition) => void }) {
    const [value, setValue] = useState(initial);
    return <ConditionBuilder fields={withProvince} value={value} onChange={c => { setValue(c); onValue(c); }} />;
  }

  const pickList = (input: HTMLElement) => {
    const id = input.getAttribute('list');
    expect(id).toBeTruthy();
    const list = document.getElementById(id!)!;
    return [...list.querySelectorAll('option')].map(o => [o.getAttribute('value'), o.getAttribute('label')]);
  };

  it('offers the provinces by full and short name for equals, and stores the pick', () => {
    let last: Condition = {};
    render(<ProvinceHarness initial={{ all: [{ field: 'receiverProvince', operator: 'equals', value: '' }] }} onValue={c => { last = c; }} />);
    const input = screen.getByLabelText('值');
    expect(pickList(input)).toEqual([['新疆维吾尔自治区', '新疆'], ['西藏自治区', '西藏'], ['广东省', '广东']]);

    fireEvent.change(input, { target: { value: '新疆维吾尔自治区' } });
    expect(last).toEqual({ all: [{ field: 'receiverProvince', operator: 'equals', value: '新疆维吾尔自治区' }] });
  });

  it('offers them for in lists too, and not for free-text fields', () => {
    let last: Condition = {};
    render(<ProvinceHarness initial={{ all: [{ field: 'receiverProvince', operator: 'in', value: [] }] }} onValue={c => { last = c; }} />);
    const add = screen.getByLabelText('添加值');
    expect(pickList(add).map(([value]) => value)).toEqual(['新疆维吾尔自治区', '西藏自治区', '广东省']);
    fireEvent.change(add, { target: { value: '西藏自治区' } });
    fireEvent.keyDown(add, { key: 'Enter' });
    expect(last).toEqual({ all: [{ field: 'receiverProvince', operator: 'in', value: ['西藏自治区'] }] });

    fireEvent.change(screen.getByLabelText('字段'), { target: { value: 'buyerMessage' } });
    expect(screen.getByLabelText('添加值')).not.toHaveAttribute('list');
    expect(screen.queryByTestId('value-choices')).toBeNull();
  });
});

describe('ConditionBuilder city pick list', () => {
  const withCity: RuleFields = {
    ...fields,
    fields: [...fields.fields, {
      name: 'receiverProvince', type: 'Text', description: 'Receiver province',
      choices: [{ value: '浙江省', shortName: '浙江' }, { value: '吉林省', shortName: '吉林' }, { value: '西藏自治区', shortName: '西藏' }],
    }, {
      name: 'receiverCity', type: 'Text', description: 'Receiver city',
      choices: [
        { value: '杭州市', shortName: '杭州', province: '浙江省' }, { value: '宁波市', shortName: '宁波', province: '浙江省' },
        { value: '延边朝鲜族自治州', shortName: '延边', province: '吉林省' }, { value: '阿里地区', shortName: '阿里', province: '西藏自治区' },
      ],
    }],
  };

  function CityHarness({ initial, onValue }: { initial: Condition; onValue: (c: Condition) => void }) {
    const [value, setValue] = useState(initial);
    return <ConditionBuilder fields={withCity} value={value} onChange={c => { setValue(c); onValue(c); }} />;
  }

  const options = (input: HTMLElement) =>
    [...document.getElementById(input.getAttribute('list')!)!.querySelectorAll('option')].map(o => [o.getAttribute('value'), o.getAttribute('label')]);

  it('offers every city by full and short name, and stores the pick', () => {
    let last: Condition = {};
    render(<CityHarness initial={{ all: [{ field: 'receiverCity', operator: 'equals', value: '' }] }} onValue={c => { last = c; }} />);
    const input = screen.getByLabelText('值');
    expect(options(input)).toEqual([['杭州市', '杭州'], ['宁波市', '宁波'], ['延边朝鲜族自治州', '延边'], ['阿里地区', '阿里']]);

    fireEvent.change(input, { target: { value: '延边朝鲜族自治州' } });
    expect(last).toEqual({ all: [{ field: 'receiverCity', operator: 'equals', value: '延边朝鲜族自治州' }] });
  });

  it('narrows to the province of an all-group, by short or full name, for equals and in', () => {
    render(<CityHarness initial={{ all: [
      { field: 'receiverProvince', operator: 'equals', value: '浙江' },
      { field: 'receiverCity', operator: 'in', value: [] },
    ] }} onValue={() => {}} />);
    expect(options(screen.getByLabelText('添加值')).map(([v]) => v)).toEqual(['杭州市', '宁波市']);
    cleanup();

    render(<CityHarness initial={{ all: [
      { field: 'receiverProvince', operator: 'in', value: ['吉林省', '西藏'] },
      { any: [{ field: 'receiverCity', operator: 'equals', value: '' }] },
    ] }} onValue={() => {}} />);
    expect(options(screen.getAllByLabelText('值').at(-1)!).map(([v]) => v)).toEqual(['延边朝鲜族自治州', '阿里地区']);
  });

  it('offers every city when the province is in an any-group or unknown', () => {
    render(<CityHarness initial={{ any: [
      { field: 'receiverProvince', operator: 'equals', value: '浙江' },
      { field: 'receiverCity', operator: 'equals', value: '' },
    ] }} onValue={() => {}} />);
    expect(options(screen.getAllByLabelText('值')[1])).toHaveLength(4);
    cleanup();

    render(<CityHarness initial={{ all: [
      { field: 'receiverProvince', operator: 'equals', value: '火星' },
      { field: 'receiverCity', operator: 'equals', value: '' },
    ] }} onValue={() => {}} />);
    expect(options(screen.getAllByLabelText('值')[1])).toHaveLength(4);
  });
});
