import { expect } from '@playwright/test';
import { ensureUser, signIn, snap, test } from './helpers';
import { admin, opsLead, type Person } from './people';

// Who may do what, end to end: the admin makes a reviewer for one shop on the Users screen, and the reviewer sees only
// what the role allows. Against the real server of global-setup (admin from Auth:Admin:*, demo shops 1 and 2).

const tbReviewer: Person = { userName: 'reviewer.tb', password: 'E2e-TbReviewer!2026', roles: ['Reviewer'], shopIds: [1] };

test('an admin creates a reviewer for one shop, who sees the inbox but not workflows or rules', async ({ page }) => {
  await signIn(page, admin);
  await expect(page.getByRole('link', { name: 'Users' })).toBeVisible();
  await page.getByRole('link', { name: 'Users' }).click();
  await expect(page.getByTestId(`user-${admin.userName}`)).toContainText('Admin');

  await page.getByRole('button', { name: 'New user' }).click();
  const form = page.getByRole('form', { name: 'New user' });
  await form.getByLabel('New user name').fill(tbReviewer.userName);
  await form.getByLabel('New user password').fill(tbReviewer.password);
  await expect(form.getByRole('checkbox', { name: 'Reviewer' })).toBeChecked();
  await form.getByRole('checkbox', { name: 'Shop 茶语旗舰店 (淘宝)' }).check();
  await snap(page, 'users-new-reviewer');
  await form.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByRole('status')).toContainText(`User ${tbReviewer.userName} created.`);
  const row = page.getByTestId(`user-${tbReviewer.userName}`);
  await expect(row).toContainText('Reviewer');
  await expect(row).toContainText('茶语旗舰店 (淘宝)');
  await expect(row).not.toContainText('茶语京东自营店');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByLabel('Password')).toBeVisible();

  await page.getByLabel('User name').fill(tbReviewer.userName);
  await page.getByLabel('Password').fill(tbReviewer.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('who')).toContainText(`${tbReviewer.userName} · Reviewer`);
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByRole('heading', { name: 'Review inbox' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Workflows' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Rules' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Users' })).toHaveCount(0);
  await expect(page.getByLabel('Shop filter').locator('option')).toHaveText(['All shops', '茶语旗舰店 (淘宝)']);
  await snap(page, 'reviewer-inbox-one-shop');

  await page.goto('/workflows/sales-order');
  await expect(page.getByTestId('not-allowed')).toContainText('not allowed for your role');
  await expect(page.getByTestId('node-start')).toHaveCount(0);
  await snap(page, 'reviewer-not-allowed');
});

test('an admin creates a shop API key, sees it once, and revokes it', async ({ page }) => {
  await signIn(page, admin);
  await page.getByRole('link', { name: 'API keys' }).click();
  await page.getByLabel('Shop').selectOption({ label: '茶语京东自营店 (jd-tea-self)' });
  await page.getByLabel('Key name').fill('E2E ERP sync');
  await page.getByRole('button', { name: 'Create key' }).click();
  const shown = page.getByTestId('new-key');
  await expect(shown).toContainText('it is shown only once');
  const key = (await page.getByTestId('new-key-value').textContent())?.trim() ?? '';
  expect(key.length).toBeGreaterThan(16);
  const row = page.getByTestId('api-key-E2E ERP sync');
  await expect(row).toContainText('Active');
  await expect(row).not.toContainText(key);
  // The list names the key by how it starts, so whoever holds it can tell which one it is.
  await expect(row).toContainText(`${key.slice(0, 12)}…`);
  await snap(page, 'api-key-created');
  await shown.getByRole('button', { name: /Done/ }).click();
  await expect(shown).toHaveCount(0);

  page.once('dialog', dialog => void dialog.accept());
  await row.getByRole('button', { name: 'Revoke' }).click();
  await expect(row).toContainText('Revoked');
});

test('a session that ends drops to sign-in at the same address and comes back there', async ({ page }) => {
  await signIn(page, admin);
  await page.getByRole('link', { name: 'Orders' }).click();
  await expect(page.getByRole('heading', { name: 'Orders' })).toBeVisible();
  await page.context().clearCookies();
  await page.getByLabel('Status filter').selectOption('Shipped');
  await expect(page.getByText('Your session has ended: sign in again to carry on.')).toBeVisible();
  await expect(page).toHaveURL(/\/orders$/);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Orders' })).toBeVisible();
  await expect(page).toHaveURL(/\/orders$/);
});

test('a session that ends with unsaved editor work keeps the canvas under a sign-in dialog and saves after signing in', async ({ page, request }) => {
  await ensureUser(request, opsLead);
  await signIn(page, opsLead);
  await page.getByLabel('New workflow id').fill('e2e-session');
  await page.getByLabel('New workflow name').fill('会话过期测试');
  await page.getByRole('button', { name: 'New workflow' }).click();
  await expect(page.getByTestId('node-start')).toBeVisible();
  await page.getByLabel('Workflow name').fill('会话过期测试 (改)');

  await page.context().clearCookies();
  await page.getByRole('button', { name: 'Save draft' }).click();
  const dialog = page.getByRole('dialog', { name: 'Session ended' });
  await expect(dialog).toContainText('Your unsaved changes are kept');
  await expect(page.getByLabel('Workflow name')).toHaveValue('会话过期测试 (改)');
  await snap(page, 'session-ended-dialog');

  await dialog.getByLabel('Password').fill(opsLead.password);
  await dialog.getByRole('button', { name: 'Sign in again' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status')).toContainText('Draft v1 saved');
  await expect(page).toHaveURL(/\/workflows\/e2e-session$/);
  const saved = await (await request.get('/api/workflow-definitions/e2e-session?version=latest')).json();
  expect(saved.name).toBe('会话过期测试 (改)');
});
