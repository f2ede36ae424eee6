import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bankAccountSchema,
  checkBankAccount,
  checkMobile,
  checkResidentId,
  checkUscc,
  maskBankAccount,
  maskMobile,
  maskName,
  maskResidentId,
  mobileSchema,
  residentIdCheckCharacter,
  residentIdSchema,
  usccCheckCharacter,
  usccSchema,
} from '../src/validators';

const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts codes whose 18th character is the mod-31 check character', () => {
    for (const code of ['91440300708461136T', '914403001922038216', '91110000600037341L']) {
      expect(checkUscc(code)).toEqual({ ok: true, value: code });
    }
  });

  it("POLICY.md's example 91441900MA4UJ8XX5B fails the check; its check character would be J", () => {
    expect(checkUscc('91441900MA4UJ8XX5B')).toEqual({
      ok: false,
      message: '统一社会信用代码校验位不正确，请核对营业执照上的代码',
    });
    expect(usccCheckCharacter('91441900MA4UJ8XX5')).toBe('J');
    expect(checkUscc('91441900MA4UJ8XX5J').ok).toBe(true);
  });

  it('normalises spaces and lower case', () => {
    expect(checkUscc(' 9144 0300 7084 6113 6t ')).toEqual({ ok: true, value: '91440300708461136T' });
  });

  it('names what is wrong', () => {
    expect(checkUscc('9144030070846113')).toMatchObject({
      message: '统一社会信用代码应为 18 位，当前为 16 位',
    });
    expect(checkUscc('91440300708461136O')).toMatchObject({ message: expect.stringContaining('“O”') });
    expect(checkUscc('9144A300708461136T')).toMatchObject({ message: expect.stringContaining('行政区划码') });
  });

  it('exactly one check character is accepted for any 17-character body', () => {
    const body = fc
      .tuple(
        fc.string({ unit: fc.constantFrom(...USCC_CHARSET), minLength: 2, maxLength: 2 }),
        fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 6, maxLength: 6 }),
        fc.string({ unit: fc.constantFrom(...USCC_CHARSET), minLength: 9, maxLength: 9 }),
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(body, (first17) => {
        const accepted = [...USCC_CHARSET].filter((c) => checkUscc(first17 + c).ok);
        expect(accepted).toEqual([usccCheckCharacter(first17)]);
      }),
      { numRuns: 100 },
    );
  });

  it('as a zod schema: outputs the normalised code or the Chinese message', () => {
    expect(usccSchema.parse('91440300708461136t')).toBe('91440300708461136T');
    const result = usccSchema.safeParse('91441900MA4UJ8XX5B');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('统一社会信用代码校验位不正确，请核对营业执照上的代码');
  });
});

describe('resident ID number (GB 11643-1999)', () => {
  it("accepts the standard's own examples, with X as the check character for 10", () => {
    expect(checkResidentId('11010519491231002x')).toEqual({ ok: true, value: '11010519491231002X' });
    expect(checkResidentId('440524188001010014').ok).toBe(true);
  });

  it('refuses a wrong check character, with the message', () => {
    expect(checkResidentId('110105194912310021')).toEqual({
      ok: false,
      message: '身份证号码校验位不正确，请核对',
    });
  });

  it('refuses an impossible birth date even with a correct check character', () => {
    const body = '44190020010229123';
    expect(checkResidentId(body + residentIdCheckCharacter(body))).toMatchObject({
      message: '身份证号码中的出生日期 20010229 无效',
    });
    const leap = '44190020000229123';
    expect(checkResidentId(leap + residentIdCheckCharacter(leap)).ok).toBe(true);
  });

  it('refuses a birth date after asOf, a bad province, and the wrong length', () => {
    const body = '44190020251112123';
    const id = body + residentIdCheckCharacter(body);
    expect(checkResidentId(id, '2025-11-12').ok).toBe(true);
    expect(checkResidentId(id, '2025-11-11')).toMatchObject({ message: expect.stringContaining('晚于今天') });
    const noProvince = '99190019900101123';
    expect(checkResidentId(noProvince + residentIdCheckCharacter(noProvince))).toMatchObject({
      message: '身份证号码前 2 位不是有效的省级行政区划代码',
    });
    expect(checkResidentId('441900900101123')).toMatchObject({
      message: '身份证号码应为 18 位，当前为 15 位',
    });
  });

  it('as a zod schema', () => {
    expect(residentIdSchema.safeParse('110105194912310021').success).toBe(false);
    expect(residentIdSchema.parse('11010519491231002X')).toBe('11010519491231002X');
  });
});

describe('mainland mobile numbers', () => {
  it('accepts 1[3-9] + 9 digits, dropping +86 and separators', () => {
    expect(checkMobile('13712342687')).toEqual({ ok: true, value: '13712342687' });
    expect(checkMobile('+86 137-1234-2687')).toEqual({ ok: true, value: '13712342687' });
    expect(mobileSchema.parse('19912345678')).toBe('19912345678');
  });

  it('refuses other shapes with the reason', () => {
    expect(checkMobile('12712342687')).toMatchObject({ message: '手机号码应以 13–19 开头' });
    expect(checkMobile('1371234268')).toMatchObject({ message: '手机号码应为 11 位，当前为 10 位' });
    expect(checkMobile('1371234268a')).toMatchObject({ message: '手机号码只能包含数字' });
  });
});

describe('bank account number shape', () => {
  it('accepts 12–30 digits after removing spaces, without a Luhn check', () => {
    expect(checkBankAccount('6222 0212 3456 7890')).toEqual({ ok: true, value: '6222021234567890' });
    // Fails Luhn (the Luhn-valid ending would be 6), still accepted: not every Chinese bank uses Luhn.
    expect(checkBankAccount('4111111111111112').ok).toBe(true);
    expect(checkBankAccount('1'.repeat(12)).ok).toBe(true);
    expect(checkBankAccount('1'.repeat(30)).ok).toBe(true);
  });

  it('refuses other lengths and non-digits', () => {
    expect(checkBankAccount('1'.repeat(11))).toMatchObject({
      message: '银行账号应为 12–30 位数字，当前为 11 位',
    });
    expect(checkBankAccount('1'.repeat(31)).ok).toBe(false);
    expect(bankAccountSchema.safeParse('6222-0212-3456-7890').error?.issues[0]?.message).toBe(
      '银行账号只能包含数字',
    );
  });
});

describe('masking as the platform shows it', () => {
  it('masks mobiles, ID numbers, names and accounts', () => {
    expect(maskMobile('13712342687')).toBe('137****2687');
    expect(maskResidentId('441900199001011234')).toBe('4419**********1234');
    expect(maskName('dongguan')).toBe('d****');
    expect(maskName('张三')).toBe('张****');
    expect(maskBankAccount('6222021234567890')).toBe('6222 **** 7890');
  });

  it('never reveals a short value whole', () => {
    expect(maskMobile('1371')).toBe('****');
    expect(maskResidentId('4419')).toBe('****');
    expect(maskName('')).toBe('');
  });
});
