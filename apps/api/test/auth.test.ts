import { dialects } from '@dg/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEnterprises, demoUscc } from '../src/seed/enterprises';
import { codeOf, startTestApi, type TestApi } from './harness';

describe.each(dialects)('authentication on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(dialect);
  });
  afterAll(async () => {
    await api?.close();
  });

  it('staff web login sets an httpOnly session cookie that identifies the user', async () => {
    const response = await fetch(`${api.url}/trpc/auth.staffLogin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'town-changan', password: 'dg-demo-2026' }),
    });
    expect(response.status).toBe(200);
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^dg_session=[\w-]{40,};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const me = await api.client({ cookie: setCookie.split(';')[0] }).auth.me.query();
    expect(me).toMatchObject({ role: 'town_reviewer', townCode: 'changan', sessionKind: 'web' });
  });

  it('a wrong password is UNAUTHORIZED, and so is an unknown login (same answer)', async () => {
    const client = api.client();
    expect(await codeOf(client.auth.staffLogin.mutate({ login: 'city2', password: 'wrong' }))).toBe(
      'UNAUTHORIZED',
    );
    expect(await codeOf(client.auth.staffLogin.mutate({ login: 'nobody', password: 'wrong' }))).toBe(
      'UNAUTHORIZED',
    );
  });

  it('login attempts on one account are rate-limited in the database', async () => {
    const client = api.client();
    const codes: string[] = [];
    for (let i = 0; i < 11; i++)
      codes.push(await codeOf(client.auth.staffLogin.mutate({ login: 'expert3', password: 'x' })));
    expect(codes.slice(0, 10).every((c) => c === 'UNAUTHORIZED')).toBe(true);
    expect(codes[10]).toBe('TOO_MANY_REQUESTS');
    // Even the right password is refused until the window passes.
    expect(await codeOf(client.auth.staffLogin.mutate({ login: 'expert3', password: 'dg-demo-2026' }))).toBe(
      'TOO_MANY_REQUESTS',
    );
  });

  it('logout revokes the session: the same cookie no longer works', async () => {
    const cookie = await api.staffCookie('finance1');
    const client = api.client({ cookie });
    expect((await client.auth.me.query()).role).toBe('finance');
    await client.auth.logout.mutate();
    expect(await codeOf(client.auth.me.query())).toBe('UNAUTHORIZED');
  });

  it('a user can list and revoke their other sessions', async () => {
    const first = api.client({ cookie: await api.staffCookie('approver1') });
    const second = api.client({ cookie: await api.staffCookie('approver1') });
    const sessions = await first.auth.sessions.query();
    const other = sessions.find((s) => !s.current);
    expect(other).toBeDefined();
    await first.auth.revokeSession.mutate({ id: other!.id });
    expect(await codeOf(second.auth.me.query())).toBe('UNAUTHORIZED');
    expect((await first.auth.me.query()).role).toBe('approver');
  });

  it('WeChat login gives a bearer session acting for the user’s first enterprise; switching needs membership', async () => {
    const token = await api.wechatToken('zhang');
    const client = api.client({ token });
    const me = await client.auth.me.query();
    expect(me.role).toBe('enterprise_staff');
    expect(me.enterprises.map((e) => e.name).sort()).toEqual(
      ['东莞松湖智能装备有限公司', '东莞长安精密模具有限公司'].sort(),
    );
    const other = me.enterprises.find((e) => e.enterpriseId !== me.activeEnterpriseId)!;
    const switched = await client.auth.switchEnterprise.mutate({ enterpriseId: other.enterpriseId });
    expect(switched.activeEnterpriseId).toBe(other.enterpriseId);
    expect((await client.enterprises.current.query()).id).toBe(other.enterpriseId);
    const linOwned = (await api.client({ token: await api.wechatToken('lin') }).auth.me.query())
      .activeEnterpriseId!;
    expect(await codeOf(client.auth.switchEnterprise.mutate({ enterpriseId: linOwned }))).toBe('FORBIDDEN');
  });

  it('a new WeChat user binds an enterprise with USCC + legal representative mobile + SMS code', async () => {
    const client = api.client({ token: await api.wechatToken('newcomer') });
    expect((await client.auth.me.query()).activeEnterpriseId).toBeNull();
    expect(await codeOf(client.enterprises.current.query())).toBe('FORBIDDEN');
    const target = demoEnterprises.find((e) => e.key === 'dalang-textile')!;
    const { devCode } = await client.auth.requestSmsCode.mutate({
      mobile: target.legalRepMobile,
      purpose: 'bind_enterprise',
    });
    expect(devCode).toMatch(/^\d{6}$/);
    const wrong = devCode === '000000' ? '111111' : '000000';
    const bindWith = (smsCode: string) =>
      client.enterprises.bind.mutate({
        uscc: demoUscc(target),
        legalRepMobile: target.legalRepMobile,
        smsCode,
      });
    expect(await codeOf(bindWith(wrong))).toBe('BAD_REQUEST');
    const me = await bindWith(devCode!);
    expect(me.enterprises).toEqual([expect.objectContaining({ name: target.name, memberRole: 'owner' })]);
    expect((await client.enterprises.current.query()).legalRepMobile).toBe(target.legalRepMobile);
    // The code is single-use.
    expect(await codeOf(bindWith(devCode!))).toBe('BAD_REQUEST');
  });

  it('binding with a mobile that is not the legal representative’s is refused', async () => {
    const client = api.client({ token: await api.wechatToken('impostor') });
    const target = demoEnterprises.find((e) => e.key === 'humen-apparel')!;
    const { devCode } = await client.auth.requestSmsCode.mutate({
      mobile: '13912345678',
      purpose: 'bind_enterprise',
    });
    const code = await codeOf(
      client.enterprises.bind.mutate({
        uscc: demoUscc(target),
        legalRepMobile: '13912345678',
        smsCode: devCode!,
      }),
    );
    expect(code).toBe('BAD_REQUEST');
    expect((await client.auth.me.query()).enterprises).toEqual([]);
  });

  it('an owner invites a colleague, who joins as a member and cannot invite in turn', async () => {
    const owner = api.client({ token: await api.wechatToken('huang') });
    const { code } = await owner.enterprises.invite.mutate();
    const colleague = api.client({ token: await api.wechatToken('colleague') });
    const me = await colleague.enterprises.acceptInvite.mutate({ code });
    expect(me.enterprises).toEqual([
      expect.objectContaining({ name: '东莞南城数智软件有限公司', memberRole: 'member' }),
    ]);
    expect(await codeOf(colleague.enterprises.invite.mutate())).toBe('FORBIDDEN');
    expect((await owner.enterprises.members.query()).map((m) => m.memberRole).sort()).toEqual([
      'member',
      'owner',
    ]);
    // Single use.
    const third = api.client({ token: await api.wechatToken('third') });
    expect(await codeOf(third.enterprises.acceptInvite.mutate({ code }))).toBe('BAD_REQUEST');
  });
});
