import Taro from '@tarojs/taro';
import type { ApiError } from '../services/api';

export const detailPagePath = '/package-event/detail/index';
const myRegistrationsPath = '/package-me/my-registrations/index';
const profilePath = '/package-me/profile/index';

export function eventDetailUrl(eventId: string): string {
  return `${detailPagePath}?id=${encodeURIComponent(eventId)}`;
}

/** Back to the event's page: the one underneath when the member came from it, otherwise a fresh one. */
export function backToEvent(eventId: string): void {
  const pages = Taro.getCurrentPages();
  const previous = pages.length > 1 ? pages[pages.length - 2] : undefined;
  if (previous?.route?.replace(/^\//, '').startsWith(detailPagePath.slice(1))) void Taro.navigateBack();
  else void Taro.redirectTo({ url: eventDetailUrl(eventId) });
}

export function openMyRegistrations(): void {
  void Taro.redirectTo({ url: myRegistrationsPath });
}

export function openProfile(): void {
  void Taro.navigateTo({ url: profilePath });
}

/** A newcomer without consent or profile is sent to 完善资料 with a word on why; true when that was the problem. */
export async function guideToProfile(failure: ApiError): Promise<boolean> {
  if (failure.code !== 'CONSENT_REQUIRED' && failure.code !== 'PROFILE_REQUIRED') return false;
  const { confirm } = await Taro.showModal({
    title: '请先完善资料',
    content: '报名前需要同意隐私保护指引并填写姓名、手机号等基本资料。',
    confirmText: '去完善',
    confirmColor: '#C8102E',
  });
  if (confirm) openProfile();
  return true;
}
