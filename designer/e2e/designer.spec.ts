import { expect } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connect, dropActivity, editorAction, ensurePeople, newWorkflow, order, panToShow, postOrder, signIn, snap, test } from './helpers';
import { admin, opsLead, reviewer } from './people';

// Against the real server (global-setup): fresh SQLite, demo data (shops 1 and 2), the built designer at /, and the
// admin from Auth:Admin:*. The ops lead and the reviewer are made through the API once; `request` is signed in as admin.

test.beforeAll(({ playwright }) => ensurePeople(playwright, opsLead, reviewer));

test('the designer is served at / and separates ops-lead and reviewer views', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Orchestrator' })).toBeVisible();
  await snap(page, '01-sign-in');

  // A wrong password is refused on the sign-in screen.
  await page.getByLabel('用户名').fill(opsLead.userName);
  await page.getByLabel('密码', { exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('用户名或密码错误。');

  await signIn(page, opsLead);
  await expect(page).toHaveURL(/\/workflows$/);
  await expect(page.getByRole('link', { name: '流程', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: '审核规则', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: '审核收件箱', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: '用户', exact: true })).toHaveCount(0);
  await expect(page.getByRole('link', { name: '异常', exact: true })).toBeVisible();
  await expect(page.getByRole('row', { name: /sales-order/ })).toContainText('销售单流程');
  await snap(page, '02-workflow-list');

  // The shipped lifecycle opens on the canvas with every activity, in Chinese as stored.
  await page.getByRole('row', { name: /sales-order/ }).click();
  await expect(page.getByTestId('node-await-review')).toContainText('人工审核');
  await expect(page.locator('.react-flow__minimap')).toBeVisible();
  await snap(page, '03-lifecycle-editor');

  await signIn(page, reviewer);
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByRole('link', { name: '流程', exact: true })).toHaveCount(0);
  await expect(page.getByRole('link', { name: '订单', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: '异常', exact: true })).toBeVisible();
});

