/**
 * Bank account numbers, by shape only: 12–30 digits once spaces are removed. Chinese banks do not all use a Luhn
 * check digit (corporate accounts mostly do not), so none is applied: a Luhn failure would refuse real accounts.
 */
import { type Checked, invalid, schemaFrom, valid, withoutSpaces } from './check';

export const BANK_ACCOUNT_MIN_DIGITS = 12;
export const BANK_ACCOUNT_MAX_DIGITS = 30;

export function checkBankAccount(input: string): Checked {
  const account = withoutSpaces(input);
  if (!/^\d+$/.test(account)) return invalid('银行账号只能包含数字');
  if (account.length < BANK_ACCOUNT_MIN_DIGITS || account.length > BANK_ACCOUNT_MAX_DIGITS) {
    return invalid(
      `银行账号应为 ${BANK_ACCOUNT_MIN_DIGITS}–${BANK_ACCOUNT_MAX_DIGITS} 位数字，当前为 ${account.length} 位`,
    );
  }
  return valid(account);
}

export const bankAccountSchema = schemaFrom(checkBankAccount);
