import { readFile } from 'node:fs/promises';
import { expect } from '@playwright/test';
import { order, postOrder, shopThatBlocks, signIn, snap, test } from './helpers';
import { admin } from './people';

// A day's work on the orders list, against the real server (global-setup): two orders of a shop of this test's own are
// ticked, the filter is exported as CSV (read back from the download: BOM and both rows), the selection's labels are
// opened in the print view, and ? shows the keyboard shortcuts. The review inbox and the exception queue have the
// same tabs with counts and export of their filter.

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

test('the inbox and the exception queue count their tabs and export the tab shown', async ({ page, request }) => {
  const suffix = Date.now().toString().slice(-6);
  const shop = await shopThatBlocks(request, `e2e-tabs-${suffix}`, `页签测试店 ${suffix}`);
  const blocked = `E2E-TABS-${suffix}-1`;
  const asideId = `E2E-TABS-${suffix}-2`;
  await postOrder(request, shop.id, order(blocked, '请核对地址'));
  const aside = await postOrder(request, shop.id, order(asideId, '尽快发货'));
  await expect.poll(async () => (await (await request.get(`/api/orders/counts?shopId=${shop.id}`)).json()).statuses.Picking).toBe(1);
  const raised = await request.post(`/api/orders/${aside}/exceptions`, { data: { kind: 'AddressProblem', detail: '门牌号缺失' } });
  expect(raised.ok(), await raised.text()).toBeTruthy();
  await expect.poll(async () => (await (await request.get(`/api/review/queue/counts?shopId=${shop.id}`)).json()).total).toBe(1);

  await signIn(page, admin);

  // 审核收件箱: the shop's one blocked order is under 全部; none has waited half an hour, and the export follows the tab.
  await page.getByRole('link', { name: '审核收件箱', exact: true }).click();
  await page.getByLabel('按店铺筛选').selectOption({ label: shop.name });
  const ages = page.getByRole('tablist', { name: '等待时长' });
  await expect(ages.getByRole('tab', { name: '全部 1' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId(`review-${blocked}`)).toBeVisible();
  await ages.getByRole('tab', { name: '超过 30 分钟 0' }).click();
  await expect(page.getByText('没有待审核的订单。')).toBeVisible();
  const inboxExport = page.getByRole('link', { name: '导出 CSV' });
  await expect(inboxExport).toHaveAttribute('href', `/api/review/queue/export.csv?shopId=${shop.id}&olderThanMinutes=30`);
  await snap(page, 'lists-inbox-tabs');

  // 异常队列: 待处理 1, of it 地址异常 1; that tab's file is the one entry, as Excel reads it.
  await page.getByRole('link', { name: '异常', exact: true }).click();
  await page.getByLabel('按店铺筛选').selectOption({ label: shop.name });
  const states = page.getByRole('tablist', { name: '处理状态' });
  await expect(states.getByRole('tab', { name: '待处理 1' })).toHaveAttribute('aria-selected', 'true');
  await expect(states.getByRole('tab', { name: '已解决 0' })).toBeVisible();
  await page.getByRole('tablist', { name: '异常类型' }).getByRole('tab', { name: '地址异常 1' }).click();
  await expect(page.getByTestId(`exception-${asideId}`)).toBeVisible();
  const queueExport = page.getByRole('link', { name: '导出 CSV' });
  await expect(queueExport).toHaveAttribute('href', `/api/exceptions/export.csv?state=open&kind=AddressProblem&shopId=${shop.id}`);
  await snap(page, 'lists-exceptions-tabs');
  const downloading = page.waitForEvent('download');
  await queueExport.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^exceptions-\d{8}-\d{4}\.csv$/);
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
  expect(lines[0]).toContain('异常编号,订单号,平台订单号,店铺,异常类型');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(`,${asideId},${shop.name},地址异常,门牌号缺失,`);
});
