import Taro from '@tarojs/taro';

/**
 * In the weapp, asks WeChat to show its own privacy authorisation before personal data is entered;
 * resolves false if the member declines. Other platforms have no such step.
 */
export function requireWechatPrivacyAuthorize(): Promise<boolean> {
  if (process.env.TARO_ENV !== 'weapp' || typeof Taro.requirePrivacyAuthorize !== 'function') {
    return Promise.resolve(true);
  }
  return new Promise((resolve) => {
    Taro.requirePrivacyAuthorize({ success: () => resolve(true), fail: () => resolve(false) });
  });
}
