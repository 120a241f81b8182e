import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReviewQueueItem } from '../api';
import { reviewCountsOf, shops, twoShops } from '../test/fixtures';
import { mockFetch, type Call } from '../test/fetchMock';
import { signedInAs } from '../test/session';
import { InboxPage } from './InboxPage';

const item = (orderId: number, platformOrderId: string, buyerMessage: string): ReviewQueueItem => ({
  orderId, instanceId: `00000000-0000-0000-0000-00000000000${orderId}`, shopId: 1, platformOrderId, buyerNick: '茶友小王', payment: 316,
  buyerMessage, sellerMemo: null, receiverProvince: '浙江省', receiverCity: '杭州市', receiverDistrict: '西湖区', receiverAddress: '文三路90号',
  reasons: ['开票订单: 需要开发票，请核对抬头'], waitingSince: '2026-11-23T08:00:00Z', ageMinutes: 42,
});


function serve(queue: ReviewQueueItem[], decide: (call: Call) => { status?: number; body?: unknown }) {
  return mockFetch(call => {
    if (call.url.startsWith('/api/review/queue/counts')) return { body: reviewCountsOf(queue) };
    if (call.url.startsWith('/api/review/queue')) return { body: { items: queue, pageNumber: 1, pageSize: 200, total: queue.length } };
    if (call.url.startsWith('/api/shops')) return { body: shops };
    if (call.url.startsWith('/api/review/orders')) return decide(call);
    return undefined;
  });
}

beforeEach(() => { signedInAs(['Reviewer'], [1]); });
afterEach(() => vi.unstubAllGlobals());

