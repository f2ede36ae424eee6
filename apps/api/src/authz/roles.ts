import { type Role, roles } from '@dg/policy';

// Role groups used in procedure declarations, named once so a router reads as a list of who may do what.
// The roles themselves are the policy core's (`@dg/policy` roles.ts).

export type { Role };
export { roles };

/** Everyone who signs in on the web with a login and password (all but enterprise staff, who use WeChat). */
export const STAFF_ROLES: readonly Role[] = roles.filter((r) => r !== 'enterprise_staff');

/** Government-side roles that may look at any enterprise's profile (a town reviewer: only in their town). */
export const ENTERPRISE_READERS: readonly Role[] = [
  'city_reviewer',
  'town_reviewer',
  'approver',
  'finance',
  'admin',
];

/** Who may correct an enterprise's credit-list flags (GEN-2) after checking 信用中国. */
export const CREDIT_CHECKERS: readonly Role[] = ['city_reviewer', 'admin'];
