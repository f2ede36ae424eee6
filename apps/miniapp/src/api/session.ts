/**
 * What the device keeps between launches: the bearer session token and which enterprise the person is acting for.
 * Nothing else is cached — personal data is fetched when shown and never written to storage.
 */
import Taro from '@tarojs/taro';

const TOKEN_KEY = 'dg.session';
const ENTERPRISE_KEY = 'dg.enterprise';

export interface CurrentEnterprise {
  id: string;
  name: string;
  uscc: string;
}

let token: string | null = null;

export function sessionToken(): string | null {
  if (token === null) token = (Taro.getStorageSync(TOKEN_KEY) as string) || null;
  return token;
}

export function saveSession(value: string): void {
  token = value;
  Taro.setStorageSync(TOKEN_KEY, value);
}

export function clearSession(): void {
  token = null;
  Taro.removeStorageSync(TOKEN_KEY);
  Taro.removeStorageSync(ENTERPRISE_KEY);
}

export function currentEnterprise(): CurrentEnterprise | null {
  return (Taro.getStorageSync(ENTERPRISE_KEY) as CurrentEnterprise | '') || null;
}

export function setCurrentEnterprise(enterprise: CurrentEnterprise | null): void {
  if (enterprise) Taro.setStorageSync(ENTERPRISE_KEY, enterprise);
  else Taro.removeStorageSync(ENTERPRISE_KEY);
}
