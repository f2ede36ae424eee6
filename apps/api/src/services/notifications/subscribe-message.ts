import { z } from 'zod';

// WeChat subscribe messages (订阅消息) tell enterprise staff on their phones that an application moved on.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
// The real adapter needs WECHAT_APP_ID / WECHAT_APP_SECRET (also used for login) and the template id the
// mini-program's users subscribed to, WECHAT_SUBSCRIBE_TEMPLATE_ID. The template's fields are: thing1 (项目名称),
// phrase2 (当前状态), time3 (更新时间), thing4 (说明). Without them the development adapter logs the message instead.

export interface SubscribeMessage {
  openid: string;
  /** The mini-program page the message opens, e.g. pages/application/index?id=… */
  page: string;
  projectName: string;
  stateLabel: string;
  at: Date;
  note: string;
}

export interface SubscribeMessenger {
  readonly name: string;
  send(message: SubscribeMessage): Promise<void>;
}

/** WeChat limits: thing ≤ 20 characters, phrase ≤ 5. */
const cut = (text: string, max: number) =>
  Array.from(text).length > max
    ? `${Array.from(text)
        .slice(0, max - 1)
        .join('')}…`
    : text;

function shanghaiMinute(at: Date): string {
  const parts = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
  return parts;
}

/** The request body subscribeMessage.send expects. */
export function subscribeMessageBody(templateId: string, message: SubscribeMessage) {
  return {
    touser: message.openid,
    template_id: templateId,
    page: message.page,
    miniprogram_state: 'formal',
    lang: 'zh_CN',
    data: {
      thing1: { value: cut(message.projectName, 20) },
      phrase2: { value: cut(message.stateLabel, 5) },
      time3: { value: shanghaiMinute(message.at) },
      thing4: { value: cut(message.note, 20) },
    },
  };
}

const tokenReply = z.object({
  access_token: z.string().optional(),
  expires_in: z.number().optional(),
  errcode: z.number().optional(),
  errmsg: z.string().optional(),
});
const sendReply = z.object({ errcode: z.number().optional(), errmsg: z.string().optional() });

/** 43101: the user has not subscribed (or used up their one-time subscription) — not an error of ours. */
const NOT_SUBSCRIBED = 43101;

export function createWechatSubscribeMessenger(
  config: { appId: string; secret: string; templateId: string },
  fetchImpl: typeof fetch = fetch,
): SubscribeMessenger {
  let token: { value: string; expiresAt: number } | undefined;
  async function accessToken(): Promise<string> {
    if (token && token.expiresAt > Date.now()) return token.value;
    const url = new URL('https://api.weixin.qq.com/cgi-bin/token');
    url.search = new URLSearchParams({
      grant_type: 'client_credential',
      appid: config.appId,
      secret: config.secret,
    }).toString();
    const response = await fetchImpl(url, { signal: AbortSignal.timeout(5000) });
    if (!response.ok) throw new Error(`cgi-bin/token HTTP ${response.status}`);
    const reply = tokenReply.parse(await response.json());
    if (!reply.access_token) throw new Error(`cgi-bin/token errcode ${reply.errcode}: ${reply.errmsg}`);
    // Renew five minutes early: WeChat's token lives 7200 s and a request in flight must not outlive it.
    token = { value: reply.access_token, expiresAt: Date.now() + ((reply.expires_in ?? 7200) - 300) * 1000 };
    return token.value;
  }
  return {
    name: 'wechat',
    async send(message) {
      const url = new URL('https://api.weixin.qq.com/cgi-bin/message/subscribe/send');
      url.search = new URLSearchParams({ access_token: await accessToken() }).toString();
      const response = await fetchImpl(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(subscribeMessageBody(config.templateId, message)),
        signal: AbortSignal.timeout(5000),
      });
      if (!response.ok) throw new Error(`subscribeMessage.send HTTP ${response.status}`);
      const reply = sendReply.parse(await response.json());
      if (reply.errcode && reply.errcode !== NOT_SUBSCRIBED)
        throw new Error(`subscribeMessage.send errcode ${reply.errcode}: ${reply.errmsg}`);
    },
  };
}

/** Development: no WeChat credentials; the message is logged (and kept, so tests can read what would be sent). */
export function createDevSubscribeMessenger(log: (line: string, message: SubscribeMessage) => void) {
  const sent: SubscribeMessage[] = [];
  const messenger: SubscribeMessenger & { sent: SubscribeMessage[] } = {
    name: 'dev',
    sent,
    async send(message) {
      sent.push(message);
      log(
        `订阅消息（开发模式，未发送）→ ${message.openid}：${message.projectName} ${message.stateLabel}`,
        message,
      );
    },
  };
  return messenger;
}
