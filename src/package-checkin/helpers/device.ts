import Taro from '@tarojs/taro';
import { deviceName, isDeviceId, newDeviceId } from '../../utils/device-name';

const deviceIdKey = 'xinlian.checkin.device-id';

function platform(): string {
  if (process.env.TARO_ENV === 'h5') return 'h5';
  return (Taro.getDeviceInfo?.() ?? Taro.getSystemInfoSync()).platform ?? '';
}

/** This device's name for the scan log; its random part is made once and kept. */
export function currentDeviceName(): string {
  const stored: unknown = Taro.getStorageSync(deviceIdKey);
  let id = isDeviceId(stored) ? stored : '';
  if (!id) {
    id = newDeviceId();
    Taro.setStorageSync(deviceIdKey, id);
  }
  return deviceName(platform(), id);
}
