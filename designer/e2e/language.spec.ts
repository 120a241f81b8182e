import { expect } from '@playwright/test';
import { signIn, test } from './helpers';
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
