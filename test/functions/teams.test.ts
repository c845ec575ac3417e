import type { MyRegistration, Notification, Page, TeamPreview } from '../../cloudfunctions/shared/contract';
import { collections, type RegistrationDoc } from '../../cloudfunctions/shared/data/documents';
import { dataOf, harnessForThisFile, openIds } from '../support/functions';
import { addEvent, addMembers, checkCounters, codeOf, memberIdOf, nextRequestId, signUp, statusOf } from './signup-support';

const harness = harnessForThisFile();

const contact = { name: '队员', mobile: '13900001111' };

function createTeam(eventId: string, openId: string, teamName = '浦江飞鱼队') {
  return harness.call(openId, 'events', 'createTeam', { eventId, requestId: nextRequestId(), teamName, contact, answers: {} });
}

function joinTeam(inviteCode: string, openId: string) {
  return harness.call(openId, 'events', 'joinTeam', { inviteCode, contact, answers: {} });
}

async function teamEvent(capacity: number) {
  return addEvent(harness, { kind: 'sports', capacity, team: { minSize: 3, maxSize: 4 } });
}

/** A captain and enough joiners to reach the minimum: a confirmed (or waitlisted) team. */
async function fullTeam(eventId: string, size = 3): Promise<{ code: string; members: string[] }> {
  const members = await addMembers(harness, size);
  const created = dataOf<MyRegistration>(await createTeam(eventId, members[0]));
  const code = created.team!.inviteCode!;
  for (const openId of members.slice(1)) dataOf(await joinTeam(code, openId));
  return { code, members };
}

/** The team entry as stored, and how many members its rows hold (active teammate rows, the captain's included). */
async function storedTeam(code: string): Promise<{ entry: RegistrationDoc; activeRows: number }> {
  const registrations = harness.db.collection(collections.registrations);
  const { data } = await registrations.where({ 'team.inviteCode': code, kind: 'team' }).get();
  const entry = (data as RegistrationDoc[])[0];
  const { total } = await registrations.where({ teamId: entry._id, kind: 'teammate', state: 'active' }).count();
  return { entry, activeRows: total ?? 0 };
}

/** What the first write of a join (+1) or a leave (-1) does to the team entry: the state a crash right after it leaves. */
async function countOnly(code: string, openId: string, by: 1 | -1): Promise<void> {
  const _ = harness.db.command;
  const { entry } = await storedTeam(code);
  const memberId = memberIdOf(openId);
  await harness.db.collection(collections.registrations).doc(entry._id).update({ 'team.size': _.inc(by), 'team.memberIds': by === 1 ? _.push(memberId) : _.pull(memberId) });
}

