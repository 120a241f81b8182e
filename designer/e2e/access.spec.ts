import { expect } from '@playwright/test';
import { editorAction, ensureUser, newWorkflow, signIn, snap, test } from './helpers';
import { admin, opsLead, type Person } from './people';

// Who may do what, end to end: the admin makes a reviewer for one shop on the Users screen, and the reviewer sees only
// what the role allows. Against the real server of global-setup (admin from Auth:Admin:*, demo shops 1 and 2).

const tbReviewer: Person = { userName: 'reviewer.tb', password: 'E2e-TbReviewer!2026', roles: ['Reviewer'], shopIds: [1] };

test('an admin creates a reviewer for one shop, who sees the inbox but not workflows or rules', async ({ page }) => {
  await signIn(page, admin);
  await expect(page.getByRole('link', { name: '用户', exact: true })).toBeVisible();
  await page.getByRole('link', { name: '用户', exact: true }).click();
  await expect(page.getByTestId(`user-${admin.userName}`)).toContainText('管理员');

  await page.getByRole('button', { name: '新建用户' }).click();
  const form = page.getByRole('form', { name: '新建用户' });
  await form.getByLabel('新用户的用户名').fill(tbReviewer.userName);
  await form.getByLabel('新用户的密码').fill(tbReviewer.password);
  await expect(form.getByRole('checkbox', { name: '审单客服' })).toBeChecked();
  await form.getByRole('checkbox', { name: '店铺 茶语旗舰店 (淘宝)' }).check();
  await snap(page, 'users-new-reviewer');
  await form.getByRole('button', { name: '创建用户' }).click();
  await expect(page.getByRole('status')).toContainText(`已创建用户 ${tbReviewer.userName}。`);
  const row = page.getByTestId(`user-${tbReviewer.userName}`);
  await expect(row).toContainText('审单客服');
  await expect(row).toContainText('茶语旗舰店 (淘宝)');
  await expect(row).not.toContainText('茶语京东自营店');

  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByLabel('密码', { exact: true })).toBeVisible();

  await page.getByLabel('用户名').fill(tbReviewer.userName);
  await page.getByLabel('密码', { exact: true }).fill(tbReviewer.password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByTestId('who')).toContainText(`${tbReviewer.userName} · 审单客服`);
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByRole('heading', { name: '审核收件箱' })).toBeVisible();
  await expect(page.getByRole('link', { name: '流程', exact: true })).toHaveCount(0);
  await expect(page.getByRole('link', { name: '审核规则', exact: true })).toHaveCount(0);
  await expect(page.getByRole('link', { name: '用户', exact: true })).toHaveCount(0);
  await expect(page.getByLabel('按店铺筛选').locator('option')).toHaveText(['全部店铺', '茶语旗舰店 (淘宝)']);
  await snap(page, 'reviewer-inbox-one-shop');

  await page.goto('/workflows/sales-order');
  await expect(page.getByTestId('not-allowed')).toContainText('你的角色无权使用');
  await expect(page.getByTestId('node-start')).toHaveCount(0);
  await snap(page, 'reviewer-not-allowed');
});

test('an admin creates a shop API key, sees it once, and revokes it', async ({ page }) => {
  await signIn(page, admin);
  await page.getByRole('link', { name: 'API 密钥', exact: true }).click();
  await page.getByLabel('店铺', { exact: true }).selectOption({ label: '茶语京东自营店 (jd-tea-self)' });
  await page.getByLabel('密钥名称').fill('E2E ERP sync');
  await page.getByRole('button', { name: '创建密钥' }).click();
  const shown = page.getByTestId('new-key');
  await expect(shown).toContainText('只显示这一次');
  const key = (await page.getByTestId('new-key-value').textContent())?.trim() ?? '';
  expect(key.length).toBeGreaterThan(16);
  const row = page.getByTestId('api-key-E2E ERP sync');
  await expect(row).toContainText('有效');
  await expect(row).not.toContainText(key);
  // The list names the key by how it starts, so whoever holds it can tell which one it is.
  await expect(row).toContainText(`${key.slice(0, 12)}…`);
  await snap(page, 'api-key-created');
  await shown.getByRole('button', { name: '已复制，关闭' }).click();
  await expect(shown).toHaveCount(0);

  page.once('dialog', dialog => void dialog.accept());
  await row.getByRole('button', { name: '吊销' }).click();
  await expect(row).toContainText('吊销');
});

test('a session that ends drops to sign-in at the same address and comes back there', async ({ page }) => {
  await signIn(page, admin);
  await page.getByRole('link', { name: '订单', exact: true }).click();
  await expect(page.getByRole('heading', { name: '订单' })).toBeVisible();
  await page.context().clearCookies();
  await page.getByLabel('按状态筛选').selectOption('Shipped');
  await expect(page.getByText('登录已过期，请重新登录后继续。')).toBeVisible();
  await expect(page).toHaveURL(/\/orders$/);
  await page.getByLabel('密码', { exact: true }).fill(admin.password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('heading', { name: '订单' })).toBeVisible();
  await expect(page).toHaveURL(/\/orders$/);
});

test('a session that ends with unsaved editor work keeps the canvas under a sign-in dialog and saves after signing in', async ({ page, request }) => {
  await ensureUser(request, opsLead);
  await signIn(page, opsLead);
  await newWorkflow(page, 'e2e-session', '会话过期测试');
  await expect(page.getByTestId('node-start')).toBeVisible();
  await page.getByTestId('workflow-name').fill('会话过期测试 (改)');

  await page.context().clearCookies();
  await editorAction(page, 'save').click();
  // The dialog over the editor speaks the page's language, as the editor itself does.
  const dialog = page.getByRole('dialog', { name: '登录已过期' });
  await expect(dialog).toContainText('本页未保存的修改会保留');
  await expect(page.getByRole('alert').filter({ hasText: '修改没有丢失' })).toBeVisible();
  await expect(page.getByTestId('workflow-name')).toHaveValue('会话过期测试 (改)');
  await snap(page, 'session-ended-dialog');

  await dialog.getByLabel('密码', { exact: true }).fill(opsLead.password);
  await dialog.getByRole('button', { name: '重新登录' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status')).toContainText('草稿 v1 已保存');
  await expect(page).toHaveURL(/\/workflows\/e2e-session$/);
  const saved = await (await request.get('/api/workflow-definitions/e2e-session?version=latest')).json();
  expect(saved.name).toBe('会话过期测试 (改)');
});
