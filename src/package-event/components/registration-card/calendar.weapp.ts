import Taro from '@tarojs/taro';
import type { CalendarEntry } from '../../../utils/calendar-entry';

/** Taro passes addPhoneCalendar straight to WeChat without making it a promise, so its outcome comes by callback. */
export function addToCalendar(entry: CalendarEntry): Promise<string> {
  return new Promise((resolve, reject) => {
    void Taro.addPhoneCalendar({
      title: entry.title,
      startTime: Math.floor(entry.startMs / 1000),
      // WeChat takes the end as a string of seconds.
      endTime: String(Math.floor(entry.endMs / 1000)),
      location: entry.location,
      description: entry.description,
      alarm: true,
      alarmOffset: entry.remindMinutesBefore * 60,
      success: () => resolve('已添加到手机日历'),
      fail: reject,
    });
  });
}
