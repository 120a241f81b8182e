import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Role } from './api';
import { App } from './App';
import { activities, shops } from './test/fixtures';
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
    if (call.url.startsWith('/api/review/queue') || call.url.startsWith('/api/exceptions?') || call.url.startsWith('/api/orders?')) return { body: emptyPage };
    if (call.url.startsWith('/api/orders/counts?')) return { body: { total: 0, statuses: {}, outOfStock: 0 } };
    return undefined;
  });
}

const at = (path: string) => window.history.replaceState(null, '', path);
const navLinks = () => within(screen.getByRole('navigation', { name: 'Screens' })).getAllByRole('link').map(a => a.textContent);

async function signInWith(userName: string, password: string) {
  fireEvent.change(await screen.findByLabelText('User name'), { target: { value: userName } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
  await act(async () => { fireEvent.click(screen.getByRole('button', { name: /^Sign in/ })); });
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
    expect(await screen.findByTestId('who')).toHaveTextContent('reviewer.li · Reviewer');
    await waitFor(() => expect(window.location.pathname).toBe('/inbox'));
    expect(await screen.findByRole('heading', { name: 'Review inbox' })).toBeInTheDocument();
  });

  it('says plainly that the user name or password is wrong on 401, and stays on the sign-in screen', async () => {
    serve(null, call => (call.url === '/api/auth/sign-in' ? unauthorized : undefined));
    render(<App />);
    await signInWith('reviewer.li', 'wrong');
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong user name or password.');
    expect(screen.queryByTestId('who')).toBeNull();
    expect(screen.getByLabelText('Password')).toHaveValue('');
  });

  it("passes on the server's word when the account is locked", async () => {
    serve(null, call => (call.url === '/api/auth/sign-in'
      ? { status: 401, body: { status: 401, title: 'Account locked', detail: 'Too many wrong passwords: this account is locked for a few minutes.' } } : undefined));
    render(<App />);
    await signInWith('reviewer.li', 'wrong');
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many wrong passwords');
  });

  it('keeps the address a signed-out visit asked for and shows it after signing in', async () => {
    at('/exceptions');
    serve(null, call => (call.url === '/api/auth/sign-in' ? { body: me(['OpsLead'], [], 'ops.zhang') } : undefined));
    render(<App />);
    await signInWith('ops.zhang', 'pw');
    expect(await screen.findByRole('heading', { name: /Exceptions/ })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/exceptions');
  });

  it('signs out through the server and shows the sign-in screen', async () => {
    const calls = serve({ roles: ['OpsLead'] }, call => (call.url === '/api/auth/sign-out' ? { status: 204 } : undefined));
    render(<App />);
    await screen.findByTestId('who');
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Sign out' })); });
    expect(calls.some(c => c.url === '/api/auth/sign-out' && c.method === 'POST')).toBe(true);
    expect(await screen.findByLabelText('Password')).toBeInTheDocument();
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
    const form = await screen.findByRole('form', { name: 'Create the first administrator' });
    fireEvent.change(within(form).getByLabelText('Password'), { target: { value: 'Adm1n!pass' } });
    fireEvent.change(within(form).getByLabelText('Password again'), { target: { value: 'Adm1n!pasz' } });
    expect(within(form).getByText('The two passwords differ.')).toBeInTheDocument();
    expect(within(form).getByRole('button', { name: 'Create administrator' })).toBeDisabled();
    fireEvent.change(within(form).getByLabelText('Password again'), { target: { value: 'Adm1n!pass' } });
    await act(async () => { fireEvent.click(within(form).getByRole('button', { name: 'Create administrator' })); });
    expect(calls.find(c => c.url === '/api/auth/setup' && c.method === 'POST')!.body).toEqual({ userName: 'admin', password: 'Adm1n!pass' });
    expect(await screen.findByTestId('who')).toHaveTextContent('admin · Admin');
    expect(navLinks()).toContain('Users');
  });

  it('goes to sign-in when someone else created the first administrator meanwhile (409)', async () => {
    serve(null, call => (call.url === '/api/auth/setup' && call.method === 'POST'
      ? { status: 409, body: { status: 409, title: 'Already set up', detail: 'The first admin exists already.' } } : undefined), true);
    render(<App />);
    const form = await screen.findByRole('form', { name: 'Create the first administrator' });
    fireEvent.change(within(form).getByLabelText('Password'), { target: { value: 'Adm1n!pass' } });
    fireEvent.change(within(form).getByLabelText('Password again'), { target: { value: 'Adm1n!pass' } });
    await act(async () => { fireEvent.click(within(form).getByRole('button', { name: 'Create administrator' })); });
    expect(await screen.findByRole('form', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Create the first administrator' })).toBeNull();
  });
});

describe('role-aware navigation', () => {
  it.each<[Role, string[]]>([
    ['Admin', ['Workflows', 'Rules', 'Review inbox', 'Exceptions 异常', 'Orders', 'Users', 'API keys']],
    ['OpsLead', ['Workflows', 'Rules', 'Review inbox', 'Exceptions 异常', 'Orders']],
    ['Reviewer', ['Review inbox', 'Exceptions 异常', 'Orders']],
    ['Warehouse', ['Orders']],
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
    expect(await screen.findByTestId('not-allowed')).toHaveTextContent('Workflows is not allowed for your role');
    expect(calls.some(c => c.url.startsWith('/api/workflow-definitions') || c.url === '/api/activities')).toBe(false);
    expect(navLinks()).not.toContain('Workflows');
  });

  it('sends a warehouse user who opens / to the orders', async () => {
    serve({ roles: ['Warehouse'] });
    render(<App />);
    await waitFor(() => expect(window.location.pathname).toBe('/orders'));
    expect(await screen.findByRole('heading', { name: 'Orders' })).toBeInTheDocument();
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
    const status = await screen.findByLabelText('Status filter');
    expired = true;
    fireEvent.change(status, { target: { value: 'Shipped' } });
    expect(await screen.findByText('Your session has ended: sign in again to carry on.')).toBeInTheDocument();
    expect(screen.getByLabelText('User name')).toHaveValue('客服小李');
    expect(window.location.pathname).toBe('/orders');
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'pw' } });
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Sign in' })); });
    expect(await screen.findByRole('heading', { name: 'Orders' })).toBeInTheDocument();
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
    const name = await screen.findByLabelText('Workflow name');
    await waitFor(() => expect(name).toHaveValue('销售单流程'));
    fireEvent.change(name, { target: { value: '销售单流程 (改)' } });
    expired = true;
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Save draft' })); });

    const dialog = await screen.findByRole('dialog', { name: 'Session ended' });
    expect(dialog).toHaveTextContent('Your unsaved changes are kept');
    expect(screen.getByRole('alert')).toHaveTextContent('nothing was lost');
    expect(screen.getByLabelText('Workflow name')).toHaveValue('销售单流程 (改)');
    expect(screen.getByTestId('definition-status')).toHaveTextContent('unsaved changes');

    fireEvent.change(within(dialog).getByLabelText('Password'), { target: { value: 'pw' } });
    await act(async () => { fireEvent.click(within(dialog).getByRole('button', { name: 'Sign in again' })); });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByRole('status')).toHaveTextContent('Draft v4 saved.');
    const puts = calls.filter(c => c.method === 'PUT');
    expect(puts).toHaveLength(2);
    expect(puts[1].body).toMatchObject({ name: '销售单流程 (改)' });
    expect(screen.getByTestId('definition-status')).not.toHaveTextContent('unsaved changes');
  });
});