test('build a workflow from the palette, publish it, and an order reaches its review node', async ({ page, request }) => {
  // The admin, as picking the shops that run a workflow changes the shops (an admin's); an ops lead sees that list read-only.
  await signIn(page, admin);
  await newWorkflow(page, 'e2e-review', 'E2E 人工审核流程');
  await expect(page.getByTestId('node-start')).toBeVisible();

  // Drag three activities from the palette (found by searching, by name or code), then wire their ports.
  await page.getByTestId('palette-search').fill('导入');
  await expect(page.getByTestId('palette-AwaitReview')).toHaveCount(0);
  await page.getByTestId('palette-search').fill('import');
  await dropActivity(page, 'ImportOrder', 'start', -110, 100);
  await page.getByTestId('palette-search').fill('');
  await dropActivity(page, 'AwaitReview', 'start', -110, 240);
  await dropActivity(page, 'Finish', 'start', -110, 380);
  await expect(page.getByTestId('node-import-order')).toBeVisible();
  await expect(page.getByTestId('node-await-review')).toBeVisible();
  await expect(page.getByTestId('node-finish')).toBeVisible();

  const input = (id: string) => page.getByTestId(`node-${id}`).locator('.port-in');
  await connect(page, page.getByTestId('port-start-Done'), input('import-order'));
  await connect(page, page.getByTestId('port-import-order-Imported'), input('await-review'));
  await connect(page, page.getByTestId('port-await-review-Approved'), input('finish'));
  // Every outcome of an activity that waits must lead somewhere, or the server refuses to publish.
  await connect(page, page.getByTestId('port-import-order-Cancelled'), input('finish'));
  await connect(page, page.getByTestId('port-await-review-Rejected'), input('finish'));
  await connect(page, page.getByTestId('port-await-review-Exception'), input('finish'));
  await expect(page.locator('.react-flow__edge')).toHaveCount(6);

  // Undo removes the last connection, redo brings it back.
  await editorAction(page, 'undo').click();
  await expect(page.locator('.react-flow__edge')).toHaveCount(5);
  await editorAction(page, 'redo').click();
  await expect(page.locator('.react-flow__edge')).toHaveCount(6);

  // Rename the review node in the properties panel.
  await page.getByTestId('node-await-review').click();
  await page.getByTestId('activity-name').fill('人工审核 E2E');
  await expect(page.getByTestId('node-await-review')).toContainText('人工审核 E2E');
  await snap(page, '04-workflow-built');

  await editorAction(page, 'save').click();
  await expect(page.getByRole('status')).toContainText('草稿 v1 已保存');
  await editorAction(page, 'publish').click();
  await expect(page.getByRole('status')).toContainText('版本 1 已发布');
  await expect(page.getByTestId('definition-status')).toHaveAttribute('data-state', 'Published');
  await expect(page.getByTestId('definition-status')).toContainText('已发布 v1');
  await snap(page, '05-workflow-published');

  // Positions were kept with the definition.
  const saved = await (await request.get('/api/workflow-definitions/e2e-review?version=published')).json();
  const review = saved.root.activities.find((a: { id: string }) => a.id === 'await-review');
  expect(review.metadata.designer.position.y).toBeGreaterThan(0);

  // The JD shop runs this workflow from now on (picked in the editor); an order posted to it stops at its review node.
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  const jd = page.getByTestId('run-for-jd-tea-self');
  await expect(jd).not.toBeChecked();
  await jd.check();
  await expect(jd).toBeChecked();
  await expect.poll(async () => (await (await request.get('/api/shops/2')).json()).workflowDefinitionId).toBe('e2e-review');
  await expect(page.getByTestId('run-for-tb-tea-flagship')).not.toBeChecked();
  const orderId = await postOrder(request, 2, order('E2E-JD-0001', '尽快发货'));

  await page.goto(`/orders/${orderId}`);
  await expect(page.getByTestId('instance-status')).toContainText('e2e-review v1');
  // Where it waits, in Chinese, the server's bookmark as the tooltip.
  await expect(page.getByTestId('waiting-for')).toHaveText('等待 审单客服处理');
  await expect(page.getByTestId('waiting-for')).toHaveAttribute('title', 'Review');
  await expect(page.getByTestId('node-await-review').getByTestId('here-now')).toBeVisible();
  await expect(page.getByTestId('node-await-review')).toHaveAttribute('data-mark', 'current');
  await expect(page.getByTestId('node-import-order')).toHaveAttribute('data-mark', 'executed');
  await expect(page.locator('.react-flow__edge.edge-executed')).toHaveCount(2);
  await expect(page.getByTestId('timeline')).toContainText('导入订单：已导入');
  await snap(page, '06-journey-at-review');
});

