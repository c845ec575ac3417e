import Taro from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../services/api';
import { unreadBadgeText } from '../utils/notification-display';

// The 我的 tab, the fourth in app.config's tab bar.
const meTabIndex = 3;

function showOnMeTab(unread: number): void {
  // A badge is decoration: a platform without tab-bar badges (or a non-tab page) must not break the page.
  try {
    const done = unread > 0 ? Taro.setTabBarBadge({ index: meTabIndex, text: unreadBadgeText(unread) }) : Taro.removeTabBarBadge({ index: meTabIndex });
    void Promise.resolve(done).catch(() => undefined);
  } catch {
    // Nothing to show it on.
  }
}

/**
 * Unread notifications for the 我的 tab: the count (0 when it cannot be had) and a reload for when the tab shows
 * again. Also puts the count on the tab bar's 我的 item.
 */
export function useUnreadCount(): { unread: number; reload: () => Promise<void> } {
  const [unread, setUnread] = useState(0);
  const latest = useRef(0);
  const reload = useCallback(async () => {
    const request = ++latest.current;
    try {
      const page = await call('members', 'notifications', { page: 1, pageSize: 1 });
      if (request !== latest.current) return;
      setUnread(page.unread);
      showOnMeTab(page.unread);
    } catch {
      // The count is a hint; the notifications page shows the real error.
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { unread, reload };
}
