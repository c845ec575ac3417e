import { hasProfile, toEventDetail, toEventSummary, toMemberProfile, toOrgMember, toOrgNode } from '../../cloudfunctions/shared/domain/mapping';
import { eventDoc, memberDoc } from './fixtures';

describe('mapping stored documents to the contract', () => {
  it('gives a member their own profile unmasked, instants as ISO strings', () => {
    const member = memberDoc();
    if (!hasProfile(member)) throw new Error('fixture has a profile');
    expect(toMemberProfile(member)).toEqual({
      id: 'm-1',
      name: '陈思远',
      mobile: '13812341234',
      sector: 'professional',
      employer: '浦江律师事务所',
      title: '合伙人',
      orgIds: ['org-general', 'org-street-lujiazui'],
      createdAt: '2026-10-01T01:00:00.000Z',
      updatedAt: '2026-10-01T01:00:00.000Z',
    });
  });

  it('tells a member without a profile apart', () => {
    expect(hasProfile(memberDoc({ profile: null }))).toBe(false);
  });

  it('lists an organisation member with the mobile in full for organizers', () => {
    expect(toOrgMember(memberDoc())).toEqual({
      memberId: 'm-1',
      name: '陈思远',
      mobile: '13812341234',
      sector: 'professional',
      employer: '浦江律师事务所',
    });
  });

  it('maps an organisation without its tree bookkeeping', () => {
    const node = toOrgNode({
      _id: 'org-general',
      name: '浦东新联总会',
      kind: 'general',
      parentId: null,
      ancestorIds: [],
      description: '',
      memberCount: 3,
      order: 0,
    });
    expect(node).toEqual({ id: 'org-general', name: '浦东新联总会', kind: 'general', parentId: null, description: '', memberCount: 3 });
  });

  it('maps an event summary with UTC instants and hosts in order', () => {
    const summary = toEventSummary(eventDoc());
    expect(summary.startAt).toBe('2026-12-05T06:00:00.000Z');
    expect(summary.signupClosesAt).toBe('2026-12-04T10:00:00.000Z');
    expect(summary.hosts.map((host) => host.id)).toEqual(['org-street-lujiazui', 'org-sector-professional']);
    expect(summary).not.toHaveProperty('description');
    expect(summary).not.toHaveProperty('createdBy');
  });

  it('maps an event detail, including an optional cancellation deadline', () => {
    expect(toEventDetail(eventDoc()).cancellationDeadline).toBeNull();
    const detail = toEventDetail(eventDoc({ cancellationDeadline: new Date('2026-12-03T16:00:00Z') }));
    expect(detail.cancellationDeadline).toBe('2026-12-03T16:00:00.000Z');
    expect(detail.createdAt).toBe('2026-10-01T01:00:00.000Z');
    expect(detail.schedule).toEqual([{ time: '14:00', title: '签到' }]);
    expect(detail).not.toHaveProperty('createdBy');
  });
});
