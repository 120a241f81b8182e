import { render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PrintData } from '../api';
import { mockFetch } from '../test/fetchMock';
import { PrintView, printIds } from './PrintView';

const data: PrintData = {
  labels: [
    { orderId: 1, platformOrderId: 'TB-1', shop: '测试店铺', sequence: 1, packageCount: 2, trackingNumber: 'SF100', carrier: '顺丰速运', warehouse: '杭州仓',
      receiverName: '王小明', receiverMobile: '13912345678', address: '浙江省 杭州市 西湖区 文三路90号', buyerMessage: null, sellerMemo: null,
      lines: [{ merchantCode: 'TEA-1', name: '龙井', quantity: 2 }] },
    { orderId: 1, platformOrderId: 'TB-1', shop: '测试店铺', sequence: 2, packageCount: 2, trackingNumber: null, carrier: '顺丰速运', warehouse: '上海仓',
      receiverName: '王小明', receiverMobile: '13912345678', address: '浙江省 杭州市 西湖区 文三路90号', buyerMessage: null, sellerMemo: null,
      lines: [{ merchantCode: 'CUP-1', name: '茶杯', quantity: 1 }] },
  ],
  pickList: [
    { merchantCode: 'TEA-1', name: '龙井', spec: '250g', warehouse: '杭州仓', totalQuantity: 5, orders: [{ orderId: 1, platformOrderId: 'TB-1', quantity: 2 }, { orderId: 9, platformOrderId: 'TB-9', quantity: 3 }] },
    { merchantCode: 'CUP-1', name: '茶杯', spec: null, warehouse: '上海仓', totalQuantity: 1, orders: [{ orderId: 1, platformOrderId: 'TB-1', quantity: 1 }] },
  ],
  notPrinted: [{ orderId: 7, status: 403, detail: 'Order 7 is in no shop or warehouse assigned to you.' }],
};

afterEach(() => vi.unstubAllGlobals());

describe('printIds', () => {
  it('reads positive whole ids from the address, each once', () => {
    expect(printIds('3,1, 3,x,-2,0,2.5')).toEqual([3, 1]);
    expect(printIds(null)).toEqual([]);
  });
});

describe('PrintView', () => {
  it('lays out the pick list with totals and one label per package, and names orders it could not print', async () => {
    const calls = mockFetch(call => call.url === '/api/orders:print-data' ? { body: data } : undefined);
    render(<PrintView ids={[1, 9, 7]} />);

    const labels = await screen.findAllByTestId('label-TB-1');
    expect(calls[0].body).toEqual({ orderIds: [1, 9, 7] });
    expect(labels).toHaveLength(2);
    expect(labels[0]).toHaveTextContent('SF100');
    expect(labels[0]).toHaveTextContent('顺丰速运');
    expect(labels[0]).toHaveTextContent('包裹 1/2');
    expect(labels[0]).toHaveTextContent('王小明 13912345678');
    expect(labels[1]).toHaveTextContent('尚未取号');
    const sheet = screen.getByRole('region', { name: '拣货单' });
    expect(within(sheet).getByText('TEA-1').closest('tr')).toHaveTextContent('杭州仓TEA-1龙井250g5TB-1 ×2、TB-9 ×3');
    expect(within(sheet).getByText('合计').closest('tr')).toHaveTextContent('6');
    expect(screen.getByRole('alert')).toHaveTextContent('1 单未打印：#7（不在分配给你的店铺或仓库中）');
    expect(screen.getByRole('alert')).toHaveAttribute('title', 'Order 7 is in no shop or warehouse assigned to you.');
    expect(screen.getByText('共 1 单，2 个包裹')).toBeInTheDocument();
  });

  it('prints with the browser', async () => {
    mockFetch(() => ({ body: data }));
    const print = vi.fn();
    vi.stubGlobal('print', print);
    render(<PrintView ids={[1]} />);
    await screen.findAllByTestId('label-TB-1');
    screen.getByRole('button', { name: '打印' }).click();
    expect(print).toHaveBeenCalled();
  });
});
