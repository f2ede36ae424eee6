import { describe, expect, it } from 'vitest';
import {
  createWechatSubscribeMessenger,
  subscribeMessageBody,
} from '../src/services/notifications/subscribe-message';

// The real WeChat subscribe-message adapter against a stand-in for WeChat's two endpoints (the one boundary the tests
// cannot reach): the access token is fetched once and reused, the body follows subscribeMessage.send, a user who has
// not subscribed (43101) is not an error, any other errcode is.

const message = {
  openid: 'o-user-1',
  page: 'pages/application/index?id=1',
  projectName: '东莞长安精密模具有限公司行业垂直领域大模型研发与应用项目',
  stateLabel: '第一期资助拨付',
  at: new Date('2025-10-25T02:05:00Z'),
  note: '由“签订任务书”进入“第一期资助拨付”',
};

function fakeWechat(sendReplies: object[]) {
  const calls: { url: URL; body?: unknown }[] = [];
  const fetchImpl = (async (input: URL | string, init?: RequestInit) => {
    const url = new URL(String(input));
    calls.push({ url, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    const reply =
      url.pathname === '/cgi-bin/token' ? { access_token: 'TOKEN-1', expires_in: 7200 } : sendReplies.shift();
    return new Response(JSON.stringify(reply), { headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return { calls, fetchImpl };
}

describe('WeChat subscribe messages', () => {
  it('shapes the template data within WeChat limits, in Shanghai time', () => {
    const body = subscribeMessageBody('TPL', message);
    expect(body).toMatchObject({ touser: 'o-user-1', template_id: 'TPL', page: message.page, lang: 'zh_CN' });
    expect(Array.from(body.data.thing1.value)).toHaveLength(20);
    expect(body.data.thing1.value.endsWith('…')).toBe(true);
    expect(body.data.phrase2.value).toBe('第一期资…');
    expect(body.data.time3.value).toBe('2025-10-25 10:05');
  });

  it('gets the token once, sends, tolerates 43101 and reports other errors', async () => {
    const wechat = fakeWechat([
      { errcode: 0 },
      { errcode: 43101, errmsg: 'user refuse to accept the msg' },
      { errcode: 40003 },
    ]);
    const messenger = createWechatSubscribeMessenger(
      { appId: 'wx1', secret: 's', templateId: 'TPL' },
      wechat.fetchImpl,
    );
    await messenger.send(message);
    await messenger.send(message);
    await expect(messenger.send(message)).rejects.toThrow(/40003/);
    const paths = wechat.calls.map((c) => c.url.pathname);
    expect(paths).toEqual([
      '/cgi-bin/token',
      '/cgi-bin/message/subscribe/send',
      '/cgi-bin/message/subscribe/send',
      '/cgi-bin/message/subscribe/send',
    ]);
    expect(wechat.calls[0]!.url.searchParams.get('appid')).toBe('wx1');
    expect(wechat.calls[1]!.url.searchParams.get('access_token')).toBe('TOKEN-1');
    expect(wechat.calls[1]!.body).toMatchObject({ touser: 'o-user-1', template_id: 'TPL' });
  });
});
