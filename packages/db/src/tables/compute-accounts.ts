import type { Selectable } from 'kysely';
import type { NullableTimestamp, Timestamps } from './columns';

export type ComputeRegistrationStatus = 'pending' | 'approved' | 'rejected';
export type ComputeIdentityStatus = 'none' | 'pending' | 'verified' | 'rejected';

/**
 * An enterprise's account on the compute service platform. Ordering rights = registration approved and identity
 * verified. The ID number is stored encrypted (AES-256-GCM) with a masked copy for display.
 */
export interface ComputeAccountsTable extends Timestamps {
  enterprise_id: string;
  username: string;
  contact_name: string;
  contact_mobile: string;
  company_email: string;
  address: string;
  scenario: string;
  staff_size: string;
  industry: string;
  registration_status: ComputeRegistrationStatus;
  identity_status: ComputeIdentityStatus;
  id_holder_name: string | null;
  id_number_ciphertext: string | null;
  id_number_masked: string | null;
  id_front_file_id: string | null;
  id_back_file_id: string | null;
  review_note: string | null;
  reviewed_by: string | null;
  reviewed_at: NullableTimestamp;
}

export type ComputeAccount = Selectable<ComputeAccountsTable>;
