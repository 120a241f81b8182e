import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExceptionEntry } from '../api';
import { exceptionCountsOf, shops } from '../test/fixtures';
import { mockFetch, type Call } from '../test/fetchMock';
import { signedInAs } from '../test/session';
import { ExceptionsPage } from './ExceptionsPage';

const entry = (id: number, platformOrderId: string, kind: string, detail: string, more: Partial<ExceptionEntry> = {}): ExceptionEntry => ({
  id, orderId: id + 100, shopId: 1, platformOrderId, kind, detail, source: 'Hold', stage: 'pick', orderStatus: 'Exception',
  raisedBy: '客服小王', raisedAt: '2026-11-23T08:00:00Z', ageMinutes: 42, resolvedAt: null, resolvedBy: null, resolution: null, ...more,
});

type Answer = (call: Call) => { status?: number; body?: unknown } | undefined;

function serve(queue: ExceptionEntry[], resolve: Answer = () => ({ body: {} }), remap: Answer = () => undefined, resolveMany: Answer = () => undefined) {
  return mockFetch(call => {
    if (call.url.startsWith('/api/exceptions?')) return { body: { items: queue, pageNumber: 1, pageSize: 200, total: queue.length } };
    if (call.url.startsWith('/api/exceptions/counts')) return { body: exceptionCountsOf(queue) };
    if (call.url.startsWith('/api/shops')) return { body: shops };
    if (call.url.startsWith('/api/exceptions/') && call.method === 'POST') return resolve(call);
    if (call.url === '/api/exceptions:remap' && call.method === 'POST') return remap(call);
    if (call.url === '/api/exceptions:resolve' && call.method === 'POST') return resolveMany(call);
    return undefined;
  });
}

/** The last list the page asked for (the counts are asked beside it). */
const lastList = (calls: Call[]) => calls.filter(c => c.url.startsWith('/api/exceptions?')).at(-1)?.url;

// As review writes it (BuiltInReviewPolicy.UnmappedSkuReason) on the entry the workflow opens.
const unmapped = (id: number, platformOrderId: string, codes: string, more: Partial<ExceptionEntry> = {}) =>
  entry(id, platformOrderId, 'UnmappedSku', `含未匹配商品 (unmapped merchant code): ${codes}`,
    { source: 'Workflow', stage: 'await-resolution', raisedBy: 'workflow', ...more });

