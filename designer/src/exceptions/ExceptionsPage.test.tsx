import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExceptionEntry } from '../api';
import { shops } from '../test/fixtures';
import { mockFetch, type Call } from '../test/fetchMock';
import { signedInAs } from '../test/session';
import { ExceptionsPage } from './ExceptionsPage';

const entry = (id: number, platformOrderId: string, kind: string, detail: string, more: Partial<ExceptionEntry> = {}): ExceptionEntry => ({
  id, orderId: id + 100, shopId: 1, platformOrderId, kind, detail, source: 'Hold', stage: 'pick', orderStatus: 'Exception',
  raisedBy: '客服小王', raisedAt: '2026-11-23T08:00:00Z', ageMinutes: 42, resolvedAt: null, resolvedBy: null, resolution: null, ...more,
});

function serve(queue: ExceptionEntry[], resolve: (call: Call) => { status?: number; body?: unknown } = () => ({ body: {} })) {
  return mockFetch(call => {
    if (call.url.startsWith('/api/exceptions?')) return { body: { items: queue, pageNumber: 1, pageSize: 200, total: queue.length } };
    if (call.url.startsWith('/api/shops')) return { body: shops };
    if (call.url.startsWith('/api/exceptions/') && call.method === 'POST') return resolve(call);
    return undefined;
  });
}

