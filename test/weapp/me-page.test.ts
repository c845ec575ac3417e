/**
 * @jest-environment jsdom
 */
import type { MeResult } from '../../cloudfunctions/shared/contract/members';
import type { OrgNode } from '../../cloudfunctions/shared/contract/orgs';
import { renderPage, startWeapp, textOf, type CloudAnswer } from './simulate-page';

const route = 'pages/me/index';

const orgs: OrgNode[] = [
  { id: 'org-general', name: '浦东新联总会', kind: 'general', parentId: null, description: '', memberCount: 320 },
  { id: 'org-newmedia', name: '新媒体从业人员联谊会', kind: 'sector', parentId: 'org-general', description: '', memberCount: 41 },
];

function answering(me: MeResult, myOrgIds: string[]): CloudAnswer {
  return (fn, action) => {
    if (fn === 'members' && action === 'me') return { ok: true, data: me };
    if (fn === 'orgs' && action === 'tree') return { ok: true, data: { orgs, myOrgIds } };
    return { ok: false, code: 'UNKNOWN_ACTION', message: '不支持的操作' };
  };
}

beforeEach(() => {
  jest.resetModules();
});

describe('me tab (compiled weapp page)', () => {
  it('shows the profile with a masked mobile, role badges with org names and joined organisations', async () => {
    startWeapp(
      answering({
        profile: {
          id: 'm-lin-xiao', name: '林晓', mobile: '13524619087', sector: 'newmedia', employer: '浦江视听工作室', title: '主编',
          orgIds: ['org-newmedia'], createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z',
        },
        roles: [{ orgId: 'org-newmedia', role: 'organizer' }],
        privacyAcceptedVersion: '2026-11',
        currentPrivacyVersion: '2026-11',
      }, ['org-newmedia']),
      route,
    );
    const text = textOf(await renderPage(route));

    expect(text).toContain('林晓');
    expect(text).toContain('135****9087');
    expect(text).not.toContain('13524619087');
    expect(text).toContain('新媒体从业人员');
    expect(text).toContain('浦江视听工作室 · 主编');
    expect(text).toContain('组织者 · 新媒体从业人员联谊会');
    expect(text).toContain('新媒体从业人员联谊会41 人');
    expect(text).toContain('注销账号');
    // The demo persona switch belongs to the H5 build only.
    expect(text).not.toContain('切换身份');
  });

  it('before a profile exists, invites the member to complete it', async () => {
    startWeapp(answering({ profile: null, roles: [], privacyAcceptedVersion: null, currentPrivacyVersion: '2026-11' }, []), route);
    const text = textOf(await renderPage(route));

    expect(text).toContain('完善资料');
    expect(text).toContain('还没有加入组织');
    expect(text).not.toContain('注销账号');
  });
});
