import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Order, OrderCounts } from '../api';
import { shops } from '../test/fixtures';
import { mockFetch } from '../test/fetchMock';
import { signedInAs } from '../test/session';
import { setLanguage } from '../i18n';
import { OrdersPage } from './OrdersPage';

const order = (id: number, platformOrderId: string, buyerNick: string, status = 'PendingReview'): Order => ({
  id, shopId: 1, platformOrderId, platformStatus: 'WAIT_SELLER_SEND_GOODS', status, exceptionKind: 'None', exceptionDetail: null, buyerNick,
  receiver: { name: '王小明', mobile: '13912345678', province: '浙江省', city: '杭州市', district: '西湖区', address: '文三路90号', zip: null },
  buyerMessage: null, sellerMemo: null, payTime: null, payment: 180, blockReason: null, trackingNumber: null,
  receivedAt: '2026-11-23T08:00:00Z', updatedAt: '2026-11-23T08:00:00Z', lines: [],
});

const counts: OrderCounts = {
  total: 60, outOfStock: 2,
  statuses: { AwaitingPayment: 0, PendingReview: 4, Blocked: 3, Exception: 5, Allocated: 1, Picking: 7, Verified: 0, Shipped: 40, Cancelled: 0 },
};

/** Answers the list with `found` for a search and `all` otherwise (60 in all, so there is a page 2). */
function serve(all: Order[], found: Order[] = []) {
  return mockFetch(call => {
    const url = new URL(call.url, 'http://x');
    if (url.pathname === '/api/orders/counts') return { body: url.searchParams.get('q') ? { ...counts, total: found.length } : counts };
    if (url.pathname === '/api/orders') {
      const items = url.searchParams.get('q') ? found : all;
      return { body: { items, pageNumber: Number(url.searchParams.get('page')), pageSize: 50, total: url.searchParams.get('q') ? found.length : 60 } };
    }
    if (call.url.startsWith('/api/shops')) return { body: shops };
    return undefined;
  });
}

const params = (url: string) => new URL(url, 'http://x').searchParams;
const listCalls = (calls: { url: string }[]) => calls.filter(c => c.url.startsWith('/api/orders?'));