test('a rule blocks 发票 orders; a reviewer approves one from the inbox and the journey moves on', async ({ page, request }) => {
  await signIn(page, opsLead);
  await page.getByRole('link', { name: '审核规则', exact: true }).click();
  await page.getByLabel('店铺', { exact: true }).selectOption({ label: '茶语旗舰店 (淘宝) (tb-tea-flagship)' });
  await page.getByRole('button', { name: '新建规则' }).click();

  const form = page.getByRole('form', { name: '规则编辑' });
  await form.getByLabel('规则编号').fill('invoice');
  await form.getByLabel('规则名称').fill('开票订单');
  await form.getByLabel('字段', { exact: true }).selectOption('buyerMessage');
  // Operators offered are the text ones (named in Chinese, picked by their code); a number field offers comparisons instead.
  await expect(form.getByLabel('运算符').locator('option')).toContainText(['包含', '开头是', '匹配正则']);
  await form.getByLabel('运算符').selectOption('contains');
  await form.getByLabel('值', { exact: true }).fill('发票');
  await form.getByLabel('动作').selectOption('Block');
  await form.getByLabel('原因').fill('需要开发票，请核对抬头');
  await snap(page, '07-rule-editor');
  // Saving shows the impact first; the shop has no orders yet, so nothing changes.
  await form.getByRole('button', { name: '预览影响' }).click();
  await expect(page.getByTestId('impact-summary')).toHaveText('没有变化');
  await page.getByRole('button', { name: '发布' }).click();
  await expect(page.getByTestId('rule-invoice')).toContainText('买家留言 包含 “发票”');
  await expect(page.getByRole('status')).toContainText('规则集 v1');

  // Dry run with the sample order (买家留言 请开发票): Block, and the condition that matched is marked.
  await page.getByRole('button', { name: '运行' }).click();
  await expect(page.getByTestId('dry-run-decision')).toHaveAttribute('data-decision', 'Block');
  await expect(page.getByTestId('dry-condition').first()).toHaveAttribute('data-matched', 'true');
  await expect(page.getByTestId('rule-invoice')).toHaveClass(/matched/);
  await snap(page, '08-rules-dry-run');

  const orderId = await postOrder(request, 1, order('E2E-TB-0001', '请开发票，抬头：杭州茶语'));

  await signIn(page, reviewer);
  const card = page.getByTestId('review-E2E-TB-0001');
  await expect(card).toContainText('开票订单: 需要开发票，请核对抬头');
  await expect(card).toContainText('请开发票，抬头：杭州茶语');
  await expect(card).toContainText('¥168.00');
  await snap(page, '09-review-inbox');

  // Keyboard: focus the list on the card and press a to approve.
  await card.click();
  await page.getByRole('listbox', { name: '被拦截的订单' }).focus();
  await page.keyboard.press('a');
  await expect(page.getByRole('status')).toContainText('订单 E2E-TB-0001 已通过');
  await expect(card).toHaveCount(0);

  // A second decision on the same order (here the admin's) is refused with who handled it.
  const again = await request.post(`/api/review/orders/${orderId}:approve`, { data: {} });
  expect(again.status()).toBe(409);
  expect((await again.json()).handledBy).toBe(reviewer.userName);

  await page.goto(`/orders/${orderId}`);
  await expect(page.getByTestId('node-await-review')).toHaveAttribute('data-mark', 'executed');
  await expect(page.getByTestId('node-pick')).toHaveAttribute('data-mark', 'current');
  await expect(page.getByTestId('timeline')).toContainText('人工审核：通过');
  await snap(page, '10-journey-after-approval');

  await page.getByRole('link', { name: '订单', exact: true }).click();
  await expect(page.getByTestId('order-E2E-TB-0001')).toBeVisible();
  await snap(page, '11-orders');
});

test('edit a rule, dry-run it unsaved, preview its impact on the shop\'s orders, then publish', async ({ page, request }) => {
  // With E2E-TB-0001 (请开发票) blocked by the invoice rule, two rush orders pass today.
  const rush = [await postOrder(request, 1, order('E2E-TB-RUSH-1', '加急发货')), await postOrder(request, 1, order('E2E-TB-RUSH-2', '加急，谢谢'))];
  await signIn(page, opsLead);
  await page.getByRole('link', { name: '审核规则', exact: true }).click();
  await page.getByLabel('店铺', { exact: true }).selectOption({ label: '茶语旗舰店 (淘宝) (tb-tea-flagship)' });
  await page.getByTestId('rule-invoice').getByRole('button', { name: '编辑' }).click();
  const form = page.getByRole('form', { name: '规则编辑' });
  await form.getByLabel('值', { exact: true }).fill('加急');

  // The sample order asks for an invoice: the published rule blocks it, the unsaved one would not.
  await page.getByRole('button', { name: '运行' }).click();
  await expect(page.getByTestId('dry-run-draft')).toBeVisible();
  await expect(page.getByTestId('dry-run-decision')).toHaveAttribute('data-decision', 'Approve');

  await form.getByRole('button', { name: '预览影响' }).click();
  await expect(page.getByTestId('impact-summary')).toHaveText('通过少 1 单，拦截多 1 单');
  await expect(page.getByTestId('impact-summary')).toHaveAttribute('title', 'blocks 1 more, approves 1 fewer');
  await expect(page.getByTestId('impact-transition')).toHaveText(['通过 → 拦截：2', '拦截 → 通过：1']);
  await expect(page.getByTestId('impact-example')).toHaveCount(3);
  await expect(page.getByRole('link', { name: 'E2E-TB-RUSH-2' })).toHaveAttribute('href', `/orders/${rush[1]}`);
  await snap(page, '08b-rules-impact-preview');

  await page.getByRole('button', { name: '发布' }).click();
  await expect(page.getByRole('status')).toContainText('规则集 v2');
  await expect(page.getByTestId('rule-invoice')).toContainText('买家留言 包含 “加急”');
  await expect(page.getByTestId('impact-preview')).toHaveCount(0);
});

