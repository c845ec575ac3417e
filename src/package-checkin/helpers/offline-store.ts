import Taro from '@tarojs/taro';
import type { OfflineKit, QueuedScan, SeenCheckins } from '../../utils/offline-checkin';

/** One event's offline state on the device: the preload (large, written once), the queue and what was seen (small). */
export interface OfflineState {
  kit: OfflineKit | null;
  queue: QueuedScan[];
  seen: SeenCheckins;
}

const keys = (eventId: string) => ({
  kit: `xinlian.checkin.kit.${eventId}`,
  queue: `xinlian.checkin.queue.${eventId}`,
  seen: `xinlian.checkin.seen.${eventId}`,
});

function read(key: string): unknown {
  try {
    return Taro.getStorageSync(key);
  } catch {
    return '';
  }
}

function isKit(value: unknown): value is OfflineKit {
  const kit = value as Partial<OfflineKit> | null;
  return typeof kit === 'object' && kit !== null && typeof kit.clockOffsetMs === 'number' && Array.isArray(kit.preload?.tickets);
}

export function loadOfflineState(eventId: string): OfflineState {
  const key = keys(eventId);
  const kit = read(key.kit);
  const queue = read(key.queue);
  const seen = read(key.seen);
  return {
    kit: isKit(kit) ? kit : null,
    queue: Array.isArray(queue) ? (queue as QueuedScan[]) : [],
    seen: typeof seen === 'object' && seen !== null && !Array.isArray(seen) ? (seen as SeenCheckins) : {},
  };
}

export function saveKit(eventId: string, kit: OfflineKit): void {
  Taro.setStorageSync(keys(eventId).kit, kit);
}

export function saveQueue(eventId: string, queue: QueuedScan[]): void {
  Taro.setStorageSync(keys(eventId).queue, queue);
}

export function saveSeen(eventId: string, seen: SeenCheckins): void {
  Taro.setStorageSync(keys(eventId).seen, seen);
}

/** After the event: the secrets leave the device. The queue stays until it has been synced. */
export function clearKit(eventId: string): void {
  const key = keys(eventId);
  Taro.removeStorageSync(key.kit);
  Taro.removeStorageSync(key.seen);
}
