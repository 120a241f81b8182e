import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Role } from './api';
import { App } from './App';
import { activities, exceptionCountsOf, reviewCountsOf, shops } from './test/fixtures';
import { mockFetch, type Call } from './test/fetchMock';
import { me } from './test/session';

type Answer = { status?: number; body?: unknown } | undefined;
const unauthorized = { status: 401, body: { status: 401, title: 'Unauthorized', detail: 'Sign in first.' } };
const emptyPage = { items: [], pageNumber: 1, pageSize: 50, total: 0 };

/** The auth routes as a server with users would answer them, plus what a test answers itself. */
function serve(session: { roles?: Role[]; shopIds?: number[] } | null, more: (call: Call) => Answer = () => undefined, setupNeeded = false) {
  return mockFetch(call => {
    if (call.url === '/api/auth/me') return session?.roles ? { body: me(session.roles, session.shopIds ?? []) } : unauthorized;
    if (call.url === '/api/auth/setup' && call.method === 'GET') return { body: { needed: setupNeeded } };
    const answer = more(call);
    if (answer) return answer;
    if (call.url.startsWith('/api/shops?')) return { body: shops };
    if (call.url.startsWith('/api/workflow-definitions?')) return { body: emptyPage };
    if (call.url.startsWith('/api/review/queue/counts')) return { body: reviewCountsOf([]) };
    if (call.url.startsWith('/api/exceptions/counts')) return { body: exceptionCountsOf([]) };
    if (call.url.startsWith('/api/review/queue') || call.url.startsWith('/api/exceptions?') || call.url.startsWith('/api/orders?')) return { body: emptyPage };
    if (call.url.startsWith('/api/orders/counts?')) return { body: { total: 0, statuses: {}, outOfStock: 0 } };
    return undefined;
  });
}

const at = (path: string) => window.history.replaceState(null, '', path);
const navLinks = () => within(screen.getByRole('navigation', { name: '页面' })).getAllByRole('link').map(a => a.textContent);

async function signInWith(userName: string, password: string) {
  fireEvent.change(await screen.findByLabelText('用户名'), { target: { value: userName } });
  fireEvent.change(screen.getByLabelText('密码'), { target: { value: password } });
  await act(async () => { fireEvent.click(screen.getByRole('button', { name: /^(重新)?登录$/ })); });
}

beforeEach(() => at('/'));
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('sign-in', () => {
  it('signs in with user name and password and lands on the home screen of the role', async () => {
    let signedIn = false;
    const calls = serve(null, call => {
      if (call.url === '/api/auth/sign-in') {
        signedIn = true;
        return { body: me(['Reviewer'], [1], 'reviewer.li') };
      }
      return undefined;
    });
    render(<App />);
    await signInWith('reviewer.li', 's3cret!Pass');
    expect(signedIn).toBe(true);
    expect(calls.find(c => c.url === '/api/auth/sign-in')!.body).toEqual({ userName: 'reviewer.li', password: 's3cret!Pass' });
    expect(await screen.findByTestId('who')).toHaveTextContent('reviewer.li · 审单客服');
    await waitFor(() => expect(window.location.pathname).toBe('/inbox'));
    expect(await screen.findByRole('heading', { name: '审核收件箱' })).toBeInTheDocument();
  });

  it('says plainly that the user name or password is wrong on 401, and stays on the sign-in screen', async () => {
    serve(null, call => (call.url === '/api/auth/sign-in' ? unauthorized : undefined));
    render(<App />);
    await signInWith('reviewer.li', 'wrong');
    expect(await screen.findByRole('alert')).toHaveTextContent('用户名或密码错误。');
    expect(screen.queryByTestId('who')).toBeNull();
    expect(screen.getByLabelText('密码')).toHaveValue('');
  });

  it("says a locked account in the screen's language, the server's words as the tooltip", async () => {
    serve(null, call => (call.url === '/api/auth/sign-in'
      ? { status: 401, body: { status: 401, title: 'Account locked', detail: 'Too many wrong passwords: this account is locked for a few minutes.' } } : undefined));
    render(<App />);
    await signInWith('reviewer.li', 'wrong');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('账户已被暂时锁定，请稍后再试。');
    expect(alert).toHaveAttribute('title', 'Too many wrong passwords: this account is locked for a few minutes.');
  });

  it('keeps the address a signed-out visit asked for and shows it after signing in', async () => {
    at('/exceptions');
    serve(null, call => (call.url === '/api/auth/sign-in' ? { body: me(['OpsLead'], [], 'ops.zhang') } : undefined));
    render(<App />);
    await signInWith('ops.zhang', 'pw');
    expect(await screen.findByRole('heading', { name: '异常队列' })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/exceptions');
  });

  it('signs out through the server and shows the sign-in screen', async () => {
    const calls = serve({ roles: ['OpsLead'] }, call => (call.url === '/api/auth/sign-out' ? { status: 204 } : undefined));
    render(<App />);
    await screen.findByTestId('who');
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: '退出登录' })); });
    expect(calls.some(c => c.url === '/api/auth/sign-out' && c.method === 'POST')).toBe(true);
    expect(await screen.findByLabelText('密码')).toBeInTheDocument();
    expect(screen.queryByTestId('who')).toBeNull();
  });
});

