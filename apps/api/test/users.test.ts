import { dialects } from '@dg/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/seed/people';
import { codeOf, startTestApi, type TestApi } from './harness';

describe.each(dialects)('staff accounts on %s', (dialect) => {
  let api: TestApi;
  let admin: ReturnType<TestApi['client']>;
  beforeAll(async () => {
    api = await startTestApi(dialect);
    admin = api.client({ cookie: await api.staffCookie('admin') });
  });
  afterAll(async () => {
    await api?.close();
  });

  const login = (user: string, password: string) =>
    fetch(`${api.url}/trpc/auth.staffLogin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: user, password }),
    });

  it('an administrator creates a town reviewer, who can then sign in scoped to the town', async () => {
    const created = await admin.users.create.mutate({
      login: 'town-qingxi',
      displayName: '清溪镇复核员',
      role: 'town_reviewer',
      townCode: 'qingxi',
      password: 'qingxi-2026-pass',
    });
    expect(created).toMatchObject({
      login: 'town-qingxi',
      role: 'town_reviewer',
      townCode: 'qingxi',
      disabled: false,
    });
    const response = await login('town-qingxi', 'qingxi-2026-pass');
    expect(response.status).toBe(200);
    expect(await codeOf(admin.users.create.mutate({ ...created, password: 'another-pass-1' } as never))).toBe(
      'CONFLICT',
    );
  });

  it('refuses a town reviewer without a town, and a town on any other role', async () => {
    const base = { login: 'no-town', displayName: '无镇街', password: 'long-enough-1' };
    expect(await codeOf(admin.users.create.mutate({ ...base, role: 'town_reviewer' }))).toBe('BAD_REQUEST');
    expect(await codeOf(admin.users.create.mutate({ ...base, role: 'expert', townCode: 'humen' }))).toBe(
      'BAD_REQUEST',
    );
  });

  it('disabling an account ends its sessions at once and blocks new logins; enabling restores logins', async () => {
    const cookie = await api.staffCookie('expert2');
    const expert = api.client({ cookie });
    const { id } = await expert.auth.me.query().then((me) => ({ id: me.userId }));
    await admin.users.setDisabled.mutate({ id, disabled: true });
    expect(await codeOf(expert.auth.me.query())).toBe('UNAUTHORIZED');
    expect((await login('expert2', DEMO_PASSWORD)).status).toBe(401);
    await admin.users.setDisabled.mutate({ id, disabled: false });
    expect((await login('expert2', DEMO_PASSWORD)).status).toBe(200);
  });

  it('a staff user changes their password: the old one stops working, other sessions end, this one stays', async () => {
    const here = api.client({ cookie: await api.staffCookie('finance1') });
    const elsewhere = api.client({ cookie: await api.staffCookie('finance1') });
    expect(
      await codeOf(here.auth.changePassword.mutate({ current: 'wrong', next: 'finance-new-2026' })),
    ).toBe('BAD_REQUEST');
    await here.auth.changePassword.mutate({ current: DEMO_PASSWORD, next: 'finance-new-2026' });
    expect((await here.auth.me.query()).role).toBe('finance');
    expect(await codeOf(elsewhere.auth.me.query())).toBe('UNAUTHORIZED');
    expect((await login('finance1', DEMO_PASSWORD)).status).toBe(401);
    expect((await login('finance1', 'finance-new-2026')).status).toBe(200);
  });

  it('a role change ends the sessions that carried the old role', async () => {
    const cookie = await api.staffCookie('city2');
    const city2 = api.client({ cookie });
    const me = await city2.auth.me.query();
    const { version } = await admin.users.get.query({ id: me.userId });
    const updated = await admin.users.update.mutate({ id: me.userId, version, role: 'approver' });
    expect(updated.role).toBe('approver');
    expect(await codeOf(city2.auth.me.query())).toBe('UNAUTHORIZED');
    expect(await codeOf(admin.users.update.mutate({ id: me.userId, version, displayName: '旧版本' }))).toBe(
      'CONFLICT',
    );
  });
});
