import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InstanceDetail } from '../api';
import { activities } from '../test/fixtures';
import { mockFetch, type Call } from '../test/fetchMock';
import { signedInAs } from '../test/session';
import { setLanguage, translator } from '../i18n';
import { JourneyPage, journalSentence } from './JourneyPage';

const instanceId = '11111111-2222-3333-4444-555555555555';
const definition = {
  definitionId: 'sales-order', name: '销售单流程', version: 3, isPublished: true, variables: [], state: 'Published', source: 'api', revision: 1,
  createdAt: '2026-11-23T08:00:00Z', updatedAt: '2026-11-23T08:00:00Z', publishedAt: '2026-11-23T08:00:00Z', errors: [],
  root: {
    type: 'Flowchart',
    activities: [
      { id: 'start', type: 'Start', name: '开始' },
      { id: 'weigh', type: 'WeighShip', name: '称重' },
      { id: 'done', type: 'Finish', name: '完成' },
    ],
    connections: [
      { source: { activity: 'start', port: 'Done' }, target: { activity: 'weigh' } },
      { source: { activity: 'weigh', port: 'Weighed' }, target: { activity: 'done' } },
    ],
  },
};

function detail(status: string, resolved: boolean) {
  return {
    instance: { id: instanceId, definitionId: 'sales-order', definitionVersion: 3, orderId: 5, shopId: 1, status, currentActivityId: 'weigh',
      waitingFor: null, blockedReason: null, nextWakeAt: null, createdAt: '2026-11-23T08:00:00Z', updatedAt: '2026-11-23T08:00:00Z', finishedAt: null },
    variables: {}, bookmarks: [], scheduled: [], fault: null,
    journal: [
      { sequence: 1, activityId: 'start', activityType: 'Start', event: 'Completed', outcome: 'Done', bookmark: null, startedAt: '2026-11-23T08:00:00Z', durationMs: 1, inputs: null, outputs: null, error: null },
      { sequence: 2, activityId: 'weigh', activityType: 'WeighShip', event: 'Faulted', outcome: null, bookmark: null, startedAt: '2026-11-23T08:00:01Z', durationMs: 3, inputs: null, outputs: null, error: '运费模板缺失' },
    ],
    incidents: [{ id: 9, activityId: 'weigh', activityType: 'WeighShip', exceptionType: 'InvalidOperationException', message: '运费模板缺失', attempt: 1,
      occurredAt: '2026-11-23T08:00:01Z', resolvedAt: resolved ? '2026-11-23T08:05:00Z' : null }],
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('journalSentence', () => {
  const review = { sequence: 3, activityId: 'review', activityType: 'ServiceReview', event: 'Completed', outcome: 'Approved', bookmark: null,
    startedAt: '2026-11-23T08:00:00Z', durationMs: 3.6123, inputs: null, outputs: null, error: null };

  it('reads an entry as the step, what came of it and how long it took', () => {
    expect(journalSentence(review, '客服审核', translator('zh-CN'))).toBe('客服审核：通过，用时 3.6 ms');
    expect(journalSentence(review, 'Service review', translator('en'))).toBe('Service review: approved, took 3.6 ms');
    const waiting = { ...review, event: 'Suspended', outcome: null, bookmark: 'Review', durationMs: 0.04 };
    expect(journalSentence(waiting, '人工审核', translator('zh-CN'))).toBe('人工审核：等待 审单客服处理，用时 0 ms');
    expect(journalSentence(waiting, 'Await reviewer', translator('en'))).toBe('Await reviewer: waiting for a reviewer, took 0 ms');
    // A waiting point the catalogue does not know yet shows as the server named it.
    expect(journalSentence({ ...waiting, bookmark: 'Teleported' }, '人工审核', translator('zh-CN'))).toBe('人工审核：等待 Teleported，用时 0 ms');
  });
});

describe('JourneyPage', () => {
  it('shows the journal and the incident, and Retry runs the faulted step again for an ops lead', async () => {
    signedInAs(['OpsLead'], [], '运营小张');
    let retried = false;
    const calls = mockFetch(call => {
      if (call.url === '/api/orders/5') return { body: { id: 5, shopId: 1, platformOrderId: 'TB-5', status: 'Verified', buyerNick: '茶友', payment: 88, buyerMessage: null, sellerMemo: null, blockReason: null, trackingNumber: null } };
      if (call.url === '/api/activities') return { body: activities };
      if (call.url === '/api/orders/5/exceptions') return { body: [] };
      if (call.url === '/api/orders/5/workflow') return { body: detail(retried ? 'Suspended' : 'Faulted', retried) };
      if (call.url.startsWith('/api/workflow-definitions/sales-order?version=3')) return { body: definition };
      if (call.url === `/api/workflow-instances/${instanceId}:retry` && call.method === 'POST') {
        retried = true;
        return { body: detail('Suspended', true) };
      }
      return undefined;
    });
    render(<JourneyPage orderId={5} />);
    expect(await screen.findByTestId('incident')).toHaveTextContent('InvalidOperationException: 运费模板缺失');
    const sentences = screen.getAllByTestId('journal-sentence').map(s => s.textContent);
    expect(sentences).toEqual(['开始：完成，用时 1 ms', '称重发货：出错，用时 3 ms']);
    expect(screen.getByTestId('timeline')).toHaveTextContent('错误：运费模板缺失');
    expect(screen.getByTestId('instance-status')).toHaveTextContent('sales-order v3 · 出错');
    expect(screen.getByTitle('Faulted')).toBeInTheDocument();
    expect(screen.queryByLabelText('第 1 条日志的原始数据')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '显示原始数据' }));
    expect(screen.getByLabelText('第 1 条日志的原始数据')).toHaveTextContent('"outcome": "Done"');
    fireEvent.click(screen.getByRole('button', { name: '隐藏原始数据' }));
    expect(screen.queryByLabelText('第 1 条日志的原始数据')).toBeNull();

    await act(async () => { fireEvent.click(screen.getByRole('button', { name: '重试' })); });
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('已重试'));
    expect(calls.some(c => c.method === 'POST' && c.url.endsWith(':retry'))).toBe(true);
    await waitFor(() => expect(screen.getByTestId('incident')).toHaveTextContent('已于'));
    expect(screen.queryByRole('button', { name: '重试' })).toBeNull();
  });

  it('names where a waiting order waits in Chinese with the server code as the tooltip, on the header, the journal and the chart, whose own controls follow the language', async () => {
    signedInAs(['OpsLead']);
    const base = detail('Suspended', true);
    const waiting: InstanceDetail = {
      ...base,
      instance: { ...base.instance, waitingFor: 'Weighed' },
      bookmarks: [{ id: 'b1', name: 'Weighed', activityId: 'weigh', createdAt: '2026-11-23T08:00:01Z', dueAt: null }],
      journal: [base.journal[0], { ...base.journal[1], event: 'Suspended', bookmark: 'Weighed', error: null }],
    };
    mockFetch(call => {
      if (call.url === '/api/orders/5') return { body: { id: 5, shopId: 1, platformOrderId: 'TB-5', status: 'Verified', buyerNick: '茶友', payment: 88, buyerMessage: null, sellerMemo: null, blockReason: null, trackingNumber: null } };
      if (call.url === '/api/activities') return { body: activities };
      if (call.url === '/api/orders/5/exceptions') return { body: [] };
      if (call.url === '/api/orders/5/workflow') return { body: waiting };
      if (call.url.startsWith('/api/workflow-definitions/sales-order?version=3')) return { body: definition };
      return undefined;
    });
    render(<JourneyPage orderId={5} />);
    const header = await screen.findByTestId('waiting-for');
    expect(header).toHaveTextContent('等待 称重');
    expect(header).toHaveAttribute('title', 'Weighed');
    await waitFor(() => expect(screen.getAllByTestId('journal-sentence').map(s => s.textContent)).toContain('称重发货：等待 称重，用时 3 ms'));
    const node = await screen.findByTestId('node-weigh');
    expect(node).toHaveTextContent('● 当前位置');
    expect(within(node).getByTestId('badge-waits')).toHaveTextContent('等待');
    expect(within(node).getByTitle('Weighed')).toHaveTextContent('已称重');
    // React Flow's own buttons, minimap and connections speak the screen's language too.
    expect(screen.getByRole('button', { name: '放大' })).toHaveAttribute('title', '放大');
    expect(screen.getByRole('button', { name: '显示整个流程图' })).toBeInTheDocument();
    expect(screen.getByLabelText('画布控制')).toBeInTheDocument();
    expect(screen.getByText('按 Enter 或空格键选中连线；按 Delete 删除，按 Esc 取消。')).toBeInTheDocument();
    // A screen reader calls a node by its name here, not React Flow's "node" (connections: e2e/language.spec.ts; jsdom draws none).
    expect(document.querySelector('[data-testid="rf__node-weigh"]')).toHaveAttribute('aria-roledescription', '环节');
    act(() => setLanguage('en'));
    expect(screen.getByRole('button', { name: 'Zoom in' })).toHaveAttribute('title', 'Zoom in');
    expect(document.querySelector('[data-testid="rf__node-weigh"]')).toHaveAttribute('aria-roledescription', 'activity');
    expect(screen.getByText('Press Enter or Space to select a connection; Delete removes it, Esc cancels.')).toBeInTheDocument();
  });

  it('sets a waiting order aside with a kind and detail (the server records the signed-in user), then shows the open entry with Resolve', async () => {
    signedInAs(['Reviewer'], [1]);
    let entries: unknown[] = [];
    const calls = serveWaiting(call => {
      if (call.url === '/api/orders/5/exceptions' && call.method === 'GET') return { body: entries };
      if (call.url === '/api/orders/5/exceptions' && call.method === 'POST') {
        entries = [entry(null)];
        return { status: 201, body: entry(null) };
      }
      return undefined;
    });
    render(<JourneyPage orderId={5} />);
    fireEvent.click(await screen.findByRole('button', { name: '转入异常…' }));
    const form = screen.getByRole('form', { name: '转入异常' });
    fireEvent.change(within(form).getByLabelText('异常类型'), { target: { value: 'AddressProblem' } });
    fireEvent.change(within(form).getByLabelText('异常说明'), { target: { value: '门牌号缺失' } });
    await act(async () => { fireEvent.click(within(form).getByRole('button', { name: '转入异常' })); });
    expect(calls.find(c => c.method === 'POST')).toMatchObject({
      url: '/api/orders/5/exceptions', body: { kind: 'AddressProblem', detail: '门牌号缺失' },
    });
    const open = await screen.findByTestId('open-exception');
    expect(open).toHaveTextContent('在异常队列中：地址异常');
    expect(open).toHaveTextContent('门牌号缺失');
    expect(open).toHaveTextContent('离开环节 称重发货');
    expect(screen.queryByRole('button', { name: '转入异常…' })).toBeNull();
    expect(screen.getByTestId('exception-history')).toHaveTextContent('待处理');
  });

  it('resolves the open entry from the journey with a note and shows the history', async () => {
    signedInAs(['Reviewer'], [1]);
    let resolved = false;
    const calls = serveWaiting(call => {
      if (call.url === '/api/orders/5/exceptions') return { body: [entry(resolved ? '2026-11-23T09:00:00Z' : null)] };
      if (call.url === '/api/exceptions/12:resolve' && call.method === 'POST') {
        resolved = true;
        return { body: entry('2026-11-23T09:00:00Z') };
      }
      return undefined;
    });
    render(<JourneyPage orderId={5} />);
    const open = await screen.findByTestId('open-exception');
    fireEvent.click(within(open).getByRole('button', { name: '解决' }));
    fireEvent.change(within(open).getByLabelText('处理说明'), { target: { value: '已联系买家补全地址' } });
    await act(async () => { fireEvent.click(within(open).getByRole('button', { name: '解决' })); });
    expect(calls.find(c => c.method === 'POST')).toMatchObject({ url: '/api/exceptions/12:resolve', body: { note: '已联系买家补全地址' } });
    await waitFor(() => expect(screen.queryByTestId('open-exception')).toBeNull());
    expect(screen.getByRole('status')).toHaveTextContent('订单回到「称重发货」');
    expect(screen.getByTestId('exception-history')).toHaveTextContent('已解决');
    expect(screen.getByRole('button', { name: '转入异常…' })).toBeInTheDocument();
  });

  it('hides Retry and Cancel instance from a reviewer, who can still set the order aside', async () => {
    signedInAs(['Reviewer'], [1]);
    mockFetch(call => {
      if (call.url === '/api/orders/5') return { body: { id: 5, shopId: 1, platformOrderId: 'TB-5', status: 'Verified', buyerNick: '茶友', payment: 88, buyerMessage: null, sellerMemo: null, blockReason: null, trackingNumber: null } };
      if (call.url === '/api/activities') return { body: activities };
      if (call.url === '/api/orders/5/exceptions') return { body: [] };
      if (call.url === '/api/orders/5/workflow') return { body: detail('Faulted', false) };
      if (call.url.startsWith('/api/workflow-definitions/sales-order?version=3')) return { body: definition };
      return undefined;
    });
    render(<JourneyPage orderId={5} />);
    expect(await screen.findByTestId('incident')).toHaveTextContent('运费模板缺失');
    expect(screen.getByRole('button', { name: '转入异常…' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '重试' })).toBeNull();
    expect(screen.queryByRole('button', { name: '取消流程实例' })).toBeNull();
  });

  it('shows warehouse staff the journey and its open exception without Set aside or Resolve', async () => {
    signedInAs(['Warehouse'], [], '仓库小陈');
    serveWaiting(call => (call.url === '/api/orders/5/exceptions' ? { body: [entry(null)] } : undefined));
    render(<JourneyPage orderId={5} />);
    expect(await screen.findByTestId('open-exception')).toHaveTextContent('门牌号缺失');
    expect(screen.getByTestId('timeline')).toHaveTextContent('开始');
    expect(screen.queryByRole('button', { name: '解决' })).toBeNull();
    expect(screen.queryByRole('button', { name: '转入异常…' })).toBeNull();
    expect(screen.queryByRole('button', { name: '取消流程实例' })).toBeNull();
  });

  it('renders markup in the buyer message, memo and nick as text, injecting no element', async () => {
    signedInAs(['Reviewer'], [1]);
    const img = '<img src=x onerror="window.__xss=1">';
    const script = '<script>window.__xss=1</script>';
    mockFetch(call => {
      if (call.url === '/api/orders/5') {
        return { body: { id: 5, shopId: 1, platformOrderId: 'TB-5', status: 'Picking', buyerNick: script, payment: 88, buyerMessage: img, sellerMemo: script,
          receiver: { name: script, address: img }, blockReason: img, trackingNumber: null } };
      }
      if (call.url === '/api/activities') return { body: activities };
      if (call.url === '/api/orders/5/exceptions') return { body: [{ ...entry(null), detail: img, raisedBy: script }] };
      if (call.url === '/api/orders/5/workflow') return { body: { ...detail('Suspended', true), incidents: [] } };
      if (call.url.startsWith('/api/workflow-definitions/sales-order?version=3')) return { body: definition };
      return undefined;
    });
    const { container } = render(<JourneyPage orderId={5} />);
    expect(await screen.findByText(`买家留言：${img}`)).toBeInTheDocument();
    expect(screen.getByText(`卖家备注：${script}`)).toBeInTheDocument();
    expect(screen.getByTestId('open-exception')).toHaveTextContent(img);
    expect(screen.getByTestId('open-exception')).toHaveTextContent(`发起人 ${script}`);
    expect(container.querySelector('img, script')).toBeNull();
    expect((window as unknown as { __xss?: number }).__xss).toBeUndefined();
  });

  it('cancels the instance for an ops lead after asking', async () => {
    signedInAs(['OpsLead'], [], '运营小张');
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    const calls = serveWaiting(call => {
      if (call.url === '/api/orders/5/exceptions') return { body: [] };
      if (call.url === `/api/workflow-instances/${instanceId}:cancel`) return { body: { ...detail('Cancelled', true), incidents: [] } };
      return undefined;
    });
    render(<JourneyPage orderId={5} />);
    const cancel = await screen.findByRole('button', { name: '取消流程实例' });
    await act(async () => { fireEvent.click(cancel); });
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('流程实例已取消。'));
    expect(window.confirm).toHaveBeenCalled();
    expect(calls.some(c => c.method === 'POST' && c.url.endsWith(':cancel'))).toBe(true);
  });
});

