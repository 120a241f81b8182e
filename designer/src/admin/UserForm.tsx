import { useEffect, useState } from 'react';
import type { Role, Shop, User, Warehouse } from '../api';
import { useT, type Translate } from '../i18n';
import { personRoles, roleLabel } from '../shell/permissions';

export interface UserFormValue {
  userName: string;
  password: string;
  roles: Role[];
  shopIds: number[];
  warehouseIds: number[];
}

/** The server's rules for a new user (CreateUserRequestValidator, PasswordRequestValidator): checked here before a submit. */
export const passwordLength = { min: 8, max: 256 };
export const userNameRule = { max: 64, pattern: /^[A-Za-z0-9._@-]+$/ };

/** What is wrong with a password as typed, or null when the server will take it (an empty one is not reported yet). */
export function passwordProblem(password: string, t: Translate): string | null {
  if (password === '') return null;
  if (password.length < passwordLength.min) return t('users.passwordShort', { min: passwordLength.min, length: password.length });
  if (password.length > passwordLength.max) return t('users.passwordLong', { max: passwordLength.max });
  return null;
}

/** What is wrong with a user name as typed, or null (an empty one is not reported yet). */
export function userNameProblem(userName: string, t: Translate): string | null {
  const name = userName.trim();
  if (name === '') return null;
  if (name.length > userNameRule.max) return t('users.userNameLong', { max: userNameRule.max });
  if (!userNameRule.pattern.test(name)) return t('users.userNameChars');
  return null;
}

const noErrors: Record<string, string[]> = {};

const toggle = <T,>(list: T[], item: T, on: boolean) => (on ? [...list.filter(x => x !== item), item] : list.filter(x => x !== item));

/** A field's message under it: the problem as typed (or on leaving it empty), else what the server said of it. */
// The server's word on a field is English prose without a code: said as refused, its words as the tooltip.
function FieldMessage({ id, problem, server, hint }: { id: string; problem: string | null; server?: string[]; hint?: string }) {
  const t = useT();
  const refused = server?.length ? server.join(' ') : undefined;
  const text = problem ?? (refused && t('users.serverRefused')) ?? hint;
  if (!text) return null;
  return <small id={id} className={problem || refused ? 'field-error' : 'muted small'} title={problem ? undefined : refused}>{text}</small>;
}

/**
 * A new user (name, first password) or an existing one's roles and assignments: which shops and warehouses they work.
 * `errors` are the server's per-field messages of a refused submit (400 with errors), shown beside their fields until
 * the field is changed.
 */
