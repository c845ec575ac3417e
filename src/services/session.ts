import Taro from '@tarojs/taro';

// Only the H5 build signs in with a token; a weapp caller is identified by its WeChat account.
const tokenKey = 'xinlian.session-token';

/** The H5-only page where a demo persona is picked; every signed-out call lands there. */
export const personaPickerUrl = '/pages/login/index';

export function readToken(): string {
  const token: unknown = Taro.getStorageSync(tokenKey);
  return typeof token === 'string' ? token : '';
}

export function saveToken(token: string): void {
  Taro.setStorageSync(tokenKey, token);
}

export function clearToken(): void {
  Taro.removeStorageSync(tokenKey);
}
