import { badRequest } from '../../errors';
import { sha256Hex } from './tokens';

// Mini-program login: the client's wx.login() code is exchanged for the user's openid (code2Session).
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-login/code2Session.html

export interface WechatIdentity {
  openid: string;
  unionid?: string | undefined;
}

export interface WechatSessionAdapter {
  readonly name: string;
  code2Session(code: string): Promise<WechatIdentity>;
}

interface Code2SessionReply {
  openid?: string;
  unionid?: string;
  session_key?: string;
  errcode?: number;
  errmsg?: string;
}

/** Calls WeChat's jscode2session with the app id and secret (WECHAT_APP_ID / WECHAT_APP_SECRET). */
export function createWechatAdapter(
  appId: string,
  secret: string,
  fetchImpl: typeof fetch = fetch,
): WechatSessionAdapter {
  return {
    name: 'wechat',
    async code2Session(code) {
      const url = new URL('https://api.weixin.qq.com/sns/jscode2session');
      url.search = new URLSearchParams({
        appid: appId,
        secret,
        js_code: code,
        grant_type: 'authorization_code',
      }).toString();
      const response = await fetchImpl(url, { signal: AbortSignal.timeout(5000) });
      if (!response.ok) throw new Error(`jscode2session HTTP ${response.status}`);
      const reply = (await response.json()) as Code2SessionReply;
      // 40029: invalid code, 40163: code already used, 45011: too frequent — all the user's to retry.
      if (reply.errcode) {
        if ([40029, 40163, 45011].includes(reply.errcode))
          throw badRequest(`微信登录凭证无效或已使用，请重试（${reply.errcode}）`);
        throw new Error(`jscode2session errcode ${reply.errcode}: ${reply.errmsg}`);
      }
      if (!reply.openid) throw new Error('jscode2session returned no openid');
      return { openid: reply.openid, unionid: reply.unionid };
    },
  };
}

/**
 * Development only (no WeChat credentials): the openid is derived from the code, so the same code is the same
 * person. The demo seed's enterprise staff have openid `dev:<name>`: log in as them with code `<name>`.
 */
export function createDevWechatAdapter(): WechatSessionAdapter {
  return {
    name: 'development',
    async code2Session(code) {
      if (!/^[\w-]{1,64}$/.test(code)) throw badRequest('微信登录凭证无效');
      return { openid: `dev:${code}` };
    },
  };
}

/** Stable pseudonymous id for logs: never log an openid itself. */
export function openidTag(openid: string): string {
  return sha256Hex(openid).slice(0, 12);
}