beforeEach(() => { signedInAs(['Reviewer'], [1]); });

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('ExceptionsPage', () => {
  it('shows each open entry with its kind in English and Chinese, order, shop, stage, detail, who raised it and age', async () => {
    serve([entry(7, 'TB-7', 'AddressProblem', '门牌号缺失'), entry(8, 'TB-8', 'NoWarehouse', '', { source: 'Workflow', stage: 'allocate', raisedBy: null })]);
    render(<ExceptionsPage />);
    const card = await screen.findByTestId('exception-TB-7');
    expect(card).toHaveTextContent('Address problem 地址异常');
    expect(card).toHaveTextContent('茶语旗舰店 (淘宝)');
    expect(card).toHaveTextContent('门牌号缺失');
    expect(card).toHaveTextContent('pick (set aside)');
    expect(card).toHaveTextContent('客服小王');
    expect(card).toHaveTextContent('waiting 42 min');
    expect(within(card).getByRole('link', { name: 'TB-7' })).toHaveAttribute('href', '/orders/107');
    const other = screen.getByTestId('exception-TB-8');
    expect(other).toHaveTextContent('No warehouse 无可用仓库');
    expect(other).toHaveTextContent('allocate (workflow wait)');
    expect(other).toHaveTextContent('the workflow');
  });

  it('filters by kind, shop and state through the query', async () => {
    const calls = serve([]);
    render(<ExceptionsPage />);
    await screen.findByText('No open exceptions. 🎉');
    fireEvent.change(screen.getByLabelText('Kind filter'), { target: { value: 'RefundRequested' } });
    await waitFor(() => expect(calls.at(-1)!.url).toContain('kind=RefundRequested'));
    await waitFor(() => expect(screen.getByRole('option', { name: '茶语旗舰店 (淘宝)' })).toBeInTheDocument());
    fireEvent.change(screen.getByLabelText('Shop filter'), { target: { value: '1' } });
    fireEvent.change(screen.getByLabelText('State filter'), { target: { value: 'all' } });
    await waitFor(() => expect(calls.at(-1)!.url).toBe('/api/exceptions?pageSize=200&state=all&kind=RefundRequested&shopId=1'));
    expect(screen.getByLabelText('Kind filter')).toHaveTextContent('Refund requested 退款中');
  });

  it('resolves the entry under the cursor with r and a note, sending the signed-in name', async () => {
    const calls = serve([entry(7, 'TB-7', 'AddressProblem', '门牌号缺失'), entry(8, 'TB-8', 'OutOfStock', '龙井缺货')]);
    render(<ExceptionsPage />);
    await screen.findByTestId('exception-TB-8');
    const list = screen.getByRole('listbox', { name: 'Exception queue' });
    list.focus();
    fireEvent.keyDown(list, { key: 'j' });
    expect(screen.getByTestId('exception-TB-8')).toHaveAttribute('aria-selected', 'true');
    fireEvent.keyDown(list, { key: 'k' });
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'r' });
    const note = within(screen.getByTestId('exception-TB-8')).getByLabelText('Resolution note');
    fireEvent.change(note, { target: { value: '已补货' } });
    await act(async () => { fireEvent.submit(note.closest('form')!); });
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Order TB-8 resolved: back to pick.'));
    const post = calls.find(c => c.method === 'POST')!;
    expect(post.url).toBe('/api/exceptions/8:resolve');
    expect(post.body).toEqual({ note: '已补货' });
  });

  it('resolves with the button and no note', async () => {
    const calls = serve([entry(7, 'TB-7', 'AddressProblem', '门牌号缺失')]);
    render(<ExceptionsPage />);
    const card = await screen.findByTestId('exception-TB-7');
    fireEvent.click(within(card).getByRole('button', { name: 'Resolve' }));
    await act(async () => { fireEvent.click(within(card.querySelector('form')!).getByRole('button', { name: 'Resolve' })); });
    await waitFor(() => expect(calls.some(c => c.method === 'POST')).toBe(true));
    expect(calls.find(c => c.method === 'POST')!.body).toEqual({});
  });

  it('says who resolved it first when the server answers 409', async () => {
    serve([entry(7, 'TB-7', 'AddressProblem', '门牌号缺失')], () => ({
      status: 409,
      body: { status: 409, title: 'Already resolved', detail: 'Exception 7 was already resolved by 客服小王 at …', handledBy: '客服小王' },
    }));
    render(<ExceptionsPage />);
    const list = screen.getByRole('listbox', { name: 'Exception queue' });
    await screen.findByTestId('exception-TB-7');
    fireEvent.keyDown(list, { key: 'r' });
    await act(async () => { fireEvent.submit(screen.getByLabelText('Resolution note').closest('form')!); });
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Order TB-7 was already resolved by 客服小王.'));
  });

  it('cancels the order only after confirming, with c or the button', async () => {
    const calls = serve([entry(7, 'TB-7', 'RefundRequested', '买家申请退款')]);
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    render(<ExceptionsPage />);
    const card = await screen.findByTestId('exception-TB-7');
    const list = screen.getByRole('listbox', { name: 'Exception queue' });
    fireEvent.keyDown(list, { key: 'c' });
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('Cancel order TB-7?'));
    expect(calls.some(c => c.method === 'POST')).toBe(false);

    confirm.mockReturnValue(true);
    await act(async () => { fireEvent.click(within(card).getByRole('button', { name: 'Cancel order' })); });
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Order TB-7 cancelled.'));
    expect(confirm).toHaveBeenCalledTimes(2);
    expect(calls.find(c => c.method === 'POST')).toMatchObject({ url: '/api/exceptions/7:resolve', body: { cancelOrder: true } });
  });

  it('opens the journey with Enter', async () => {
    serve([entry(7, 'TB-7', 'AddressProblem', '门牌号缺失')]);
    render(<ExceptionsPage />);
    await screen.findByTestId('exception-TB-7');
    fireEvent.keyDown(screen.getByRole('listbox', { name: 'Exception queue' }), { key: 'Enter' });
    expect(window.location.pathname).toBe('/orders/107');
  });

  it('shows resolved entries without actions', async () => {
    serve([entry(7, 'TB-7', 'Other', '其他', { resolvedAt: '2026-11-23T09:00:00Z', resolvedBy: '客服小王', resolution: '已处理', orderStatus: 'Picking' })]);
    render(<ExceptionsPage />);
    const card = await screen.findByTestId('exception-TB-7');
    expect(card).toHaveTextContent('Other 其他');
    expect(card).toHaveTextContent('客服小王');
    expect(card).toHaveTextContent('已处理');
    expect(within(card).queryByRole('button', { name: 'Resolve' })).toBeNull();
    expect(within(card).queryByRole('button', { name: 'Cancel order' })).toBeNull();
  });
});
