import Taro from '@tarojs/taro';
import { type CachedTicket, parseCachedTicket, ticketCacheKey } from '../utils/ticket-display';

/** The ticket last loaded for this event, so the code still draws with no network at the door. */
export function readCachedTicket(eventId: string): CachedTicket | null {
  try {
    return parseCachedTicket(Taro.getStorageSync(ticketCacheKey(eventId)), eventId);
  } catch {
    return null;
  }
}

export function saveCachedTicket(eventId: string, cached: CachedTicket): void {
  try {
    Taro.setStorageSync(ticketCacheKey(eventId), cached);
  } catch {
    // Storage full or denied: the ticket still shows; it just will not be there offline.
  }
}

export function dropCachedTicket(eventId: string): void {
  try {
    Taro.removeStorageSync(ticketCacheKey(eventId));
  } catch {
    // Nothing kept, nothing to drop.
  }
}
