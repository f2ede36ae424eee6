/** Personal data is shown masked in lists, the way the compute service platform shows it (137****2687, d****). */

const STARS = '****';

/** 13712342687 → 137****2687 */
export function maskMobile(mobile: string): string {
  return mobile.length < 8 ? STARS : `${mobile.slice(0, 3)}${STARS}${mobile.slice(-4)}`;
}

/** 441900199001011234 → 4419**********1234: region prefix and last 4 kept, the birth date hidden. */
export function maskResidentId(id: string): string {
  return id.length < 9 ? STARS : `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}

/** dongguan → d****, 张三丰 → 张****: the first character, then a fixed mask that does not reveal the length. */
export function maskName(name: string): string {
  const first = [...name][0];
  return first === undefined ? '' : `${first}${STARS}`;
}

/** 6222 0212 3456 7890 → 6222 **** 7890 */
export function maskBankAccount(account: string): string {
  const digits = account.replace(/\s+/g, '');
  return digits.length < 9 ? STARS : `${digits.slice(0, 4)} ${STARS} ${digits.slice(-4)}`;
}
