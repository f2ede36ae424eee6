/** Mainland mobile numbers: 11 digits, 1 then 3–9; a +86 / 0086 country prefix is accepted and dropped. */
import { type Checked, invalid, schemaFrom, valid } from './check';

export function checkMobile(input: string): Checked {
  const number = input.replace(/[\s-]+/g, '').replace(/^(\+86|0086)/, '');
  if (!/^\d+$/.test(number)) return invalid('手机号码只能包含数字');
  if (number.length !== 11) return invalid(`手机号码应为 11 位，当前为 ${number.length} 位`);
  if (!/^1[3-9]/.test(number)) return invalid('手机号码应以 13–19 开头');
  return valid(number);
}

export const mobileSchema = schemaFrom(checkMobile);
