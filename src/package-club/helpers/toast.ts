import Taro from '@tarojs/taro';
import { toApiError } from '../../services/api';

export function toast(title: string) {
  void Taro.showToast({ title, icon: 'none' });
}

/** A refused call in words; a missing profile offers the way to complete it. */
export async function explainFailure(failure: unknown) {
  const error = toApiError(failure);
  if (error.code === 'PROFILE_REQUIRED' || error.code === 'CONSENT_REQUIRED') {
    const { confirm } = await Taro.showModal({ title: '需要完善资料', content: error.message, confirmText: '去完善', cancelText: '稍后' });
    if (confirm) void Taro.navigateTo({ url: '/package-me/profile/index' });
    return;
  }
  toast(error.message);
}
