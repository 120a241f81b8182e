import { expect } from '@playwright/test';
import { ensureUser, order, signIn, snap, test } from './helpers';
import { opsLead } from './people';

// Against the real server (global-setup): an ops lead writes a review rule in the Rules screen whose province condition
// is picked from the pick list (新疆, the list's short name for 新疆维吾尔自治区), publishes it, and an order to
// 新疆维吾尔自治区 is blocked for review with that rule. A shop of its own keeps the rule away from the other tests.

test('a rule on province 新疆 picked from the pick list blocks an order to 新疆维吾尔自治区', async ({ page, request }) => {
  await ensureUser(request, opsLead);
  const demo = await (await request.get('/api/shops/1')).json();
  const suffix = Date.now().toString().slice(-6);
  const created = await request.post('/api/shops', {
    data: {
      code: `e2e-province-${suffix}`, name: `新疆规则店 ${suffix}`, platform: 'taobao',
      defaultWarehouseId: demo.defaultWarehouseId, defaultLogisticsCompanyId: demo.defaultLogisticsCompanyId,
    },
  });
  expect(created.ok(), await created.text()).toBeTruthy();
  const shop = await created.json();

  await signIn(page, opsLead);
  await page.getByRole('link', { name: '审核规则', exact: true }).click();
  await page.getByLabel('店铺', { exact: true }).selectOption({ label: `${shop.name} (${shop.code})` });
  await page.getByRole('button', { name: '新建规则' }).click();
  const form = page.getByRole('form', { name: '规则编辑' });
  await form.getByLabel('规则编号').fill('xinjiang');
  await form.getByLabel('规则名称').fill('新疆订单');
  await form.getByLabel('字段', { exact: true }).selectOption('receiverProvince');
  await form.getByLabel('运算符').selectOption('equals');

  // The pick list (the value input's datalist) offers 新疆 by its short name for the division's full name. Headless
  // Chromium draws no datalist popup to click, so the option the list offers for 新疆 is chosen as the browser does
  // it: its value goes into the input.
  const value = form.getByLabel('值', { exact: true });
  const list = await value.getAttribute('list');
  expect(list).toBeTruthy();
  const choice = page.locator(`datalist[id="${list}"] option[label="新疆"]`);
  await expect(choice).toHaveCount(1);
  const picked = await choice.getAttribute('value');
  expect(picked).toBe('新疆维吾尔自治区');
  await value.fill(picked!);
  await expect(value).toHaveValue('新疆维吾尔自治区');
  await form.getByLabel('动作').selectOption('Block');
  await form.getByLabel('原因').fill('偏远地区，请确认运费');
  await snap(page, 'rules-province-pick-list');
  await form.getByRole('button', { name: '预览影响' }).click();
  await page.getByRole('button', { name: '发布' }).click();
  await expect(page.getByTestId('rule-xinjiang')).toContainText('新疆维吾尔自治区');
  await expect(page.getByRole('status')).toContainText('规则集 v1');

  const platformOrderId = `E2E-XJ-${suffix}`;
  const body = order(platformOrderId, '');
  body.receiver = { ...body.receiver, province: '新疆维吾尔自治区', city: '乌鲁木齐市', district: '天山区', address: '解放南路1号' };
  const pushed = await request.post(`/api/shops/${shop.id}/orders`, { data: body });
  expect(pushed.ok(), await pushed.text()).toBeTruthy();

  await page.getByRole('link', { name: '审核收件箱', exact: true }).click();
  await page.getByLabel('按店铺筛选').selectOption({ label: shop.name });
  const card = page.getByTestId(`review-${platformOrderId}`);
  await expect(card).toContainText('新疆订单: 偏远地区，请确认运费');
  await expect(card).toContainText('新疆维吾尔自治区');
  await snap(page, 'inbox-province-blocked');
  const stored = await (await request.get(`/api/shops/${shop.id}/orders/${platformOrderId}`)).json();
  expect(stored.status).toBe('Blocked');
});
