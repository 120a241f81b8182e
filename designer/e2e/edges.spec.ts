import { expect } from '@playwright/test';
import { connect, dropActivity, ensurePeople, signIn, snap, test } from './helpers';
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
  await expect(approved.getByLabel('Target of Approved → stock')).toHaveValue('stock');
  await expect(page.getByTestId('outcome-Blocked').getByLabel('Target of Blocked → await-review')).toHaveValue('await-review');
  await snap(page, '14-outcomes-in-properties');
  await page.getByTestId(`connection-${chosen}`).getByRole('button', { name: /^Remove/ }).click();

  await expect(edges).toHaveCount(before - 1);
  await expect(edge(chosen)).toHaveCount(0);
  for (const id of neighbours) await expect(edge(id)).toHaveCount(1);
  await expect(approved).toContainText('Not connected');
  await expect(page.getByTestId('definition-status')).toContainText('unsaved changes');

  // Undo brings back exactly what was removed.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(edges).toHaveCount(before);
  await expect(edge(chosen)).toHaveCount(1);

  // Re-target one connection from the panel: it now ends at 取消订单 Cancel, the others stay; undo leaves nothing to save.
  await page.getByTestId('outcome-Exception').getByLabel('Target of Exception → review-exception').selectOption('cancel');
  await expect(edge('review:Exception->cancel')).toHaveCount(1);
  await expect(edge('review:Exception->review-exception')).toHaveCount(0);
  await expect(edge('await-review:Exception->review-exception')).toHaveCount(1);
  await expect(edges).toHaveCount(before);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(edge('review:Exception->review-exception')).toHaveCount(1);
  await expect(page.getByTestId('definition-status')).not.toContainText('unsaved changes');
});

test('a draft with an outcome connected twice cannot be published and says why', async ({ page, request }) => {
  await signIn(page, opsLead);
  await page.getByLabel('New workflow id').fill('e2e-twice');
  await page.getByLabel('New workflow name').fill('E2E 连了两次');
  await page.getByRole('button', { name: 'New workflow' }).click();
  await expect(page.getByTestId('node-start')).toBeVisible();

  // Two Finishes one under the other: both connections from Start's Done run down the same track.
  await dropActivity(page, 'Finish', 'start', 0, 140);
  await dropActivity(page, 'Finish', 'start', 0, 300);
  const input = (id: string) => page.getByTestId(`node-${id}`).locator('.port-in');
  await connect(page, page.getByTestId('port-start-Done'), input('finish'));
  await connect(page, page.getByTestId('port-start-Done'), input('finish-2'));

  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('status').or(page.getByRole('alert')).first()).toContainText('Draft v1 saved with 1 problem(s) to fix before publishing');
  const problems = page.getByTestId('problems');
  await expect(problems).toContainText(
    "Outcome 'Done' of activity 'start' (Start) is connected twice: to 'finish' (connection 0) and to 'finish-2' (connection 1). Only a Fork starts several branches; remove one connection.");
  await expect(problems).toContainText('root.connections[1].source.port');
  await expect(page.getByTestId('node-start').locator('.port-problem')).toHaveText('Done');
  await expect(page.getByRole('button', { name: 'Publish', exact: true })).toBeDisabled();
  await expect(page.getByTestId('definition-status')).toContainText('draft v1');
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
  await expect(page.getByLabel('Activity id')).toHaveValue('start');
  await expect(page.getByTestId('outcome-Done')).toContainText('Connected 2 times');
  await page.getByTestId('connection-start:Done->finish-2').getByRole('button', { name: /^Remove/ }).click();
  await expect(page.getByTestId('rf__edge-start:Done->finish-2')).toHaveCount(0);
  await expect(page.getByTestId('rf__edge-start:Done->finish')).toHaveCount(1);
  await page.getByTestId('node-finish-2').click({ position: { x: 10, y: 10 } });
  await page.getByRole('button', { name: 'Delete activity' }).click();
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('status')).toContainText('Draft v1 saved.');
  await expect(problems).toHaveCount(0);
  await expect(page.getByTestId('node-start').locator('.port-problem')).toHaveCount(0);
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Version 1 published');
});
