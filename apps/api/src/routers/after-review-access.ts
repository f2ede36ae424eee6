import type { Role } from '../authz/roles';

// Who may do what after the review, named once for the after-review routers.

/** Government roles that read notices, plans, budgets and contracts. */
export const GOVERNMENT: readonly Role[] = [
  'city_reviewer',
  'town_reviewer',
  'expert',
  'approver',
  'finance',
  'admin',
];
/** Organise notices and plans, record opinions and objections. */
export const ORGANISERS: readonly Role[] = ['city_reviewer', 'approver'];
export const APPROVERS: readonly Role[] = ['approver'];
export const FINANCE: readonly Role[] = ['finance'];
export const PAYMENT_READERS: readonly Role[] = ['finance', 'approver', 'admin'];
export const BUDGET_MANAGERS: readonly Role[] = ['approver', 'admin'];
