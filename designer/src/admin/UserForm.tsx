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

/** The server's rule for a password (CreateUserRequestValidator, PasswordRequestValidator): checked here before a submit. */
export const passwordLength = { min: 8, max: 256 };

/** What is wrong with a password as typed, or null when the server will take it (an empty one is not reported yet). */
export function passwordProblem(password: string): string | null {
  if (password === '') return null;
  if (password.length < passwordLength.min) return `At least ${passwordLength.min} characters (${password.length} so far).`;
  if (password.length > passwordLength.max) return `At most ${passwordLength.max} characters.`;
  return null;
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
  const passwordHint = creating ? passwordProblem(password) : null;
  const ready = roles.length > 0 && (!creating || (userName.trim() !== '' && password !== '' && passwordHint === null));

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
            <input aria-label="New user password" type="password" autoComplete="new-password" value={password} onChange={e => setPassword(e.target.value)}
              aria-invalid={passwordHint !== null} aria-describedby="new-user-password-hint" />
            <small id="new-user-password-hint" className={passwordHint ? 'field-error' : 'muted small'}>{passwordHint ?? `At least ${passwordLength.min} characters.`}</small>
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
  const hint = passwordProblem(password);
  const ready = password !== '' && hint === null;
  return (
    <form className="inline-panel" aria-label={`New password for ${userName}`}
      onSubmit={e => { e.preventDefault(); if (ready) onSubmit(password); }} onKeyDown={e => { if (e.key === 'Escape') onCancel(); }}>
      <input aria-label="New password" type="password" autoComplete="new-password" value={password} onChange={e => setPassword(e.target.value)} autoFocus
        aria-invalid={hint !== null} aria-describedby="reset-password-hint" />
      <small id="reset-password-hint" className={hint ? 'field-error' : 'muted small'}>{hint ?? `At least ${passwordLength.min} characters.`}</small>
      <button type="submit" className="primary" disabled={!ready}>Set password</button>
      <button type="button" onClick={onCancel}>Cancel</button>
    </form>
  );
}
