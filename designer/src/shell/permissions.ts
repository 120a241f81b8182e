import type { Me, Role } from '../api';
import type { Translate } from '../i18n';

// What each role may do in the designer; the server checks the same and answers 403 otherwise.

export type Ability =
  | 'workflows' // workflow definitions: edit, publish, pick shops
  | 'rules'
  | 'review' // the review inbox
  | 'exceptions' // the exception queue, setting an order aside, resolving
  | 'orders' // orders and their journey (read)
  | 'instances' // retry or cancel a workflow instance
  | 'catalog' // goods, combos and mapping merchant codes (映射商家编码)
  | 'users'
  | 'apiKeys';

const grants: Record<Role, Ability[]> = {
  Admin: ['workflows', 'rules', 'review', 'exceptions', 'orders', 'instances', 'catalog', 'users', 'apiKeys'],
  OpsLead: ['workflows', 'rules', 'review', 'exceptions', 'orders', 'instances', 'catalog'],
  Reviewer: ['review', 'exceptions', 'orders'],
  Warehouse: ['orders'],
  Integration: [],
};

export function can(me: Me, ability: Ability): boolean {
  return me.roles.some(role => grants[role]?.includes(ability));
}

/** Reviewers and warehouse staff see only the shops they are assigned; ops leads and admins see every shop. */
export function isScoped(me: Me): boolean {
  return !me.roles.some(role => role === 'Admin' || role === 'OpsLead');
}

/** A role as the person reads it, e.g. 审单客服 for Reviewer. */
export const roleLabel = (role: Role, t: Translate) => t.term('role', role);

/** The roles a person can be given in the designer (Integration belongs to API keys). */
export const personRoles: Role[] = ['Admin', 'OpsLead', 'Reviewer', 'Warehouse'];
