import { expect } from '@playwright/test';
import { editorAction, ensurePeople, signIn, snap, test } from './helpers';
import { opsLead } from './people';

// Decisions from the catalogue (issue 20): a Decision whose field is misspelt, as an old or imported definition may hold
// it (the picker cannot misspell), is saved with the problem but refused at publish; picking the field fixes it.

test.beforeAll(({ playwright }) => ensurePeople(playwright, opsLead));

const at = (x: number) => ({ designer: { position: { x, y: 80 } } });

test('a Decision with a misspelt field is refused and publishes once the field is picked', async ({ page, request }) => {
  const saved = await request.put('/api/workflow-definitions/e2e-decision/draft', {
    data: {
      definitionId: 'e2e-decision', name: 'E2E 大额订单', variables: [],
      root: {
        type: 'Flowchart',
        activities: [
          { id: 'start', type: 'Start', metadata: at(0) },
          { id: 'big', type: 'Decision', name: '大额?', condition: { left: 'order.paymnt', operator: 'gt', right: 1000 }, metadata: at(220) },
          { id: 'done', type: 'Finish', metadata: at(440) },
        ],
        connections: [
          { source: { activity: 'start', port: 'Done' }, target: { activity: 'big' } },
          { source: { activity: 'big', port: 'True' }, target: { activity: 'done' } },
          { source: { activity: 'big', port: 'False' }, target: { activity: 'done' } },
        ],
      },
    },
  });
  expect(saved.ok(), await saved.text()).toBeTruthy();

  // The API refuses to publish it, naming the input and the field it is close to.
  const refused = await request.post('/api/workflow-definitions/e2e-decision:publish');
  expect(refused.status()).toBe(400);
  expect((await refused.json()).errors).toEqual([expect.objectContaining({
    code: 'UnknownField', path: 'root.activities[1].condition.left', activityId: 'big',
  })]);

  // The designer says why and will not publish.
  await signIn(page, opsLead);
  await page.getByRole('row', { name: /e2e-decision/ }).click();
  await expect(page.getByTestId('node-big')).toBeVisible();
  const problems = page.getByTestId('problems');
  await expect(problems).toContainText('环节 big 的条件用了不存在的字段。');
  await expect(problems.getByTitle("Activity 'big': 'Condition' names no field 'order.paymnt'; did you mean order.payment?")).toHaveCount(1);
  await expect(problems).toContainText('root.activities[1].condition.left');
  await expect(editorAction(page, 'publish')).toBeDisabled();

  // The Decision's properties show the unknown field flagged; the picker lists the catalogue's fields instead of free text.
  await problems.getByRole('button', { name: 'big', exact: true }).click();
  await expect(page.getByTestId('activity-id')).toHaveValue('big');
  const field = page.getByTestId('condition-field');
  await expect(field).toHaveValue('order.paymnt');
  await expect(field.locator('option', { hasText: 'order.paymnt（未知字段）' })).toHaveCount(1);
  await expect(page.getByRole('alert').filter({ hasText: '「order.paymnt」不是可用的字段' })).toBeVisible();
  // The catalogue's fields by their Chinese names, the field as the tooltip.
  await expect(field.locator('option[value="order.payment"]')).toHaveText('实付金额');
  await snap(page, '16-decision-unknown-field');

  await field.selectOption('order.payment');
  await expect(page.getByTestId('condition-operator')).toHaveValue('gt');
  await expect(page.getByTestId('condition-operator').locator('option[value="gt"]')).toHaveText('大于');
  // The shared value input of the rules' builder speaks the page's language too.
  await expect(page.getByTestId('condition-value').getByLabel('值', { exact: true })).toHaveValue('1000');
  await editorAction(page, 'save').click();
  await expect(page.getByRole('status')).toContainText('草稿 v1 已保存。');
  await expect(problems).toHaveCount(0);
  await editorAction(page, 'publish').click();
  await expect(page.getByRole('status')).toContainText('版本 1 已发布');

  const published = await (await request.get('/api/workflow-definitions/e2e-decision?version=published')).json();
  expect(published.root.activities[1].condition).toEqual({ left: 'order.payment', operator: 'gt', right: 1000 });
});
