import { MembersRepository } from '../../cloudfunctions/shared/data/members-repository';
import { invoke as invokeMembers } from '../../cloudfunctions/members';
import { dataOf, harnessForThisFile, openIds, orgIds } from '../support/functions';

const harness = harnessForThisFile();

afterEach(() => {
  jest.restoreAllMocks();
});

describe('routing', () => {
  it.each([
    ['a missing action', {}],
    ['an unknown action', { action: 'dropTables' }],
    ['an action that is not a string', { action: ['me'] }],
    ['an inherited property name', { action: 'toString' }],
    ['__proto__', { action: '__proto__' }],
  ])('answers UNKNOWN_ACTION for %s', async (_label, eventValue) => {
    const { reply } = await harness.invokeRaw(openIds.member, 'members', eventValue);
    expect(reply).toEqual({ ok: false, code: 'UNKNOWN_ACTION', message: '不支持的操作' });
  });

  it('answers UNKNOWN_ACTION for an action of another function', async () => {
    const { reply } = await harness.invokeRaw(openIds.member, 'events', { action: 'deleteAccount', data: { confirm: 'DELETE' } });
    expect(reply).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' });
  });

  it.each([
    ['null', null],
    ['a string', 'me'],
    ['an array', [{ action: 'me' }]],
    ['a number', 42],
  ])('answers VALIDATION_FAILED for an event that is %s', async (_label, eventValue) => {
    const { reply } = await harness.invokeRaw(openIds.member, 'members', eventValue);
    expect(reply).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', message: '提交的内容有误，请检查后重试' });
  });

  it.each([
    ['null', null],
    ['a string', 'x'],
    ['an array', []],
  ])('answers VALIDATION_FAILED naming `data` when data is %s', async (_label, data) => {
    const { reply } = await harness.invokeRaw(openIds.member, 'orgs', { action: 'tree', data });
    expect(reply).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', field: 'data' });
  });

  it('treats a missing data as empty input, with defaults filled in', async () => {
    const reply = await harness.call(null, 'events', 'list');
    expect(dataOf<{ page: number; pageSize: number }>(reply)).toMatchObject({ page: 1, pageSize: 20 });
  });
});

describe('identity', () => {
  it('refuses an anonymous caller where a member is needed', async () => {
    const { reply, role } = await harness.invokeRaw(null, 'members', { action: 'me' });
    expect(reply).toEqual({ ok: false, code: 'UNAUTHENTICATED', message: '请先登录' });
    expect(role).toBe('anonymous');
  });

  it('never takes the identity from the event, even the userInfo WeChat injects', async () => {
    const spoofed = { action: 'me', userInfo: { openId: openIds.admin, appId: 'wx123' }, data: {} };
    const { reply } = await harness.invokeRaw(null, 'members', spoofed);
    expect(reply).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    const asMember = await harness.invokeRaw(openIds.member, 'members', spoofed);
    const me = dataOf<{ profile: { id: string } }>(asMember.reply);
    expect(me.profile.id).toBe('m-member');
  });

  it('reports the role the caller acted in', async () => {
    expect((await harness.invokeRaw(null, 'events', { action: 'list' })).role).toBe('anonymous');
    expect((await harness.invokeRaw(openIds.member, 'members', { action: 'me' })).role).toBe('member');
    const organizer = await harness.invokeRaw(openIds.generalOrganizer, 'orgs', { action: 'members', data: { orgId: orgIds.lujiazui } });
    expect(organizer.role).toBe('organizer');
    const refused = await harness.invokeRaw(openIds.member, 'orgs', { action: 'members', data: { orgId: orgIds.lujiazui } });
    expect(refused).toEqual({ reply: expect.objectContaining({ code: 'FORBIDDEN' }), role: 'member' });
  });

  it('serves concurrent callers with their own identities', async () => {
    const callers = [openIds.member, openIds.otherMember, openIds.admin, openIds.steward, openIds.member, openIds.admin];
    const replies = await Promise.all(callers.map((openId) => harness.call(openId, 'members', 'me')));
    const ids = replies.map((reply) => dataOf<{ profile: { id: string } }>(reply).profile.id);
    expect(ids).toEqual(['m-member', 'm-other-member', 'm-admin', 'm-steward', 'm-member', 'm-admin']);
  });
});

describe('round trips', () => {
  it('looks the caller up in one round trip', async () => {
    const { reply, roundTrips } = await harness.measure(openIds.member, 'members', 'me');
    expect(reply.ok).toBe(true);
    expect(roundTrips).toBe(1);
  });

  it('makes none for a refused or invalid call', async () => {
    expect((await harness.measure(null, 'members', 'me')).roundTrips).toBe(0);
    expect((await harness.measure(openIds.member, 'members', 'saveProfile', { name: 1 })).roundTrips).toBe(0);
  });

  it('lists events in one round trip and needs no identity for it', async () => {
    expect((await harness.measure(openIds.member, 'events', 'list', {})).roundTrips).toBe(1);
    expect((await harness.measure(null, 'events', 'list', { orgId: orgIds.lujiazui })).roundTrips).toBe(1);
  });

  it('keeps the tree at two round trips: the orgs and the caller', async () => {
    expect((await harness.measure(openIds.member, 'orgs', 'tree')).roundTrips).toBe(2);
    expect((await harness.measure(null, 'orgs', 'tree')).roundTrips).toBe(1);
  });
});

describe('failures inside an action', () => {
  it('answers INTERNAL without internal text when the SDK fails mid-action, and logs the real error', async () => {
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    jest
      .spyOn(MembersRepository.prototype, 'addOrg')
      .mockRejectedValue(Object.assign(new Error('E11000 internal: collection members at /srv/tcb/node_modules/db.js:42'), { code: 'SYS_ERR' }));
    const reply = await harness.call(openIds.member, 'orgs', 'join', { orgId: orgIds.huamu });
    expect(reply).toEqual({ ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后重试' });
    expect(JSON.stringify(reply)).not.toMatch(/E11000|srv|stack|members/);
    expect(logged).toHaveBeenCalled();
    expect(String(logged.mock.calls[0][0])).toContain('orgs.join');
    expect((await harness.findOrg(orgIds.huamu))?.memberCount).toBe(1);
  });

  it('answers INTERNAL when the database refuses the request (wrong credentials)', async () => {
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const { reply } = await invokeMembers(
      { action: 'me' },
      { openId: openIds.member, cloud: { ...harness.cloud, secretKey: 'not-the-key' }, now: new Date() },
    );
    expect(reply).toEqual({ ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后重试' });
    expect(logged).toHaveBeenCalled();
  });
});