test('edit the lifecycle: server errors on the node, compare with published, publish, export and import', async ({ page }) => {
  await signIn(page, opsLead);
  await page.getByRole('row', { name: /sales-order/ }).click();
  await expect(page.getByTestId('node-done')).toBeVisible();
  // Bring the end of the chart into the middle of the canvas (it starts below the screen at a legible zoom), away from
  // the edge where connecting would auto-pan under the mouse.
  await panToShow(page, 'node-done');

  // A Delay dropped beside the end, not yet connected nor configured: the server names its problems on the node and in
  // the list, and Publish waits until they are fixed.
  await dropActivity(page, 'Delay', 'done', -260, -40);
  await editorAction(page, 'save').click();
  await expect(page.getByRole('alert').first()).toContainText('个问题需要修正');
  await expect(page.getByTestId('node-delay')).toHaveClass(/has-errors/);
  await expect(page.getByTestId('node-delay')).toContainText('从「开始」到不了环节 delay。');
  await expect(page.getByTestId('problems')).toContainText('环节 delay 的出口「完成」没有连线。');
  // The server's own words stay at hand as the tooltip.
  await expect(page.getByTestId('problems').getByTitle("Outcome 'Done' of activity 'delay' (Delay) is not connected", { exact: false })).toHaveCount(1);
  await expect(editorAction(page, 'publish')).toBeDisabled();
  await snap(page, '12-server-errors-on-node');

  // Configure it (inline validation first), then put it between 确认发货 and 完成.
  await page.getByTestId('node-delay').click({ position: { x: 10, y: 10 } });
  await page.getByTestId('input-duration').fill('soon');
  await expect(page.locator('.properties .field-error')).toContainText('是一段时长');
  await page.getByTestId('input-duration').fill('00:00:05');
  await expect(page.locator('.properties .field-error')).toHaveCount(0);
  await page.getByTestId('rf__edge-confirm:Done->done').click({ force: true });
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('rf__edge-confirm:Done->done')).toHaveCount(0);
  const input = (id: string) => page.getByTestId(`node-${id}`).locator('.port-in');
  await connect(page, page.getByTestId('port-confirm-Done'), input('delay'));
  await connect(page, page.getByTestId('port-delay-Done'), input('done'));
  await expect(page.getByTestId('definition-status')).toHaveAttribute('data-dirty', 'true');

  // Unsaved work is not lost silently: leaving asks, and saying no stays on the canvas.
  let asked = '';
  page.once('dialog', dialog => { asked = dialog.message(); void dialog.dismiss(); });
  await page.getByRole('link', { name: '审核规则', exact: true }).click();
  await expect.poll(() => asked).toContain('未保存的修改');
  await expect(page).toHaveURL(/\/workflows\/sales-order$/);
  await expect(page.getByTestId('node-delay')).toBeVisible();

  await editorAction(page, 'compare').click();
  const diff = page.getByTestId('diff-panel');
  await expect(diff.getByTestId('diff-addedActivities')).toContainText('新增的环节（1）');
  await expect(diff.getByTestId('diff-addedActivities')).toContainText('delay');
  await expect(diff.getByTestId('diff-addedConnections')).toContainText('confirm:Done->delay');
  await expect(diff.getByTestId('diff-removedConnections')).toContainText('删除的连线（1）');
  await expect(page.getByTestId('node-delay')).toHaveAttribute('data-mark', 'added');
  await snap(page, '13-compare-with-published');
  await editorAction(page, 'compare').click();
  await expect(diff).toHaveCount(0);

  await editorAction(page, 'publish').click();
  await expect(page.getByRole('status')).toContainText('版本 2 已发布');

  // Export what is on the canvas, then import it back under another name: a new draft.
  const [download] = await Promise.all([page.waitForEvent('download'), editorAction(page, 'export').click()]);
  const exported = JSON.parse(fs.readFileSync((await download.path())!, 'utf8'));
  expect(exported.definitionId).toBe('sales-order');
  expect(exported.root.activities.find((a: { id: string }) => a.id === 'delay').duration).toBe('00:00:05');

  await editorAction(page, 'back').click();
  const file = path.join(os.tmpdir(), `sales-order-${Date.now()}.json`);
  fs.writeFileSync(file, JSON.stringify({ ...exported, name: '销售单流程 (导入)' }));
  await page.getByTestId('import-file').setInputFiles(file);
  await expect(page.getByTestId('definition-status')).toHaveAttribute('data-state', 'Draft');
  await expect(page.getByTestId('definition-status')).toContainText('草稿 v3');
  await expect(page.getByTestId('workflow-name')).toHaveValue('销售单流程 (导入)');
  fs.rmSync(file);
});

