import type { Role } from '../src/api';

// Who signs in during the e2e run. The server creates the admin at start-up from Auth:Admin:* (global-setup); the
// others are created through the API by the tests that need them.

export interface Person {
  userName: string;
  password: string;
  roles: Role[];
  shopIds: number[];
}

export const admin: Person = { userName: 'admin', password: 'E2e-Admin!2026', roles: ['Admin'], shopIds: [] };
export const opsLead: Person = { userName: 'ops.zhang', password: 'E2e-Ops!2026', roles: ['OpsLead'], shopIds: [] };
/** Works both demo shops' review inbox and exceptions. */
export const reviewer: Person = { userName: 'reviewer.li', password: 'E2e-Reviewer!2026', roles: ['Reviewer'], shopIds: [1, 2] };
