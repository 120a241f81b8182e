import { expect, type Locator, type Page } from '@playwright/test';
import { dropActivity, editorAction, ensurePeople, signIn, snap, test } from './helpers';
import { opsLead } from './people';

// A readable lifecycle (issue 20): the shipped sales-order chart opens laid out without overlaps at a zoom where labels
// are legible, the overview sits beside the canvas, the toolbar stays on one line, and a new activity lands in free space.

test.beforeAll(({ playwright }) => ensurePeople(playwright, opsLead));

type Box = { x: number; y: number; width: number; height: number };

const intersects = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function boxes(locator: Locator): Promise<{ id: string; box: Box }[]> {
  const all: { id: string; box: Box }[] = [];
  for (const node of await locator.all()) {
    const box = await node.boundingBox();
    if (box) all.push({ id: (await node.getAttribute('data-testid'))!, box });
  }
  return all;
}

function overlapping(list: { id: string; box: Box }[]): string[] {
  return list.flatMap((a, i) => list.slice(i + 1).filter(b => intersects(a.box, b.box)).map(b => `${a.id} × ${b.id}`));
}

async function openLifecycle(page: Page) {
  await signIn(page, opsLead);
  await page.getByRole('row', { name: /sales-order/ }).click();
  await expect(page.getByTestId('node-done')).toBeAttached();
  // The first view is set once React Flow has measured the nodes: wait until the viewport stops moving.
  const viewport = page.locator('.react-flow__viewport');
  await expect.poll(async () => {
    const a = await viewport.getAttribute('style');
    await page.waitForTimeout(200);
    return a === await viewport.getAttribute('style') && a?.includes('translate');
  }).toBe(true);
}

test('the lifecycle opens laid out, legible and uncovered, and keeps its toolbar on one line', async ({ page, request }) => {
  // 17 activities as shipped, 18 once designer.spec has put a Delay before the end: as many as the latest version holds.
  const latest = await (await request.get('/api/workflow-definitions/sales-order')).json();
  await openLifecycle(page);
  const nodes = page.locator('.react-flow__node [data-testid^="node-"]');
  await expect(nodes).toHaveCount(latest.root.activities.length);
  expect(overlapping(await boxes(nodes))).toEqual([]);

  // Labels stay legible at the initial zoom: every port its own label, at least 10 screen px high.
  const label = page.getByTestId('port-label-allocate-NoWarehouse');
  await expect(label).toHaveText('无可用仓库');
  await expect(label).toHaveAttribute('title', 'NoWarehouse');
  const zoom = await page.locator('.react-flow__viewport').evaluate(el => new DOMMatrixReadOnly(getComputedStyle(el).transform).a);
  expect(zoom).toBeGreaterThanOrEqual(0.85);
  const fontPx = await label.evaluate(el => parseFloat(getComputedStyle(el).fontSize));
  expect(fontPx * zoom).toBeGreaterThanOrEqual(10);
  const allocatePorts = await boxes(page.getByTestId('node-allocate').locator('.port-label'));
  expect(allocatePorts.map(p => p.id)).toEqual(['port-label-allocate-Allocated', 'port-label-allocate-OutOfStock', 'port-label-allocate-NoWarehouse']);
  expect(overlapping(allocatePorts)).toEqual([]);
  const allocate = (await page.getByTestId('node-allocate').boundingBox())!;
  for (const p of allocatePorts) expect(p.box.x >= allocate.x && p.box.x + p.box.width <= allocate.x + allocate.width).toBe(true);

  // The overview map is visible and covers no activity.
  const minimap = (await page.locator('.react-flow__minimap').boundingBox())!;
  expect(minimap.width).toBeGreaterThan(0);
  for (const n of await boxes(nodes)) expect(intersects(minimap, n.box), n.id).toBe(false);

  // Dragging in the minimap moves the view.
  const viewport = page.locator('.react-flow__viewport');
  const before = await viewport.getAttribute('style');
  await page.mouse.move(minimap.x + minimap.width / 2, minimap.y + 30);
  await page.mouse.down();
  await page.mouse.move(minimap.x + minimap.width / 2, minimap.y + 90, { steps: 6 });
  await page.mouse.up();
  await expect(viewport).not.toHaveAttribute('style', before!);

  // "Fit" comes back to a legible zoom rather than shrinking the chart to fit.
  await page.getByTestId('fit-view').click();
  await expect.poll(() => page.locator('.react-flow__viewport').evaluate(el => new DOMMatrixReadOnly(getComputedStyle(el).transform).a))
    .toBeGreaterThanOrEqual(0.85);
  await snap(page, '18-lifecycle-laid-out');

  // Laying the chart out on opening is no change: compared with the published version nothing differs, nothing moved.
  await editorAction(page, 'compare').click();
  await expect(page.getByTestId('diff-panel')).toContainText('没有差异');
  await editorAction(page, 'compare').click();

  // With unsaved changes every toolbar control, Publish included, stays on the one line.
  await page.getByTestId('workflow-name').fill('Sales order lifecycle 销售单流程 (renamed for the layout check)');
  await expect(page.getByTestId('definition-status')).toHaveAttribute('data-dirty', 'true');
  await expectToolbarOnOneLine(page, 9);
});

