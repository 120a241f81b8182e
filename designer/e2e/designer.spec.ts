import { expect, test } from '@playwright/test';
import { connect, dropActivity, order, postOrder, signIn, snap } from './helpers';

// Against the real server (global-setup): fresh SQLite, demo data (shops 1 and 2), the built designer at /.

test('the designer is served at / and separates ops-lead and reviewer views', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Orchestrator' })).toBeVisible();
  await snap(page, '01-sign-in');

  await signIn(page, '运营小张', 'Ops lead');
  await expect(page).toHaveURL(/\/workflows$/);
  await expect(page.getByRole('link', { name: 'Workflows' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Rules' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Review inbox' })).toHaveCount(0);
  await expect(page.getByRole('row', { name: /sales-order/ })).toContainText('销售单流程');
  await snap(page, '02-workflow-list');

  // The shipped lifecycle opens on the canvas with every activity, in Chinese as stored.
  await page.getByRole('row', { name: /sales-order/ }).click();
  await expect(page.getByTestId('node-await-review')).toContainText('人工审核');
  await expect(page.locator('.react-flow__minimap')).toBeVisible();
  await snap(page, '03-lifecycle-editor');

  await signIn(page, '客服小李', 'Reviewer');
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByRole('link', { name: 'Workflows' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Orders' })).toBeVisible();
});

test('build a workflow from the palette, publish it, and an order reaches its review node', async ({ page, request }) => {
  await signIn(page, '运营小张', 'Ops lead');
  await page.getByLabel('New workflow id').fill('e2e-review');
  await page.getByLabel('New workflow name').fill('E2E 人工审核流程');
  await page.getByRole('button', { name: 'New workflow' }).click();
  await expect(page.getByTestId('node-start')).toBeVisible();

  // Drag three activities from the palette (found by searching), then wire their ports.
  await page.getByLabel('Search activities').fill('import');
  await dropActivity(page, 'ImportOrder', 'start', -110, 100);
  await page.getByLabel('Search activities').fill('');
  await dropActivity(page, 'AwaitReview', 'start', -110, 240);
  await dropActivity(page, 'Finish', 'start', -110, 380);
  await expect(page.getByTestId('node-import-order')).toBeVisible();
  await expect(page.getByTestId('node-await-review')).toBeVisible();
  await expect(page.getByTestId('node-finish')).toBeVisible();

  const input = (id: string) => page.getByTestId(`node-${id}`).locator('.port-in');
  await connect(page, page.getByTestId('port-start-Done'), input('import-order'));
  await connect(page, page.getByTestId('port-import-order-Imported'), input('await-review'));
  await connect(page, page.getByTestId('port-await-review-Approved'), input('finish'));
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);

  // Undo removes the last connection, redo brings it back.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);

  // Rename the review node in the properties panel.
  await page.getByTestId('node-await-review').click();
  await page.getByLabel('Activity name').fill('人工审核 E2E');
  await expect(page.getByTestId('node-await-review')).toContainText('人工审核 E2E');
  await snap(page, '04-workflow-built');

  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('status')).toContainText('Draft v1 saved');
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Version 1 published');
  await expect(page.getByTestId('definition-status')).toContainText('published v1');
  await snap(page, '05-workflow-published');

  // Positions were kept with the definition.
  const saved = await (await request.get('/api/workflow-definitions/e2e-review?version=published')).json();
  const review = saved.root.activities.find((a: { id: string }) => a.id === 'await-review');
  expect(review.metadata.designer.position.y).toBeGreaterThan(0);

  // The JD shop runs this workflow; an order posted through the API stops at its review node.
  const shop = await (await request.get('/api/shops/2')).json();
  const put = await request.put('/api/shops/2', { data: { ...shop, workflowDefinitionId: 'e2e-review' } });
  expect(put.ok(), await put.text()).toBeTruthy();
  const orderId = await postOrder(request, 2, order('E2E-JD-0001', '尽快发货'));

  await page.goto(`/orders/${orderId}`);
  await expect(page.getByTestId('instance-status')).toContainText('e2e-review v1');
  await expect(page.getByTestId('instance-status')).toContainText('waiting for Review');
  await expect(page.getByTestId('node-await-review')).toHaveAttribute('data-mark', 'current');
  await expect(page.getByTestId('node-import-order')).toHaveAttribute('data-mark', 'executed');
  await expect(page.locator('.react-flow__edge.edge-executed')).toHaveCount(2);
  await expect(page.getByTestId('timeline')).toContainText('Imported');
  await snap(page, '06-journey-at-review');
});

