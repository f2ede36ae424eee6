/**
 * 统一社会信用代码, GB 32100-2015: 18 characters from a 31-character set (digits and capital letters without
 * I, O, Z, S, V); characters 3–8 are the registering authority's administrative division code; the 18th is a
 * check character, 31 − (Σ value × 3^i mod 31) mod 31, over the first 17.
 */
import { type Checked, invalid, schemaFrom, valid, withoutSpaces } from './check';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = Array.from({ length: 17 }, (_, i) => 3 ** i % 31);

/** The check character for the first 17 characters (which must already be in the charset). */
export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i] as string) * (WEIGHTS[i] as number);
  return CHARSET[(31 - (sum % 31)) % 31] as string;
}

/**
 * Everything but the check character: length, charset and the division code. The facts document is checked this far
 * only — a wrong check character is a reviewer's warning in the verdict (GEN-1), not a refusal to evaluate, since the
 * business licence, not the policy core, is the authority on the code.
 */
export function checkUsccShape(input: string): Checked {
  const code = withoutSpaces(input).toUpperCase();
  if (code.length !== 18) return invalid(`统一社会信用代码应为 18 位，当前为 ${code.length} 位`);
  const bad = [...code].find((c) => !CHARSET.includes(c));
  if (bad !== undefined) return invalid(`统一社会信用代码含有不允许的字符“${bad}”（不使用 I、O、Z、S、V）`);
  if (!/^\d{6}$/.test(code.slice(2, 8)))
    return invalid('统一社会信用代码第 3–8 位应为行政区划码（6 位数字）');
  return valid(code);
}

export function checkUscc(input: string): Checked {
  const shape = checkUsccShape(input);
  if (!shape.ok) return shape;
  const code = shape.value;
  const expected = usccCheckCharacter(code.slice(0, 17));
  if (code[17] !== expected) return invalid('统一社会信用代码校验位不正确，请核对营业执照上的代码');
  return valid(code);
}

export const usccSchema = schemaFrom(checkUscc);
export const usccShapeSchema = schemaFrom(checkUsccShape);
