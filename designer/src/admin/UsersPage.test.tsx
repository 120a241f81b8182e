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
    expect(row).toHaveTextContent('审单客服');
    expect(row).toHaveTextContent('启用中');
    expect(screen.getByTestId('user-admin')).toHaveTextContent('管理员');
  });

  it('creates a reviewer assigned to one shop and one warehouse', async () => {
    const calls = serve([admin]);
    render(<UsersPage />);
    await screen.findByTestId('user-admin');
    fireEvent.click(screen.getByRole('button', { name: '新建用户' }));
    const form = screen.getByRole('form', { name: '新建用户' });
    fireEvent.change(within(form).getByLabelText('新用户的用户名'), { target: { value: 'reviewer.wang' } });
    fireEvent.change(within(form).getByLabelText('新用户的密码'), { target: { value: 'Rev!ewer2026' } });
    expect(within(form).getByRole('checkbox', { name: '审单客服' })).toBeChecked();
    fireEvent.click(await within(form).findByRole('checkbox', { name: '店铺 茶语京东自营店' }));
    fireEvent.click(within(form).getByRole('checkbox', { name: '仓库 杭州仓' }));
    await act(async () => { fireEvent.click(within(form).getByRole('button', { name: '创建用户' })); });
    expect(calls.find(c => c.method === 'POST')).toMatchObject({
      url: '/api/users', body: { userName: 'reviewer.wang', password: 'Rev!ewer2026', roles: ['Reviewer'], shopIds: [2], warehouseIds: [1] },
    });
    expect(await screen.findByRole('status')).toHaveTextContent('已创建用户 reviewer.wang。');
    expect(await screen.findByTestId('user-reviewer.wang')).toHaveTextContent('茶语京东自营店');
    expect(screen.queryByRole('form', { name: '新建用户' })).toBeNull();
  });

  it('edits roles and shops, keeping the user enabled', async () => {
    const calls = serve([admin, li]);
    render(<UsersPage />);
    const row = await screen.findByTestId('user-reviewer.li');
    fireEvent.click(within(row).getByRole('button', { name: '编辑' }));
    const form = screen.getByRole('form', { name: '编辑 reviewer.li' });
    fireEvent.click(within(form).getByRole('checkbox', { name: '运营主管' }));
    fireEvent.click(within(form).getByRole('checkbox', { name: '店铺 茶语旗舰店 (淘宝)' }));
    fireEvent.click(within(form).getByRole('checkbox', { name: '店铺 茶语京东自营店' }));
    await act(async () => { fireEvent.click(within(form).getByRole('button', { name: '保存' })); });
    expect(calls.find(c => c.method === 'PUT')).toMatchObject({
      url: '/api/users/u2', body: { roles: ['Reviewer', 'OpsLead'], shopIds: [2], warehouseIds: [], disabled: false },
    });
    await waitFor(() => expect(screen.getByTestId('user-reviewer.li')).toHaveTextContent('审单客服、运营主管'));
  });

  it('disables a user after asking, and does nothing when the admin says no', async () => {
    const calls = serve([admin, li]);
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    render(<UsersPage />);
    const row = await screen.findByTestId('user-reviewer.li');
    fireEvent.click(within(row).getByRole('button', { name: '停用' }));
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('停用 reviewer.li？'));
    expect(calls.some(c => c.method === 'PUT')).toBe(false);
    confirm.mockReturnValue(true);
    await act(async () => { fireEvent.click(within(row).getByRole('button', { name: '停用' })); });
    expect(calls.find(c => c.method === 'PUT')).toMatchObject({ url: '/api/users/u2', body: { roles: ['Reviewer'], shopIds: [1], disabled: true } });
    await waitFor(() => expect(screen.getByTestId('user-reviewer.li')).toHaveTextContent('已停用'));
    expect(within(screen.getByTestId('user-reviewer.li')).getByRole('button', { name: '启用' })).toBeInTheDocument();
  });

  it('resets a password', async () => {
    const calls = serve([admin, li]);
    render(<UsersPage />);
    const row = await screen.findByTestId('user-reviewer.li');
    fireEvent.click(within(row).getByRole('button', { name: '重置密码' }));
    const form = screen.getByRole('form', { name: '为 reviewer.li 设置新密码' });
    fireEvent.change(within(form).getByLabelText('新密码'), { target: { value: 'N3w!password' } });
    await act(async () => { fireEvent.click(within(form).getByRole('button', { name: '设置密码' })); });
    expect(calls.find(c => c.method === 'POST')).toMatchObject({ url: '/api/users/u2/password', body: { password: 'N3w!password' } });
    expect(await screen.findByRole('status')).toHaveTextContent('已为 reviewer.li 设置新密码。');
  });

  it("marks each field the server refused when a user cannot be created, the server's words as the tooltip", async () => {
    serve([admin], call => (call.url === '/api/users' && call.method === 'POST'
      ? { status: 400, body: { status: 400, title: 'Invalid', detail: 'One or more validation errors occurred.', errors: { password: ['Passwords must have at least one digit.'] } } }
      : undefined));
    render(<UsersPage />);
    await screen.findByTestId('user-admin');
    fireEvent.click(screen.getByRole('button', { name: '新建用户' }));
    const form = screen.getByRole('form', { name: '新建用户' });
    fireEvent.change(within(form).getByLabelText('新用户的用户名'), { target: { value: 'x' } });
    fireEvent.change(within(form).getByLabelText('新用户的密码'), { target: { value: 'no-digits-here' } });
    await act(async () => { fireEvent.click(within(form).getByRole('button', { name: '创建用户' })); });
    expect(await screen.findByRole('alert')).toHaveTextContent('操作未成功：「密码」填写有误。');
    const password = within(form).getByLabelText('新用户的密码');
    expect(password).toHaveAttribute('aria-invalid', 'true');
    expect(password).toHaveAccessibleDescription('服务器没有接受这一项（原因见提示）。');
    expect(within(form).getByTitle('Passwords must have at least one digit.')).toBeInTheDocument();
    expect(screen.getByRole('form', { name: '新建用户' })).toBeInTheDocument();
    fireEvent.change(password, { target: { value: 'now-with-digit-1' } });
    expect(password).toHaveAccessibleDescription('至少 8 个字符。');
  });

  it('says a password is too short as it is typed, before any submit', async () => {
    const calls = serve([admin, li]);
    render(<UsersPage />);
    await screen.findByTestId('user-admin');
    fireEvent.click(screen.getByRole('button', { name: '新建用户' }));
    const form = screen.getByRole('form', { name: '新建用户' });
    fireEvent.change(within(form).getByLabelText('新用户的用户名'), { target: { value: 'packer.zhao' } });
    fireEvent.change(within(form).getByLabelText('新用户的密码'), { target: { value: 'Pack3r!' } });
    expect(within(form).getByLabelText('新用户的密码')).toHaveAttribute('aria-invalid', 'true');
    expect(within(form).getByText('至少 8 个字符（已输入 7 个）。')).toBeInTheDocument();
    expect(within(form).getByRole('button', { name: '创建用户' })).toBeDisabled();
    fireEvent.change(within(form).getByLabelText('新用户的密码'), { target: { value: 'Pack3r!8' } });
    expect(within(form).getByRole('button', { name: '创建用户' })).toBeEnabled();

    fireEvent.click(within(screen.getByTestId('user-reviewer.li')).getByRole('button', { name: '重置密码' }));
    const reset = screen.getByRole('form', { name: '为 reviewer.li 设置新密码' });
    fireEvent.change(within(reset).getByLabelText('新密码'), { target: { value: 'abc' } });
    expect(within(reset).getByText('至少 8 个字符（已输入 3 个）。')).toBeInTheDocument();
    expect(within(reset).getByRole('button', { name: '设置密码' })).toBeDisabled();
    expect(calls.filter(c => c.method === 'POST')).toHaveLength(0);
  });

  it('names a missing user name or password when the field is left, and a user name the server would refuse as it is typed', async () => {
    serve([admin]);
    render(<UsersPage />);
    await screen.findByTestId('user-admin');
    fireEvent.click(screen.getByRole('button', { name: '新建用户' }));
    const form = screen.getByRole('form', { name: '新建用户' });
    const name = within(form).getByLabelText('新用户的用户名');
    const password = within(form).getByLabelText('新用户的密码');
    expect(name).toHaveAttribute('aria-invalid', 'false');
    fireEvent.blur(name);
    expect(name).toHaveAccessibleDescription('请填写用户名。');
    fireEvent.blur(password);
    expect(password).toHaveAccessibleDescription('请填写密码。');
    fireEvent.change(name, { target: { value: '王 小明' } });
    expect(name).toHaveAccessibleDescription('只能使用字母、数字和 . _ @ -。');
    fireEvent.change(name, { target: { value: 'wang.xm' } });
    expect(name).toHaveAttribute('aria-invalid', 'false');
    fireEvent.click(within(form).getByRole('checkbox', { name: '审单客服' }));
    expect(within(form).getByText('请至少选择一个角色。')).toBeInTheDocument();
    expect(within(form).getByRole('button', { name: '创建用户' })).toBeDisabled();
  });

  it('shows 加载中… until the users arrive', async () => {
    serve([admin]);
    render(<UsersPage />);
    expect(screen.getByText('加载中…')).toBeInTheDocument();
    await screen.findByTestId('user-admin');
    expect(screen.queryByText('加载中…')).toBeNull();
  });
});