beforeEach(() => { signedInAs(['Reviewer'], [1]); });

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('OrdersPage', () => {
  it('shows status tabs in Chinese with their counts and the server status as a tooltip', async () => {
    serve([order(1, 'TB-1', '茶友小王')]);
    render(<OrdersPage />);
    const review = await screen.findByRole('tab', { name: '待审核 7' });
    expect(review).toHaveAttribute('title', 'PendingReview, Blocked');
    expect(screen.getByRole('tab', { name: '全部 60' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: '异常 5' })).toHaveAttribute('title', 'Exception');
    expect(screen.getByRole('tab', { name: '缺货 2' })).toHaveAttribute('title', 'Exception: OutOfStock');
    expect(screen.getByRole('tab', { name: '待拣货 7' })).toHaveAttribute('title', 'Picking');
    expect(screen.getByRole('tab', { name: '已发货 40' })).toHaveAttribute('title', 'Shipped');
  });

  it('lists a tab through the server: its statuses, and the exception kind for 缺货, from page 1', async () => {
    const calls = serve([order(1, 'TB-1', '茶友小王')]);
    render(<OrdersPage />);
    await screen.findByTestId('order-TB-1');
    fireEvent.click(screen.getByRole('button', { name: '较早 →' }));
    await waitFor(() => expect(params(listCalls(calls).at(-1)!.url).get('page')).toBe('2'));

    fireEvent.click(await screen.findByRole('tab', { name: '待审核 7' }));
    await waitFor(() => expect(params(listCalls(calls).at(-1)!.url).getAll('status')).toEqual(['PendingReview', 'Blocked']));
    expect(params(listCalls(calls).at(-1)!.url).get('page')).toBe('1');
    expect(screen.getByRole('tab', { name: '待审核 7' })).toHaveAttribute('aria-selected', 'true');

    fireEvent.click(screen.getByRole('tab', { name: '缺货 2' }));
    await waitFor(() => expect(params(listCalls(calls).at(-1)!.url).get('exceptionKind')).toBe('OutOfStock'));
    expect(params(listCalls(calls).at(-1)!.url).getAll('status')).toEqual(['Exception']);

    fireEvent.change(screen.getByLabelText('按状态筛选'), { target: { value: 'Picking' } });
    await waitFor(() => expect(screen.getByRole('tab', { name: '待拣货 7' })).toHaveAttribute('aria-selected', 'true'));
    expect(params(listCalls(calls).at(-1)!.url).has('exceptionKind')).toBe(false);
  });

  it('searches on the server once typing pauses, and counts the tabs for the same search', async () => {
    const calls = serve([order(1, 'TB-1', '茶友小王'), order(2, 'TB-2', '老顾客')], [order(2, 'TB-2', '老顾客')]);
    render(<OrdersPage />);
    await screen.findByTestId('order-TB-1');
    vi.useFakeTimers();
    fireEvent.change(screen.getByLabelText('搜索订单'), { target: { value: ' 1391234' } });
    fireEvent.change(screen.getByLabelText('搜索订单'), { target: { value: ' 13912345678 ' } });
    await act(async () => { await vi.advanceTimersByTimeAsync(400); });
    vi.useRealTimers();

    await waitFor(() => expect(screen.queryByTestId('order-TB-1')).not.toBeInTheDocument());
    expect(screen.getByTestId('order-TB-2')).toBeInTheDocument();
    const searched = calls.filter(c => params(c.url).has('q'));
    expect(searched.map(c => new URL(c.url, 'http://x').pathname).sort()).toEqual(['/api/orders', '/api/orders/counts']);
    expect(searched.every(c => params(c.url).get('q') === '13912345678')).toBe(true);
    expect(await screen.findByRole('tab', { name: '全部 1' })).toBeInTheDocument();
  });

  it('searches at once on Enter', async () => {
    const calls = serve([order(1, 'TB-1', '茶友小王')], [order(1, 'TB-1', '茶友小王')]);
    render(<OrdersPage />);
    await screen.findByTestId('order-TB-1');
    const box = screen.getByLabelText('搜索订单');
    fireEvent.change(box, { target: { value: '茶友小王' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(listCalls(calls).some(c => params(c.url).get('q') === '茶友小王')).toBe(true));
  });

  it('says which field the server refused when a search is refused, its words as the tooltip', async () => {
    mockFetch(call => {
      if (call.url.startsWith('/api/shops')) return { body: shops };
      if (params(call.url).get('q')) return { status: 400, body: { status: 400, title: 'One or more validation errors occurred.', errors: { q: ['q must be at most 64 characters.'] } } };
      if (call.url.startsWith('/api/orders/counts')) return { body: counts };
      return { body: { items: [], pageNumber: 1, pageSize: 50, total: 0 } };
    });
    render(<OrdersPage />);
    const box = await screen.findByLabelText('搜索订单');
    fireEvent.change(box, { target: { value: '1'.repeat(65) } });
    fireEvent.keyDown(box, { key: 'Enter' });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('「搜索内容」填写有误。');
    expect(alert).toHaveAttribute('title', 'One or more validation errors occurred.\nq: q must be at most 64 characters.');
  });

  it('says 加载中… until the rows arrive, then each status in Chinese with the server status as a tooltip', async () => {
    serve([order(1, 'TB-1', '茶友小王', 'Blocked'), order(2, 'TB-2', '茶友小李', 'Shipped')]);
    render(<OrdersPage />);
    expect(screen.getByText('加载中…')).toBeInTheDocument();
    await screen.findByTestId('order-TB-1');
    expect(screen.queryByText('加载中…')).toBeNull();
    expect(screen.getByTestId('order-TB-1')).toHaveTextContent('审核拦截');
    expect(within(screen.getByTestId('order-TB-2')).getByTitle('Shipped')).toHaveTextContent('已发货');
  });

  it('speaks English when English is chosen', async () => {
    setLanguage('en');
    serve([order(1, 'TB-1', '茶友小王')]);
    render(<OrdersPage />);
    expect(await screen.findByRole('tab', { name: 'Awaiting review 7' })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'Buyer message' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('order-TB-1')).toHaveTextContent('Pending review'));
  });
});

describe('OrdersPage selection, export and shortcuts', () => {
  /** The list as `serve` answers it, plus the batch endpoints; records what the batches were sent. */
  function serveWithBatches(all: Order[]) {
    return mockFetch(call => {
      const url = new URL(call.url, 'http://x');
      if (url.pathname === '/api/review/orders:approve') {
        const ids = (call.body as { orderIds: number[] }).orderIds;
        return { body: { succeeded: ids.length, failed: 0, results: ids.map(orderId => ({ orderId, status: 200, problem: null })) } };
      }
      if (url.pathname === '/api/orders:set-aside') {
        const ids = (call.body as { orderIds: number[] }).orderIds;
        return { body: { succeeded: 1, failed: 1, results: [
          { orderId: ids[0], status: 201, entry: null, problem: null },
          { orderId: ids[1], status: 409, entry: null, problem: { title: 'Already in the exception queue', detail: 'Order 2 already has an open entry.' } },
        ] } };
      }
      if (url.pathname === '/api/orders/counts') return { body: counts };
      if (url.pathname === '/api/orders') return { body: { items: all, pageNumber: 1, pageSize: 50, total: all.length } };
      if (call.url.startsWith('/api/shops')) return { body: shops };
      return undefined;
    });
  }

  it('exports the current filter: the link carries the tab and the search', async () => {
    serve([order(1, 'TB-1', '茶友小王')]);
    render(<OrdersPage />);
    await screen.findByTestId('order-TB-1');
    fireEvent.click(await screen.findByRole('tab', { name: '缺货 2' }));
    await waitFor(() => expect(params(screen.getByRole('link', { name: '导出 CSV' }).getAttribute('href')!).get('exceptionKind')).toBe('OutOfStock'));
    const link = screen.getByRole('link', { name: '导出 CSV' });
    expect(new URL(link.getAttribute('href')!, 'http://x').pathname).toBe('/api/orders/export.csv');
    expect(params(link.getAttribute('href')!).getAll('status')).toEqual(['Exception']);
    expect(link).toHaveAttribute('download');
  });

  it('approves only the ticked orders waiting for review and names the ones it did not send', async () => {
    const calls = serveWithBatches([order(1, 'TB-1', '茶友小王', 'Blocked'), order(2, 'TB-2', '茶友小李', 'Picking'), order(3, 'TB-3', '老顾客', 'PendingReview')]);
    render(<OrdersPage />);
    await screen.findByTestId('order-TB-1');
    for (const name of ['选择 TB-1', '选择 TB-2', '选择 TB-3']) fireEvent.click(screen.getByLabelText(name));
    expect(screen.getByTestId('selected-count')).toHaveTextContent('已选 3 单');

    fireEvent.click(screen.getByRole('button', { name: '批量审核通过' }));
    expect(await screen.findByRole('status')).toHaveTextContent('已通过 2 单：TB-1、TB-3。1 单不在待审核，未提交：TB-2。');
    expect(calls.find(c => c.url === '/api/review/orders:approve')!.body).toEqual({ orderIds: [1, 3] });
    await waitFor(() => expect(screen.getByTestId('selected-count')).toHaveTextContent('未选择'));
  });

  it('sets the ticked orders aside with one reason and reports each', async () => {
    const calls = serveWithBatches([order(1, 'TB-1', '茶友小王', 'Picking'), order(2, 'TB-2', '茶友小李', 'Picking')]);
    render(<OrdersPage />);
    await screen.findByTestId('order-TB-1');
    fireEvent.click(screen.getByLabelText('全选本页'));
    fireEvent.click(screen.getByRole('button', { name: '批量搁置' }));
    fireEvent.change(screen.getByLabelText('搁置原因'), { target: { value: '等买家确认地址' } });
    fireEvent.click(screen.getByRole('button', { name: '搁置到异常队列' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('已搁置 1 单：TB-1。1 单未成功：TB-2（订单已在异常队列中）。');
    expect(calls.find(c => c.url === '/api/orders:set-aside')!.body).toEqual({ orderIds: [1, 2], kind: 'Other', detail: '等买家确认地址' });
  });

  it('hides the batch decisions from a warehouse hand, who may still print', async () => {
    signedInAs(['Warehouse']);
    serve([order(1, 'TB-1', '茶友小王')]);
    render(<OrdersPage />);
    await screen.findByTestId('order-TB-1');
    expect(screen.queryByRole('button', { name: '批量审核通过' })).toBeNull();
    expect(screen.queryByRole('button', { name: '批量搁置' })).toBeNull();
    expect(screen.getByRole('button', { name: '打印拣货单和面单' })).toBeDisabled();
  });

  it('moves with j/k, ticks with x or Space, prints the selection with p, and lists the keys on ?', async () => {
    serve([order(1, 'TB-1', '茶友小王'), order(2, 'TB-2', '茶友小李'), order(3, 'TB-3', '老顾客')]);
    const open = vi.fn();
    vi.stubGlobal('open', open);
    render(<OrdersPage />);
    await screen.findByTestId('order-TB-1');
    expect(screen.getByTestId('order-TB-1')).toHaveAttribute('aria-current', 'true');

    fireEvent.keyDown(document.body, { key: 'j' });
    fireEvent.keyDown(document.body, { key: 'x' });
    fireEvent.keyDown(document.body, { key: 'ArrowDown' });
    fireEvent.keyDown(document.body, { key: ' ' });
    fireEvent.keyDown(document.body, { key: 'k' });
    expect(screen.getByTestId('order-TB-2')).toHaveAttribute('aria-current', 'true');
    expect(screen.getByLabelText('选择 TB-2')).toBeChecked();
    expect(screen.getByLabelText('选择 TB-3')).toBeChecked();
    expect(screen.getByLabelText('选择 TB-1')).not.toBeChecked();

    fireEvent.keyDown(document.body, { key: 'p' });
    expect(open).toHaveBeenCalledWith('/orders/print?ids=2,3', '_blank');

    fireEvent.keyDown(document.body, { key: '?' });
    const panel = screen.getByRole('dialog', { name: '键盘快捷键' });
    expect(within(panel).getByText('上下移动当前行').closest('tr')).toHaveTextContent('j 或 ↓ 或 k 或 ↑');
    expect(within(panel).getByText('按当前筛选导出 CSV')).toBeInTheDocument();
    expect(within(panel).getByText('跳到搜索框').closest('tr')).toHaveTextContent('/');
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: '快捷键 ?' }));
    expect(screen.getByRole('dialog', { name: '键盘快捷键' })).toBeInTheDocument();
  });

  it('does not take letters typed into the search, and / puts the cursor there', async () => {
    serve([order(1, 'TB-1', '茶友小王'), order(2, 'TB-2', '茶友小李')]);
    render(<OrdersPage />);
    await screen.findByTestId('order-TB-1');
    fireEvent.keyDown(document.body, { key: '/' });
    const box = screen.getByLabelText('搜索订单');
    expect(box).toHaveFocus();
    fireEvent.keyDown(box, { key: 'x' });
    fireEvent.keyDown(box, { key: 'j' });
    expect(screen.getByLabelText('选择 TB-1')).not.toBeChecked();
    expect(screen.getByTestId('order-TB-1')).toHaveAttribute('aria-current', 'true');
  });
});