test('set an order aside from its journey, resolve it in the exception queue, and it carries on waiting at Pick', async ({ page, request }) => {
  // An ordinary order (no rule matches it) runs on to picking by itself.
  const orderId = await postOrder(request, 1, order('E2E-TB-EXC-0001', '尽快发货'));

  await signIn(page, reviewer);
  await page.goto(`/orders/${orderId}`);
  await expect(page.getByTestId('node-pick')).toHaveAttribute('data-mark', 'current');
  await expect(page.getByTestId('order-status')).toHaveAttribute('data-status', 'Picking');
  await expect(page.getByTestId('order-status')).toHaveText('待拣货');

  await page.getByRole('button', { name: '转入异常…' }).click();
  const form = page.getByRole('form', { name: '转入异常' });
  await form.getByLabel('异常类型').selectOption('AddressProblem');
  await form.getByLabel('异常说明').fill('门牌号缺失');
  await form.getByRole('button', { name: '转入异常' }).click();
  await expect(page.getByRole('status')).toContainText('已转入异常「地址异常」');
  const open = page.getByTestId('open-exception');
  await expect(open).toContainText('在异常队列中：地址异常');
  await expect(open).toContainText('门牌号缺失');
  await expect(page.getByTestId('order-status')).toHaveAttribute('data-status', 'Exception');
  await expect(page.getByTestId('exception-history')).toContainText(reviewer.userName);
  await snap(page, 'journey-set-aside');

  await page.getByRole('link', { name: '异常', exact: true }).click();
  const card = page.getByTestId('exception-E2E-TB-EXC-0001');
  await expect(card).toContainText('地址异常');
  await expect(card).toContainText('门牌号缺失');
  await expect(card).toContainText('茶语旗舰店 (淘宝)');
  await expect(card).toContainText('pick (人工转异常)');
  await snap(page, 'exceptions-queue');

  // Keyboard: focus the list on the card, r asks for a note, Enter resolves as the signed-in reviewer.
  await card.click();
  await page.getByRole('listbox', { name: '异常队列' }).focus();
  await page.keyboard.press('r');
  await card.getByLabel('处理说明').fill('已联系买家补全地址');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('订单 E2E-TB-EXC-0001 已解决：回到「pick」');
  await expect(card).toHaveCount(0);

  // Resolving again is refused with who did it.
  const entries = await (await request.get(`/api/orders/${orderId}/exceptions`)).json();
  expect(entries[0].resolvedBy).toBe(reviewer.userName);
  const again = await request.post(`/api/exceptions/${entries[0].id}:resolve`, { data: {} });
  expect(again.status()).toBe(409);
  expect((await again.json()).handledBy).toBe(reviewer.userName);

  await page.goto(`/orders/${orderId}`);
  await expect(page.getByTestId('order-status')).toHaveAttribute('data-status', 'Picking');
  await expect(page.getByTestId('node-pick')).toHaveAttribute('data-mark', 'current');
  await expect(page.getByTestId('instance-status')).toHaveAttribute('data-status', 'Suspended');
  await expect(page.getByTestId('open-exception')).toHaveCount(0);
  await expect(page.getByTestId('exception-history')).toContainText('已联系买家补全地址');
});
