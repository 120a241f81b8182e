import type { Me, Role } from '../api';
import { resetSession } from '../shell/session';

/** The person GET /api/auth/me would describe. */
export const me = (roles: Role[], shopIds: number[] = [], userName = '客服小李'): Me => ({ userName, roles, shopIds, warehouseIds: [] });

/** Renders below the shell as this person, as if GET /api/auth/me had answered at load. */
export function signedInAs(roles: Role[], shopIds: number[] = [], userName?: string): Me {
  const who = me(roles, shopIds, userName);
  resetSession({ status: 'signedIn', me: who });
  return who;
}
