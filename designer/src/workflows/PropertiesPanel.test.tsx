import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { ActivityJson } from '../api';
import { byType } from '../test/fixtures';
import { PropertiesPanel } from './PropertiesPanel';

function Harness({ initial, onValue }: { initial: ActivityJson; onValue: (a: ActivityJson) => void }) {
  const [activity, setActivity] = useState(initial);
  return (
    <PropertiesPanel activity={activity} descriptor={byType(initial.type)} serverErrors={[]}
      onChange={a => { setActivity(a); onValue(a); }} onDelete={() => {}} />
  );
}

describe('PropertiesPanel', () => {
  it('generates a field per input descriptor and validates a duration as it is typed', () => {
    const changes = vi.fn();
    render(<Harness initial={{ id: 'wait', type: 'Delay' }} onValue={changes} />);
    const duration = screen.getByLabelText('Duration');
    expect(screen.getByRole('alert')).toHaveTextContent('Duration is required.');

    fireEvent.change(duration, { target: { value: 'soon' } });
    expect(screen.getByRole('alert')).toHaveTextContent('a time span such as 00:30:00');
    expect(duration).toHaveClass('invalid');
    expect(changes).not.toHaveBeenCalled();

    fireEvent.change(duration, { target: { value: '00:30:00' } });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(changes).toHaveBeenLastCalledWith({ id: 'wait', type: 'Delay', duration: '00:30:00' });

    fireEvent.change(duration, { target: { value: 'PT5M' } });
    expect(changes).toHaveBeenLastCalledWith({ id: 'wait', type: 'Delay', duration: 'PT5M' });
  });

  it('stores numbers as numbers and removes an optional input when cleared', () => {
    const changes = vi.fn();
    render(<Harness initial={{ id: 'weigh', type: 'WeighShip', tolerancePercent: 5 }} onValue={changes} />);
    const tolerance = screen.getByLabelText('Tolerance %');
    expect(tolerance).toHaveValue('5');
    fireEvent.change(tolerance, { target: { value: '7.5' } });
    expect(changes).toHaveBeenLastCalledWith({ id: 'weigh', type: 'WeighShip', tolerancePercent: 7.5 });
    fireEvent.change(tolerance, { target: { value: 'abc' } });
    expect(screen.getByRole('alert')).toHaveTextContent('Must be a number.');
    fireEvent.change(tolerance, { target: { value: '' } });
    expect(changes).toHaveBeenLastCalledWith({ id: 'weigh', type: 'WeighShip' });
  });

  it('parses JSON values and refuses text that is not JSON', () => {
    const changes = vi.fn();
    render(<Harness initial={{ id: 'set', type: 'SetVariable', variable: 'note' }} onValue={changes} />);
    fireEvent.change(screen.getByLabelText('Value'), { target: { value: '发票' } });
    expect(screen.getByRole('alert')).toHaveTextContent('Not valid JSON');
    fireEvent.change(screen.getByLabelText('Value'), { target: { value: '{"invoice": true}' } });
    expect(changes).toHaveBeenLastCalledWith({ id: 'set', type: 'SetVariable', variable: 'note', value: { invoice: true } });
  });

  it('builds a decision condition and only stores it once complete', () => {
    const changes = vi.fn();
    render(<Harness initial={{ id: 'big', type: 'Decision' }} onValue={changes} />);
    fireEvent.change(screen.getByLabelText('Condition left'), { target: { value: 'payment' } });
    expect(screen.getByRole('alert')).toHaveTextContent('order.<field> or variables.<name>');
    fireEvent.change(screen.getByLabelText('Condition left'), { target: { value: 'order.payment' } });
    fireEvent.change(screen.getByLabelText('Condition operator'), { target: { value: 'ge' } });
    expect(changes).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText('Condition right'), { target: { value: '1000' } });
    expect(changes).toHaveBeenLastCalledWith({ id: 'big', type: 'Decision', condition: { left: 'order.payment', operator: 'ge', right: 1000 } });
  });

  it('shows the server errors of the activity and renames it', () => {
    const changes = vi.fn();
    render(<PropertiesPanel activity={{ id: 'wait', type: 'Delay', duration: '00:01:00' }} descriptor={byType('Delay')}
      serverErrors={["Port 'Done' of 'wait' leads nowhere."]} onChange={changes} onDelete={() => {}} />);
    expect(screen.getByRole('alert')).toHaveTextContent("Port 'Done' of 'wait' leads nowhere.");
    fireEvent.change(screen.getByLabelText('Activity name'), { target: { value: '等待 30 分钟' } });
    expect(changes).toHaveBeenLastCalledWith({ id: 'wait', type: 'Delay', duration: '00:01:00', name: '等待 30 分钟' });
  });
});
