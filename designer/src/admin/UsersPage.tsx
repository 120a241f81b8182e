import { Fragment, useCallback, useEffect, useMemo, useState } from 'react';
import { api, ApiError, type Shop, type User, type Warehouse } from '../api';
import { Banner, type Notice } from '../shell/Banner';
import { useT } from '../i18n';
import { failure } from '../shell/format';
import { roleLabel } from '../shell/permissions';
import { PasswordForm, UserForm, type UserFormValue } from './UserForm';

type Mode = { kind: 'create' } | { kind: 'edit'; id: User['id'] } | { kind: 'password'; id: User['id'] } | null;

/** People who sign in to the designer: their roles, the shops and warehouses they work, disabling, new passwords. */
export function UsersPage() {
  const t = useT();
  const [users, setUsers] = useState<User[] | null>(null);
  const [shops, setShops] = useState<Shop[]>([]);
  const [warehouses, setWarehouses] = useState<Warehouse[]>([]);
  const [mode, setMode] = useState<Mode>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});

  const refresh = useCallback(async () => {
    try {
      setUsers(await api.users());
    } catch (e) {
      setNotice(failure(e, t));
    }
  }, [t]);

  useEffect(() => {
    void refresh();
    api.shops().then(p => setShops(p.items)).catch(() => setShops([]));
    api.warehouses().then(p => setWarehouses(p.items)).catch(() => setWarehouses([]));
  }, [refresh]);

  const shopName = useMemo(() => new Map(shops.map(s => [s.id, s.name])), [shops]);
  const warehouseName = useMemo(() => new Map(warehouses.map(w => [w.id, w.name])), [warehouses]);

  // A refused form stays open: the server's messages about its fields go beside them, the rest in the banner.
  const act = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      setNotice({ kind: 'ok', text: done });
      setFieldErrors({});
      setMode(null);
    } catch (e) {
      const fields = e instanceof ApiError ? e.fieldErrors() : {};
      setFieldErrors(fields);
      setNotice(failure(e, t, problem => t('users.failed', { problem })));
    }
    await refresh();
  };
  const switchMode = (next: Mode) => { setFieldErrors({}); setMode(next); };

  const create = (v: UserFormValue) => act(() => api.createUser(v), t('users.created', { name: v.userName }));
  const update = (user: User, v: UserFormValue) => act(
    () => api.updateUser(user.id, { roles: v.roles, shopIds: v.shopIds, warehouseIds: v.warehouseIds, disabled: user.disabled }),
    t('users.saved', { name: user.userName }));
  const setDisabled = (user: User, disabled: boolean) => {
    if (disabled && !window.confirm(t('users.confirmDisable', { name: user.userName }))) return;
    void act(() => api.updateUser(user.id, { roles: user.roles, shopIds: user.shopIds, warehouseIds: user.warehouseIds, disabled }),
      t(disabled ? 'users.disabledDone' : 'users.enabledDone', { name: user.userName }));
  };
  const setPassword = (user: User, password: string) => act(() => api.setPassword(user.id, password), t('users.passwordSet', { name: user.userName }));

  const names = (ids: number[], byId: Map<number, string>) => (ids.length ? ids.map(id => byId.get(id) ?? `#${id}`).join(t.lang === 'en' ? ', ' : '、') : '—');

  return (
    <div className="page users">
      <div className="page-head">
        <h2>{t('users.title')}</h2>
        <span className="muted">{users ? t('users.count', { count: users.length }) : ''}</span>
        <span className="spacer" />
        <button type="button" className="primary" onClick={() => switchMode({ kind: 'create' })} disabled={mode?.kind === 'create'}>{t('users.new')}</button>
      </div>
      <Banner notice={notice} />
      {mode?.kind === 'create' && (
        <UserForm shops={shops} warehouses={warehouses} errors={fieldErrors} onSubmit={v => void create(v)} onCancel={() => switchMode(null)} />
      )}
      <table className="grid">
        <thead><tr><th>{t('users.col.user')}</th><th>{t('users.col.roles')}</th><th>{t('users.col.shops')}</th><th>{t('users.col.warehouses')}</th><th>{t('users.col.state')}</th><th /></tr></thead>
        <tbody>
          {!users && <tr><td colSpan={6} className="empty" aria-busy="true">{t('common.loading')}</td></tr>}
          {users?.map(user => (
            <Fragment key={user.id}>
              <tr data-testid={`user-${user.userName}`} className={user.disabled ? 'disabled' : ''}>
                <td><strong>{user.userName}</strong></td>
                <td>{user.roles.map(r => roleLabel(r, t)).join(t.lang === 'en' ? ', ' : '、')}</td>
                <td>{names(user.shopIds, shopName)}</td>
                <td>{names(user.warehouseIds, warehouseName)}</td>
                <td>{user.disabled ? <span className="pill pill-warn">{t('users.disabled')}</span> : <span className="pill">{t('users.active')}</span>}</td>
                <td className="actions">
                  <button type="button" className="small" onClick={() => switchMode({ kind: 'edit', id: user.id })}>{t('common.edit')}</button>
                  <button type="button" className="small" onClick={() => switchMode({ kind: 'password', id: user.id })}>{t('users.resetPassword')}</button>
                  {user.disabled
                    ? <button type="button" className="small" onClick={() => setDisabled(user, false)}>{t('users.enable')}</button>
                    : <button type="button" className="small danger" onClick={() => setDisabled(user, true)}>{t('users.disable')}</button>}
                </td>
              </tr>
              {mode && mode.kind !== 'create' && mode.id === user.id && (
                <tr>
                  <td colSpan={6}>
                    {mode.kind === 'edit'
                      ? <UserForm user={user} shops={shops} warehouses={warehouses} errors={fieldErrors} onSubmit={v => void update(user, v)} onCancel={() => switchMode(null)} />
                      : <PasswordForm userName={user.userName} errors={fieldErrors} onSubmit={p => void setPassword(user, p)} onCancel={() => switchMode(null)} />}
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
          {users?.length === 0 && <tr><td colSpan={6} className="empty">{t('users.none')}</td></tr>}
        </tbody>
      </table>
    </div>
  );
}
