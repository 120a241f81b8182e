import { test as base, expect, type APIRequestContext, type Locator, type Page, type PlaywrightWorkerArgs } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { admin, type Person } from './people';

const here = path.dirname(fileURLToPath(import.meta.url));

const results = process.env.ORCHESTRATOR_TEST_RESULTS ?? path.resolve(here, '../../artifacts/test-results');
export const screenshotDir = path.join(results, 'screenshots');

/** A full-page screenshot of the current screen, kept as a test artifact. */
export async function snap(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: false });
}

/** Signs in through the sign-in screen (signing out whoever is signed in first) and waits for the top bar. */
export async function signIn(page: Page, person: Person): Promise<void> {
  await page.goto('/');
  // A new browser context speaks Chinese, the designer's default.
  const signOut = page.getByRole('button', { name: '退出登录' });
  const userName = page.getByLabel('用户名');
  // The session is read at load: wait until the page shows either the signed-in top bar or the sign-in form.
  await expect(signOut.or(userName)).toBeVisible();
  if (await signOut.isVisible()) await signOut.click();
  await userName.fill(person.userName);
  await page.getByLabel('密码', { exact: true }).fill(person.password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByTestId('who')).toContainText(person.userName);
}

/** Signs an API request context in (the Orchestrator.Auth cookie stays in it for the calls that follow). */
export async function signInApi(request: APIRequestContext, person: Person = admin): Promise<void> {
  const response = await request.post('/api/auth/sign-in', { data: { userName: person.userName, password: person.password } });
  expect(response.ok(), await response.text()).toBeTruthy();
}

/** Creates the person through the admin API unless they exist already (the server is shared by the whole run). */
export async function ensureUser(request: APIRequestContext, person: Person): Promise<void> {
  const users = await request.get('/api/users');
  expect(users.ok(), await users.text()).toBeTruthy();
  if ((await users.json() as { userName: string }[]).some(u => u.userName === person.userName)) return;
  const created = await request.post('/api/users', { data: { ...person, warehouseIds: [] } });
  expect(created.ok(), await created.text()).toBeTruthy();
}

/** For a file's `beforeAll`: the people its tests sign in as, created through the admin API unless they exist. */
export async function ensurePeople(playwright: PlaywrightWorkerArgs['playwright'], ...people: Person[]): Promise<void> {
  const request = await playwright.request.newContext({ baseURL: process.env.DESIGNER_E2E_BASE_URL });
  await signInApi(request);
  for (const person of people) await ensureUser(request, person);
  await request.dispose();
}

/** The tests' `request` signs in as the admin first: every API call needs a session now. */
export const test = base.extend({
  request: async ({ request }, use) => {
    await signInApi(request);
    await use(request);
  },
});

/** Drags an activity from the palette and drops it on the canvas at (dx, dy) from the centre of the activity `from`. */
export async function dropActivity(page: Page, type: string, from: string, dx: number, dy: number): Promise<void> {
  const canvas = page.getByTestId('canvas');
  const c = await canvas.boundingBox();
  const n = await page.getByTestId(`node-${from}`).boundingBox();
  if (!c || !n) throw new Error('canvas or node not visible');
  const target = { x: n.x - c.x + n.width / 2 + dx, y: n.y - c.y + n.height / 2 + dy };
  await page.getByTestId(`palette-${type}`).dragTo(canvas, { targetPosition: target });
}

/**
 * Connects an outcome port to an activity's input port with the mouse, as a user does, and waits for the new edge.
 * A busy machine can drop the first gesture while React Flow is still measuring a fresh node: one more try then.
 */
export async function connect(page: Page, from: Locator, to: Locator): Promise<void> {
  const edges = page.locator('.react-flow__edge');
  const before = await edges.count();
  for (let attempt = 0; attempt < 2; attempt++) {
    const a = await from.boundingBox();
    const b = await to.boundingBox();
    if (!a || !b) throw new Error('port not visible');
    await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await page.mouse.down();
    await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
    await page.mouse.up();
    try {
      await expect(edges).toHaveCount(before + 1, { timeout: 3_000 });
      return;
    } catch (error) {
      if (attempt === 1) throw error;
    }
  }
}

