import { expect, type APIRequestContext } from '@playwright/test';
import { editorAction, ensurePeople, signIn, signInApi, snap, test } from './helpers';
import { admin, opsLead } from './people';

// Rolling back (issue 20): the admin publishes v1, the ops lead v2; the ops lead rolls back to v1 from the editor's
// version history, which publishes v1's content as v3 and says who published each version.

test.beforeAll(({ playwright }) => ensurePeople(playwright, opsLead));

const id = 'e2e-rollback';
const node = (activityId: string, type: string, y: number, extra: Record<string, unknown> = {}) =>
  ({ id: activityId, type, ...extra, metadata: { designer: { position: { x: 300, y } } } });
const link = (source: string, port: string, target: string) => ({ source: { activity: source, port }, target: { activity: target } });

async function publishVersion(request: APIRequestContext, name: string, activities: unknown[], connections: unknown[]) {
  const draft = await request.put(`/api/workflow-definitions/${id}/draft`, {
    data: { definitionId: id, name, variables: [], root: { type: 'Flowchart', activities, connections } },
  });
  expect(draft.ok(), await draft.text()).toBeTruthy();
  const published = await request.post(`/api/workflow-definitions/${id}:publish`);
  expect(published.ok(), await published.text()).toBeTruthy();
}

test('roll back to v1 publishes its graph as v3 and the history names who published each version', async ({ page, request, playwright }) => {
  await publishVersion(request, 'E2E 回滚 一', [node('start', 'Start', 40), node('finish', 'Finish', 200)], [link('start', 'Done', 'finish')]);
  const lead = await playwright.request.newContext({ baseURL: process.env.DESIGNER_E2E_BASE_URL });
  await signInApi(lead, opsLead);
  await publishVersion(lead, 'E2E 回滚 二',
    [node('start', 'Start', 40), node('cool', 'Delay', 160, { duration: '00:00:05' }), node('finish', 'Finish', 300)],
    [link('start', 'Done', 'cool'), link('cool', 'Done', 'finish')]);
  await lead.dispose();

  await signIn(page, opsLead);
  await page.goto(`/workflows/${id}`);
  await expect(page.getByTestId('node-cool')).toBeVisible();
  await editorAction(page, 'versions').click();
  const history = page.getByTestId('version-history');
  await expect(history.getByTestId('published-1')).toContainText(`由 ${admin.userName} 发布`);
  await expect(history.getByTestId('published-2')).toContainText(`由 ${opsLead.userName} 发布`);
  await expect(history.getByTestId('version-2').getByRole('button')).toHaveCount(0);
  await snap(page, '16-version-history');

  let asked = '';
  page.once('dialog', dialog => { asked = dialog.message(); void dialog.accept(); });
  await expect(history.getByTestId('roll-back-1')).toHaveText('回滚到 v1');
  await history.getByTestId('roll-back-1').click();
  await expect.poll(() => asked).toContain('把版本 1 的内容重新发布为新版本');
  await expect(page.getByRole('status')).toContainText('版本 3 已按 v1 的内容发布');
  await expect(page.getByTestId('definition-status')).toContainText('已发布 v3');
  await expect(history.getByTestId('published-3')).toContainText(`由 ${opsLead.userName} 发布`);
  await expect(history.getByTestId('version-3')).toContainText('回滚到 v1');
  await expect(page.getByTestId('node-cool')).toHaveCount(0);
  await expect(page.getByTestId('node-finish')).toBeVisible();
  await expect(page.getByTestId('workflow-name')).toHaveValue('E2E 回滚 一');
  await snap(page, '17-rolled-back');

  const version = async (n: number) => (await (await request.get(`/api/workflow-definitions/${id}?version=${n}`)).json()).root;
  expect(await version(3)).toEqual(await version(1));
});