describe('InboxPage', () => {
  it('shows each blocked order with shop, amount, messages, reasons and age', async () => {
    serve([{ ...item(7, 'TB-7', '请开发票'), reasons: ['开票订单: 需要开发票，请核对抬头', 'Manual review'] }], () => ({}));
    render(<InboxPage />);
    const card = await screen.findByTestId('review-TB-7');
    expect(card).toHaveTextContent('茶语旗舰店 (淘宝)');
    expect(card).toHaveTextContent('¥316.00');
    expect(card).toHaveTextContent('请开发票');
    // A rule's reason as its author wrote it; one the server wrote in Chinese, its words as the tooltip.
    expect(within(card).getByText('开票订单: 需要开发票，请核对抬头')).not.toHaveAttribute('title');
    expect(within(card).getByText('人工审核')).toHaveAttribute('title', 'Manual review');
    expect(card).toHaveTextContent('已等待 42 分钟');
  });

  it('says in its heading how many orders wait by the server\'s count, not the page it loaded', async () => {
    mockFetch(call => {
      if (call.url.startsWith('/api/review/queue/counts')) return { body: { total: 5000, olderThanMinutes: { 30: 4000, 120: 10, 1440: 1 } } };
      if (call.url.startsWith('/api/review/queue')) return { body: { items: [item(7, 'TB-7', '')], pageNumber: 1, pageSize: 200, total: null } };
      if (call.url.startsWith('/api/shops')) return { body: shops };
      return undefined;
    });
    render(<InboxPage />);
    expect(await screen.findByText('5000 单待审核')).toBeInTheDocument();
  });

  it('shows how long orders wait as tabs with the server\'s counts, and lists a tab through the query', async () => {
    const calls = serve([item(7, 'TB-7', ''), { ...item(8, 'TB-8', ''), ageMinutes: 200 }, { ...item(9, 'TB-9', ''), ageMinutes: 2000 }], () => ({}));
    render(<InboxPage />);
    const tabs = await screen.findByRole('tablist', { name: '等待时长' });
    await waitFor(() => expect(within(tabs).getAllByRole('tab').map(t => t.textContent)).toEqual(['全部 3', '超过 30 分钟 3', '超过 2 小时 2', '超过 1 天 1']));
    expect(within(tabs).getByRole('tab', { name: '全部 3' })).toHaveAttribute('aria-selected', 'true');

    fireEvent.click(within(tabs).getByRole('tab', { name: '超过 2 小时 2' }));
    expect(screen.getByText('加载中…')).toBeInTheDocument();
    await waitFor(() => expect(calls.filter(c => c.url.startsWith('/api/review/queue?')).at(-1)!.url).toBe('/api/review/queue?pageSize=200&olderThanMinutes=120'));
    expect(within(tabs).getByRole('tab', { name: '超过 2 小时 2' })).toHaveAttribute('aria-selected', 'true');
    expect(calls.filter(c => c.url.startsWith('/api/review/queue/counts')).every(c => !c.url.includes('olderThanMinutes'))).toBe(true);
    await screen.findByTestId('review-TB-9');
  });

  it('counts and exports with the list\'s shop and reason; the export also with the chosen age', async () => {
    const calls = serve([{ ...item(7, 'TB-7', ''), ageMinutes: 2000 }], () => ({}));
    render(<InboxPage />);
    const link = await screen.findByRole('link', { name: '导出 CSV' });
    expect(link).toHaveAttribute('href', '/api/review/queue/export.csv');
    expect(link).toHaveAttribute('download');
    await waitFor(() => expect(screen.getByRole('option', { name: '茶语旗舰店 (淘宝)' })).toBeInTheDocument());
    fireEvent.change(screen.getByLabelText('按店铺筛选'), { target: { value: '1' } });
    fireEvent.change(screen.getByLabelText('按原因筛选'), { target: { value: '开票' } });
    fireEvent.click(await screen.findByRole('tab', { name: '超过 1 天 1' }));
    await waitFor(() => expect(screen.getByRole('link', { name: '导出 CSV' }))
      .toHaveAttribute('href', `/api/review/queue/export.csv?shopId=1&reason=${encodeURIComponent('开票')}&olderThanMinutes=1440`));
    await waitFor(() => expect(calls.filter(c => c.url.startsWith('/api/review/queue/counts')).at(-1)!.url)
      .toBe(`/api/review/queue/counts?shopId=1&reason=${encodeURIComponent('开票')}`));
  });

  it('moves with the arrow keys and approves the order under the cursor with a, leaving who decided to the server (the signed-in reviewer)', async () => {
    const calls = serve([item(7, 'TB-7', '请开发票'), item(8, 'TB-8', '开专票')], () => ({ body: {} }));
    render(<InboxPage />);
    await screen.findByTestId('review-TB-8');
    const list = screen.getByRole('listbox', { name: '被拦截的订单' });
    list.focus();
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(screen.getByTestId('review-TB-8')).toHaveAttribute('aria-selected', 'true');
    await act(async () => { fireEvent.keyDown(list, { key: 'a' }); });
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('订单 TB-8 已通过。'));
    const decision = calls.find(c => c.method === 'POST')!;
    expect(decision.url).toBe('/api/review/orders/8:approve');
    expect(decision.body).toEqual({});
  });

  it('rejects with r after asking for a reason, and can set the order aside instead of cancelling', async () => {
    const calls = serve([item(7, 'TB-7', '请开发票')], () => ({ body: {} }));
    render(<InboxPage />);
    await screen.findByTestId('review-TB-7');
    const list = screen.getByRole('listbox', { name: '被拦截的订单' });
    fireEvent.keyDown(list, { key: 'r' });
    const reason = screen.getByLabelText('驳回原因');
    expect(within(reason.closest('form')!).getByRole('button', { name: '驳回' })).toBeDisabled();
    fireEvent.change(reason, { target: { value: '抬头信息不全' } });
    fireEvent.click(screen.getByLabelText('转入异常队列，不取消订单'));
    await act(async () => { fireEvent.submit(reason.closest('form')!); });
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('已转入异常队列'));
    expect(calls.find(c => c.method === 'POST')).toMatchObject({
      url: '/api/review/orders/7:reject', body: { reason: '抬头信息不全', mode: 'exception' },
    });
  });

  it('edits the seller memo then approves with e', async () => {
    const calls = serve([item(7, 'TB-7', '请开发票')], () => ({ body: {} }));
    render(<InboxPage />);
    await screen.findByTestId('review-TB-7');
    fireEvent.keyDown(screen.getByRole('listbox', { name: '被拦截的订单' }), { key: 'e' });
    fireEvent.change(screen.getByLabelText('卖家备注'), { target: { value: '已核实抬头' } });
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: '保存并通过' })); });
    await waitFor(() => expect(calls.some(c => c.method === 'POST')).toBe(true));
    expect(calls.find(c => c.method === 'POST')!.body).toEqual({ changes: { sellerMemo: '已核实抬头' } });
  });

  it('approves the ticked orders in one call and names each one the server refused', async () => {
    const calls = serve([item(7, 'TB-7', '请开发票'), item(8, 'TB-8', '开专票'), item(9, 'TB-9', '')], () => ({
      body: {
        succeeded: 1, failed: 1, results: [
          { orderId: 7, status: 200, problem: null },
          { orderId: 9, status: 409, problem: { title: 'Already handled', detail: 'Order 9 was already handled by 客服小王', handledBy: '客服小王' } },
        ],
      },
    }));
    render(<InboxPage />);
    await screen.findByTestId('review-TB-9');
    const approveSelected = screen.getByRole('button', { name: '批量通过' });
    expect(approveSelected).toBeDisabled();
    fireEvent.click(screen.getByRole('checkbox', { name: '选择 TB-7' }));
    const list = screen.getByRole('listbox', { name: '被拦截的订单' });
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'x' });
    expect(screen.getByRole('checkbox', { name: '选择 TB-9' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: '全选本页' })).toHaveProperty('indeterminate', true);
    expect(screen.getByText('已选 2 单')).toBeInTheDocument();
    await act(async () => { fireEvent.click(approveSelected); });
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('已通过 1 单：TB-7。1 单未成功：TB-9（已由 客服小王 处理）。'));
    expect(calls.filter(c => c.method === 'POST')).toEqual([{ method: 'POST', url: '/api/review/orders:approve', body: { orderIds: [7, 9] } }]);
    expect(screen.getByRole('checkbox', { name: '选择 TB-7' })).not.toBeChecked();
  });

  it('selects every order on the page and rejects them with one reason, or clears the page when all are ticked', async () => {
    const calls = serve([item(7, 'TB-7', '请开发票'), item(8, 'TB-8', '开专票')], () => ({
      body: { succeeded: 2, failed: 0, results: [{ orderId: 7, status: 200, problem: null }, { orderId: 8, status: 200, problem: null }] },
    }));
    render(<InboxPage />);
    await screen.findByTestId('review-TB-8');
    const all = screen.getByRole('checkbox', { name: '全选本页' });
    fireEvent.click(all);
    expect(all).toBeChecked();
    fireEvent.click(all);
    expect(screen.getByRole('checkbox', { name: '选择 TB-8' })).not.toBeChecked();
    fireEvent.click(all);
    fireEvent.click(screen.getByRole('button', { name: '批量驳回' }));
    const reason = screen.getByLabelText('驳回原因');
    fireEvent.change(reason, { target: { value: '疑似刷单' } });
    await act(async () => { fireEvent.submit(reason.closest('form')!); });
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('已驳回并取消 2 单：TB-7、TB-8。'));
    expect(calls.find(c => c.method === 'POST')).toEqual({
      method: 'POST', url: '/api/review/orders:reject', body: { orderIds: [7, 8], reason: '疑似刷单', mode: 'cancel' },
    });
  });

  it('says who already handled an order when the server answers 409', async () => {
    serve([item(7, 'TB-7', '请开发票')], () => ({
      status: 409,
      body: { status: 409, title: 'Already handled', detail: 'Order 7 was already handled by 客服小王: Approved at …', handledBy: '客服小王', outcome: 'Approved' },
    }));
    render(<InboxPage />);
    await screen.findByTestId('review-TB-7');
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: '通过' })); });
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('订单 TB-7 已由 客服小王 处理（通过）。'));
  });

  it('says a 403 in Chinese in the banner, the server\'s detail as the tooltip', async () => {
    serve([item(7, 'TB-7', '请开发票')], () => ({
      status: 403,
      body: { status: 403, title: 'Not assigned to you', detail: 'Shop 1 is not assigned to you.' },
    }));
    render(<InboxPage />);
    await screen.findByTestId('review-TB-7');
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: '通过' })); });
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('不在分配给你的店铺或仓库中。'));
    expect(screen.getByRole('alert')).toHaveAttribute('title', 'Shop 1 is not assigned to you.');
  });

  it("lists only a reviewer's assigned shops in the shop filter", async () => {
    signedInAs(['Reviewer'], [2]);
    mockFetch(call => {
      if (call.url.startsWith('/api/review/queue/counts')) return { body: reviewCountsOf([]) };
      if (call.url.startsWith('/api/review/queue')) return { body: { items: [], pageNumber: 1, pageSize: 200, total: 0 } };
      if (call.url.startsWith('/api/shops')) return { body: twoShops };
      return undefined;
    });
    render(<InboxPage />);
    const filter = screen.getByLabelText('按店铺筛选');
    await waitFor(() => expect(within(filter).getAllByRole('option').map(o => o.textContent)).toEqual(['全部店铺', '茶语京东自营店']));
  });

  it('lists every shop for an ops lead', async () => {
    signedInAs(['OpsLead'], []);
    mockFetch(call => {
      if (call.url.startsWith('/api/review/queue/counts')) return { body: reviewCountsOf([]) };
      if (call.url.startsWith('/api/review/queue')) return { body: { items: [], pageNumber: 1, pageSize: 200, total: 0 } };
      if (call.url.startsWith('/api/shops')) return { body: twoShops };
      return undefined;
    });
    render(<InboxPage />);
    const filter = screen.getByLabelText('按店铺筛选');
    await waitFor(() => expect(within(filter).getAllByRole('option')).toHaveLength(3));
  });

  it('renders markup in a buyer message and an address as text, injecting no element', async () => {
    const img = '<img src=x onerror="window.__xss=1">';
    const script = '<script>window.__xss=1</script>';
    serve([{ ...item(7, 'TB-7', img), sellerMemo: script, buyerNick: script, receiverAddress: img, reasons: [script] }], () => ({}));
    const { container } = render(<InboxPage />);
    const card = await screen.findByTestId('review-TB-7');
    expect(card).toHaveTextContent(img);
    expect(card).toHaveTextContent(script);
    expect(within(card).getByText(img).tagName).toBe('DD'); // 买家留言
    expect(within(card).getByText(/^浙江省 杭州市 西湖区 <img/)).toHaveTextContent(`浙江省 杭州市 西湖区 ${img}`);
    expect(container.querySelector('img, script')).toBeNull();
    expect((window as unknown as { __xss?: number }).__xss).toBeUndefined();
  });

  it('says 加载中… while the queue loads, then an empty inbox with a drawn icon, no emoji', async () => {
    signedInAs(['Reviewer'], [1]);
    let answer: (() => void) | undefined;
    mockFetch(call => (call.url.startsWith('/api/shops') ? { body: shops } : call.url.startsWith('/api/review/queue/counts') ? { body: reviewCountsOf([]) } : undefined));
    const shopsOnly = globalThis.fetch;
    vi.stubGlobal('fetch', vi.fn((input: string, init?: RequestInit) => (String(input).startsWith('/api/review/queue?')
      ? new Promise<Response>(resolve => {
        answer = () => resolve(new Response(JSON.stringify({ items: [], pageNumber: 1, pageSize: 200, total: 0 }), { status: 200 }));
      })
      : shopsOnly(input, init))));
    render(<InboxPage />);
    expect(screen.getByText('加载中…')).toBeInTheDocument();
    await act(async () => { answer?.(); });
    const empty = await screen.findByText('没有待审核的订单。');
    expect(empty.closest('.empty-state')?.querySelector('svg')).not.toBeNull();
    expect(document.body.textContent).not.toMatch(/\p{Extended_Pictographic}/u);
  });
});
