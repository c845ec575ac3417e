import type { EventDetail, EventSummary, Page } from '../../cloudfunctions/shared/contract';
import { dataOf, harnessForThisFile, openIds, orgIds, seedNow } from '../support/functions';

const harness = harnessForThisFile();

async function listIds(data: Record<string, unknown> = {}, now = seedNow): Promise<string[]> {
  const page = dataOf<Page<EventSummary>>(await harness.call(null, 'events', 'list', data, { now }));
  return page.items.map((item) => item.id);
}

describe('events.list', () => {
  it('lists what has not ended, in start order, drafts left out and cancelled ones shown with their status', async () => {
    const page = dataOf<Page<EventSummary>>(await harness.call(null, 'events', 'list', {}));
    expect(page.items.map((item) => item.id)).toEqual(['ev-ongoing', 'ev-closed', 'ev-cancelled', 'ev-salon', 'ev-late', 'ev-forum', 'ev-study']);
    expect(page.items.find((item) => item.id === 'ev-cancelled')?.status).toBe('cancelled');
    expect(page).toMatchObject({ page: 1, pageSize: 20, hasMore: false });
  });

  it('answers the summary with UTC instants and hosts, host first', async () => {
    const page = dataOf<Page<EventSummary>>(await harness.call(null, 'events', 'list', { kind: 'salon' }));
    expect(page.items).toHaveLength(1);
    const salon = page.items[0];
    expect(salon).toMatchObject({
      id: 'ev-salon',
      kind: 'salon',
      status: 'published',
      startAt: new Date(seedNow.getTime() + 5 * 24 * 3600 * 1000).toISOString(),
      hosts: [
        { id: orgIds.lujiazui, name: '陆家嘴街道新联会' },
        { id: orgIds.professional, name: '浦东新区专业机构从业人员联谊会' },
      ],
      requiresApproval: true,
      team: null,
    });
    expect(salon).not.toHaveProperty('description');
  });

  it('filters by host or co-host organisation', async () => {
    expect(await listIds({ orgId: orgIds.professional })).toEqual(['ev-salon']);
    expect(await listIds({ orgId: orgIds.lujiazui })).toEqual(['ev-salon']);
    expect(await listIds({ orgId: orgIds.huamu })).toEqual(['ev-ongoing', 'ev-forum']);
    expect(await listIds({ orgId: 'org-nowhere' })).toEqual([]);
  });

  it('filters by kind', async () => {
    expect(await listIds({ kind: 'forum' })).toEqual(['ev-closed', 'ev-forum']);
    expect(await listIds({ kind: 'reading' })).toEqual(['ev-late']);
  });

  it('filters by Shanghai calendar days, including past ones', async () => {
    // ev-late starts 23:30 on 1 Dec in Shanghai (15:30 UTC): it belongs to 1 Dec, not 2 Dec.
    expect(await listIds({ from: '2026-12-01', to: '2026-12-01' })).toEqual(['ev-late']);
    expect(await listIds({ from: '2026-12-02', to: '2026-12-02' })).toEqual([]);
    expect(await listIds({ from: '2026-11-22', to: '2026-11-22' })).toEqual(['ev-past']);
    expect(await listIds({ to: '2026-11-28' })).toEqual(['ev-ongoing', 'ev-closed', 'ev-cancelled']);
    expect(await listIds({ from: '2026-11-30', kind: 'salon' })).toEqual(['ev-salon']);
  });

  it('moves with the clock it is given', async () => {
    const later = new Date(seedNow.getTime() + 11 * 24 * 3600 * 1000);
    expect(await listIds({}, later)).toEqual(['ev-study']);
  });

  it('pages in start order with hasMore', async () => {
    const first = dataOf<Page<EventSummary>>(await harness.call(null, 'events', 'list', { pageSize: 3 }));
    const second = dataOf<Page<EventSummary>>(await harness.call(null, 'events', 'list', { page: 2, pageSize: 3 }));
    const third = dataOf<Page<EventSummary>>(await harness.call(null, 'events', 'list', { page: 3, pageSize: 3 }));
    expect(first.items.map((i) => i.id)).toEqual(['ev-ongoing', 'ev-closed', 'ev-cancelled']);
    expect(first.hasMore).toBe(true);
    expect(second.items.map((i) => i.id)).toEqual(['ev-salon', 'ev-late', 'ev-forum']);
    expect(second.hasMore).toBe(true);
    expect(third.items.map((i) => i.id)).toEqual(['ev-study']);
    expect(third.hasMore).toBe(false);
  });

  it('refuses a range that ends before it starts and a day that does not exist', async () => {
    expect(await harness.call(null, 'events', 'list', { from: '2026-12-02', to: '2026-12-01' })).toEqual({
      ok: false,
      code: 'VALIDATION_FAILED',
      message: '结束日期不能早于开始日期',
      field: 'to',
    });
    expect(await harness.call(null, 'events', 'list', { from: '2026-02-30' })).toMatchObject({ code: 'VALIDATION_FAILED', field: 'from' });
  });
});

describe('events.get', () => {
  it('answers a published event to anyone', async () => {
    const detail = dataOf<EventDetail>(await harness.call(null, 'events', 'get', { id: 'ev-salon' }));
    expect(detail).toMatchObject({ id: 'ev-salon', description: '"一带一路"专业人士沙龙的介绍', schedule: [], questions: [], cancellationDeadline: null });
    expect(typeof detail.createdAt).toBe('string');
    expect(detail).not.toHaveProperty('createdBy');
  });

  it('answers a cancelled event with its status', async () => {
    expect(dataOf<EventDetail>(await harness.call(openIds.member, 'events', 'get', { id: 'ev-cancelled' })).status).toBe('cancelled');
  });

  it('hides a draft from everyone but organizers of its host', async () => {
    for (const openId of [null, openIds.member, openIds.steward, openIds.huamuOrganizer, 'openid-stranger']) {
      expect(await harness.call(openId, 'events', 'get', { id: 'ev-draft' })).toEqual({
        ok: false,
        code: 'NOT_FOUND',
        message: '内容不存在或已被删除',
      });
    }
    for (const openId of [openIds.lujiazuiOrganizer, openIds.generalOrganizer, openIds.admin]) {
      expect(dataOf<EventDetail>(await harness.call(openId, 'events', 'get', { id: 'ev-draft' })).status).toBe('draft');
    }
  });

  it('answers NOT_FOUND for an unknown event', async () => {
    expect(await harness.call(null, 'events', 'get', { id: 'ev-nowhere' })).toMatchObject({ code: 'NOT_FOUND' });
  });
});
