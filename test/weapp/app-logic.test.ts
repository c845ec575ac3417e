import { profileInput } from '../../cloudfunctions/shared/contract/members';
import type { EventSummary } from '../../cloudfunctions/shared/contract/events';
import type { OrgNode } from '../../cloudfunctions/shared/contract/orgs';
import { eventPhase, seatsBadge } from '../../src/utils/event-display';
import { maskMobile } from '../../src/utils/mask';
import { describeRecord } from '../../src/utils/my-data-display';
import { groupByKind, matchesName, orderByTree } from '../../src/utils/org-tree';
import { type ProfileDraft, type ProfileField, validateProfile } from '../../src/utils/profile-validation';
import { formatDateTime, formatEventTime, formatPickedDay, shanghaiDay } from '../../src/utils/time';

const now = new Date('2026-11-25T04:00:00.000Z');

describe('time shown in Asia/Shanghai', () => {
  it('formats a same-day event as day, weekday and a time range', () => {
    expect(formatEventTime('2026-11-28T06:00:00.000Z', '2026-11-28T09:00:00.000Z', now)).toBe('11月28日 周六 14:00–17:00');
  });

  it('uses the Shanghai day, not the UTC one, around midnight', () => {
    // 17:30 UTC on the 27th is 01:30 on the 28th in Shanghai.
    expect(formatEventTime('2026-11-27T17:30:00.000Z', '2026-11-27T20:00:00.000Z', now)).toBe('11月28日 周六 01:30–04:00');
    expect(shanghaiDay(new Date('2026-11-25T16:30:00.000Z'))).toBe('2026-11-26');
  });

  it('names both days when an event runs past midnight, and the year when it is not this year', () => {
    expect(formatEventTime('2026-12-31T12:00:00.000Z', '2027-01-01T02:00:00.000Z', now)).toBe('12月31日 周四 20:00 – 2027年1月1日 周五 10:00');
    expect(formatDateTime('2027-03-01T01:00:00.000Z', now)).toBe('2027年3月1日 09:00');
    expect(formatDateTime('2026-11-20T01:00:00.000Z', now)).toBe('11月20日 09:00');
  });

  it('gives the same answers on engines without time-zone data, where it uses the fixed +08:00 offset', () => {
    const realFormat = Intl.DateTimeFormat;
    const refuseZones = function (locales?: string | string[], options?: Intl.DateTimeFormatOptions) {
      if (options?.timeZone) throw new RangeError('time zones unsupported');
      return new realFormat(locales, options);
    };
    Intl.DateTimeFormat = refuseZones as unknown as typeof Intl.DateTimeFormat;
    try {
      jest.isolateModules(() => {
        const fallback = jest.requireActual<typeof import('../../src/utils/time')>('../../src/utils/time');
        expect(fallback.formatEventTime('2026-11-27T17:30:00.000Z', '2026-11-27T20:00:00.000Z', now)).toBe('11月28日 周六 01:30–04:00');
        expect(fallback.shanghaiDay(new Date('2026-11-25T16:30:00.000Z'))).toBe('2026-11-26');
      });
    } finally {
      Intl.DateTimeFormat = realFormat;
    }
  });

  it('reads a picked calendar day back in Chinese', () => {
    expect(formatPickedDay('2026-12-05')).toBe('12月5日');
  });
});

describe('maskMobile', () => {
  it('keeps the first three and last four digits of a mobile', () => {
    expect(maskMobile('13812341234')).toBe('138****1234');
  });

  it('never shows more than the last four characters of anything else', () => {
    expect(maskMobile('+8613812341234')).toBe('****1234');
    expect(maskMobile('123')).toBe('****');
  });
});

