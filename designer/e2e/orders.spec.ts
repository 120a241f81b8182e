import { expect } from '@playwright/test';
import { order, signIn, snap, test } from './helpers';
import { admin } from './people';

// Against the real server (global-setup): orders pushed through intake to a shop of their own, so the tab counts are
// this test's alone; found on the orders screen by the receiver's mobile and by the buyer, searched by the server.

test('orders are found by mobile and by buyer, and the status tabs count the shop\'s orders', async ({ page, request }) => {
  const demo = await (await request.get('/api/shops/1')).json();
  const suffix = Date.now().toString().slice(-6);
  const created = await request.post('/api/shops', {
    data: {
      code: `e2e-search-${suffix}`, name: `搜索测试店 ${suffix}`, platform: 'taobao',
      defaultWarehouseId: demo.defaultWarehouseId, defaultLogisticsCompanyId: demo.defaultLogisticsCompanyId,
    },
  });
  expect(created.ok(), await created.text()).toBeTruthy();
  const shop = await created.json();

  const push = async (platformOrderId: string, buyerNick: string, mobile: string, merchantCode?: string) => {
    const body = { ...order(platformOrderId, '尽快发货', merchantCode), buyerNick };
    body.receiver = { ...body.receiver, mobile };
    const response = await request.post(`/api/shops/${shop.id}/orders`, { data: body });
    expect(response.ok(), await response.text()).toBeTruthy();
  };
  await push(`E2E-SEARCH-${suffix}-1`, '搜索买家甲', '13700000001');
  await push(`E2E-SEARCH-${suffix}-2`, '搜索买家甲', '13700000002');
  await push(`E2E-SEARCH-${suffix}-3`, '搜索买家乙', '13700000003', 'E2E-NO-SUCH-CODE');

  // The two mapped orders wait at picking, the unmapped one is set aside; the lifecycle moves them after intake answers.
  await expect.poll(async () => {
    const counts = await (await request.get(`/api/orders/counts?shopId=${shop.id}`)).json();
    return [counts.total, counts.statuses.Picking, counts.statuses.Exception];
  }).toEqual([3, 2, 1]);

  await signIn(page, admin);
  await page.getByRole('link', { name: '订单', exact: true }).click();
  await page.getByLabel('按店铺筛选').selectOption({ label: shop.name });
  await expect(page.getByRole('tab', { name: '全部 3' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: '待拣货 2' })).toHaveAttribute('title', 'Picking');
  await expect(page.getByRole('tab', { name: '异常 1' })).toHaveAttribute('title', 'Exception');
  await expect(page.getByRole('tab', { name: '待审核 0' })).toBeVisible();
  await expect(page.getByRole('tab', { name: '已发货 0' })).toBeVisible();

  // By mobile, typed as buyers give it: the search goes to the server once typing pauses.
  const search = page.getByLabel('搜索订单');
  await search.fill('+86 137 0000 0002');
  await expect(page.getByTestId(`order-E2E-SEARCH-${suffix}-2`)).toBeVisible();
  await expect(page.locator('tbody tr')).toHaveCount(1);
  await expect(page.getByRole('tab', { name: '全部 1' })).toBeVisible();
  await snap(page, '12-orders-search-mobile');

  // By buyer, on Enter: both of 甲's orders, none of 乙's.
  await search.fill('搜索买家甲');
  await search.press('Enter');
  await expect(page.getByTestId(`order-E2E-SEARCH-${suffix}-1`)).toBeVisible();
  await expect(page.getByTestId(`order-E2E-SEARCH-${suffix}-2`)).toBeVisible();
  await expect(page.locator('tbody tr')).toHaveCount(2);
  await expect(page.getByRole('tab', { name: '待拣货 2' })).toBeVisible();

  // A tab lists its status for the same shop.
  await search.fill('');
  await search.press('Enter');
  await page.getByRole('tab', { name: '异常 1' }).click();
  await expect(page.getByTestId(`order-E2E-SEARCH-${suffix}-3`)).toBeVisible();
  await expect(page.locator('tbody tr')).toHaveCount(1);
  await snap(page, '13-orders-tab-exception');
});
