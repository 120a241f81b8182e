import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { User } from '../api';
import { twoShops } from '../test/fixtures';
import { mockFetch, type Call } from '../test/fetchMock';
import { UsersPage } from './UsersPage';

const warehouses = { items: [{ id: 1, code: 'HZ-01', name: '杭州仓', isEnabled: true }, { id: 2, code: 'GZ-01', name: '广州仓', isEnabled: true }], pageNumber: 1, pageSize: 200, total: 2 };
const admin: User = { id: 'u1', userName: 'admin', roles: ['Admin'], shopIds: [], warehouseIds: [], disabled: false };
const li: User = { id: 'u2', userName: 'reviewer.li', roles: ['Reviewer'], shopIds: [1], warehouseIds: [], disabled: false };

/** Users kept in memory as the server would, so the list after an action shows its effect. */
function serve(users: User[], answer: (call: Call) => { status?: number; body?: unknown } | undefined = () => undefined) {
  let list = [...users];
  const calls = mockFetch(call => {
    const custom = answer(call);
    if (custom) return custom;
    if (call.url === '/api/users' && call.method === 'GET') return { body: list };
    if (call.url.startsWith('/api/shops')) return { body: twoShops };
    if (call.url.startsWith('/api/warehouses')) return { body: warehouses };
    if (call.url === '/api/users' && call.method === 'POST') {
      const body = call.body as Omit<User, 'id' | 'disabled'> & { password: string };
      const created: User = { id: `u${list.length + 1}`, userName: body.userName, roles: body.roles, shopIds: body.shopIds, warehouseIds: body.warehouseIds, disabled: false };
      list = [...list, created];
      return { status: 201, body: created };
    }
    const put = /^\/api\/users\/(\w+)$/.exec(call.url);
    if (put && call.method === 'PUT') {
      list = list.map(u => (u.id === put[1] ? { ...u, ...(call.body as Partial<User>) } : u));
      return { body: list.find(u => u.id === put[1]) };
    }
    if (/^\/api\/users\/\w+\/password$/.test(call.url)) return { status: 204 };
    return undefined;
  });
  return calls;
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('UsersPage', () => {
  it('lists users with their roles, shops by name and state', async () => {
    serve([admin, li]);
    render(<UsersPage />);
    const row = await screen.findByTestId('user-reviewer.li');
    await waitFor(() => expect(row).toHaveTextContent('茶语旗舰店 (淘宝)'));
    expect(row).toHaveTextContent('Reviewer');
    expect(row).toHaveTextContent('Active');
    expect(screen.getByTestId('user-admin')).toHaveTextContent('Admin');
  });

  it('creates a reviewer assigned to one shop and one warehouse', async () => {
    const calls = serve([admin]);
    render(<UsersPage />);
    await screen.findByTestId('user-admin');
    fireEvent.click(screen.getByRole('button', { name: 'New user' }));
    const form = screen.getByRole('form', { name: 'New user' });
    fireEvent.change(within(form).getByLabelText('New user name'), { target: { value: 'reviewer.wang' } });
    fireEvent.change(within(form).getByLabelText('New user password'), { target: { value: 'Rev!ewer2026' } });
    expect(within(form).getByRole('checkbox', { name: 'Reviewer' })).toBeChecked();
    fireEvent.click(await within(form).findByRole('checkbox', { name: 'Shop 茶语京东自营店' }));
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Warehouse 杭州仓' }));
    await act(async () => { fireEvent.click(within(form).getByRole('button', { name: 'Create user' })); });
    expect(calls.find(c => c.method === 'POST')).toMatchObject({
      url: '/api/users', body: { userName: 'reviewer.wang', password: 'Rev!ewer2026', roles: ['Reviewer'], shopIds: [2], warehouseIds: [1] },
    });
    expect(await screen.findByRole('status')).toHaveTextContent('User reviewer.wang created.');
    expect(await screen.findByTestId('user-reviewer.wang')).toHaveTextContent('茶语京东自营店');
    expect(screen.queryByRole('form', { name: 'New user' })).toBeNull();
  });

  it('edits roles and shops, keeping the user enabled', async () => {
    const calls = serve([admin, li]);
    render(<UsersPage />);
    const row = await screen.findByTestId('user-reviewer.li');
    fireEvent.click(within(row).getByRole('button', { name: 'Edit' }));
    const form = screen.getByRole('form', { name: 'Edit reviewer.li' });
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Ops lead' }));
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Shop 茶语旗舰店 (淘宝)' }));
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Shop 茶语京东自营店' }));
    await act(async () => { fireEvent.click(within(form).getByRole('button', { name: 'Save' })); });
    expect(calls.find(c => c.method === 'PUT')).toMatchObject({
      url: '/api/users/u2', body: { roles: ['Reviewer', 'OpsLead'], shopIds: [2], warehouseIds: [], disabled: false },
    });
    await waitFor(() => expect(screen.getByTestId('user-reviewer.li')).toHaveTextContent('Reviewer, Ops lead'));
  });

  it('disables a user after asking, and does nothing when the admin says no', async () => {
    const calls = serve([admin, li]);
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    render(<UsersPage />);
    const row = await screen.findByTestId('user-reviewer.li');
    fireEvent.click(within(row).getByRole('button', { name: 'Disable' }));
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('Disable reviewer.li?'));
    expect(calls.some(c => c.method === 'PUT')).toBe(false);
    confirm.mockReturnValue(true);
    await act(async () => { fireEvent.click(within(row).getByRole('button', { name: 'Disable' })); });
    expect(calls.find(c => c.method === 'PUT')).toMatchObject({ url: '/api/users/u2', body: { roles: ['Reviewer'], shopIds: [1], disabled: true } });
    await waitFor(() => expect(screen.getByTestId('user-reviewer.li')).toHaveTextContent('Disabled'));
    expect(within(screen.getByTestId('user-reviewer.li')).getByRole('button', { name: 'Enable' })).toBeInTheDocument();
  });

  it('resets a password', async () => {
    const calls = serve([admin, li]);
    render(<UsersPage />);
    const row = await screen.findByTestId('user-reviewer.li');
    fireEvent.click(within(row).getByRole('button', { name: 'Reset password' }));
    const form = screen.getByRole('form', { name: 'New password for reviewer.li' });
    fireEvent.change(within(form).getByLabelText('New password'), { target: { value: 'N3w!password' } });
    await act(async () => { fireEvent.click(within(form).getByRole('button', { name: 'Set password' })); });
    expect(calls.find(c => c.method === 'POST')).toMatchObject({ url: '/api/users/u2/password', body: { password: 'N3w!password' } });
    expect(await screen.findByRole('status')).toHaveTextContent('New password set for reviewer.li.');
  });

  it("shows the server's validation messages when a user cannot be created", async () => {
    serve([admin], call => (call.url === '/api/users' && call.method === 'POST'
      ? { status: 400, body: { status: 400, title: 'Invalid', detail: 'One or more validation errors occurred.', errors: { password: ['Passwords must have at least one digit.'] } } }
      : undefined));
    render(<UsersPage />);
    await screen.findByTestId('user-admin');
    fireEvent.click(screen.getByRole('button', { name: 'New user' }));
    const form = screen.getByRole('form', { name: 'New user' });
    fireEvent.change(within(form).getByLabelText('New user name'), { target: { value: 'x' } });
    fireEvent.change(within(form).getByLabelText('New user password'), { target: { value: 'no-digits-here' } });
    await act(async () => { fireEvent.click(within(form).getByRole('button', { name: 'Create user' })); });
    expect(await screen.findByRole('alert')).toHaveTextContent('password: Passwords must have at least one digit.');
    expect(screen.getByRole('form', { name: 'New user' })).toBeInTheDocument();
  });

  it('says a password is too short as it is typed, before any submit', async () => {
    const calls = serve([admin, li]);
    render(<UsersPage />);
    await screen.findByTestId('user-admin');
    fireEvent.click(screen.getByRole('button', { name: 'New user' }));
    const form = screen.getByRole('form', { name: 'New user' });
    fireEvent.change(within(form).getByLabelText('New user name'), { target: { value: 'packer.zhao' } });
    fireEvent.change(within(form).getByLabelText('New user password'), { target: { value: 'Pack3r!' } });
    expect(within(form).getByLabelText('New user password')).toHaveAttribute('aria-invalid', 'true');
    expect(within(form).getByText('At least 8 characters (7 so far).')).toBeInTheDocument();
    expect(within(form).getByRole('button', { name: 'Create user' })).toBeDisabled();
    fireEvent.change(within(form).getByLabelText('New user password'), { target: { value: 'Pack3r!8' } });
    expect(within(form).getByRole('button', { name: 'Create user' })).toBeEnabled();

    fireEvent.click(within(screen.getByTestId('user-reviewer.li')).getByRole('button', { name: 'Reset password' }));
    const reset = screen.getByRole('form', { name: 'New password for reviewer.li' });
    fireEvent.change(within(reset).getByLabelText('New password'), { target: { value: 'abc' } });
    expect(within(reset).getByText('At least 8 characters (3 so far).')).toBeInTheDocument();
    expect(within(reset).getByRole('button', { name: 'Set password' })).toBeDisabled();
    expect(calls.filter(c => c.method === 'POST')).toHaveLength(0);
  });
});
