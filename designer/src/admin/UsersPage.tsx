import { Fragment, useCallback, useEffect, useMemo, useState } from 'react';
import { api, ApiError, type Shop, type User, type Warehouse } from '../api';
import { Banner, type Notice } from '../shell/Banner';
import { errorText } from '../shell/format';
import { roleLabel } from '../shell/permissions';
import { PasswordForm, UserForm, type UserFormValue } from './UserForm';

type Mode = { kind: 'create' } | { kind: 'edit'; id: User['id'] } | { kind: 'password'; id: User['id'] } | null;

const problemText = (e: unknown) => (e instanceof ApiError ? [e.message, ...e.fieldMessages()].join(' ') : errorText(e));

/** People who sign in to the designer: their roles, the shops and warehouses they work, disabling, new passwords. */
export function UsersPage() {
  const [users, setUsers] = useState<User[] | null>(null);
  const [shops, setShops] = useState<Shop[]>([]);
  const [warehouses, setWarehouses] = useState<Warehouse[]>([]);
  const [mode, setMode] = useState<Mode>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  const refresh = useCallback(async () => {
    try {
      setUsers(await api.users());
    } catch (e) {
      setNotice({ kind: 'error', text: problemText(e) });
    }
  }, []);

  useEffect(() => {
    void refresh();
    api.shops().then(p => setShops(p.items)).catch(() => setShops([]));
    api.warehouses().then(p => setWarehouses(p.items)).catch(() => setWarehouses([]));
  }, [refresh]);

  const shopName = useMemo(() => new Map(shops.map(s => [s.id, s.name])), [shops]);
  const warehouseName = useMemo(() => new Map(warehouses.map(w => [w.id, w.name])), [warehouses]);

  const act = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      setNotice({ kind: 'ok', text: done });
      setMode(null);
    } catch (e) {
      setNotice({ kind: 'error', text: problemText(e) });
    }
    await refresh();
  };

  const create = (v: UserFormValue) => act(() => api.createUser(v), `User ${v.userName} created.`);
  const update = (user: User, v: UserFormValue) => act(
    () => api.updateUser(user.id, { roles: v.roles, shopIds: v.shopIds, warehouseIds: v.warehouseIds, disabled: user.disabled }),
    `${user.userName} saved.`);
  const setDisabled = (user: User, disabled: boolean) => {
    if (disabled && !window.confirm(`Disable ${user.userName}? They can no longer sign in.`)) return;
    void act(() => api.updateUser(user.id, { roles: user.roles, shopIds: user.shopIds, warehouseIds: user.warehouseIds, disabled }),
      disabled ? `${user.userName} disabled.` : `${user.userName} enabled.`);
  };
  const setPassword = (user: User, password: string) => act(() => api.setPassword(user.id, password), `New password set for ${user.userName}.`);

  const names = (ids: number[], byId: Map<number, string>) => (ids.length ? ids.map(id => byId.get(id) ?? `#${id}`).join(', ') : '—');

  return (
    <div className="page users">
      <div className="page-head">
        <h2>Users</h2>
        <span className="muted">{users ? `${users.length} in all` : ''}</span>
        <span className="spacer" />
        <button type="button" className="primary" onClick={() => setMode({ kind: 'create' })} disabled={mode?.kind === 'create'}>New user</button>
      </div>
      <Banner notice={notice} />
      {mode?.kind === 'create' && (
        <UserForm shops={shops} warehouses={warehouses} onSubmit={v => void create(v)} onCancel={() => setMode(null)} />
      )}
      <table className="grid">
        <thead><tr><th>User</th><th>Roles</th><th>Shops</th><th>Warehouses</th><th>State</th><th /></tr></thead>
        <tbody>
          {users?.map(user => (
            <Fragment key={user.id}>
              <tr data-testid={`user-${user.userName}`} className={user.disabled ? 'disabled' : ''}>
                <td><strong>{user.userName}</strong></td>
                <td>{user.roles.map(roleLabel).join(', ')}</td>
                <td>{names(user.shopIds, shopName)}</td>
                <td>{names(user.warehouseIds, warehouseName)}</td>
                <td>{user.disabled ? <span className="pill pill-warn">Disabled</span> : <span className="pill">Active</span>}</td>
                <td className="actions">
                  <button type="button" className="small" onClick={() => setMode({ kind: 'edit', id: user.id })}>Edit</button>
                  <button type="button" className="small" onClick={() => setMode({ kind: 'password', id: user.id })}>Reset password</button>
                  {user.disabled
                    ? <button type="button" className="small" onClick={() => setDisabled(user, false)}>Enable</button>
                    : <button type="button" className="small danger" onClick={() => setDisabled(user, true)}>Disable</button>}
                </td>
              </tr>
              {mode && mode.kind !== 'create' && mode.id === user.id && (
                <tr>
                  <td colSpan={6}>
                    {mode.kind === 'edit'
                      ? <UserForm user={user} shops={shops} warehouses={warehouses} onSubmit={v => void update(user, v)} onCancel={() => setMode(null)} />
                      : <PasswordForm userName={user.userName} onSubmit={p => void setPassword(user, p)} onCancel={() => setMode(null)} />}
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
          {users?.length === 0 && <tr><td colSpan={6} className="empty">No users.</td></tr>}
        </tbody>
      </table>
    </div>
  );
}