function entry(resolvedAt: string | null) {
  return {
    id: 12, orderId: 5, shopId: 1, platformOrderId: 'TB-5', kind: 'AddressProblem', detail: '门牌号缺失', source: 'Hold', stage: 'weigh',
    orderStatus: resolvedAt ? 'Picking' : 'Exception', raisedBy: '客服小李', raisedAt: '2026-11-23T08:30:00Z', ageMinutes: 12,
    resolvedAt, resolvedBy: resolvedAt ? '客服小李' : null, resolution: resolvedAt ? '已联系买家补全地址' : null,
  };
}

/** An order waiting at 称重 (a suspended instance); `more` answers the exception routes. */
function serveWaiting(more: (call: Call) => { status?: number; body?: unknown } | undefined): Call[] {
  return mockFetch(call => {
    if (call.url === '/api/orders/5') return { body: { id: 5, shopId: 1, platformOrderId: 'TB-5', status: 'Picking', buyerNick: '茶友', payment: 88, buyerMessage: null, sellerMemo: null, blockReason: null, trackingNumber: null } };
    if (call.url === '/api/activities') return { body: activities };
    if (call.url === '/api/orders/5/workflow') return { body: { ...detail('Suspended', true), incidents: [] } };
    if (call.url.startsWith('/api/workflow-definitions/sales-order?version=3')) return { body: definition };
    return more(call);
  });
}
