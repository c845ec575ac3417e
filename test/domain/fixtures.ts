import type { EventDoc, MemberDoc } from '../../cloudfunctions/shared/data/documents';
import { openingLedger } from '../../cloudfunctions/shared/domain/seat-ledger';

export const createdAt = new Date('2026-10-01T01:00:00Z');

export function memberDoc(overrides: Partial<MemberDoc> = {}): MemberDoc {
  return {
    _id: 'm-1',
    openId: 'openid-1',
    profile: { name: '陈思远', mobile: '13812341234', sector: 'professional', employer: '浦江律师事务所', title: '合伙人' },
    orgIds: ['org-general', 'org-street-lujiazui'],
    roles: [{ orgId: 'org-street-lujiazui', role: 'organizer' }],
    privacyAcceptedVersion: '2026-11',
    privacyAcceptedAt: createdAt,
    createdAt,
    updatedAt: createdAt,
    deletedAt: null,
    ...overrides,
  };
}

export function eventDoc(overrides: Partial<EventDoc> = {}): EventDoc {
  return {
    _id: 'ev-1',
    title: '"一带一路"专业人士沙龙',
    kind: 'salon',
    status: 'published',
    orgId: 'org-street-lujiazui',
    coHostOrgIds: ['org-sector-professional'],
    hostOrgIds: ['org-street-lujiazui', 'org-sector-professional'],
    hosts: [
      { id: 'org-street-lujiazui', name: '陆家嘴街道新联会' },
      { id: 'org-sector-professional', name: '浦东新区专业机构从业人员联谊会' },
    ],
    description: '与专业服务机构从业人员交流出海经验',
    venue: { name: '陆家嘴金融城会客厅', address: '浦东新区银城中路' },
    startAt: new Date('2026-12-05T06:00:00Z'),
    endAt: new Date('2026-12-05T08:00:00Z'),
    signupOpensAt: new Date('2026-11-20T00:00:00Z'),
    signupClosesAt: new Date('2026-12-04T10:00:00Z'),
    cancellationDeadline: null,
    capacity: 40,
    ...openingLedger(40),
    arrivals: 12,
    waitlistMode: 'auto',
    offerHours: 24,
    requiresApproval: true,
    membersOnly: false,
    team: null,
    questions: [],
    schedule: [{ time: '14:00', title: '签到' }],
    createdBy: 'm-1',
    createdAt,
    updatedAt: createdAt,
    ...overrides,
  };
}
