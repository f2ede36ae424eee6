import type { Enterprise } from '@dg/db';
import { maskBankAccount, maskMobile } from '@dg/policy';

/** The API shape of an enterprise. Personal and bank details are masked unless the reader belongs to it. */
export function presentEnterprise(row: Enterprise, { unmasked }: { unmasked: boolean }) {
  return {
    id: row.id,
    uscc: row.uscc,
    name: row.name,
    category: row.category as 'manufacturing',
    townCode: row.town_code,
    industrial: row.industrial,
    abnormalOperationListed: row.abnormal_operation_listed,
    seriousDishonestyListed: row.serious_dishonesty_listed,
    creditCheckedAt: row.credit_checked_at?.toISOString() ?? null,
    creditSource: row.credit_source,
    bankAccountName: row.bank_account_name,
    bankName: row.bank_name,
    bankAccountNumber:
      row.bank_account_number && !unmasked
        ? maskBankAccount(row.bank_account_number)
        : row.bank_account_number,
    legalRepName: row.legal_rep_name,
    legalRepMobile: unmasked ? row.legal_rep_mobile : maskMobile(row.legal_rep_mobile),
    address: row.address,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
  };
}

export function presentSummary(
  row: Pick<Enterprise, 'id' | 'uscc' | 'name' | 'category' | 'town_code' | 'industrial'>,
) {
  return {
    id: row.id,
    uscc: row.uscc,
    name: row.name,
    category: row.category as 'manufacturing',
    townCode: row.town_code,
    industrial: row.industrial,
  };
}
