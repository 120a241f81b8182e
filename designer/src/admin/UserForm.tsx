import { useState } from 'react';
import type { Role, Shop, User, Warehouse } from '../api';
import { personRoles, roleLabel } from '../shell/permissions';

export interface UserFormValue {
  userName: string;
  password: string;
  roles: Role[];
  shopIds: number[];
  warehouseIds: number[];
}

const toggle = <T,>(list: T[], item: T, on: boolean) => (on ? [...list.filter(x => x !== item), item] : list.filter(x => x !== item));

/** A new user (name, first password) or an existing one's roles and assignments: which shops and warehouses they work. */
export function UserForm({ user, shops, warehouses, onSubmit, onCancel }: {
  user?: User; shops: Shop[]; warehouses: Warehouse[]; onSubmit: (value: UserFormValue) => void; onCancel: () => void;
}) {
  const [userName, setUserName] = useState(user?.userName ?? '');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<Role[]>(user?.roles ?? ['Reviewer']);
  const [shopIds, setShopIds] = useState<number[]>(user?.shopIds ?? []);
  const [warehouseIds, setWarehouseIds] = useState<number[]>(user?.warehouseIds ?? []);
  const creating = !user;
  const ready = roles.length > 0 && (!creating || (userName.trim() !== '' && password !== ''));

  return (
    <form className="inline-panel user-form" aria-label={creating ? 'New user' : `Edit ${user.userName}`}
      onSubmit={e => { e.preventDefault(); if (ready) onSubmit({ userName: userName.trim(), password, roles, shopIds, warehouseIds }); }}
      onKeyDown={e => { if (e.key === 'Escape') onCancel(); }}>
      {creating && (
        <div className="row">
          <label className="field"><span>User name</span>
            <input aria-label="New user name" autoComplete="off" value={userName} onChange={e => setUserName(e.target.value)} autoFocus />
          </label>
          <label className="field"><span>Password</span>
            <input aria-label="New user password" type="password" autoComplete="new-password" value={password} onChange={e => setPassword(e.target.value)} />
          </label>
        </div>
      )}
      <fieldset className="choices">
        <legend>Roles</legend>
        {personRoles.map(role => (
          <label key={role} className="check">
            <input type="checkbox" checked={roles.includes(role)} onChange={e => setRoles(r => toggle(r, role, e.target.checked))} />{roleLabel(role)}
          </label>
        ))}
      </fieldset>
      <fieldset className="choices">
        <legend>Shops (reviewers see only these)</legend>
        {shops.map(shop => (
          <label key={shop.id} className="check">
            <input type="checkbox" aria-label={`Shop ${shop.name}`} checked={shopIds.includes(shop.id)}
              onChange={e => setShopIds(s => toggle(s, shop.id, e.target.checked))} />{shop.name}
          </label>
        ))}
      </fieldset>
      <fieldset className="choices">
        <legend>Warehouses</legend>
        {warehouses.map(w => (
          <label key={w.id} className="check">
            <input type="checkbox" aria-label={`Warehouse ${w.name}`} checked={warehouseIds.includes(w.id)}
              onChange={e => setWarehouseIds(s => toggle(s, w.id, e.target.checked))} />{w.name}
          </label>
        ))}
      </fieldset>
      <div className="row">
        <button type="submit" className="primary" disabled={!ready}>{creating ? 'Create user' : 'Save'}</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}

/** A new password for someone who lost theirs; they use it at their next sign-in. */
export function PasswordForm({ userName, onSubmit, onCancel }: { userName: string; onSubmit: (password: string) => void; onCancel: () => void }) {
  const [password, setPassword] = useState('');
  return (
    <form className="inline-panel" aria-label={`New password for ${userName}`}
      onSubmit={e => { e.preventDefault(); if (password) onSubmit(password); }} onKeyDown={e => { if (e.key === 'Escape') onCancel(); }}>
      <input aria-label="New password" type="password" autoComplete="new-password" value={password} onChange={e => setPassword(e.target.value)} autoFocus />
      <button type="submit" className="primary" disabled={!password}>Set password</button>
      <button type="button" onClick={onCancel}>Cancel</button>
    </form>
  );
}
