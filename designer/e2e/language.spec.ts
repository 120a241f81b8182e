import { expect } from '@playwright/test';
import { signIn, snap, test } from './helpers';
import { admin } from './people';

// One language per screen: Chinese unless the person picks English in the top bar, which the browser remembers.
test('the designer speaks Chinese by default, switches to English, and keeps the choice over a reload', async ({ page }) => {
  await signIn(page, admin);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const nav = page.getByRole('navigation', { name: '页面' });
  await expect(nav.getByRole('link', { name: '订单', exact: true })).toBeVisible();
  await expect(nav.getByRole('link', { name: '异常', exact: true })).toBeVisible();

  await nav.getByRole('link', { name: '订单', exact: true }).click();
  await expect(page.getByRole('heading', { name: '订单' })).toBeVisible();
  const tabs = page.getByRole('tablist', { name: '订单状态' });
  await expect(tabs.getByTestId('tab-all')).toContainText('全部');
  await expect(tabs.getByTestId('tab-picking')).toContainText('待拣货');
  await expect(tabs.getByTestId('tab-picking')).toHaveAttribute('title', 'Picking');
  await expect(page.getByRole('columnheader', { name: '买家留言' })).toBeVisible();

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const navEn = page.getByRole('navigation', { name: 'Screens' });
  await expect(navEn.getByRole('link', { name: 'Orders', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Orders' })).toBeVisible();
  await expect(page.getByRole('tablist', { name: 'Order status' }).getByTestId('tab-picking')).toContainText('Picking');
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Orders' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');

  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { name: '订单' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

test('the workflow editor follows the language: toolbar and palette in Chinese by default, in English after the switch', async ({ page }) => {
  await signIn(page, admin);
  await page.goto('/workflows/sales-order');
  const toolbar = page.getByTestId('editor-toolbar');
  const palette = page.getByTestId('palette');
  await expect(page.getByTestId('node-start')).toBeAttached();

  await expect(toolbar.locator('[data-action="save"]')).toHaveText('保存草稿');
  await expect(toolbar.locator('[data-action="publish"]')).toHaveText('发布');
  await expect(toolbar.locator('[data-action="undo"]')).toHaveText('撤销');
  await expect(toolbar.locator('[data-action="compare"]')).toHaveText('与已发布版本比较');
  await expect(palette.getByRole('searchbox')).toHaveAttribute('placeholder', '搜索环节…');
  await expect(palette.getByRole('heading', { name: '销售订单' })).toHaveAttribute('title', 'Sales order');
  await expect(palette.getByTestId('palette-Verify')).toContainText('验货出库');
  await expect(page.getByTestId('port-label-verify-Verified')).toHaveText('已验货');
  await expect(page.getByTestId('fit-view')).toHaveAttribute('title', /适合视图/);

  await page.getByRole('button', { name: 'English' }).click();
  await expect(toolbar.locator('[data-action="save"]')).toHaveText('Save draft');
  await expect(toolbar.locator('[data-action="publish"]')).toHaveText('Publish');
  await expect(toolbar.locator('[data-action="undo"]')).toHaveText('Undo');
  await expect(toolbar.locator('[data-action="compare"]')).toHaveText('Compare with published');
  await expect(palette.getByRole('searchbox')).toHaveAttribute('placeholder', 'Search activities…');
  await expect(palette.getByRole('heading', { name: 'Sales order' })).toBeVisible();
  await expect(palette.getByTestId('palette-Verify')).toContainText('Verify');
  await expect(page.getByTestId('port-label-verify-Verified')).toHaveText('verified');
  await expect(page.getByTestId('fit-view')).toHaveAttribute('title', /Fit view/);
});

test("React Flow's own controls and screen-reader texts follow the language on the canvas", async ({ page }) => {
  await signIn(page, admin);
  await page.goto('/workflows/sales-order');
  await expect(page.getByTestId('node-start')).toBeAttached();
  const canvas = page.getByTestId('canvas');

  await expect(canvas.getByRole('button', { name: '放大' })).toHaveAttribute('title', '放大');
  await expect(canvas.getByRole('button', { name: '缩小' })).toHaveAttribute('title', '缩小');
  await expect(canvas.getByLabel('画布控制')).toBeVisible();
  await expect(canvas.getByLabel('从环节 start 的出口「完成」到环节 import 的连线')).toHaveAttribute('aria-roledescription', '连线');
  await expect(canvas.getByTestId('rf__node-start')).toHaveAttribute('aria-roledescription', '环节');
  await expect(canvas.getByText('按 Enter 或空格键选中连线；按 Delete 删除，按 Esc 取消。')).toBeAttached();
  await expect(page.getByLabel('流程图概览')).toBeVisible();

  await page.getByRole('button', { name: 'English' }).click();
  await expect(canvas.getByRole('button', { name: 'Zoom in' })).toHaveAttribute('title', 'Zoom in');
  await expect(canvas.getByLabel('Canvas controls')).toBeVisible();
  await expect(canvas.getByLabel("Connection from activity start (outcome 'done') to activity import")).toHaveAttribute('aria-roledescription', 'connection');
  await expect(canvas.getByTestId('rf__node-start')).toHaveAttribute('aria-roledescription', 'activity');
  await expect(canvas.getByText('Press Enter or Space to select a connection; Delete removes it, Esc cancels.')).toBeAttached();
  await expect(page.getByLabel('Overview of the chart')).toBeVisible();
});

test("a server problem is said in the screen's language, the server's own words as the tooltip", async ({ page }) => {
  await signIn(page, admin);
  await page.goto('/users');
  await page.getByRole('button', { name: '新建用户' }).click();
  const form = page.getByRole('form', { name: '新建用户' });
  // The admin exists already: the server answers 409 Already exists, naming userName.
  await form.getByLabel('新用户的用户名').fill(admin.userName);
  await form.getByLabel('新用户的密码').fill('E2e-Duplicate!2026');
  await form.getByRole('button', { name: '创建用户' }).click();
  const banner = page.getByRole('alert').filter({ hasText: '操作未成功' });
  await expect(banner).toHaveText('操作未成功：「用户名」已存在。');
  await expect(banner).toHaveAttribute('title', new RegExp(`A user named '${admin.userName}' already exists`));
  await expect(form.getByTitle(`A user named '${admin.userName}' already exists.`)).toHaveText('服务器没有接受这一项（原因见提示）。');
  await snap(page, 'language-server-problem-zh');

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('form', { name: 'New user' }).getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Not done' })).toHaveText('Not done: user name already exists.');
  await expect(page.getByRole('alert').filter({ hasText: 'Not done' })).toHaveAttribute('title', new RegExp(`A user named '${admin.userName}' already exists`));
});
