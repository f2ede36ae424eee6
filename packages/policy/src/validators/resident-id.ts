/**
 * 公民身份号码, GB 11643-1999: 6-digit address code, 8-digit birth date, 3-digit sequence, and a check character by
 * ISO 7064 MOD 11-2 (weights 2^(17−i) mod 11; X stands for 10). 15-digit first-generation numbers are no longer
 * issued and are not accepted.
 */
import { type IsoDate, isIsoDate } from '../dates';
import { type Checked, invalid, schemaFrom, valid, withoutSpaces } from './check';

const WEIGHTS = Array.from({ length: 17 }, (_, i) => 2 ** (17 - i) % 11);
const CHECK_CHARACTERS = '10X98765432';

/** Province-level codes (GB/T 2260), plus 81/82/83 used by residence permits of Hong Kong, Macao and Taiwan residents. */
const PROVINCES = new Set(
  '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82 83'.split(
    ' ',
  ),
);

export function residentIdCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] as number);
  return CHECK_CHARACTERS[sum % 11] as string;
}

/** `asOf` (a Shanghai day), when given, also refuses a birth date after it. */
export function checkResidentId(input: string, asOf?: IsoDate): Checked {
  const id = withoutSpaces(input).toUpperCase();
  if (id.length !== 18) return invalid(`身份证号码应为 18 位，当前为 ${id.length} 位`);
  if (!/^\d{17}[\dX]$/.test(id)) return invalid('身份证号码前 17 位应为数字，最后一位为数字或 X');
  if (!PROVINCES.has(id.slice(0, 2))) return invalid('身份证号码前 2 位不是有效的省级行政区划代码');
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isIsoDate(birth)) return invalid(`身份证号码中的出生日期 ${id.slice(6, 14)} 无效`);
  if (asOf !== undefined && birth > asOf)
    return invalid(`身份证号码中的出生日期 ${id.slice(6, 14)} 晚于今天`);
  if (id[17] !== residentIdCheckCharacter(id.slice(0, 17))) return invalid('身份证号码校验位不正确，请核对');
  return valid(id);
}

export const residentIdSchema = schemaFrom((input) => checkResidentId(input));
