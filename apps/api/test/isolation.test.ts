import { dialects } from '@dg/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, startTestApi, type TestApi } from './harness';

// Enterprise A must neither read nor change enterprise B's data by guessing or replaying B's ids.
describe.each(dialects)('enterprise isolation on %s', (dialect) => {
  let api: TestApi;
  let a: ReturnType<TestApi['client']>;
  let b: ReturnType<TestApi['client']>;
  let bId: string;
  beforeAll(async () => {
    api = await startTestApi(dialect);
    a = api.client({ token: await api.wechatToken('lin') }); // owner of the Humen apparel company
    b = api.client({ token: await api.wechatToken('liu') }); // owner of the Dalang textile company
    bId = (await b.auth.me.query()).activeEnterpriseId!;
  });
  afterAll(async () => {
    await api?.close();
  });

  it('A reading B’s enterprise by id gets NOT_FOUND, the same as a made-up id', async () => {
    expect(await codeOf(a.enterprises.get.query({ id: bId }))).toBe('NOT_FOUND');
    expect(await codeOf(a.enterprises.get.query({ id: '0b7c2c52-4a7e-4d0e-9a52-1d5b0c7a9e11' }))).toBe(
      'NOT_FOUND',
    );
  });

  it('A changing B’s bank account by id is refused and B’s data is unchanged', async () => {
    const before = await b.enterprises.current.query();
    const code = await codeOf(
      a.enterprises.update.mutate({
        id: bId,
        version: before.version,
        bankAccountNumber: '6222000011112222333',
      }),
    );
    expect(code).toBe('NOT_FOUND');
    const after = await b.enterprises.current.query();
    expect(after.bankAccountNumber).toBe(before.bankAccountNumber);
    expect(after.version).toBe(before.version);
  });

  it('an owner of A who is only a member of B cannot change B by sending B’s id', async () => {
    // zhang owns the Songshan Lake company (active) and is a plain member of the Chang'an one.
    const zhang = api.client({ token: await api.wechatToken('zhang') });
    const me = await zhang.auth.me.query();
    const memberOf = me.enterprises.find((e) => e.memberRole === 'member')!;
    expect(me.enterprises.find((e) => e.enterpriseId === me.activeEnterpriseId)?.memberRole).toBe('owner');
    const city = api.client({ cookie: await api.staffCookie('city1') });
    const { version } = await city.enterprises.get.query({ id: memberOf.enterpriseId });
    const code = await codeOf(
      zhang.enterprises.update.mutate({ id: memberOf.enterpriseId, version, bankName: '不该改成这个' }),
    );
    expect(code).toBe('NOT_FOUND');
    expect((await city.enterprises.get.query({ id: memberOf.enterpriseId })).version).toBe(version);
  });

  it('A cannot act for B by switching its session to B', async () => {
    expect(await codeOf(a.auth.switchEnterprise.mutate({ enterpriseId: bId }))).toBe('FORBIDDEN');
  });

  it('the owner’s own update works and bumps the version; a stale version is a CONFLICT', async () => {
    const before = await b.enterprises.current.query();
    const updated = await b.enterprises.update.mutate({
      id: bId,
      version: before.version,
      bankName: '东莞农村商业银行',
    });
    expect(updated.version).toBe(before.version + 1);
    expect(updated.bankName).toBe('东莞农村商业银行');
    expect(
      await codeOf(b.enterprises.update.mutate({ id: bId, version: before.version, bankName: '旧' })),
    ).toBe('CONFLICT');
  });

  it('a town reviewer sees enterprises of their own town only, whatever filter they send', async () => {
    const humen = api.client({ cookie: await api.staffCookie('town-humen') });
    const list = await humen.enterprises.list.query({ townCode: 'dalang' });
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((e) => e.townCode === 'humen')).toBe(true);
    expect(await codeOf(humen.enterprises.get.query({ id: bId }))).toBe('NOT_FOUND');
  });

  it('a city reviewer sees any enterprise, with the legal representative’s mobile and bank account masked', async () => {
    const city = api.client({ cookie: await api.staffCookie('city1') });
    const seen = await city.enterprises.get.query({ id: bId });
    expect(seen.legalRepMobile).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(seen.bankAccountNumber).toContain('*');
  });
});
