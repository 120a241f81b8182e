import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { ActivityJson } from '../api';
import { byType } from '../test/fixtures';
import type { OutgoingConnection } from './OutcomePorts';
import { PropertiesPanel } from './PropertiesPanel';

const noConnections = { outgoing: [], targets: [], onRemoveConnection: () => {}, onRetarget: () => {} };

function Harness({ initial, onValue }: { initial: ActivityJson; onValue: (a: ActivityJson) => void }) {
  const [activity, setActivity] = useState(initial);
  return (
    <PropertiesPanel activity={activity} descriptor={byType(initial.type)} serverErrors={[]} {...noConnections}
      onChange={a => { setActivity(a); onValue(a); }} onDelete={() => {}} />
  );
}

const targets = [{ id: 'stock', label: '库存检查 (stock)' }, { id: 'await-stock', label: 'await-stock' }, { id: 'done', label: 'done' }];

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

  it('shows the server errors of the activity and renames it', () => {
    const changes = vi.fn();
    render(<PropertiesPanel activity={{ id: 'wait', type: 'Delay', duration: '00:01:00' }} descriptor={byType('Delay')}
      serverErrors={["Port 'Done' of 'wait' leads nowhere."]} {...noConnections} onChange={changes} onDelete={() => {}} />);
    expect(screen.getByRole('alert')).toHaveTextContent("Port 'Done' of 'wait' leads nowhere.");
    fireEvent.change(screen.getByLabelText('Activity name'), { target: { value: '等待 30 分钟' } });
    expect(changes).toHaveBeenLastCalledWith({ id: 'wait', type: 'Delay', duration: '00:01:00', name: '等待 30 分钟' });
  });

  describe('outcome ports', () => {
    const review: ActivityJson = { id: 'review', type: 'AwaitReview' };
    const twice: OutgoingConnection[] = [
      { id: 'review:Approved->stock', port: 'Approved', target: 'stock' },
      { id: 'review:Approved->await-stock', port: 'Approved', target: 'await-stock' },
      { id: 'review:Rejected->done', port: 'Rejected', target: 'done' },
    ];

    it('lists every outcome port with where it goes, and says which are not connected', () => {
      render(<PropertiesPanel activity={review} descriptor={byType('AwaitReview')} serverErrors={[]} outgoing={twice} targets={targets}
        onRemoveConnection={() => {}} onRetarget={() => {}} onChange={() => {}} onDelete={() => {}} />);

      expect(screen.getByTestId('outcome-Approved')).toHaveTextContent('Connected 2 times: only a Fork may lead one outcome to several activities.');
      expect(screen.getByLabelText('Target of Approved → stock')).toHaveValue('stock');
      expect(screen.getByLabelText('Target of Approved → await-stock')).toHaveValue('await-stock');
      expect(screen.getByLabelText('Target of Rejected → done')).toHaveValue('done');
      expect(screen.getByTestId('outcome-Rejected')).not.toHaveClass('outcome-problem');
      expect(screen.getByTestId('outcome-Exception')).toHaveTextContent('not connected');
      expect(screen.getByTestId('outcome-Exception')).toHaveTextContent('Not connected: an order leaving the wait this way would have no next step.');
    });

    it('removes exactly the chosen connection, even when another leaves the same port', () => {
      const remove = vi.fn();
      render(<PropertiesPanel activity={review} descriptor={byType('AwaitReview')} serverErrors={[]} outgoing={twice} targets={targets}
        onRemoveConnection={remove} onRetarget={() => {}} onChange={() => {}} onDelete={() => {}} />);

      fireEvent.click(screen.getByRole('button', { name: 'Remove Approved → 库存检查 (stock)' }));

      expect(remove).toHaveBeenCalledTimes(1);
      expect(remove).toHaveBeenCalledWith('review:Approved->stock');
    });

    it('re-targets one connection through its select', () => {
      const retarget = vi.fn();
      render(<PropertiesPanel activity={review} descriptor={byType('AwaitReview')} serverErrors={[]} outgoing={twice} targets={targets}
        onRemoveConnection={() => {}} onRetarget={retarget} onChange={() => {}} onDelete={() => {}} />);

      fireEvent.change(screen.getByLabelText('Target of Rejected → done'), { target: { value: 'stock' } });

      expect(retarget).toHaveBeenCalledWith('review:Rejected->done', 'stock');
    });

    it('lets a Fork lead one outcome to several activities, and an activity that does not wait leave one unconnected', () => {
      const fork = [
        { id: 'split:Done->stock', port: 'Done', target: 'stock' },
        { id: 'split:Done->done', port: 'Done', target: 'done' },
      ];
      const { unmount } = render(<PropertiesPanel activity={{ id: 'split', type: 'Fork' }} descriptor={byType('Fork')} serverErrors={[]}
        outgoing={fork} targets={targets} onRemoveConnection={() => {}} onRetarget={() => {}} onChange={() => {}} onDelete={() => {}} />);
      expect(screen.getByTestId('outcome-Done')).not.toHaveClass('outcome-problem');
      expect(screen.getAllByRole('button', { name: /^Remove Done/ })).toHaveLength(2);
      unmount();

      render(<PropertiesPanel activity={{ id: 'big', type: 'Decision', condition: { left: 'order.payment', operator: 'gt', right: 1 } }}
        descriptor={byType('Decision')} serverErrors={[]} outgoing={[]} targets={targets}
        onRemoveConnection={() => {}} onRetarget={() => {}} onChange={() => {}} onDelete={() => {}} />);
      expect(screen.getByTestId('outcome-False')).toHaveTextContent('not connected');
      expect(screen.getByTestId('outcome-False')).not.toHaveClass('outcome-problem');
    });

    it('shows no remove buttons when read-only', () => {
      render(<PropertiesPanel activity={review} descriptor={byType('AwaitReview')} serverErrors={[]} outgoing={twice} targets={targets} readOnly
        onRemoveConnection={() => {}} onRetarget={() => {}} onChange={() => {}} onDelete={() => {}} />);

      expect(screen.queryByRole('button', { name: /^Remove/ })).toBeNull();
      expect(screen.getByLabelText('Target of Rejected → done')).toBeDisabled();
    });
  });
});
