import { expect } from '@playwright/test';
import { ensureUser, order, signIn, snap, test } from './helpers';
import { opsLead } from './people';

// Against the real server (global-setup): two orders arrive with a merchant code no goods or combo has and wait in the
// exception queue as UnmappedSku. An ops lead opens one entry, maps the code to existing goods in 映射商家编码, and both
// orders leave the queue and carry on to picking. Only intake goes through the API; `request` is signed in as admin.

interface ExceptionItem { orderId: number; kind: string; resolvedAt: string | null; waitingOnCodes?: string[] | null }

test('映射商家编码 from the exception entry maps the code to goods and continues every order waiting on it', async ({ page, request }) => {
  await ensureUser(request, opsLead);
  const code = `E2E-PLAT-${Date.now().toString(36).toUpperCase()}`;
  const ids = [`E2E-TB-MAP-${Date.now()}-1`, `E2E-TB-MAP-${Date.now()}-2`];
  const batch = await request.post('/api/shops/1/orders:batch', { data: { orders: ids.map(id => order(id, '', code)) } });
  expect(batch.ok(), await batch.text()).toBeTruthy();
  const orderIds = ((await batch.json()).results as { orderId: number; hasUnmappedSku: boolean }[]).map(r => {
    expect(r.hasUnmappedSku).toBe(true);
    return r.orderId;
  });

  const waiting = async () => ((await (await request.get('/api/exceptions?kind=UnmappedSku&pageSize=200')).json()).items as ExceptionItem[])
    .filter(e => orderIds.includes(e.orderId));
  await expect.poll(async () => (await waiting()).length).toBe(2);

  await signIn(page, opsLead);
  await page.getByRole('link', { name: '异常', exact: true }).click();
  const card = page.getByTestId(`exception-${ids[0]}`);
  await expect(card).toContainText(code);
  await expect(page.getByTestId(`exception-${ids[1]}`)).toBeVisible();

  await card.getByRole('button', { name: '映射商家编码' }).click();
  const dialog = page.getByRole('dialog', { name: '映射商家编码' });
  await expect(dialog.getByTestId('unmapped-code')).toHaveText(code);
  await dialog.getByLabel('搜索名称或编码').fill('TEA-LJ-250');
  await dialog.getByRole('radio', { name: /TEA-LJ-250/ }).check();
  await snap(page, 'exceptions-map-code-dialog');
  await dialog.getByRole('button', { name: '确认映射' }).click();

  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status')).toContainText(`商家编码 ${code} 已映射到 单品`);
  await expect(page.getByRole('status')).toContainText('2 单继续处理');
  await expect(page.getByTestId(`exception-${ids[0]}`)).toBeHidden();
  await expect(page.getByTestId(`exception-${ids[1]}`)).toBeHidden();
  await snap(page, 'exceptions-map-code-done');
  expect(await waiting()).toEqual([]);

  // Both continue through allocation and the waybill to the floor's first wait; their lines now ship as the goods.
  for (const orderId of orderIds) {
    await expect.poll(async () => (await (await request.get(`/api/orders/${orderId}/workflow`)).json()).instance.waitingFor).toBe('PickConfirmed');
    const stored = await (await request.get(`/api/orders/${orderId}`)).json();
    expect(stored.lines[0]).toMatchObject({ merchantCode: code, matchedMerchantCode: 'TEA-LJ-250', mapping: 'Goods' });
  }
});
