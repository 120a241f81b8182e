import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ExceptionEntry } from '../api';
import { mockFetch, type Call } from '../test/fetchMock';
import { signedInAs } from '../test/session';
import { translator } from '../i18n';
import { mapNotice } from './mapCode';
import { MapCodeAction } from './MapCodeAction';
import { MapCodeDialog } from './MapCodeDialog';
import type { MerchantCodeMapping } from './mapCodeApi';

const goods = [
  { id: 1, merchantCode: 'TEA-LJ-250', name: '西湖龙井 250g', spec: '250g', isEnabled: true },
  { id: 2, merchantCode: 'TEA-BLC-100', name: '碧螺春 100g', spec: null, isEnabled: true },
];
const combos = [{ id: 5, code: 'SET-TEA-GIFT', name: '龙井礼盒', isEnabled: true, items: [{ goodsId: 1, merchantCode: 'TEA-LJ-250', name: '西湖龙井 250g', quantity: 1 }] }];
const page = <T,>(items: T[]) => ({ items, pageNumber: 1, pageSize: 20, total: items.length });

const mapped = (more: Partial<MerchantCodeMapping> = {}): MerchantCodeMapping => ({
  merchantCode: 'NEW-01', kind: 'Goods', targetId: 1, targetCode: 'TEA-LJ-250', targetName: '西湖龙井 250g', created: true,
  continued: [
    { entryId: 7, orderId: 107, orderStatus: 'Allocated', stillUnmapped: [], reason: null },
    { entryId: 8, orderId: 108, orderStatus: 'Allocated', stillUnmapped: [], reason: null },
  ],
  stillWaiting: [],
  ...more,
});

