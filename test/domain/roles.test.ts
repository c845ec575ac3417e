import { findAuthority, roleNeededToGrant } from '../../cloudfunctions/shared/domain/roles';
import type { MemberDoc } from '../../cloudfunctions/shared/data/documents';

const root = { _id: 'org-general', ancestorIds: [] };
const street = { _id: 'org-street-lujiazui', ancestorIds: ['org-general'] };
const siblingStreet = { _id: 'org-street-huamu', ancestorIds: ['org-general'] };
const streetClub = { _id: 'org-club-lujiazui-reading', ancestorIds: ['org-general', 'org-street-lujiazui'] };

function holder(...roles: MemberDoc['roles']) {
  return { roles };
}

describe('findAuthority', () => {
  it('lets an organizer act on their organisation and its descendants', () => {
    const organizer = holder({ orgId: 'org-street-lujiazui', role: 'organizer' });
    expect(findAuthority(organizer, street, 'organizer')).toEqual({ role: 'organizer', grantedOn: 'org-street-lujiazui' });
    expect(findAuthority(organizer, streetClub, 'organizer')).toEqual({ role: 'organizer', grantedOn: 'org-street-lujiazui' });
  });

  it('keeps an organizer of a street out of a sibling street and out of the parent', () => {
    const organizer = holder({ orgId: 'org-street-lujiazui', role: 'organizer' });
    expect(findAuthority(organizer, siblingStreet, 'organizer')).toBeNull();
    expect(findAuthority(organizer, root, 'organizer')).toBeNull();
  });

  it('lets the general association organizer act on every street', () => {
    const organizer = holder({ orgId: 'org-general', role: 'organizer' });
    expect(findAuthority(organizer, street, 'organizer')?.role).toBe('organizer');
    expect(findAuthority(organizer, siblingStreet, 'organizer')?.role).toBe('organizer');
  });

  it('gives a steward only the organisation granted, and only steward work', () => {
    const steward = holder({ orgId: 'org-street-lujiazui', role: 'steward' });
    expect(findAuthority(steward, street, 'steward')).toEqual({ role: 'steward', grantedOn: 'org-street-lujiazui' });
    expect(findAuthority(steward, streetClub, 'steward')).toBeNull();
    expect(findAuthority(steward, street, 'organizer')).toBeNull();
  });

  it('lets organizers do steward work within their reach', () => {
    const organizer = holder({ orgId: 'org-general', role: 'organizer' });
    expect(findAuthority(organizer, streetClub, 'steward')?.role).toBe('organizer');
  });

  it('gives an admin the whole tree, and only admins satisfy an admin requirement', () => {
    const admin = holder({ orgId: 'org-general', role: 'admin' });
    const organizer = holder({ orgId: 'org-general', role: 'organizer' });
    expect(findAuthority(admin, streetClub, 'organizer')).toEqual({ role: 'admin', grantedOn: 'org-general' });
    expect(findAuthority(admin, street, 'admin')?.role).toBe('admin');
    expect(findAuthority(organizer, street, 'admin')).toBeNull();
  });

  it('names the weakest sufficient grant when a member holds several', () => {
    const both = holder({ orgId: 'org-general', role: 'admin' }, { orgId: 'org-street-lujiazui', role: 'organizer' });
    expect(findAuthority(both, street, 'organizer')).toEqual({ role: 'organizer', grantedOn: 'org-street-lujiazui' });
    expect(findAuthority(both, siblingStreet, 'organizer')).toEqual({ role: 'admin', grantedOn: 'org-general' });
  });

  it('gives nothing to a member without grants', () => {
    expect(findAuthority(holder(), street, 'steward')).toBeNull();
  });
});

describe('roleNeededToGrant', () => {
  it('reserves admin grants to admins and lets organizers grant the rest', () => {
    expect(roleNeededToGrant('admin')).toBe('admin');
    expect(roleNeededToGrant('organizer')).toBe('organizer');
    expect(roleNeededToGrant('steward')).toBe('organizer');
  });
});