describe('event badges', () => {
  const event: EventSummary = {
    id: 'e1', title: '沙龙', kind: 'salon', status: 'published',
    startAt: '2026-11-28T06:00:00.000Z', endAt: '2026-11-28T09:00:00.000Z',
    venue: { name: '会场', address: '地址' }, hosts: [{ id: 'o1', name: '总会' }],
    signupOpensAt: '2026-11-20T01:00:00.000Z', signupClosesAt: '2026-11-27T10:00:00.000Z',
    capacity: 40, seatsTaken: 28, waitlistCount: 0, requiresApproval: true, membersOnly: false, team: null, waitlistMode: 'auto',
  };

  it('counts seats left, says full, and shows the waiting list once anyone waits', () => {
    expect(seatsBadge(event)).toEqual({ text: '剩余 12 席', tone: 'success' });
    expect(seatsBadge({ ...event, seatsTaken: 37 })).toEqual({ text: '剩余 3 席', tone: 'brand' });
    expect(seatsBadge({ ...event, seatsTaken: 40 })).toEqual({ text: '已满', tone: 'muted' });
    expect(seatsBadge({ ...event, seatsTaken: 40, waitlistCount: 5 })).toEqual({ text: '候补 5 人', tone: 'warning' });
    expect(seatsBadge({ ...event, status: 'cancelled' })).toEqual({ text: '活动已取消', tone: 'muted' });
  });

  it('tells where the event stands at a given moment', () => {
    const at = (iso: string) => eventPhase(event, new Date(iso)).text;
    expect(at('2026-11-19T00:00:00.000Z')).toBe('即将开放报名');
    expect(at('2026-11-25T00:00:00.000Z')).toBe('报名中');
    expect(at('2026-11-27T12:00:00.000Z')).toBe('报名已截止');
    expect(at('2026-11-28T07:00:00.000Z')).toBe('进行中');
    expect(at('2026-11-28T10:00:00.000Z')).toBe('已结束');
    expect(eventPhase({ ...event, status: 'cancelled' }, now).text).toBe('已取消');
    expect(eventPhase({ ...event, status: 'closed' }, now).text).toBe('报名已截止');
  });
});

describe('profile validation in the mini program', () => {
  const valid: ProfileDraft = { name: '林晓', mobile: '13524619087', sector: 'newmedia', employer: '浦江视听工作室', title: '主编' };

  it('accepts a complete profile', () => {
    expect(validateProfile(valid)).toEqual({});
  });

  it.each<[ProfileField, Partial<ProfileDraft>]>([
    ['name', { name: '   ' }],
    ['name', { name: '名'.repeat(21) }],
    ['mobile', { mobile: '1352461908' }],
    ['mobile', { mobile: '23524619087' }],
    ['employer', { employer: '单'.repeat(61) }],
    ['title', { title: '职'.repeat(31) }],
  ])('shows the server’s own message for a bad %s', (field, change) => {
    const draft = { ...valid, ...change };
    const serverCheck = profileInput.safeParse(draft);
    expect(serverCheck.success).toBe(false);
    const serverMessage = serverCheck.error?.issues.find((issue) => issue.path[0] === field)?.message;
    expect(validateProfile(draft)[field]).toBe(serverMessage);
  });

  it('asks for a sector before the server would reject the empty choice', () => {
    expect(validateProfile({ ...valid, sector: '' })).toEqual({ sector: '请选择界别' });
  });
});

describe('organisation tree helpers', () => {
  const org = (id: string, name: string, kind: OrgNode['kind'], parentId: string | null): OrgNode => ({
    id, name, kind, parentId, description: '', memberCount: 0,
  });
  const orgs = [
    org('club', '新联悦读会', 'club', 'general'),
    org('ljz', '陆家嘴街道新联会', 'street', 'general'),
    org('general', '浦东新联总会', 'general', null),
    org('orphan', '张江镇新联会', 'town', 'missing-parent'),
  ];

  it('puts parents before children and keeps orgs whose parent is unknown', () => {
    expect(orderByTree(orgs).map((node) => node.id)).toEqual(['general', 'club', 'ljz', 'orphan']);
  });

  it('groups by kind in the 1+6+N order and searches by name', () => {
    expect(groupByKind(orgs).map((group) => group.kind)).toEqual(['general', 'street', 'town', 'club']);
    expect(orgs.filter((node) => matchesName(node, ' 陆家嘴 ')).map((node) => node.id)).toEqual(['ljz']);
    expect(orgs.filter((node) => matchesName(node, '  '))).toEqual([]);
  });
});

describe('my data, made readable', () => {
  it('labels fields in Chinese, opens nested objects, names sectors and formats instants', () => {
    const lines = describeRecord({
      _id: 'm-lin-xiao',
      profile: { name: '林晓', sector: 'newmedia' },
      roles: [{ orgId: 'org-general', role: 'organizer' }],
      orgIds: ['org-general', 'org-club-reading'],
      createdAt: '2026-11-25T02:03:00.000Z',
      deletedAt: null,
    });
    expect(lines).toEqual([
      { label: '编号', value: 'm-lin-xiao' },
      { label: '姓名', value: '林晓' },
      { label: '界别', value: '新媒体从业人员' },
      { label: '身份', value: '组织：org-general，身份：组织者' },
      { label: '所在组织', value: 'org-general、org-club-reading' },
      { label: '创建时间', value: '2026-11-25 10:03' },
      { label: '注销时间', value: '—' },
    ]);
  });
});