beforeEach(() => { signedInAs(['Reviewer'], [1]); });

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('ExceptionsPage', () => {
  it('shows each open entry with its kind in Chinese (the code as tooltip), order, shop, stage, detail, who raised it and age', async () => {
    serve([entry(7, 'TB-7', 'AddressProblem', '门牌号缺失'), entry(8, 'TB-8', 'NoWarehouse', '', { source: 'Workflow', stage: 'allocate', raisedBy: null })]);
    render(<ExceptionsPage />);
    const card = await screen.findByTestId('exception-TB-7');
    expect(card).toHaveTextContent('地址异常');
    expect(within(card).getByTitle('AddressProblem')).toHaveTextContent('地址异常');
    expect(within(card).getByTitle('Exception')).toHaveTextContent('异常');
    expect(card).toHaveTextContent('茶语旗舰店 (淘宝)');
    expect(card).toHaveTextContent('门牌号缺失');
    expect(card).toHaveTextContent('pick (人工转异常)');
    expect(card).toHaveTextContent('客服小王');
    expect(card).toHaveTextContent('已等待 42 分钟');
    expect(within(card).getByRole('link', { name: 'TB-7' })).toHaveAttribute('href', '/orders/107');
    const other = screen.getByTestId('exception-TB-8');
    expect(other).toHaveTextContent('无可用仓库');
    expect(other).toHaveTextContent('allocate (流程等待)');
    expect(other).toHaveTextContent('流程');
  });

  it('resolves the ticked open entries in one call with one note, and names the entry someone else resolved first', async () => {
    const calls = serve([entry(7, 'TB-7', 'AddressProblem', '门牌号缺失'), entry(8, 'TB-8', 'AddressProblem', ''),
      entry(9, 'TB-9', 'Other', '', { resolvedAt: '2026-11-23T09:00:00Z', resolvedBy: '客服小李' })], undefined, undefined, () => ({
      body: {
        succeeded: 1, failed: 1, results: [
          { entryId: 7, status: 200, entry: null, problem: null },
          { entryId: 8, status: 409, entry: null, problem: { title: 'Already resolved', detail: '…', handledBy: '客服小李' } },
        ],
      },
    }));
    render(<ExceptionsPage />);
    await screen.findByTestId('exception-TB-9');
    expect(screen.queryByRole('checkbox', { name: '选择 TB-9' })).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: '全选本页' }));
    expect(screen.getByText('已选 2 单')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '批量解决' }));
    const note = screen.getByLabelText('处理说明');
    fireEvent.change(note, { target: { value: '已联系买家' } });
    await act(async () => { fireEvent.submit(note.closest('form')!); });
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('已解决 1 单：TB-7。1 单未成功：TB-8（已由 客服小李 处理）。'));
    expect(calls.filter(c => c.method === 'POST')).toEqual([{ method: 'POST', url: '/api/exceptions:resolve', body: { entryIds: [7, 8], note: '已联系买家' } }]);
  });

  it('cancels the ticked orders only after asking, naming them', async () => {
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    const calls = serve([entry(7, 'TB-7', 'RefundRequested', ''), entry(8, 'TB-8', 'RefundRequested', '')], undefined, undefined, () => ({
      body: { succeeded: 1, failed: 0, results: [{ entryId: 8, status: 200, entry: null, problem: null }] },
    }));
    render(<ExceptionsPage />);
    await screen.findByTestId('exception-TB-8');
    const list = screen.getByRole('listbox', { name: '异常队列' });
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'x' });
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: '批量取消订单' })); });
    expect(confirm).toHaveBeenLastCalledWith(expect.stringContaining('取消 1 单（TB-8）'));
    expect(calls.some(c => c.method === 'POST')).toBe(false);
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: '批量取消订单' })); });
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('已取消 1 单：TB-8。'));
    expect(calls.find(c => c.method === 'POST')).toEqual({ method: 'POST', url: '/api/exceptions:resolve', body: { entryIds: [8], cancelOrder: true } });
  });

  it('says so with a drawn icon when nothing is open', async () => {
    serve([]);
    render(<ExceptionsPage />);
    const empty = await screen.findByText('没有待处理的异常。');
    expect(empty.closest('.empty-state')?.querySelector('svg')).not.toBeNull();
    expect(screen.getByRole('tab', { name: '待处理 0' })).toHaveAttribute('aria-selected', 'true');
  });

  it('shows state tabs and, under them, a tab per kind the state holds, each with the server\'s count', async () => {
    const calls = serve([entry(7, 'TB-7', 'AddressProblem', ''), entry(8, 'TB-8', 'AddressProblem', ''), entry(9, 'TB-9', 'OutOfStock', ''),
      entry(10, 'TB-10', 'Other', '', { resolvedAt: '2026-11-23T09:00:00Z', resolvedBy: '客服小李' })]);
    render(<ExceptionsPage />);
    const states = await screen.findByRole('tablist', { name: '处理状态' });
    const kinds = screen.getByRole('tablist', { name: '异常类型' });
    await waitFor(() => expect(within(states).getAllByRole('tab').map(t => t.textContent)).toEqual(['待处理 3', '已解决 1', '全部 4']));
    expect(within(kinds).getAllByRole('tab').map(t => t.textContent)).toEqual(['全部类型 3', '地址异常 2', '缺货 1']);
    expect(within(kinds).getByRole('tab', { name: '缺货 1' })).toHaveAttribute('title', 'OutOfStock');
    expect(calls.find(c => c.url.startsWith('/api/exceptions/counts'))!.url).toBe('/api/exceptions/counts');

    fireEvent.click(within(kinds).getByRole('tab', { name: '缺货 1' }));
    await waitFor(() => expect(lastList(calls)).toContain('kind=OutOfStock'));
    expect(within(kinds).getByRole('tab', { name: '缺货 1' })).toHaveAttribute('aria-selected', 'true');
    expect(within(states).getAllByRole('tab').map(t => t.textContent)).toEqual(['待处理 1', '已解决 0', '全部 1']);

    fireEvent.click(within(states).getByRole('tab', { name: '已解决 0' }));
    await waitFor(() => expect(within(states).getByRole('tab', { name: '已解决 0' })).toHaveAttribute('aria-selected', 'true'));
    expect(within(kinds).getAllByRole('tab').map(t => t.textContent)).toEqual(['全部类型 1', '缺货 0', '其他 1']);
  });

  it('filters by kind, shop and state through the query, and counts for the same shop', async () => {
    const calls = serve([entry(7, 'TB-7', 'RefundRequested', '')]);
    render(<ExceptionsPage />);
    fireEvent.click(await screen.findByRole('tab', { name: '退款中 1' }));
    await waitFor(() => expect(lastList(calls)).toContain('kind=RefundRequested'));
    await waitFor(() => expect(screen.getByRole('option', { name: '茶语旗舰店 (淘宝)' })).toBeInTheDocument());
    fireEvent.change(screen.getByLabelText('按店铺筛选'), { target: { value: '1' } });
    fireEvent.click(screen.getByRole('tab', { name: '全部 1' }));
    await waitFor(() => expect(lastList(calls)).toBe('/api/exceptions?pageSize=200&state=all&kind=RefundRequested&shopId=1'));
    expect(calls.filter(c => c.url.startsWith('/api/exceptions/counts')).at(-1)!.url).toBe('/api/exceptions/counts?shopId=1');
  });

  it('exports the current filter: the link carries the state, the kind and the shop', async () => {
    serve([entry(7, 'TB-7', 'RefundRequested', '', { resolvedAt: '2026-11-23T09:00:00Z' })]);
    render(<ExceptionsPage />);
    const link = await screen.findByRole('link', { name: '导出 CSV' });
    expect(link).toHaveAttribute('href', '/api/exceptions/export.csv?state=open');
    expect(link).toHaveAttribute('download');
    fireEvent.click(await screen.findByRole('tab', { name: '已解决 1' }));
    fireEvent.click(await screen.findByRole('tab', { name: '退款中 1' }));
    await waitFor(() => expect(screen.getByRole('link', { name: '导出 CSV' })).toHaveAttribute('href', '/api/exceptions/export.csv?state=resolved&kind=RefundRequested'));
  });

  it('resolves the entry under the cursor with r and a note, sending the signed-in name', async () => {
    const calls = serve([entry(7, 'TB-7', 'AddressProblem', '门牌号缺失'), entry(8, 'TB-8', 'OutOfStock', '龙井缺货')]);
    render(<ExceptionsPage />);
    await screen.findByTestId('exception-TB-8');
    const list = screen.getByRole('listbox', { name: '异常队列' });
    list.focus();
    fireEvent.keyDown(list, { key: 'j' });
    expect(screen.getByTestId('exception-TB-8')).toHaveAttribute('aria-selected', 'true');
    fireEvent.keyDown(list, { key: 'k' });
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'r' });
    const note = within(screen.getByTestId('exception-TB-8')).getByLabelText('处理说明');
    fireEvent.change(note, { target: { value: '已补货' } });
    await act(async () => { fireEvent.submit(note.closest('form')!); });
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('订单 TB-8 已解决：回到「pick」。'));
    const post = calls.find(c => c.method === 'POST')!;
    expect(post.url).toBe('/api/exceptions/8:resolve');
    expect(post.body).toEqual({ note: '已补货' });
  });

  it('resolves with the button and no note', async () => {
    const calls = serve([entry(7, 'TB-7', 'AddressProblem', '门牌号缺失')]);
    render(<ExceptionsPage />);
    const card = await screen.findByTestId('exception-TB-7');
    fireEvent.click(within(card).getByRole('button', { name: '解决' }));
    await act(async () => { fireEvent.click(within(card.querySelector('form')!).getByRole('button', { name: '解决' })); });
    await waitFor(() => expect(calls.some(c => c.method === 'POST')).toBe(true));
    expect(calls.find(c => c.method === 'POST')!.body).toEqual({});
  });

  it('says who resolved it first when the server answers 409', async () => {
    serve([entry(7, 'TB-7', 'AddressProblem', '门牌号缺失')], () => ({
      status: 409,
      body: { status: 409, title: 'Already resolved', detail: 'Exception 7 was already resolved by 客服小王 at …', handledBy: '客服小王' },
    }));
    render(<ExceptionsPage />);
    const list = screen.getByRole('listbox', { name: '异常队列' });
    await screen.findByTestId('exception-TB-7');
    fireEvent.keyDown(list, { key: 'r' });
    await act(async () => { fireEvent.submit(screen.getByLabelText('处理说明').closest('form')!); });
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('订单 TB-7 已由 客服小王 解决。'));
  });

  it('cancels the order only after confirming, with c or the button', async () => {
    const calls = serve([entry(7, 'TB-7', 'RefundRequested', '买家申请退款')]);
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    render(<ExceptionsPage />);
    const card = await screen.findByTestId('exception-TB-7');
    const list = screen.getByRole('listbox', { name: '异常队列' });
    fireEvent.keyDown(list, { key: 'c' });
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('取消订单 TB-7？'));
    expect(calls.some(c => c.method === 'POST')).toBe(false);

    confirm.mockReturnValue(true);
    await act(async () => { fireEvent.click(within(card).getByRole('button', { name: '取消订单' })); });
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('订单 TB-7 已取消。'));
    expect(confirm).toHaveBeenCalledTimes(2);
    expect(calls.find(c => c.method === 'POST')).toMatchObject({ url: '/api/exceptions/7:resolve', body: { cancelOrder: true } });
  });

  it('opens the journey with Enter', async () => {
    serve([entry(7, 'TB-7', 'AddressProblem', '门牌号缺失')]);
    render(<ExceptionsPage />);
    await screen.findByTestId('exception-TB-7');
    fireEvent.keyDown(screen.getByRole('listbox', { name: '异常队列' }), { key: 'Enter' });
    expect(window.location.pathname).toBe('/orders/107');
  });

  it('shows resolved entries without actions', async () => {
    serve([entry(7, 'TB-7', 'Other', '其他', { resolvedAt: '2026-11-23T09:00:00Z', resolvedBy: '客服小王', resolution: '已处理', orderStatus: 'Picking' })]);
    render(<ExceptionsPage />);
    const card = await screen.findByTestId('exception-TB-7');
    expect(card).toHaveTextContent('其他');
    expect(card).toHaveTextContent('客服小王');
    expect(card).toHaveTextContent('已处理');
    expect(within(card).queryByRole('button', { name: '解决' })).toBeNull();
    expect(within(card).queryByRole('button', { name: '取消订单' })).toBeNull();
  });

  describe('re-map (UnmappedSku)', () => {
    it('offers "Re-map and continue" only on open UnmappedSku entries, and "Re-map all waiting" while any is listed', async () => {
      serve([
        unmapped(7, 'TB-7', 'TEA-NEW-01'),
        entry(8, 'TB-8', 'AddressProblem', '门牌号缺失'),
        unmapped(9, 'TB-9', 'TEA-OLD-02', { resolvedAt: '2026-11-23T09:00:00Z', resolvedBy: 'workflow', orderStatus: 'Approved' }),
      ]);
      render(<ExceptionsPage />);
      const card = await screen.findByTestId('exception-TB-7');
      expect(within(card).getByRole('button', { name: '重新匹配并继续' })).toBeInTheDocument();
      expect(within(screen.getByTestId('exception-TB-8')).queryByRole('button', { name: '重新匹配并继续' })).toBeNull();
      expect(within(screen.getByTestId('exception-TB-9')).queryByRole('button', { name: '重新匹配并继续' })).toBeNull();
      expect(screen.getByRole('button', { name: '全部重新匹配' })).toBeInTheDocument();
      expect(screen.getByText(/重新匹配并继续（商品未匹配）/)).toBeInTheDocument();
    });

    it('shows "Re-map all waiting" for the UnmappedSku filter even with nothing open listed, and not otherwise', async () => {
      serve([unmapped(7, 'TB-7', 'TEA-NEW-01', { resolvedAt: '2026-11-23T09:00:00Z', resolvedBy: 'workflow' })]);
      render(<ExceptionsPage />);
      await screen.findByTestId('exception-TB-7');
      expect(screen.queryByRole('button', { name: '全部重新匹配' })).toBeNull();
      fireEvent.click(await screen.findByRole('tab', { name: '已解决 1' }));
      fireEvent.click(await screen.findByRole('tab', { name: '商品未匹配 1' }));
      expect(await screen.findByRole('button', { name: '全部重新匹配' })).toBeInTheDocument();
    });

    it('re-maps the entry under the cursor with m by its code, says what continued and refreshes the list', async () => {
      const calls = serve([entry(8, 'TB-8', 'AddressProblem', '门牌号缺失'), unmapped(7, 'TB-7', 'TEA-NEW-01, CUP-9')], undefined, () => ({
        body: { continued: [{ entryId: 7, orderId: 107, orderStatus: 'Approved', stillUnmapped: [], reason: null }], stillWaiting: [] },
      }));
      render(<ExceptionsPage />);
      await screen.findByTestId('exception-TB-7');
      const list = screen.getByRole('listbox', { name: '异常队列' });
      fireEvent.keyDown(list, { key: 'm' });
      expect(calls.some(c => c.method === 'POST')).toBe(false);
      fireEvent.keyDown(list, { key: 'j' });
      const before = calls.length;
      fireEvent.keyDown(list, { key: 'm' });
      await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('已重新匹配。1 单已继续：TB-7。'));
      const post = calls.find(c => c.method === 'POST')!;
      expect(post).toEqual({ method: 'POST', url: '/api/exceptions:remap', body: { merchantCode: 'TEA-NEW-01' } });
      await waitFor(() => expect(calls.slice(before).filter(c => c.url.startsWith('/api/exceptions?'))).toHaveLength(1));
    });

    it('says which orders still wait and on which codes, as an alert when none continued', async () => {
      serve([unmapped(7, 'TB-7', 'TEA-NEW-01, CUP-9')], undefined, () => ({
        body: { continued: [], stillWaiting: [{ entryId: 7, orderId: 107, orderStatus: 'Exception', stillUnmapped: ['CUP-9'], reason: "No goods or combo has merchant code 'CUP-9' yet." }] },
      }));
      render(<ExceptionsPage />);
      const card = await screen.findByTestId('exception-TB-7');
      await act(async () => { fireEvent.click(within(card).getByRole('button', { name: '重新匹配并继续' })); });
      await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent("已重新匹配。没有订单继续。1 单仍在等待：TB-7 等待 'CUP-9'。"));
    });

    it('scopes by shop when the detail names no code', async () => {
      const calls = serve([entry(7, 'TB-7', 'UnmappedSku', '客户说 SKU 不对', { shopId: 2 })], undefined, () => ({
        body: { continued: [], stillWaiting: [{ entryId: 7, orderId: 107, orderStatus: 'Exception', stillUnmapped: [], reason: 'Set aside by 客服小王, not by review: resolve entry 7 instead.' }] },
      }));
      render(<ExceptionsPage />);
      await screen.findByTestId('exception-TB-7');
      fireEvent.keyDown(screen.getByRole('listbox', { name: '异常队列' }), { key: 'm' });
      await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('TB-7（由 客服小王 手动转入异常，并非审核转入：请直接处理异常 #7）。'));
      expect(calls.find(c => c.method === 'POST')!.body).toEqual({ shopId: 2 });
    });

    it('re-maps all waiting with only the shop filter', async () => {
      const calls = serve([unmapped(7, 'TB-7', 'TEA-NEW-01')], undefined, () => ({
        body: {
          continued: [{ entryId: 7, orderId: 107, orderStatus: 'Approved', stillUnmapped: [], reason: null }],
          stillWaiting: [{ entryId: 9, orderId: 109, orderStatus: 'Exception', stillUnmapped: ['CUP-9', 'TEA-X'], reason: null }],
        },
      }));
      render(<ExceptionsPage />);
      await screen.findByTestId('exception-TB-7');
      await waitFor(() => expect(screen.getByRole('option', { name: '茶语旗舰店 (淘宝)' })).toBeInTheDocument());
      fireEvent.change(screen.getByLabelText('按店铺筛选'), { target: { value: '1' } });
      await waitFor(() => expect(calls.at(-1)!.url).toContain('shopId=1'));
      await act(async () => { fireEvent.click(screen.getByRole('button', { name: '全部重新匹配' })); });
      await waitFor(() => expect(screen.getByRole('status'))
        .toHaveTextContent("已重新匹配。1 单已继续：TB-7。1 单仍在等待：订单 109 等待 'CUP-9'、'TEA-X'。"));
      expect(calls.find(c => c.method === 'POST')).toMatchObject({ url: '/api/exceptions:remap', body: { shopId: 1 } });
    });

    it('says the refused field in the banner when the re-map fails, the server\'s words as the tooltip', async () => {
      serve([unmapped(7, 'TB-7', 'TEA-NEW-01')], undefined, () => ({
        status: 400,
        body: { status: 400, title: 'One or more validation errors occurred.', errors: { merchantCode: ['The length of \'Merchant Code\' must be 100 characters or fewer.'] } },
      }));
      render(<ExceptionsPage />);
      const card = await screen.findByTestId('exception-TB-7');
      await act(async () => { fireEvent.click(within(card).getByRole('button', { name: '重新匹配并继续' })); });
      await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('重新匹配失败：「商家编码」填写有误。'));
      expect(screen.getByRole('alert')).toHaveAttribute('title', expect.stringContaining("merchantCode: The length of 'Merchant Code' must be 100 characters or fewer."));
      expect(within(screen.getByTestId('exception-TB-7')).getByRole('button', { name: '重新匹配并继续' })).toBeEnabled();
    });
  });
});