export function UserForm({ user, shops, warehouses, errors = noErrors, onSubmit, onCancel }: {
  user?: User; shops: Shop[]; warehouses: Warehouse[]; errors?: Record<string, string[]>;
  onSubmit: (value: UserFormValue) => void; onCancel: () => void;
}) {
  const t = useT();
  const [userName, setUserName] = useState(user?.userName ?? '');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<Role[]>(user?.roles ?? ['Reviewer']);
  const [shopIds, setShopIds] = useState<number[]>(user?.shopIds ?? []);
  const [warehouseIds, setWarehouseIds] = useState<number[]>(user?.warehouseIds ?? []);
  const [left, setLeft] = useState<Set<string>>(new Set());
  const [changed, setChanged] = useState<Set<string>>(new Set());
  useEffect(() => setChanged(new Set()), [errors]);
  const creating = !user;
  const leave = (field: string) => setLeft(s => new Set(s).add(field));
  const change = (field: string) => setChanged(s => new Set(s).add(field));
  // The server's word on a field stands until the field is edited again (a new submit brings new errors and a new form).
  const server = (field: string) => (changed.has(field) ? undefined : errors[field]);

  const nameProblem = creating
    ? userNameProblem(userName, t) ?? (left.has('userName') && userName.trim() === '' ? t('users.userNameRequired') : null)
    : null;
  const passwordHint = creating
    ? passwordProblem(password, t) ?? (left.has('password') && password === '' ? t('users.passwordRequired') : null)
    : null;
  const rolesProblem = roles.length === 0 ? t('users.rolesRequired') : null;
  const ready = rolesProblem === null && (!creating
    || (userName.trim() !== '' && nameProblem === null && password !== '' && passwordHint === null));

  return (
    <form className="inline-panel user-form" aria-label={creating ? t('users.formNew') : t('users.formEdit', { name: user.userName })} noValidate
      onSubmit={e => { e.preventDefault(); if (ready) onSubmit({ userName: userName.trim(), password, roles, shopIds, warehouseIds }); }}
      onKeyDown={e => { if (e.key === 'Escape') onCancel(); }}>
      {creating && (
        <div className="row">
          <label className="field"><span>{t('users.userName')}</span>
            <input aria-label={t('users.newUserName')} autoComplete="off" value={userName} autoFocus required maxLength={userNameRule.max}
              onChange={e => { setUserName(e.target.value); change('userName'); }} onBlur={() => leave('userName')}
              aria-invalid={nameProblem !== null || !!server('userName')} aria-describedby="new-user-name-hint" />
            <FieldMessage id="new-user-name-hint" problem={nameProblem} server={server('userName')} />
          </label>
          <label className="field"><span>{t('users.password')}</span>
            <input aria-label={t('users.newUserPassword')} type="password" autoComplete="new-password" value={password} required
              onChange={e => { setPassword(e.target.value); change('password'); }} onBlur={() => leave('password')}
              aria-invalid={passwordHint !== null || !!server('password')} aria-describedby="new-user-password-hint" />
            <FieldMessage id="new-user-password-hint" problem={passwordHint} server={server('password')}
              hint={t('users.passwordRule', { min: passwordLength.min })} />
          </label>
        </div>
      )}
      <fieldset className="choices" aria-describedby="user-roles-hint">
        <legend>{t('users.roles')}</legend>
        {personRoles.map(role => (
          <label key={role} className="check" title={role}>
            <input type="checkbox" checked={roles.includes(role)} onChange={e => { setRoles(r => toggle(r, role, e.target.checked)); change('roles'); }} />
            {roleLabel(role, t)}
          </label>
        ))}
        <FieldMessage id="user-roles-hint" problem={rolesProblem} server={server('roles')} />
      </fieldset>
      <fieldset className="choices">
        <legend>{t('users.shops')}</legend>
        {shops.map(shop => (
          <label key={shop.id} className="check">
            <input type="checkbox" aria-label={t('users.shopOption', { name: shop.name })} checked={shopIds.includes(shop.id)}
              onChange={e => setShopIds(s => toggle(s, shop.id, e.target.checked))} />{shop.name}
          </label>
        ))}
      </fieldset>
      <fieldset className="choices">
        <legend>{t('users.warehouses')}</legend>
        {warehouses.map(w => (
          <label key={w.id} className="check">
            <input type="checkbox" aria-label={t('users.warehouseOption', { name: w.name })} checked={warehouseIds.includes(w.id)}
              onChange={e => setWarehouseIds(s => toggle(s, w.id, e.target.checked))} />{w.name}
          </label>
        ))}
      </fieldset>
      <div className="row">
        <button type="submit" className="primary" disabled={!ready}>{creating ? t('users.create') : t('common.save')}</button>
        <button type="button" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}

/** A new password for someone who lost theirs; they use it at their next sign-in. */
export function PasswordForm({ userName, errors = noErrors, onSubmit, onCancel }: {
  userName: string; errors?: Record<string, string[]>; onSubmit: (password: string) => void; onCancel: () => void;
}) {
  const t = useT();
  const [password, setPassword] = useState('');
  const [edited, setEdited] = useState(false);
  useEffect(() => setEdited(false), [errors]);
  const hint = passwordProblem(password, t);
  const server = edited ? undefined : errors.password;
  const ready = password !== '' && hint === null;
  return (
    <form className="inline-panel" aria-label={t('users.passwordFor', { name: userName })} noValidate
      onSubmit={e => { e.preventDefault(); if (ready) onSubmit(password); }} onKeyDown={e => { if (e.key === 'Escape') onCancel(); }}>
      <input aria-label={t('users.newPassword')} type="password" autoComplete="new-password" value={password} autoFocus required
        onChange={e => { setPassword(e.target.value); setEdited(true); }}
        aria-invalid={hint !== null || !!server} aria-describedby="reset-password-hint" />
      <FieldMessage id="reset-password-hint" problem={hint} server={server} hint={t('users.passwordRule', { min: passwordLength.min })} />
      <button type="submit" className="primary" disabled={!ready}>{t('users.setPassword')}</button>
      <button type="button" onClick={onCancel}>{t('common.cancel')}</button>
    </form>
  );
}
