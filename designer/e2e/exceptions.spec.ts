import { expect } from '@playwright/test';
import { ensureUser, order, signIn, snap, test } from './helpers';
import { reviewer } from './people';

// Against the real server (global-setup): an order whose merchant code maps to nothing waits in the exception queue as
// UnmappedSku; once the code is added to goods (and stocked), "Re-map and continue" sends it on. Only intake, goods and
// stock go through the API; `request` is signed in as admin.

interface ExceptionItem { id: number; orderId: number; kind: string; detail: string | null; resolvedAt: string | null }

test('an unmapped order waits as UnmappedSku; once its code is added to goods, Re-map and continue sends it on', async ({ page, request }) => {
  await ensureUser(request, reviewer);
  const code = 'E2E-TEA-NEW-01';
  const platformOrderId = 'E2E-TB-UNMAPPED-0001';

  // Imported through the batch intake, as a platform push would.
  const batch = await request.post('/api/shops/1/orders:batch', { data: { orders: [order(platformOrderId, '尽快发货', code)] } });
  expect(batch.ok(), await batch.text()).toBeTruthy();
  const [result] = (await batch.json()).results as { orderId: number; outcome: string; hasUnmappedSku: boolean }[];
  expect(result).toMatchObject({ outcome: 'Created', hasUnmappedSku: true });
  const orderId = result.orderId;

  // Review sends it to the exception queue (not the inbox) on its own.
  const openEntry = async () => ((await (await request.get('/api/exceptions?kind=UnmappedSku')).json()).items as ExceptionItem[])
    .find(e => e.orderId === orderId);
  await expect.poll(async () => (await openEntry())?.kind).toBe('UnmappedSku');
  expect((await openEntry())?.detail).toContain(code);

  await signIn(page, reviewer);
  await page.getByRole('link', { name: '异常', exact: true }).click();
  const card = page.getByTestId(`exception-${platformOrderId}`);
  await expect(card).toContainText('商品未匹配');
  await expect(card).toContainText(code);
  await expect(page.getByRole('button', { name: '全部重新匹配' })).toBeVisible();

  // Before the code exists, re-mapping says the order still waits on it.
  await card.getByRole('button', { name: '重新匹配并继续' }).click();
  await expect(page.getByRole('alert')).toContainText(`${platformOrderId} 等待 '${code}'`);
  await expect(card).toBeVisible();

  // The master data fix, as ops would make it: the goods, and stock so the order is not simply out of stock next.
  const goods = await request.post('/api/goods', { data: { merchantCode: code, name: 'E2E 新茶 100g', weightKg: 0.2, price: 98 } });
  expect(goods.ok(), await goods.text()).toBeTruthy();
  expect((await goods.json()).ordersWaitingOnCode).toBe(1);
  const stock = await request.post('/api/warehouses/1/stock:adjust', { data: { reason: 'E2E 入库', items: [{ merchantCode: code, delta: 10 }] } });
  expect(stock.ok(), await stock.text()).toBeTruthy();

  await snap(page, 'exceptions-unmapped');
  await card.getByRole('button', { name: '重新匹配并继续' }).click();
  await expect(page.getByRole('status')).toContainText(`1 单已继续：${platformOrderId}。`);
  await expect(card).toHaveCount(0);

  // The entry is resolved and the order moved on from Exception.
  await expect.poll(async () => (await (await request.get(`/api/orders/${orderId}`)).json()).status).not.toBe('Exception');
  const history = (await (await request.get(`/api/orders/${orderId}/exceptions`)).json()) as ExceptionItem[];
  expect(history.filter(e => e.kind === 'UnmappedSku').every(e => e.resolvedAt)).toBe(true);
  expect(await openEntry()).toBeUndefined();
});
