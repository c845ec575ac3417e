import Taro from '@tarojs/taro';
import type { Reply } from '../../cloudfunctions/shared/contract/errors';

export async function send(fn: string, action: string, data: unknown): Promise<Reply<unknown>> {
  const { result } = await Taro.cloud.callFunction({ name: fn, data: { action, data } });
  return result as Reply<unknown>;
}
