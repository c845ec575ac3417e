import type { Notification, Page } from '../../cloudfunctions/shared/contract';
import { collections, type NotificationDoc } from '../../cloudfunctions/shared/data/documents';
import { dataOf, harnessForThisFile, openIds, seedNow } from '../support/functions';

type NotificationPage = Page<Notification> & { unread: number };

const harness = harnessForThisFile();

const minute = 60 * 1000;

/** `count` notifications for a member, one a minute before seedNow going back, the oldest `read` of them already read. */
function notes(memberId: string, count: number, read: number): NotificationDoc[] {
  return Array.from({ length: count }, (_, i) => {
    const createdAt = new Date(seedNow.getTime() - (i + 1) * minute);
    return {
      _id: `note-${memberId}-${String(i).padStart(2, '0')}`,
      memberId,
      kind: 'promoted' as const,
      eventId: 'ev-salon',
      title: `通知 ${i}`,
      body: `第 ${i} 条通知`,
      createdAt,
      readAt: i >= count - read ? new Date(seedNow.getTime() - minute / 2) : null,
      deliveredAt: null,
    };
  });
}

beforeAll(async () => {
  await harness.db.collection(collections.notifications).add([...notes('m-member', 25, 5), ...notes('m-other-member', 3, 0)]);
});

const page = async (openId: string | null, data: Record<string, unknown> = {}) => harness.call(openId, 'members', 'notifications', data);

describe('members.notifications', () => {
  it('pages the caller’s notifications newest first, with the unread count', async () => {
    const first = dataOf<NotificationPage>(await page(openIds.member, { pageSize: 10 }));
    expect(first).toMatchObject({ page: 1, pageSize: 10, hasMore: true, unread: 20 });
    expect(first.items.map((item) => item.title)).toEqual(Array.from({ length: 10 }, (_, i) => `通知 ${i}`));
    expect(first.items[0]).toEqual({
      id: 'note-m-member-00',
      kind: 'promoted',
      eventId: 'ev-salon',
      title: '通知 0',
      body: '第 0 条通知',
      createdAt: new Date(seedNow.getTime() - minute).toISOString(),
      readAt: null,
    });
    const last = dataOf<NotificationPage>(await page(openIds.member, { page: 3, pageSize: 10 }));
    expect(last).toMatchObject({ hasMore: false, unread: 20 });
    expect(last.items).toHaveLength(5);
    expect(last.items[4]).toMatchObject({ title: '通知 24', readAt: new Date(seedNow.getTime() - minute / 2).toISOString() });
  });

  it('never shows another member’s notifications', async () => {
    const mine = dataOf<NotificationPage>(await page(openIds.member, { pageSize: 50 }));
    const theirs = dataOf<NotificationPage>(await page(openIds.otherMember, { pageSize: 50 }));
    expect(theirs.items.map((item) => item.id)).toEqual(['note-m-other-member-00', 'note-m-other-member-01', 'note-m-other-member-02']);
    expect(mine.items.some((item) => item.id.startsWith('note-m-other-member'))).toBe(false);
    expect(dataOf<NotificationPage>(await page(openIds.admin))).toEqual({ items: [], page: 1, pageSize: 20, hasMore: false, unread: 0 });
  });

  it('answers an empty page to a caller without a member record, and refuses anonymous callers', async () => {
    expect(dataOf<NotificationPage>(await page('openid-stranger'))).toEqual({ items: [], page: 1, pageSize: 20, hasMore: false, unread: 0 });
    expect(await page(null)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });

  it('costs three round trips: the member, then the page and the count side by side', async () => {
    expect((await harness.measure(openIds.member, 'members', 'notifications', {})).roundTrips).toBe(3);
  });
});

describe('members.markNotificationsRead', () => {
  it('marks the caller’s unread notifications read now, keeps earlier read times, and touches nobody else’s', async () => {
    const readAt = new Date(seedNow.getTime() + 5 * minute);
    expect(dataOf(await harness.call(openIds.member, 'members', 'markNotificationsRead', {}, { now: readAt }))).toEqual({ marked: 20 });
    const after = dataOf<NotificationPage>(await page(openIds.member, { pageSize: 50 }));
    expect(after.unread).toBe(0);
    expect(after.items.filter((item) => item.readAt === readAt.toISOString())).toHaveLength(20);
    expect(after.items.filter((item) => item.readAt === new Date(seedNow.getTime() - minute / 2).toISOString())).toHaveLength(5);
    expect(dataOf<NotificationPage>(await page(openIds.otherMember)).unread).toBe(3);
  });

  it('marks nothing the second time, and nothing for a caller without notifications or a record', async () => {
    expect(dataOf(await harness.call(openIds.member, 'members', 'markNotificationsRead', {}))).toEqual({ marked: 0 });
    expect(dataOf(await harness.call(openIds.admin, 'members', 'markNotificationsRead'))).toEqual({ marked: 0 });
    expect(dataOf(await harness.call('openid-stranger', 'members', 'markNotificationsRead'))).toEqual({ marked: 0 });
    expect(await harness.call(null, 'members', 'markNotificationsRead')).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });

  it('counts each notification once when two devices mark at the same time', async () => {
    const replies = await Promise.all([
      harness.call(openIds.otherMember, 'members', 'markNotificationsRead'),
      harness.call(openIds.otherMember, 'members', 'markNotificationsRead'),
    ]);
    expect(replies.map((reply) => dataOf<{ marked: number }>(reply).marked).reduce((a, b) => a + b, 0)).toBe(3);
    expect(dataOf<NotificationPage>(await page(openIds.otherMember)).unread).toBe(0);
  });
});
