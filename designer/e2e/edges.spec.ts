import { expect } from '@playwright/test';
import { connect, dropActivity, editorAction, ensurePeople, newWorkflow, signIn, snap, test } from './helpers';
import { opsLead } from './people';

// Edges you can trust (issue 20): one chosen connection removed exactly, and a draft whose outcome is connected twice
// saved with the problem but not published. Same real server as designer.spec.ts.

test.beforeAll(({ playwright }) => ensurePeople(playwright, opsLead));

test('delete one chosen edge among overlapping ones and only it goes', async ({ page }) => {
  await signIn(page, opsLead);
  await page.getByRole('row', { name: /sales-order/ }).click();
  await expect(page.getByTestId('node-stock')).toBeVisible();
  const edges = page.locator('.react-flow__edge');
  const edge = (id: string) => page.getByTestId(`rf__edge-${id}`);
  // Three connections run into 缺货拦截 (stock), arriving side by side: the one the ops lead meant to delete, and two others.
  const chosen = 'review:Approved->stock';
  const neighbours = ['await-stock:Done->stock', 'await-review:Approved->stock'];
  await expect(edge(chosen)).toHaveCount(1);
  for (const id of neighbours) await expect(edge(id)).toHaveCount(1);
  const before = await edges.count();

  // A wide invisible stroke takes the click, and a selected connection stands out (selected here from the keyboard, as
  // where connections pass close by a click may land on the other one).
  await expect(edge(neighbours[0]).locator('.react-flow__edge-interaction')).toHaveAttribute('stroke-width', '24');
  await edge(neighbours[0]).focus();
  await page.keyboard.press('Enter');
  await expect(edge(neighbours[0])).toHaveClass(/selected/);
  await expect(edge(neighbours[0]).locator('.react-flow__edge-path')).toHaveCSS('stroke-width', '4px');

  // The properties panel of 客服审核 lists each outcome and where it goes; remove that one connection there.
  await page.getByTestId('node-review').click({ position: { x: 10, y: 10 } });
  const approved = page.getByTestId('outcome-Approved');
  await expect(approved.getByTestId(`target-${chosen}`)).toHaveValue('stock');
  // Outcomes named in Chinese, the code as the tooltip.
  await expect(approved.getByTitle('Approved')).toHaveText('通过');
  await expect(page.getByTestId('outcome-Blocked').getByTestId('target-review:Blocked->await-review')).toHaveValue('await-review');
  await snap(page, '14-outcomes-in-properties');
  await page.getByTestId(`remove-${chosen}`).click();

  await expect(edges).toHaveCount(before - 1);
  await expect(edge(chosen)).toHaveCount(0);
  for (const id of neighbours) await expect(edge(id)).toHaveCount(1);
  await expect(approved).toContainText('未连接');
  await expect(page.getByTestId('definition-status')).toHaveAttribute('data-dirty', 'true');

  // Undo brings back exactly what was removed.
  await editorAction(page, 'undo').click();
  await expect(edges).toHaveCount(before);
  await expect(edge(chosen)).toHaveCount(1);

  // Re-target one connection from the panel: it now ends at 取消订单 Cancel, the others stay; undo leaves nothing to save.
  await page.getByTestId('target-review:Exception->review-exception').selectOption('cancel');
  await expect(edge('review:Exception->cancel')).toHaveCount(1);
  await expect(edge('review:Exception->review-exception')).toHaveCount(0);
  await expect(edge('await-review:Exception->review-exception')).toHaveCount(1);
  await expect(edges).toHaveCount(before);
  await editorAction(page, 'undo').click();
  await expect(edge('review:Exception->review-exception')).toHaveCount(1);
  await expect(page.getByTestId('definition-status')).toHaveAttribute('data-dirty', 'false');
});

test('a draft with an outcome connected twice cannot be published and says why', async ({ page, request }) => {
  await signIn(page, opsLead);
  await newWorkflow(page, 'e2e-twice', 'E2E 连了两次');
  await expect(page.getByTestId('node-start')).toBeVisible();

  // Two Finishes one under the other: both connections from Start's Done run down the same track.
  await dropActivity(page, 'Finish', 'start', 0, 140);
  await dropActivity(page, 'Finish', 'start', 0, 300);
  const input = (id: string) => page.getByTestId(`node-${id}`).locator('.port-in');
  await connect(page, page.getByTestId('port-start-Done'), input('finish'));
  await connect(page, page.getByTestId('port-start-Done'), input('finish-2'));

  await editorAction(page, 'save').click();
  await expect(page.getByRole('status').or(page.getByRole('alert')).first()).toContainText('草稿 v1 已保存，发布前还有 1 个问题需要修正。');
  const problems = page.getByTestId('problems');
  await expect(problems).toContainText('环节 start 的出口「完成」连了不止一次：只有「分支」能同时启动多个环节，请删除多余的连线。');
  await expect(problems.getByTitle(
    "Outcome 'Done' of activity 'start' (Start) is connected twice: to 'finish' (connection 0) and to 'finish-2' (connection 1). Only a Fork starts several branches; remove one connection.")).toHaveCount(1);
  await expect(problems).toContainText('root.connections[1].source.port');
  await expect(page.getByTestId('node-start').locator('.port-problem')).toHaveText('完成');
  await expect(page.getByTestId('node-start').locator('.port-problem')).toHaveAttribute('title', 'Done');
  await expect(editorAction(page, 'publish')).toBeDisabled();
  await expect(page.getByTestId('definition-status')).toHaveAttribute('data-state', 'Draft');
  await expect(page.getByTestId('definition-status')).toContainText('草稿 v1');
  await snap(page, '15-outcome-connected-twice');

  // The API refuses it too, naming the field.
  const refused = await request.post('/api/workflow-definitions/e2e-twice:publish');
  expect(refused.status()).toBe(400);
  const problem = await refused.json();
  expect(problem.errors).toEqual([expect.objectContaining({
    code: 'OutcomeConnectedTwice', path: 'root.connections[1].source.port', activityId: 'start', port: 'Done',
  })]);

  // Fixed from Start's properties (the problem's activity link selects it): remove the second connection and the Finish
  // it led to; then it publishes.
  await problems.getByRole('button', { name: 'start', exact: true }).click();
  await expect(page.getByTestId('activity-id')).toHaveValue('start');
  await expect(page.getByTestId('outcome-Done')).toContainText('连了 2 次');
  await page.getByTestId('remove-start:Done->finish-2').click();
  await expect(page.getByTestId('rf__edge-start:Done->finish-2')).toHaveCount(0);
  await expect(page.getByTestId('rf__edge-start:Done->finish')).toHaveCount(1);
  await page.getByTestId('node-finish-2').click({ position: { x: 10, y: 10 } });
  await page.getByTestId('delete-activity').click();
  await editorAction(page, 'save').click();
  await expect(page.getByRole('status')).toContainText('草稿 v1 已保存。');
  await expect(problems).toHaveCount(0);
  await expect(page.getByTestId('node-start').locator('.port-problem')).toHaveCount(0);
  await editorAction(page, 'publish').click();
  await expect(page.getByRole('status')).toContainText('版本 1 已发布');
});
