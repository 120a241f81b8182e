import { expect } from '@playwright/test';
import { order, shopThatBlocks, signIn, snap, test } from './helpers';
import { admin } from './people';

// Against the real server (global-setup): a shop of its own with a rule that blocks orders asking to 核对, so the inbox filtered
// to that shop holds only this test's orders. Three of its four blocked orders are ticked one by one and approved with
// one click (the "batch-approve 3 orders from the inbox"); the fourth, not ticked, stays.

test('a reviewer ticks three blocked orders and approves them in one click; they leave the inbox, the unticked one stays', async ({ page, request }) => {
  const suffix = Date.now().toString().slice(-6);
  const shop = await shopThatBlocks(request, `e2e-batch-${suffix}`, `批量审核店 ${suffix}`);

  const ids = [`E2E-BATCH-${suffix}-1`, `E2E-BATCH-${suffix}-2`, `E2E-BATCH-${suffix}-3`];
  const untouched = `E2E-BATCH-${suffix}-4`;
  for (const id of [...ids, untouched]) {
    const pushed = await request.post(`/api/shops/${shop.id}/orders`, { data: order(id, '请核对地址') });
    expect(pushed.ok(), await pushed.text()).toBeTruthy();
  }
  await expect.poll(async () => (await (await request.get(`/api/review/queue?shopId=${shop.id}`)).json()).items.length).toBe(4);

  await signIn(page, admin);
  await page.getByRole('link', { name: '审核收件箱', exact: true }).click();
  await page.getByLabel('按店铺筛选').selectOption({ label: shop.name });
  for (const id of [...ids, untouched]) await expect(page.getByTestId(`review-${id}`)).toBeVisible();
  for (const id of ids) await page.getByRole('checkbox', { name: `选择 ${id}` }).check();
  await expect(page.getByText('已选 3 单')).toBeVisible();
  await snap(page, 'inbox-batch-selected');

  await page.getByRole('button', { name: '批量通过' }).click();
  // The message lists the orders in the inbox's order (when each reached review), which a loaded machine may swap.
  await expect(page.getByRole('status')).toContainText('已通过 3 单：');
  for (const id of ids) await expect(page.getByRole('status')).toContainText(id);
  for (const id of ids) await expect(page.getByTestId(`review-${id}`)).toHaveCount(0);
  await expect(page.getByTestId(`review-${untouched}`)).toBeVisible();
  await expect(page.getByText('已选 3 单')).toHaveCount(0);
  const queue = (await (await request.get(`/api/review/queue?shopId=${shop.id}`)).json()).items as { platformOrderId: string }[];
  expect(queue.map(i => i.platformOrderId)).toEqual([untouched]);
});
