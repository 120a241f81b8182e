import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { ActivityJson } from '../api';
import { setLanguage } from '../i18n';
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
    const duration = screen.getByLabelText('时长');
    expect(screen.getByRole('alert')).toHaveTextContent('请填写「时长」。');

    fireEvent.change(duration, { target: { value: 'soon' } });
    expect(screen.getByRole('alert')).toHaveTextContent('是一段时长，例如 00:30:00');
    expect(duration).toHaveClass('invalid');
    expect(changes).not.toHaveBeenCalled();

    fireEvent.change(duration, { target: { value: '00:30:00' } });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(changes).toHaveBeenLastCalledWith({ id: 'wait', type: 'Delay', duration: '00:30:00' });

    fireEvent.change(duration, { target: { value: 'PT5M' } });
    expect(changes).toHaveBeenLastCalledWith({ id: 'wait', type: 'Delay', duration: 'PT5M' });
  });

  it('names the activity, its inputs and its outcomes in Chinese with the codes as tooltips, and in English once chosen', () => {
    const { unmount } = render(<PropertiesPanel activity={{ id: 'wait', type: 'Delay' }} descriptor={byType('Delay')} serverErrors={[]}
      {...noConnections} onChange={() => {}} onDelete={() => {}} />);
    expect(screen.getByRole('heading', { name: '延时' })).toHaveAttribute('title', 'Delay');
    expect(screen.getByText('时长', { exact: false, selector: 'span' })).toBeInTheDocument();
    expect(screen.getByTitle('Duration')).toHaveTextContent('时长');
    expect(screen.getByTestId('outcome-Done')).toHaveTextContent('完成');
    expect(screen.getByTitle('Done')).toHaveTextContent('完成');
    expect(screen.getByRole('button', { name: '删除环节' })).toBeInTheDocument();
    unmount();

    setLanguage('en');
    render(<PropertiesPanel activity={{ id: 'wait', type: 'Delay' }} descriptor={byType('Delay')} serverErrors={[]}
      {...noConnections} onChange={() => {}} onDelete={() => {}} />);
    expect(screen.getByRole('heading', { name: 'Delay' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Duration is required.');
    expect(screen.getByTestId('outcome-Done')).toHaveTextContent('done');
    expect(screen.getByRole('button', { name: 'Delete activity' })).toBeInTheDocument();
  });

  it('stores numbers as numbers and removes an optional input when cleared', () => {
    const changes = vi.fn();
    render(<Harness initial={{ id: 'weigh', type: 'WeighShip', tolerancePercent: 5 }} onValue={changes} />);
    const tolerance = screen.getByLabelText('重量允差 %');
    expect(tolerance).toHaveValue('5');
    fireEvent.change(tolerance, { target: { value: '7.5' } });
    expect(changes).toHaveBeenLastCalledWith({ id: 'weigh', type: 'WeighShip', tolerancePercent: 7.5 });
    fireEvent.change(tolerance, { target: { value: 'abc' } });
    expect(screen.getByRole('alert')).toHaveTextContent('必须是数字。');
    fireEvent.change(tolerance, { target: { value: '' } });
    expect(changes).toHaveBeenLastCalledWith({ id: 'weigh', type: 'WeighShip' });
  });

  it('parses JSON values and refuses text that is not JSON', () => {
    const changes = vi.fn();
    render(<Harness initial={{ id: 'set', type: 'SetVariable', variable: 'note' }} onValue={changes} />);
    fireEvent.change(screen.getByLabelText('值'), { target: { value: '发票' } });
    expect(screen.getByRole('alert')).toHaveTextContent('不是有效的 JSON');
    fireEvent.change(screen.getByLabelText('值'), { target: { value: '{"invoice": true}' } });
    expect(changes).toHaveBeenLastCalledWith({ id: 'set', type: 'SetVariable', variable: 'note', value: { invoice: true } });
  });

  it('shows the server errors of the activity and renames it', () => {
    const changes = vi.fn();
    render(<PropertiesPanel activity={{ id: 'wait', type: 'Delay', duration: '00:01:00' }} descriptor={byType('Delay')}
      serverErrors={["Port 'Done' of 'wait' leads nowhere."]} {...noConnections} onChange={changes} onDelete={() => {}} />);
    expect(screen.getByRole('alert')).toHaveTextContent("Port 'Done' of 'wait' leads nowhere.");
    fireEvent.change(screen.getByLabelText('环节名称'), { target: { value: '等待 30 分钟' } });
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

      expect(screen.getByTestId('outcome-Approved')).toHaveTextContent('连了 2 次：只有「分支」能把一个出口连到多个环节。');
      expect(screen.getByLabelText('通过 → stock 的目标')).toHaveValue('stock');
      expect(screen.getByLabelText('通过 → await-stock 的目标')).toHaveValue('await-stock');
      expect(screen.getByLabelText('驳回 → done 的目标')).toHaveValue('done');
      expect(screen.getByTestId('outcome-Rejected')).not.toHaveClass('outcome-problem');
      expect(screen.getByTestId('outcome-Exception')).toHaveTextContent('未连接');
      expect(screen.getByTestId('outcome-Exception')).toHaveTextContent('未连接：从这里离开等待的订单将没有下一步。');
    });

    it('removes exactly the chosen connection, even when another leaves the same port', () => {
      const remove = vi.fn();
      render(<PropertiesPanel activity={review} descriptor={byType('AwaitReview')} serverErrors={[]} outgoing={twice} targets={targets}
        onRemoveConnection={remove} onRetarget={() => {}} onChange={() => {}} onDelete={() => {}} />);

      fireEvent.click(screen.getByRole('button', { name: '删除 通过 → 库存检查 (stock)' }));

      expect(remove).toHaveBeenCalledTimes(1);
      expect(remove).toHaveBeenCalledWith('review:Approved->stock');
    });

    it('re-targets one connection through its select', () => {
      const retarget = vi.fn();
      render(<PropertiesPanel activity={review} descriptor={byType('AwaitReview')} serverErrors={[]} outgoing={twice} targets={targets}
        onRemoveConnection={() => {}} onRetarget={retarget} onChange={() => {}} onDelete={() => {}} />);

      fireEvent.change(screen.getByLabelText('驳回 → done 的目标'), { target: { value: 'stock' } });

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
      expect(screen.getAllByRole('button', { name: /^删除 完成/ })).toHaveLength(2);
      unmount();

      render(<PropertiesPanel activity={{ id: 'big', type: 'Decision', condition: { left: 'order.payment', operator: 'gt', right: 1 } }}
        descriptor={byType('Decision')} serverErrors={[]} outgoing={[]} targets={targets}
        onRemoveConnection={() => {}} onRetarget={() => {}} onChange={() => {}} onDelete={() => {}} />);
      expect(screen.getByTestId('outcome-False')).toHaveTextContent('未连接');
      expect(screen.getByTestId('outcome-False')).not.toHaveClass('outcome-problem');
    });

    it('shows no remove buttons when read-only', () => {
      render(<PropertiesPanel activity={review} descriptor={byType('AwaitReview')} serverErrors={[]} outgoing={twice} targets={targets} readOnly
        onRemoveConnection={() => {}} onRetarget={() => {}} onChange={() => {}} onDelete={() => {}} />);

      expect(screen.queryByRole('button', { name: /^删除/ })).toBeNull();
      expect(screen.getByLabelText('驳回 → done 的目标')).toBeDisabled();
    });
  });
});