describe('team events', () => {
  it('forms a team with an invite code and confirms it at the minimum size, as one seat', async () => {
    const event = await teamEvent(2);
    const [captain, second, third] = await addMembers(harness, 3);
    const created = dataOf<MyRegistration>(await createTeam(event._id, captain));
    expect(created).toMatchObject({ status: 'forming', team: { name: '浦江飞鱼队', size: 1, minSize: 3, maxSize: 4 } });
    const code = created.team!.inviteCode!;
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    expect(dataOf<TeamPreview>(await harness.call(second, 'events', 'teamByCode', { inviteCode: code.toLowerCase() }))).toMatchObject({
      eventId: event._id,
      teamName: '浦江飞鱼队',
      captainName: '队*',
      size: 1,
    });
    expect(dataOf<MyRegistration>(await joinTeam(code, second)).status).toBe('forming');
    const joined = dataOf<MyRegistration>(await joinTeam(code, third));
    expect(joined).toMatchObject({ status: 'confirmed', team: { size: 3 } });
    expect(joined.team!.members.map((m) => [m.isCaptain, m.isMe])).toEqual([
      [true, false],
      [false, false],
      [false, true],
    ]);
    expect(await statusOf(harness, event._id, captain)).toMatchObject({ status: 'confirmed' });
    const note = dataOf<Page<Notification>>(await harness.call(captain, 'members', 'notifications', {})).items[0];
    expect(note).toMatchObject({ kind: 'teamConfirmed', eventId: event._id });
    expect(await checkCounters(harness, event._id)).toMatchObject({ consistent: true, counted: { seatsTaken: 1, waitlistCount: 0 } });
    const summary = dataOf<{ seatsTaken: number }>(await harness.call(null, 'events', 'get', { id: event._id }));
    expect(summary.seatsTaken).toBe(1);
  });

  it('waits as a unit when the teams’ seats are taken, and moves up as one', async () => {
    const event = await teamEvent(1);
    const first = await fullTeam(event._id);
    const second = await fullTeam(event._id);
    expect(await statusOf(harness, event._id, second.members[2])).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    dataOf(await harness.call(first.members[0], 'events', 'disbandTeam', { eventId: event._id }));
    for (const openId of first.members) expect((await statusOf(harness, event._id, openId))!.status).toBe('cancelled');
    for (const openId of second.members) expect((await statusOf(harness, event._id, openId))!.status).toBe('confirmed');
    const notes = dataOf<Page<Notification>>(await harness.call(second.members[1], 'members', 'notifications', {})).items.map((n) => n.kind);
    expect(notes).toContain('promoted');
    const disbanded = dataOf<Page<Notification>>(await harness.call(first.members[1], 'members', 'notifications', {})).items.map((n) => n.kind);
    expect(disbanded).toContain('teamDisbanded');
    expect(await checkCounters(harness, event._id)).toMatchObject({ consistent: true, counted: { seatsTaken: 1, waitlistCount: 0 } });
  });

  it('keeps a member to one team per event and a team to its maximum, also under concurrent joins', async () => {
    const event = await teamEvent(5);
    const team = await fullTeam(event._id);
    const other = await fullTeam(event._id);
    expect(codeOf(await joinTeam(other.code, team.members[1]))).toBe('ALREADY_REGISTERED');
    expect(codeOf(await createTeam(event._id, team.members[1]))).toBe('ALREADY_REGISTERED');
    const hopefuls = await addMembers(harness, 4);
    const replies = await Promise.all(hopefuls.map((openId) => joinTeam(team.code, openId)));
    expect(replies.map(codeOf).sort()).toEqual(['OK', 'TEAM_FULL', 'TEAM_FULL', 'TEAM_FULL']);
    const [view] = replies.filter((r) => r.ok).map((r) => dataOf<MyRegistration>(r));
    expect(view.team!.size).toBe(4);
    // Those turned away hold nothing and may join elsewhere.
    const turnedAway = hopefuls.filter((_, i) => !replies[i].ok);
    expect(await statusOf(harness, event._id, turnedAway[0])).toBeNull();
    const stored = await storedTeam(team.code);
    expect(stored.entry.team).toMatchObject({ size: 4 });
    expect(stored.entry.team!.memberIds).toHaveLength(4);
    expect(stored.activeRows).toBe(4);
    expect(codeOf(await joinTeam(other.code, turnedAway[0]))).toBe('OK');
    expect(codeOf(await joinTeam('ZZZZZZ', turnedAway[1]))).toBe('TEAM_NOT_FOUND');
    expect(await checkCounters(harness, event._id)).toMatchObject({ consistent: true, counted: { seatsTaken: 2 } });
  });

  it('lets members leave while the team keeps its minimum; the captain disbands instead', async () => {
    const event = await teamEvent(5);
    const { members } = await fullTeam(event._id, 4);
    expect(dataOf<MyRegistration>(await harness.call(members[3], 'events', 'cancel', { eventId: event._id })).status).toBe('cancelled');
    expect(codeOf(await harness.call(members[2], 'events', 'cancel', { eventId: event._id }))).toBe('TEAM_BELOW_MINIMUM');
    expect(codeOf(await harness.call(members[0], 'events', 'cancel', { eventId: event._id }))).toBe('CAPTAIN_CANNOT_LEAVE');
    expect(codeOf(await harness.call(members[1], 'events', 'disbandTeam', { eventId: event._id }))).toBe('FORBIDDEN');
    expect((await statusOf(harness, event._id, members[0]))!.team!.size).toBe(3);
  });

  it('counts a member once when a join or a leave cut short by a crash is repeated', async () => {
    const event = await teamEvent(5);
    const team = await fullTeam(event._id);
    const [joiner] = await addMembers(harness, 1);
    await countOnly(team.code, joiner, 1);
    expect(dataOf<MyRegistration>(await joinTeam(team.code, joiner)).team!.size).toBe(4);
    expect(await storedTeam(team.code)).toMatchObject({ entry: { team: { size: 4 } }, activeRows: 4 });

    await countOnly(team.code, joiner, -1);
    expect(dataOf<MyRegistration>(await harness.call(joiner, 'events', 'cancel', { eventId: event._id })).status).toBe('cancelled');
    const afterLeave = await storedTeam(team.code);
    expect(afterLeave).toMatchObject({ entry: { team: { size: 3 } }, activeRows: 3 });
    expect(afterLeave.entry.team!.memberIds).not.toContain(memberIdOf(joiner));
  });

  it('never lets a team outgrow its maximum, even while a cut-short leave has it counting one member too few', async () => {
    const event = await teamEvent(5);
    const team = await fullTeam(event._id, 4);
    await countOnly(team.code, team.members[3], -1);
    const [late] = await addMembers(harness, 1);
    expect(codeOf(await joinTeam(team.code, late))).toBe('TEAM_FULL');
    expect(await statusOf(harness, event._id, late)).toMatchObject({ status: 'cancelled' });
    expect(await storedTeam(team.code)).toMatchObject({ entry: { team: { size: 3 } }, activeRows: 4 });
    // The member whose leave was cut short finishes it; the place is then free.
    expect(dataOf<MyRegistration>(await harness.call(team.members[3], 'events', 'cancel', { eventId: event._id })).status).toBe('cancelled');
    expect(dataOf<MyRegistration>(await joinTeam(team.code, late)).team!.size).toBe(4);
    expect(await storedTeam(team.code)).toMatchObject({ entry: { team: { size: 4 } }, activeRows: 4 });
  });

  it('counts a member out once when deleting their account is retried after a crash', async () => {
    const event = await teamEvent(5);
    const team = await fullTeam(event._id, 4);
    await countOnly(team.code, team.members[3], -1);
    expect(dataOf(await harness.call(team.members[3], 'members', 'deleteAccount', { confirm: 'DELETE' }))).toEqual({ deleted: true });
    expect(await storedTeam(team.code)).toMatchObject({ entry: { team: { size: 3 } }, activeRows: 3 });
  });

  it('frees, in the organizer\'s counter check, a team place held for a join that never got its row', async () => {
    const event = await teamEvent(5);
    const team = await fullTeam(event._id, 3);
    const [gone, late] = await addMembers(harness, 2);
    await countOnly(team.code, gone, 1);
    expect(codeOf(await joinTeam(team.code, late))).toBe('TEAM_FULL');
    expect(await checkCounters(harness, event._id)).toMatchObject({ consistent: true, repairedTeamPlaces: 1 });
    expect(await checkCounters(harness, event._id)).toMatchObject({ consistent: true, repairedTeamPlaces: 0 });
    expect(dataOf<MyRegistration>(await joinTeam(team.code, late)).team!.size).toBe(4);
    expect(await storedTeam(team.code)).toMatchObject({ entry: { team: { size: 4 } }, activeRows: 4 });
  });

  it('still lets members leave a team stored before teams listed their members', async () => {
    const event = await teamEvent(5);
    const team = await fullTeam(event._id, 4);
    const { entry } = await storedTeam(team.code);
    await harness.db.collection(collections.registrations).doc(entry._id).update({ 'team.memberIds': harness.db.command.remove() });
    expect(dataOf<MyRegistration>(await harness.call(team.members[3], 'events', 'cancel', { eventId: event._id })).status).toBe('cancelled');
    expect(await storedTeam(team.code)).toMatchObject({ activeRows: 3 });
  });

  it('takes team sign-ups only through teams, and no teams on other events', async () => {
    const event = await teamEvent(5);
    const plain = await addEvent(harness);
    const [member] = await addMembers(harness, 1);
    expect(codeOf(await signUp(harness, event._id, member))).toBe('TEAM_EVENT');
    expect(codeOf(await createTeam(plain._id, member))).toBe('NOT_TEAM_EVENT');
    expect(codeOf(await harness.call(openIds.lujiazuiOrganizer, 'events', 'addMember', { eventId: event._id, memberId: 'm-member' }))).toBe('TEAM_EVENT');
  });

  it('lists a team event’s registrations to organizers with each member’s team', async () => {
    const event = await teamEvent(5);
    await fullTeam(event._id);
    const list = dataOf<{ items: { status: string; team: { name: string; isCaptain: boolean } | null }[] }>(
      await harness.call(openIds.lujiazuiOrganizer, 'events', 'registrations', { eventId: event._id, status: 'confirmed' }),
    );
    expect(list.items).toHaveLength(3);
    expect(list.items.filter((row) => row.team?.isCaptain)).toHaveLength(1);
    expect(list.items.every((row) => row.status === 'confirmed' && row.team?.name === '浦江飞鱼队')).toBe(true);
  });

  it('finds each team member in an organizer’s search, with their team, and never the team entry itself', async () => {
    const event = await teamEvent(5);
    await fullTeam(event._id);
    const found = dataOf<{ status: string; team: { name: string; isCaptain: boolean } | null }[]>(
      await harness.call(openIds.lujiazuiOrganizer, 'events', 'searchRegistrations', { eventId: event._id, query: '1111' }),
    );
    expect(found.map((row) => [row.status, row.team?.name, row.team?.isCaptain])).toEqual([
      ['confirmed', '浦江飞鱼队', true],
      ['confirmed', '浦江飞鱼队', false],
      ['confirmed', '浦江飞鱼队', false],
    ]);
  });
});