export function order(platformOrderId: string, buyerMessage: string, merchantCode = 'TEA-LJ-250') {
  const now = new Date().toISOString();
  return {
    platformOrderId, status: 'WAIT_SELLER_SEND_GOODS', buyerNick: '茶友小王',
    receiver: { name: '王小明', mobile: '13912345678', province: '浙江省', city: '杭州市', district: '西湖区', address: '文三路90号' },
    buyerMessage, payTime: now, modified: now, totalFee: 168, postFee: 0, discountFee: 0, payment: 168,
    lines: [{ platformLineId: `${platformOrderId}-1`, merchantCode, title: '西湖龙井 250g', quantity: 1, price: 168 }],
  };
}

/**
 * A taobao shop of the test's own (the demo shop's warehouse and courier) with one rule that blocks every order whose
 * buyer message contains 核对, so a list filtered to it holds only that test's orders. Returns the shop as created.
 */
export async function shopThatBlocks(request: APIRequestContext, code: string, name: string): Promise<{ id: number; name: string }> {
  const demo = await (await request.get('/api/shops/1')).json();
  const created = await request.post('/api/shops', {
    data: {
      code, name, platform: 'taobao',
      defaultWarehouseId: demo.defaultWarehouseId, defaultLogisticsCompanyId: demo.defaultLogisticsCompanyId,
    },
  });
  expect(created.ok(), await created.text()).toBeTruthy();
  const shop = await created.json();
  const rules = await (await request.get(`/api/shops/${shop.id}/rules`)).json();
  const rule = await request.post(`/api/shops/${shop.id}/rules`, {
    data: {
      version: rules.version,
      rule: {
        id: 'check-message', name: '核对留言', priority: 10, action: { type: 'Block', reason: '核对留言' },
        when: { all: [{ field: 'buyerMessage', operator: 'contains', value: '核对' }] },
      },
    },
  });
  expect(rule.ok(), await rule.text()).toBeTruthy();
  return shop;
}

/** Posts an order to a shop's intake and returns its sales-order id. */
export async function postOrder(request: APIRequestContext, shopId: number, body: ReturnType<typeof order>): Promise<number> {
  const response = await request.post(`/api/shops/${shopId}/orders`, { data: body });
  expect(response.ok(), await response.text()).toBeTruthy();
  const stored = await request.get(`/api/shops/${shopId}/orders/${body.platformOrderId}`);
  expect(stored.ok()).toBeTruthy();
  return (await stored.json()).id as number;
}

/**
 * Pans the canvas, as a user does by dragging its empty background, until the element (an activity, by test id) is
 * near the middle of the canvas: a laid-out chart is taller than the screen at a legible zoom.
 */
export async function panToShow(page: Page, testId: string): Promise<void> {
  const canvas = page.getByTestId('canvas');
  for (let attempt = 0; attempt < 8; attempt++) {
    const c = await canvas.boundingBox();
    const n = await page.getByTestId(testId).boundingBox();
    if (!c || !n) throw new Error('canvas or element not visible');
    const dx = c.x + c.width / 2 - (n.x + n.width / 2);
    const dy = c.y + c.height / 2 - (n.y + n.height / 2);
    if (Math.abs(dx) < 80 && Math.abs(dy) < 80) return;
    const step = { x: Math.max(-250, Math.min(250, dx)), y: Math.max(-250, Math.min(250, dy)) };
    // A point of bare background (no activity, no connection) from which the whole move stays inside the canvas.
    const from = await canvas.evaluate((el, move) => {
      const r = el.getBoundingClientRect();
      for (let y = r.top + 10; y < r.bottom - 10; y += 15) {
        for (let x = r.left + 10; x < r.right - 10; x += 15) {
          const inside = x + move.x > r.left + 5 && x + move.x < r.right - 5 && y + move.y > r.top + 5 && y + move.y < r.bottom - 5;
          if (inside && document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
        }
      }
      return null;
    }, step);
    if (!from) throw new Error('no bare background to drag');
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + step.x, from.y + step.y, { steps: 8 });
    await page.mouse.up();
  }
}

/**
 * A workflow editor toolbar button by what it does (save, publish, undo, redo, auto-layout, compare, export, versions,
 * discard-draft, back), whatever the language the editor speaks.
 */
export function editorAction(page: Page, action: string): Locator {
  return page.getByTestId('editor-toolbar').locator(`[data-action="${action}"]`);
}

/** Starts a new workflow from the list (whatever the language), landing in its editor. */
export async function newWorkflow(page: Page, id: string, name: string): Promise<void> {
  await page.getByTestId('new-workflow-id').fill(id);
  await page.getByTestId('new-workflow-name').fill(name);
  await page.getByTestId('new-workflow').click();
}
