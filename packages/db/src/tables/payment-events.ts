import type { Generated, Insertable, Selectable } from 'kysely';
import type { Timestamp } from './columns';

/** The history of a payment through `paymentWorkflow` (`from_state` null for its creation). */
export interface PaymentEventsTable {
  id: Generated<number>;
  payment_id: string;
  event: string;
  from_state: string | null;
  to_state: string;
  actor_user_id: string | null;
  actor_role: string;
  reason: string | null;
  at: Timestamp;
}

export type PaymentEvent = Selectable<PaymentEventsTable>;
export type NewPaymentEvent = Insertable<PaymentEventsTable>;