describe('first-run setup', () => {
  it('creates the first administrator when the server says setup is needed, then signs them in', async () => {
    const calls = serve(null, call => {
      if (call.url === '/api/auth/setup' && call.method === 'POST') return { status: 201, body: me(['Admin'], [], 'admin') };
      return undefined;
    }, true);
    render(<App />);
    const form = await screen.findByRole('form', { name: '创建首个管理员' });
    fireEvent.change(within(form).getByLabelText('密码'), { target: { value: 'Adm1n!pass' } });
    fireEvent.change(within(form).getByLabelText('再次输入密码'), { target: { value: 'Adm1n!pasz' } });
    expect(within(form).getByText('两次输入的密码不一致。')).toBeInTheDocument();
    expect(within(form).getByRole('button', { name: '创建管理员' })).toBeDisabled();
    fireEvent.change(within(form).getByLabelText('再次输入密码'), { target: { value: 'Adm1n!pass' } });
    await act(async () => { fireEvent.click(within(form).getByRole('button', { name: '创建管理员' })); });
    expect(calls.find(c => c.url === '/api/auth/setup' && c.method === 'POST')!.body).toEqual({ userName: 'admin', password: 'Adm1n!pass' });
    expect(await screen.findByTestId('who')).toHaveTextContent('admin · 管理员');
    expect(navLinks()).toContain('用户');
  });

  it('goes to sign-in when someone else created the first administrator meanwhile (409)', async () => {
    serve(null, call => (call.url === '/api/auth/setup' && call.method === 'POST'
      ? { status: 409, body: { status: 409, title: 'Already set up', detail: 'The first admin exists already.' } } : undefined), true);
    render(<App />);
    const form = await screen.findByRole('form', { name: '创建首个管理员' });
    fireEvent.change(within(form).getByLabelText('密码'), { target: { value: 'Adm1n!pass' } });
    fireEvent.change(within(form).getByLabelText('再次输入密码'), { target: { value: 'Adm1n!pass' } });
    await act(async () => { fireEvent.click(within(form).getByRole('button', { name: '创建管理员' })); });
    expect(await screen.findByRole('form', { name: '登录' })).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: '创建首个管理员' })).toBeNull();
  });
});

describe('role-aware navigation', () => {
  it.each<[Role, string[]]>([
    ['Admin', ['流程', '审核规则', '审核收件箱', '异常', '订单', '用户', 'API 密钥']],
    ['OpsLead', ['流程', '审核规则', '审核收件箱', '异常', '订单']],
    ['Reviewer', ['审核收件箱', '异常', '订单']],
    ['Warehouse', ['订单']],
  ])('%s sees only the screens the role allows', async (role, expected) => {
    serve({ roles: [role], shopIds: [1] }, call => (call.url === '/api/users' ? { body: [] } : call.url === '/api/warehouses?pageSize=200' ? { body: emptyPage } : undefined));
    render(<App />);
    await screen.findByTestId('who');
    expect(navLinks()).toEqual(expected);
  });

  it('answers a direct visit to a screen the role cannot use with not-allowed, not a broken page', async () => {
    at('/workflows/sales-order');
    const calls = serve({ roles: ['Reviewer'], shopIds: [1] });
    render(<App />);
    expect(await screen.findByTestId('not-allowed')).toHaveTextContent('你的角色无权使用「流程」');
    expect(calls.some(c => c.url.startsWith('/api/workflow-definitions') || c.url === '/api/activities')).toBe(false);
    expect(navLinks()).not.toContain('流程');
  });

  it('sends a warehouse user who opens / to the orders', async () => {
    serve({ roles: ['Warehouse'] });
    render(<App />);
    await waitFor(() => expect(window.location.pathname).toBe('/orders'));
    expect(await screen.findByRole('heading', { name: '订单' })).toBeInTheDocument();
  });
});

