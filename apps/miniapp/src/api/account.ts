/**
 * The signed-in person as the pages see it: `me` from the API (enterprises, the active one) and the active
 * enterprise's name and credit code cached for offline pages (self-check). One store, subscribed to by hooks.
 */
import Taro from '@tarojs/taro';
import type { RouterOutputs } from '@dg/api';
import { useEffect, useState } from 'react';
import { api, isUnauthorized } from './client';
import { clearSession, saveSession, sessionToken, setCurrentEnterprise } from './session';

export type Me = RouterOutputs['auth']['me'];

let me: Me | null = null;
const listeners = new Set<(me: Me | null) => void>();

function publish(next: Me | null) {
  me = next;
  for (const l of listeners) l(me);
}

async function adopt(next: Me): Promise<Me> {
  if (next.activeEnterpriseId) {
    const e = await api.enterprises.current.query();
    setCurrentEnterprise({ id: e.id, name: e.name, uscc: e.uscc });
  } else {
    setCurrentEnterprise(null);
  }
  publish(next);
  return next;
}

/** Reloads `me` when a session exists; a refused session is dropped so the person logs in again. */
export async function refreshMe(): Promise<Me | null> {
  if (!sessionToken()) {
    publish(null);
    return null;
  }
  try {
    return await adopt(await api.auth.me.query());
  } catch (error) {
    if (isUnauthorized(error)) {
      clearSession();
      publish(null);
      return null;
    }
    throw error;
  }
}

/**
 * The code `auth.wechatLogin` exchanges: `wx.login()` in the mini-program. The browser build has no WeChat, so
 * there the caller passes the code the API's development adapter maps to a demo person.
 */
export async function logIn(browserCode?: string): Promise<Me> {
  const code = process.env.TARO_ENV === 'weapp' ? (await Taro.login()).code : browserCode;
  if (!code) throw new Error('请输入演示账号代码');
  const reply = await api.auth.wechatLogin.mutate({ code });
  saveSession(reply.token);
  return adopt(reply.me);
}

export async function logOut(): Promise<void> {
  try {
    await api.auth.logout.mutate();
  } finally {
    clearSession();
    publish(null);
  }
}

export async function switchEnterprise(enterpriseId: string): Promise<Me> {
  return adopt(await api.auth.switchEnterprise.mutate({ enterpriseId }));
}

/** After binding or accepting an invite the API answers with the new `me`. */
export function adoptMe(next: Me): Promise<Me> {
  return adopt(next);
}

export function useMe(): Me | null {
  const [value, setValue] = useState<Me | null>(me);
  useEffect(() => {
    listeners.add(setValue);
    setValue(me);
    return () => {
      listeners.delete(setValue);
    };
  }, []);
  return value;
}
