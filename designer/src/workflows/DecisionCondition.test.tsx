import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { ActivityJson, ConditionFields } from '../api';
import { byType, conditionFields } from '../test/fixtures';
import { PropertiesPanel } from './PropertiesPanel';

function Harness({ initial, onValue, fields = conditionFields }: { initial: ActivityJson; onValue: (a: ActivityJson) => void; fields?: ConditionFields | null }) {
  const [activity, setActivity] = useState(initial);
  return (
    <PropertiesPanel activity={activity} descriptor={byType('Decision')} serverErrors={[]} outgoing={[]} targets={[]}
      onRemoveConnection={() => {}} onRetarget={() => {}} conditionFields={fields}
      onChange={a => { setActivity(a); onValue(a); }} onDelete={() => {}} />
  );
}

const optionsOf = (label: string) => within(screen.getByLabelText(label)).getAllByRole('option').map(o => o.getAttribute('value'));

describe('Decision condition', () => {
  it('picks a field from the catalogue, offers only the operators of its type and stores the condition once it has a value', () => {
    const changes = vi.fn();
    render(<Harness initial={{ id: 'big', type: 'Decision' }} onValue={changes} />);
    expect(screen.getByRole('alert')).toHaveTextContent('请填写「条件」。');
    expect(screen.queryByRole('textbox', { name: '条件左侧' })).toBeNull();

    fireEvent.change(screen.getByLabelText('条件字段'), { target: { value: 'order.payment' } });
    expect(optionsOf('条件运算符')).toEqual(['', 'eq', 'ne', 'gt', 'ge', 'lt', 'le', 'in', 'isEmpty', 'isNotEmpty']);
    expect(screen.getByRole('alert')).toHaveTextContent('请输入数字。');
    expect(changes).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText('条件运算符'), { target: { value: 'ge' } });
    fireEvent.change(screen.getByLabelText('值'), { target: { value: '1000' } });
    expect(changes).toHaveBeenLastCalledWith({ id: 'big', type: 'Decision', condition: { left: 'order.payment', operator: 'ge', right: 1000 } });
    expect(screen.queryByRole('alert')).toBeNull();

    // A true/false field takes eq and ne only, and its value is a true/false pick.
    fireEvent.change(screen.getByLabelText('条件字段'), { target: { value: 'order.isCod' } });
    expect(optionsOf('条件运算符')).toEqual(['', 'eq', 'ne']);
    expect(changes).toHaveBeenLastCalledWith({ id: 'big', type: 'Decision', condition: { left: 'order.isCod', operator: 'eq', right: true } });
  });

  it('shows a field the catalogue lacks, as an old definition holds it, flagged until another is picked', () => {
    const changes = vi.fn();
    render(<Harness initial={{ id: 'big', type: 'Decision', condition: { left: 'order.paymnt', operator: 'gt', right: 100 } }} onValue={changes} />);
    const field = screen.getByLabelText('条件字段');
    expect(field).toHaveValue('order.paymnt');
    expect(within(field).getByRole('option', { name: 'order.paymnt（未知字段）' })).toBeInTheDocument();
    expect(field).toHaveClass('invalid');
    expect(screen.getByRole('alert')).toHaveTextContent('「order.paymnt」不是可用的字段，请从列表中选择。');

    fireEvent.change(field, { target: { value: 'order.payment' } });
    expect(changes).toHaveBeenLastCalledWith({ id: 'big', type: 'Decision', condition: { left: 'order.payment', operator: 'gt', right: 100 } });
    expect(within(field).queryByRole('option', { name: /未知字段/ })).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('keeps an operator that does not fit the field visible and says so', () => {
    render(<Harness initial={{ id: 'big', type: 'Decision', condition: { left: 'order.isCod', operator: 'gt', right: true } }} onValue={() => {}} />);
    expect(screen.getByLabelText('条件运算符')).toHaveValue('gt');
    expect(screen.getByRole('alert')).toHaveTextContent('「大于」不适用于是/否字段');
  });

  it('tests a workflow variable by name, with any operator and a typed value', () => {
    const changes = vi.fn();
    render(<Harness initial={{ id: 'msg', type: 'Decision' }} onValue={changes} />);
    fireEvent.change(screen.getByLabelText('条件字段'), { target: { value: 'variables.' } });
    expect(screen.getByRole('alert')).toHaveTextContent('请填写变量名。');
    fireEvent.change(screen.getByLabelText('变量名'), { target: { value: 'message' } });
    fireEvent.change(screen.getByLabelText('条件运算符'), { target: { value: 'contains' } });
    fireEvent.change(screen.getByLabelText('条件值'), { target: { value: '发票' } });
    expect(changes).toHaveBeenLastCalledWith({ id: 'msg', type: 'Decision', condition: { left: 'variables.message', operator: 'contains', right: '发票' } });
  });

  it('without the catalogue still shows the stored condition and checks only its shape', () => {
    render(<Harness initial={{ id: 'big', type: 'Decision', condition: { left: 'order.payment', operator: 'gt', right: 1 } }} onValue={() => {}} fields={null} />);
    expect(screen.getByLabelText('条件字段')).toHaveValue('order.payment');
    expect(screen.getByLabelText('条件运算符')).toHaveValue('gt');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