test('the toolbar stays on one line with the most it can hold: a draft above a published version, unsaved', async ({ page, request }) => {
  // Published v1, then a saved draft v2 (so Discard draft shows too), made through the API.
  const id = 'e2e-layout-toolbar';
  const root = {
    type: 'Flowchart',
    activities: [{ id: 'start', type: 'Start', metadata: { designer: { position: { x: 40, y: 40 } } } },
      { id: 'done', type: 'Finish', metadata: { designer: { position: { x: 40, y: 220 } } } }],
    connections: [{ source: { activity: 'start', port: 'Done' }, target: { activity: 'done' } }],
  };
  const put = () => request.put(`/api/workflow-definitions/${id}/draft`, { data: { definitionId: id, name: 'E2E 工具栏 toolbar', variables: [], root } });
  expect((await put()).ok()).toBeTruthy();
  expect((await request.post(`/api/workflow-definitions/${id}:publish`)).ok()).toBeTruthy();
  expect((await put()).ok()).toBeTruthy();

  await signIn(page, opsLead);
  await page.goto(`/workflows/${id}`);
  await expect(page.getByTestId('definition-status')).toContainText('草稿 v2 · 已发布 v1');
  await page.getByTestId('workflow-name').fill('E2E 工具栏 toolbar, renamed and not yet saved');
  await expect(page.getByTestId('definition-status')).toHaveAttribute('data-dirty', 'true');
  await expect(editorAction(page, 'discard-draft')).toBeVisible();
  await expectToolbarOnOneLine(page, 10);
  await snap(page, '19-toolbar-one-line');
});

/** Every toolbar button (at least `count`) at the same height, and Publish inside the bar (not wrapped, not scrolled off). */
async function expectToolbarOnOneLine(page: Page, count: number) {
  const toolbar = page.locator('.toolbar');
  const tops: number[] = [];
  for (const button of await toolbar.getByRole('button').all()) tops.push((await button.boundingBox())!.y);
  expect(tops.length).toBeGreaterThanOrEqual(count);
  expect(Math.max(...tops) - Math.min(...tops)).toBeLessThanOrEqual(1);
  const publish = (await editorAction(page, 'publish').boundingBox())!;
  const bar = (await toolbar.boundingBox())!;
  expect(publish.x + publish.width).toBeLessThanOrEqual(bar.x + bar.width);
  expect(publish.y + publish.height).toBeLessThanOrEqual(bar.y + bar.height);
}

test('an activity added from the palette, or dropped on another, lands in free space', async ({ page }) => {
  await openLifecycle(page);
  const nodes = page.locator('.react-flow__node [data-testid^="node-"]');
  // The activity just added is the selected one (ids depend on what the chart already holds).
  const added = () => page.locator('.react-flow__node.selected [data-testid^="node-"]').getAttribute('data-testid');
  const before = await nodes.count();
  await page.getByTestId('palette-search').fill('delay');
  const delays: string[] = [];
  for (let i = 1; i <= 2; i++) {
    await page.getByTestId('palette-add-Delay').click();
    await expect(nodes).toHaveCount(before + i);
    delays.push((await added())!);
  }
  // Dropped right on top of 缺货拦截 (stock), a Finish moves aside to the nearest free spot.
  await page.getByTestId('palette-search').fill('');
  await dropActivity(page, 'Finish', 'stock', 0, 0);
  await expect(nodes).toHaveCount(before + 3);
  expect(await added()).toMatch(/^node-finish/);
  expect(overlapping(await boxes(nodes))).toEqual([]);
  // The two Delays are in view, where "+" was pressed.
  const canvas = (await page.getByTestId('canvas').boundingBox())!;
  for (const id of delays) {
    const box = (await page.getByTestId(id).boundingBox())!;
    expect(box.x >= canvas.x && box.y >= canvas.y && box.x + box.width <= canvas.x + canvas.width && box.y + box.height <= canvas.y + canvas.height, id).toBe(true);
  }
  await snap(page, '20-added-in-free-space');
});
