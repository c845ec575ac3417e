import type { EventDetail } from '../../cloudfunctions/shared/contract/events';

/** The “一带一路” salon as organizers see it; each test overrides what its story needs. */
export function salonDetail(overrides: Partial<EventDetail> = {}): EventDetail {
  return {
    id: 'ev-belt-road-salon',
    title: '“一带一路”专业服务沙龙',
    kind: 'salon',
    status: 'published',
    startAt: '2026-12-02T06:00:00.000Z',
    endAt: '2026-12-02T09:00:00.000Z',
    venue: { name: '陆家嘴金融城党群服务中心', address: '浦东新区陆家嘴环路 1000 号' },
    hosts: [{ id: 'org-professional', name: '专业机构从业人员联谊会' }],
    signupOpensAt: '2026-11-18T01:00:00.000Z',
    signupClosesAt: '2026-12-01T06:00:00.000Z',
    capacity: 40,
    seatsTaken: 39,
    waitlistCount: 1,
    requiresApproval: true,
    membersOnly: true,
    team: null,
    waitlistMode: 'auto',
    description: '',
    schedule: [],
    questions: [{ id: 'reason', kind: 'text', label: '参加理由', required: true, options: [] }],
    guests: [],
    summary: null,
    cancellationDeadline: null,
    offerHours: 24,
    openOffers: 0,
    pendingCount: 1,
    createdAt: '2026-11-10T01:00:00.000Z',
    ...overrides,
  };
}