function serve(map: (call: Call) => { status?: number; body?: unknown } = () => ({ body: mapped() })) {
  return mockFetch(call => {
    if (call.url.startsWith('/api/goods?')) {
      const q = new URL(call.url, 'http://x').searchParams.get('q') ?? '';
      return { body: page(goods.filter(g => g.name.includes(q) || g.merchantCode.includes(q))) };
    }
    if (call.url.startsWith('/api/combos?')) return { body: page(combos) };
    if (call.url.startsWith('/api/merchant-codes/') && call.method === 'POST') return map(call);
    return undefined;
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('MapCodeDialog', () => {
  it('shows the unmapped code, finds goods by name, and maps the code to the picked goods', async () => {
    const calls = serve();
    const onMapped = vi.fn();
    render(<MapCodeDialog codes={['NEW-01']} onClose={() => {}} onMapped={onMapped} />);
    const dialog = screen.getByRole('dialog', { name: '映射商家编码' });
    expect(within(dialog).getByTestId('unmapped-code')).toHaveTextContent('NEW-01');
    expect(within(dialog).getByRole('button', { name: '确认映射' })).toBeDisabled();

    fireEvent.change(within(dialog).getByLabelText('搜索名称或编码'), { target: { value: '龙井' } });
    await waitFor(() => expect(calls.some(c => c.url.includes('q=%E9%BE%99%E4%BA%95'))).toBe(true));
    const option = await within(dialog).findByRole('radio', { name: /西湖龙井 250g/ });
    expect(within(dialog).queryByRole('radio', { name: /碧螺春/ })).toBeNull();
    fireEvent.click(option);
    fireEvent.click(within(dialog).getByRole('button', { name: '确认映射' }));

    await waitFor(() => expect(onMapped).toHaveBeenCalledWith(mapped()));
    const post = calls.find(c => c.method === 'POST')!;
    expect(post.url).toBe('/api/merchant-codes/NEW-01:map');
    expect(post.body).toEqual({ goodsId: 1 });
  });

  it('maps to a combo when 套餐 is chosen, and lets the person pick which of several codes', async () => {
    const calls = serve(() => ({ body: mapped({ kind: 'Combo', targetId: 5, targetCode: 'SET-TEA-GIFT', targetName: '龙井礼盒' }) }));
    const onMapped = vi.fn();
    render(<MapCodeDialog codes={['NEW-01', 'NEW/02']} onClose={() => {}} onMapped={onMapped} />);
    fireEvent.change(screen.getByLabelText('要映射的商家编码'), { target: { value: 'NEW/02' } });
    fireEvent.click(screen.getByRole('radio', { name: '套餐' }));
    const combo = await screen.findByRole('radio', { name: /龙井礼盒/ });
    expect(combo.closest('label')).toHaveTextContent('西湖龙井 250g×1');
    fireEvent.click(combo);
    fireEvent.click(screen.getByRole('button', { name: '确认映射' }));

    await waitFor(() => expect(onMapped).toHaveBeenCalled());
    const post = calls.find(c => c.method === 'POST')!;
    expect(post.url).toBe('/api/merchant-codes/NEW%2F02:map');
    expect(post.body).toEqual({ comboId: 5 });
  });

  it('keeps the dialog open with the server’s reason when the code already maps elsewhere', async () => {
    serve(() => ({ status: 409, body: { title: 'Merchant code already mapped', detail: "Merchant code 'NEW-01' is mapped to goods 2 (碧螺春 100g); it is not moved to something else." } }));
    const onMapped = vi.fn();
    render(<MapCodeDialog codes={['NEW-01']} onClose={() => {}} onMapped={onMapped} />);
    fireEvent.click(await screen.findByRole('radio', { name: /西湖龙井/ }));
    fireEvent.click(screen.getByRole('button', { name: '确认映射' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('无法映射：这个商家编码已有对应的商品或组合，不会改到别处。');
    expect(alert).toHaveAttribute('title', "Merchant code 'NEW-01' is mapped to goods 2 (碧螺春 100g); it is not moved to something else.");
    expect(onMapped).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: '确认映射' })).toBeEnabled();
  });
});

describe('MapCodeAction', () => {
  const entry = (more: Partial<ExceptionEntry> = {}): ExceptionEntry => ({
    id: 7, orderId: 107, shopId: 1, platformOrderId: 'TB-7', kind: 'UnmappedSku', detail: '含未匹配商品 (unmapped merchant code): NEW-01',
    source: 'Workflow', stage: 'review-exception', orderStatus: 'Exception', raisedBy: 'workflow', raisedAt: '2026-11-23T08:00:00Z',
    ageMinutes: 3, resolvedAt: null, resolvedBy: null, resolution: null, waitingOnCodes: ['NEW-01'], ...more,
  });

  it('is offered to an ops lead on an entry waiting on a code, and reports how many orders continued', async () => {
    signedInAs(['OpsLead']);
    serve();
    const onDone = vi.fn();
    render(<MapCodeAction entry={entry()} names={new Map([[107, 'TB-7'], [108, 'TB-8']])} onDone={onDone} />);
    fireEvent.click(screen.getByRole('button', { name: '映射商家编码' }));
    fireEvent.click(await screen.findByRole('radio', { name: /西湖龙井/ }));
    fireEvent.click(screen.getByRole('button', { name: '确认映射' }));

    await waitFor(() => expect(onDone).toHaveBeenCalledWith({
      kind: 'ok', text: '商家编码 NEW-01 已映射到 单品「西湖龙井 250g」(TEA-LJ-250)。2 单继续处理：TB-7、TB-8。',
    }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('is not offered to a reviewer, nor on an entry whose codes all map now or that is not UnmappedSku', () => {
    signedInAs(['Reviewer'], [1]);
    const { unmount } = render(<MapCodeAction entry={entry()} onDone={() => {}} />);
    expect(screen.queryByRole('button', { name: '映射商家编码' })).toBeNull();
    unmount();
    signedInAs(['Admin']);
    render(<><MapCodeAction entry={entry({ waitingOnCodes: [] })} onDone={() => {}} />
      <MapCodeAction entry={entry({ kind: 'AddressProblem', waitingOnCodes: null })} onDone={() => {}} /></>);
    expect(screen.queryByRole('button', { name: '映射商家编码' })).toBeNull();
  });
});

describe('mapNotice', () => {
  it('names the orders that still wait and on which code, and says when the code already mapped there', () => {
    const notice = mapped({
      created: false,
      continued: [],
      stillWaiting: [{ entryId: 9, orderId: 109, orderStatus: 'Exception', stillUnmapped: ['OTHER-9'], reason: 'No goods or combo…' }],
    });
    expect(mapNotice(notice, translator('zh-CN'), new Map([[109, 'TB-9']])))
      .toEqual({ kind: 'ok', text: '商家编码 NEW-01 已是 单品「西湖龙井 250g」(TEA-LJ-250)。没有订单继续处理。1 单仍在等待：TB-9 还缺 OTHER-9。' });
    expect(mapNotice(notice, translator('en'), new Map([[109, 'TB-9']])).text)
      .toBe('Merchant code NEW-01 already maps to goods "西湖龙井 250g" (TEA-LJ-250). No order continued. 1 still waiting: TB-9 still lacks OTHER-9.');
  });
});