describe('a session that ends mid-way', () => {
  it('drops to the sign-in screen on 401 at the same address and comes back to it after signing in', async () => {
    at('/orders');
    let expired = false;
    serve({ roles: ['Reviewer'], shopIds: [1] }, call => {
      if (call.url.startsWith('/api/orders?') && expired) return unauthorized;
      if (call.url === '/api/auth/sign-in') {
        expired = false;
        return { body: me(['Reviewer'], [1]) };
      }
      return undefined;
    });
    render(<App />);
    const status = await screen.findByLabelText('按状态筛选');
    expired = true;
    fireEvent.change(status, { target: { value: 'Shipped' } });
    expect(await screen.findByText('登录已过期，请重新登录后继续。')).toBeInTheDocument();
    expect(screen.getByLabelText('用户名')).toHaveValue('客服小李');
    expect(window.location.pathname).toBe('/orders');
    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'pw' } });
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: '登录' })); });
    expect(await screen.findByRole('heading', { name: '订单' })).toBeInTheDocument();
  });

  it('keeps unsaved editor work under a sign-in dialog on a 401 save, then saves it after signing in', async () => {
    at('/workflows/sales-order');
    const definition = {
      definitionId: 'sales-order', name: '销售单流程', version: 3, isPublished: true, variables: [], state: 'Published', source: 'api', revision: 1,
      createdAt: '2026-11-23T08:00:00Z', updatedAt: '2026-11-23T08:00:00Z', publishedAt: '2026-11-23T08:00:00Z', errors: [],
      root: { type: 'Flowchart', activities: [{ id: 'start', type: 'Start', name: '开始' }], connections: [] },
    };
    let expired = false;
    const calls = serve({ roles: ['OpsLead'] }, call => {
      if (call.url === '/api/activities') return { body: activities };
      if (call.url.startsWith('/api/workflow-definitions/sales-order?version=latest')) return { body: definition };
      if (call.url === '/api/workflow-definitions/sales-order/draft' && call.method === 'PUT') {
        return expired ? unauthorized : { body: { ...definition, version: 4, isPublished: false, state: 'Draft', name: (call.body as { name: string }).name } };
      }
      if (call.url === '/api/auth/sign-in') {
        expired = false;
        return { body: me(['OpsLead'], [], '运营小张') };
      }
      return undefined;
    });
    render(<App />);
    const name = await screen.findByLabelText('流程名称');
    await waitFor(() => expect(name).toHaveValue('销售单流程'));
    fireEvent.change(name, { target: { value: '销售单流程 (改)' } });
    expired = true;
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: '保存草稿' })); });

    // The dialog over the editor speaks the page's language, as the editor does.
    const dialog = await screen.findByRole('dialog', { name: '登录已过期' });
    expect(dialog).toHaveTextContent('本页未保存的修改会保留');
    expect(screen.getByRole('alert')).toHaveTextContent('修改没有丢失');
    expect(screen.getByLabelText('流程名称')).toHaveValue('销售单流程 (改)');
    expect(screen.getByTestId('definition-status')).toHaveTextContent('有未保存的修改');

    fireEvent.change(within(dialog).getByLabelText('密码'), { target: { value: 'pw' } });
    await act(async () => { fireEvent.click(within(dialog).getByRole('button', { name: '重新登录' })); });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByRole('status')).toHaveTextContent('草稿 v4 已保存。');
    const puts = calls.filter(c => c.method === 'PUT');
    expect(puts).toHaveLength(2);
    expect(puts[1].body).toMatchObject({ name: '销售单流程 (改)' });
    expect(screen.getByTestId('definition-status')).not.toHaveTextContent('有未保存的修改');
  });
});

describe('language', () => {
  it('speaks Chinese by default and switches to English from the top bar, keeping the choice and <html lang>', async () => {
    serve({ roles: ['Warehouse'] });
    render(<App />);
    await screen.findByTestId('who');
    expect(navLinks()).toEqual(['订单']);
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(screen.getByRole('button', { name: '中文' })).toHaveAttribute('aria-pressed', 'true');
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'English' })); });
    expect(within(screen.getByRole('navigation', { name: 'Screens' })).getAllByRole('link').map(a => a.textContent)).toEqual(['Orders']);
    expect(screen.getByRole('heading', { name: 'Orders' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem('orchestrator.language')).toBe('en');
  });

  it('shows the workflows screen in the chosen language, like every other screen', async () => {
    serve({ roles: ['OpsLead'] }, call => (call.url.startsWith('/api/workflow-definitions') ? { body: emptyPage } : undefined));
    at('/workflows');
    render(<App />);
    expect(await screen.findByRole('heading', { name: '流程' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '新建流程' })).toBeInTheDocument();
    expect(navLinks()).toContain('流程');

    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByRole('heading', { name: 'Workflows' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'New workflow' })).toBeInTheDocument();
  });
});
