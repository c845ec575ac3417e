import Taro from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import './app.scss';

if (process.env.TARO_ENV === 'weapp') {
  Taro.cloud.init(XINLIAN_CLOUD_ENV ? { env: XINLIAN_CLOUD_ENV, traceUser: true } : { traceUser: true });
}

export default function App({ children }: PropsWithChildren) {
  return children;
}
