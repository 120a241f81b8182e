import { readFile } from 'node:fs/promises';
import { expect } from '@playwright/test';
import { order, signIn, snap, test } from './helpers';
import { admin } from './people';

// A day's work on the orders list, against the real server (global-setup): two orders of a shop of this test's own are
// ticked, the filter is exported as CSV (read back from the download: BOM and both rows), the selection's labels are
// opened in the print view, and ? shows the keyboard shortcuts.

test('two ticked orders export as CSV, print their labels, and ? lists the shortcuts', async ({ page, request }) => {
  const demo = await (await request.get('/api/shops/1')).json();
  const suffix = Date.now().toString().slice(-6);
  const created = await request.post('/api/shops', {
    data: {
      code: `e2e-lists-${suffix}`, name: `清单测试店 ${suffix}`, platform: 'taobao',
      defaultWarehouseId: demo.defaultWarehouseId, defaultLogisticsCompanyId: demo.defaultLogisticsCompanyId,
    },
  });
  expect(created.ok(), await created.text()).toBeTruthy();
  const shop = await created.json();
  const ids = [`E2E-LISTS-${suffix}-1`, `E2E-LISTS-${suffix}-2`];
  for (const [i, platformOrderId] of ids.entries()) {
    const body = { ...order(platformOrderId, i === 0 ? '请用纸箱, 别用"袋子"' : '尽快发货'), buyerNick: `清单买家${i + 1}` };
    const response = await request.post(`/api/shops/${shop.id}/orders`, { data: body });
    expect(response.ok(), await response.text()).toBeTruthy();
  }
  await expect.poll(async () => (await (await request.get(`/api/orders/counts?shopId=${shop.id}`)).json()).statuses.Picking).toBe(2);

  await signIn(page, admin);
  await page.getByRole('link', { name: '订单', exact: true }).click();
  await page.getByLabel('按店铺筛选').selectOption({ label: shop.name });
  await expect(page.locator('tbody tr')).toHaveCount(2);
  for (const id of ids) await page.getByLabel(`选择 ${id}`).check();
  await expect(page.getByTestId('selected-count')).toHaveText('已选 2 单');
  await snap(page, 'lists-orders-selected');

  // 导出 CSV: the shop's filter, as Excel reads it (UTF-8 with a BOM, quoted where the text needs it).
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: '导出 CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^orders-\d{8}-\d{4}\.csv$/);
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString('utf8');
  const lines = text.trimEnd().split('\r\n');
  expect(lines[0]).toContain('订单号,平台订单号,店铺,状态');
  expect(lines).toHaveLength(3);
  for (const id of ids) expect(text).toContain(`,${id},`);
  expect(text).toContain('"请用纸箱, 别用""袋子"""');

  // 打印拣货单和面单: a window of its own with a label per package of the two.
  const opening = page.context().waitForEvent('page');
  await page.getByRole('button', { name: '打印拣货单和面单' }).click();
  const printView = await opening;
  await expect(printView).toHaveURL(/\/orders\/print\?ids=\d+,\d+$/);
  for (const id of ids) {
    const label = printView.getByTestId(`label-${id}`);
    await expect(label).toBeVisible();
    await expect(label).toContainText('包裹 1/1');
  }
  await expect(printView.getByRole('region', { name: '拣货单' })).toContainText('TEA-LJ-250');
  await snap(printView, 'lists-print-view');
  await printView.close();

  // ? shows the shortcuts on screen (the one place they are documented); Esc closes it.
  await page.locator('body').press('?');
  const panel = page.getByRole('dialog', { name: '键盘快捷键' });
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('按当前筛选导出 CSV');
  await snap(page, 'lists-shortcuts-panel');
  await page.locator('body').press('Escape');
  await expect(panel).toHaveCount(0);
});