test('a rule blocks 发票 orders; a reviewer approves one from the inbox and the journey moves on', async ({ page, request }) => {
  await signIn(page, '运营小张', 'Ops lead');
  await page.getByRole('link', { name: 'Rules' }).click();
  await page.getByLabel('Shop').selectOption({ label: '茶语旗舰店 (淘宝) (tb-tea-flagship)' });
  await page.getByRole('button', { name: 'New rule' }).click();

  const form = page.getByRole('form', { name: 'Rule editor' });
  await form.getByLabel('Rule id').fill('invoice');
  await form.getByLabel('Rule name').fill('开票订单');
  await form.getByLabel('Field').selectOption('buyerMessage');
  // Operators offered are the text ones; a number field offers comparisons instead.
  await expect(form.getByLabel('Operator').locator('option')).toContainText(['contains', 'startsWith', 'regex']);
  await form.getByLabel('Operator').selectOption('contains');
  await form.getByLabel('Value').fill('发票');
  await form.getByLabel('Action').selectOption('Block');
  await form.getByLabel('Reason').fill('需要开发票，请核对抬头');
  await snap(page, '07-rule-editor');
  await form.getByRole('button', { name: 'Create rule' }).click();
  await expect(page.getByTestId('rule-invoice')).toContainText('buyerMessage contains “发票”');
  await expect(page.getByRole('status')).toContainText('rule set v1');

  // Dry run with the sample order (买家留言 请开发票): Block, and the condition that matched is marked.
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByTestId('dry-run-result')).toContainText('Block');
  await expect(page.getByTestId('dry-condition').first()).toHaveAttribute('data-matched', 'true');
  await expect(page.getByTestId('rule-invoice')).toHaveClass(/matched/);
  await snap(page, '08-rules-dry-run');

  const orderId = await postOrder(request, 1, order('E2E-TB-0001', '请开发票，抬头：杭州茶语'));

  await signIn(page, '客服小李', 'Reviewer');
  const card = page.getByTestId('review-E2E-TB-0001');
  await expect(card).toContainText('开票订单: 需要开发票，请核对抬头');
  await expect(card).toContainText('请开发票，抬头：杭州茶语');
  await expect(card).toContainText('¥168.00');
  await snap(page, '09-review-inbox');

  // Keyboard: focus the list on the card and press a to approve.
  await card.click();
  await page.getByRole('listbox', { name: 'Blocked orders' }).focus();
  await page.keyboard.press('a');
  await expect(page.getByRole('status')).toContainText('E2E-TB-0001 approved');
  await expect(card).toHaveCount(0);

  // A second decision on the same order is refused with who handled it.
  const again = await request.post(`/api/review/orders/${orderId}:approve`, { data: { reviewer: '客服小王' } });
  expect(again.status()).toBe(409);
  expect((await again.json()).handledBy).toBe('客服小李');

  await page.goto(`/orders/${orderId}`);
  await expect(page.getByTestId('node-await-review')).toHaveAttribute('data-mark', 'executed');
  await expect(page.getByTestId('node-pick')).toHaveAttribute('data-mark', 'current');
  await expect(page.getByTestId('timeline')).toContainText('Approved');
  await snap(page, '10-journey-after-approval');

  await page.getByRole('link', { name: 'Orders' }).click();
  await expect(page.getByTestId('order-E2E-TB-0001')).toBeVisible();
  await snap(page, '11-orders');
});
