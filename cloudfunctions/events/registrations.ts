import { randomBytes } from 'node:crypto';
import { registrationSearchLimit } from '../shared/contract/event-limits';
import type { Contact, MyRegistration, RegistrationRow } from '../shared/contract/registrations';
import type { RegistrationStatus } from '../shared/contract/vocabulary';
import type { EventDoc, MemberDoc, RegistrationDoc } from '../shared/data/documents';
import { personRegistrationId, teamEntryId, type EntryFilter } from '../shared/data/registrations-repository';
import { countLedgerRows, strandedTeamPlaces } from '../shared/domain/ledger-check';
import { eventSeatCounters } from '../shared/domain/mapping';
import { maskName } from '../shared/domain/masking';
import { requireConsent, requireProfile, type MemberWithProfile } from '../shared/domain/membership';
import { pageWindow, toPage } from '../shared/domain/paging';
import { assertMayCancel, checkedAnswers, eventSnapshot, inviteCodeFrom, signupRefusal } from '../shared/domain/registration-rules';
import { entryStatus, memberStatus, toMemberMatch, toMyRegistration, toMyRegistrationItem, toRegistrationRow } from '../shared/domain/registration-views';
import { isSeated, newestWaitlistPosition, seatCounters } from '../shared/domain/seat-ledger';
import { AppError, organizedEvent, type ActionContext, type Actions } from '../shared/runtime';

type RegistrationActionName =
  | 'signup' | 'myRegistration' | 'myRegistrations' | 'cancel' | 'claimOffer' | 'declineOffer'
  | 'createTeam' | 'teamByCode' | 'joinTeam' | 'disbandTeam'
  | 'registrations' | 'searchRegistrations' | 'decide' | 'findMembers' | 'addMember' | 'setCapacity' | 'checkCounters' | 'expireOffers';

/** How many overdue offers one timer run passes on; the next run takes the rest. */
const offersPerSweep = 100;
const memberMatchLimit = 20;

async function signupMember(ctx: ActionContext): Promise<MemberWithProfile> {
  ctx.requireOpenId();
  return requireProfile(requireConsent(await ctx.member()));
}

/** The member's organisations and every organisation above them: who a members-only event takes. */
async function orgReach(ctx: ActionContext, member: MemberDoc): Promise<string[]> {
  const orgs = await ctx.data.orgs.findByIds(member.orgIds);
  return [...new Set(orgs.flatMap((org) => [org._id, ...org.ancestorIds]))];
}

async function requireEvent(ctx: ActionContext, eventId: string): Promise<EventDoc> {
  const event = await ctx.data.events.findById(eventId);
  if (!event || event.status === 'draft') throw new AppError('NOT_FOUND');
  return event;
}

interface NewEntry {
  event: EventDoc;
  memberId: string;
  kind: RegistrationDoc['kind'];
  state: RegistrationDoc['state'];
  arrival: number | null;
  contact: Contact;
  answers: RegistrationDoc['answers'];
  requestId: string | null;
  now: Date;
  teamId?: string;
  team?: RegistrationDoc['team'];
  addedBy?: string;
}

function newEntry(entry: NewEntry): RegistrationDoc {
  const id = entry.kind === 'team' ? entry.teamId! : personRegistrationId(entry.event._id, entry.memberId);
  return {
    _id: id,
    eventId: entry.event._id,
    kind: entry.kind,
    memberId: entry.memberId,
    state: entry.state,
    arrival: entry.arrival,
    teamId: entry.teamId ?? null,
    team: entry.team ?? null,
    contact: entry.contact,
    answers: entry.answers,
    requestId: entry.requestId,
    offer: null,
    decisionMessage: null,
    addedBy: entry.addedBy ?? null,
    event: eventSnapshot(entry.event),
    createdAt: entry.now,
    updatedAt: entry.now,
    cancelledAt: null,
  };
}

/** A row that has ended can start again under the same id: a member may sign up again after cancelling. */
const restartableStates: RegistrationDoc['state'][] = ['cancelled', 'expired'];

/**
 * Writes a fresh entry for the member, or restarts their ended one; false when they hold a live one already.
 * The restart is conditional on the row as read, so two restarts cannot both win.
 */
async function placeEntry(ctx: ActionContext, doc: RegistrationDoc): Promise<boolean> {
  if (await ctx.data.registrations.insert(doc)) return true;
  const existing = await ctx.data.registrations.findById(doc._id);
  if (!existing || !restartableStates.includes(existing.state)) return false;
  return ctx.data.registrations.restart(existing, doc);
}

/** The caller's own row for an event (null if they never registered), with the event. */
async function callersRegistration(ctx: ActionContext, eventId: string) {
  const member = await signupMember(ctx);
  const ownId = personRegistrationId(eventId, member._id);
  const [event, own] = await Promise.all([requireEvent(ctx, eventId), ctx.data.registrations.findById(ownId)]);
  return { member, ownId, event, own };
}

/** A retry of the same tap answers what the first one did; anything else is a second registration. */
async function answerRepeat(ctx: ActionContext, event: EventDoc, memberId: string, requestId: string): Promise<MyRegistration> {
  const existing = await ctx.data.registrations.findById(personRegistrationId(event._id, memberId));
  if (!existing || existing.requestId !== requestId) throw new AppError('ALREADY_REGISTERED');
  return describe(ctx, event, existing);
}

/** The member's registration as they see it: status, place in line, team. */
async function describe(ctx: ActionContext, event: EventDoc, own: RegistrationDoc): Promise<MyRegistration> {
  const teamEntry = own.teamId ? await ctx.data.registrations.findById(own.teamId) : null;
  const teammates = teamEntry ? await ctx.data.registrations.teammates(teamEntry._id) : [];
  const entry = own.kind === 'teammate' ? teamEntry : own;
  const status = memberStatus(event, own, teamEntry);
  const position = status === 'waitlisted' && entry?.arrival != null ? (await ctx.data.registrations.countWaitingBetween(event._id, event.admitThrough, entry.arrival)) + 1 : null;
  return toMyRegistration({ event, own, teamEntry, teammates, waitlistPosition: position, now: ctx.now });
}

async function applyForApproval(ctx: ActionContext, member: MemberWithProfile, event: EventDoc, input: { requestId: string; contact: Contact; answers: RegistrationDoc['answers'] }): Promise<MyRegistration> {
  const answers = checkedAnswers(event, input.answers);
  const doc = newEntry({ event, memberId: member._id, kind: 'person', state: 'pending', arrival: null, contact: input.contact, answers, requestId: input.requestId, now: ctx.now });
  if (!(await placeEntry(ctx, doc))) return answerRepeat(ctx, event, member._id, input.requestId);
  await ctx.data.seatBook.countPending(event._id, 1);
  return toMyRegistration({ event, own: doc, teamEntry: null, teammates: [], waitlistPosition: null, now: ctx.now });
}

/**
 * Leaves the team: it counts the member out first, and only while it keeps its minimum (or has no number yet); then
 * the row ends. A leave repeated after a crash between the two finds the member counted out and ends the row.
 */
async function leaveTeam(ctx: ActionContext, event: EventDoc, own: RegistrationDoc): Promise<void> {
  const teamEntry = own.teamId ? await ctx.data.registrations.findById(own.teamId) : null;
  if (!teamEntry || teamEntry.state !== 'active') {
    await ctx.data.registrations.updateIf(own._id, { state: 'active' }, { state: 'cancelled', cancelledAt: ctx.now, updatedAt: ctx.now });
    return;
  }
  if (teamEntry.memberId === own.memberId) throw new AppError('CAPTAIN_CANNOT_LEAVE');
  assertMayCancel(event, entryStatus(event, teamEntry) === 'waitlisted', ctx.now);
  if ((await ctx.data.registrations.countOutOfTeam(teamEntry, own.memberId, ctx.now)) === 'belowMinimum') throw new AppError('TEAM_BELOW_MINIMUM');
  await ctx.data.registrations.updateIf(own._id, { state: 'active' }, { state: 'cancelled', cancelledAt: ctx.now, updatedAt: ctx.now });
}

/** Re-reads and retries when a concurrent claim, expiry or promotion changed the entry between read and write. */
async function endWithRetry(ctx: ActionContext, entryId: string, check: (entry: RegistrationDoc) => void, reason: 'cancelled' | 'declined' | 'disbanded'): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const entry = await ctx.data.registrations.findById(entryId);
    if (!entry || (entry.state !== 'active' && entry.state !== 'pending')) throw new AppError('NOT_REGISTERED');
    check(entry);
    if (await ctx.data.seatBook.endEntry(entry, 'cancelled', reason, ctx.now)) return;
  }
  throw new AppError('CONFLICT');
}

/** What organizers see of people's rows (each with its team entry, if any): profile, standing and place in line. */
async function organizerRows(ctx: ActionContext, event: EventDoc, rows: { own: RegistrationDoc; teamEntry: RegistrationDoc | null }[]): Promise<RegistrationRow[]> {
  const members = await ctx.data.members.findByIds([...new Set(rows.map((row) => row.own.memberId))]);
  const memberById = new Map(members.map((member) => [member._id, member]));
  return Promise.all(
    rows.map(async ({ own, teamEntry }) => {
      const entry = teamEntry ?? own;
      const waiting = memberStatus(event, own, teamEntry) === 'waitlisted' && entry.arrival !== null;
      const position = waiting ? (await ctx.data.registrations.countWaitingBetween(event._id, event.admitThrough, entry.arrival!)) + 1 : null;
      return toRegistrationRow(event, own, teamEntry, memberById.get(own.memberId) ?? null, position);
    }),
  );
}

function filterFor(status: RegistrationStatus | undefined, event: EventDoc): EntryFilter | null {
  switch (status) {
    case undefined:
      return null;
    case 'pending':
    case 'cancelled':
    case 'rejected':
    case 'expired':
      return { kind: 'state', state: status };
    case 'confirmed':
      return { kind: 'seated', admitThrough: event.admitThrough, offered: false };
    case 'offered':
      return { kind: 'seated', admitThrough: event.admitThrough, offered: true };
    case 'waitlisted':
      return { kind: 'waiting', admitThrough: event.admitThrough };
    case 'forming':
      return { kind: 'forming' };
  }
}

export const registrationActions: Pick<Actions<'events'>, RegistrationActionName> = {
  signup: {
    access: 'member',
    async run(input, ctx) {
      const member = await signupMember(ctx);
      let event = await ctx.data.seatBook.takeNumber(input.eventId, { now: ctx.now, memberOrgIds: member.orgIds, withinWindow: true, kind: 'person' });
      if (!event) {
        // Say why, from the event as it is; an approval event or a member of an organisation beneath a host goes on.
        const current = await requireEvent(ctx, input.eventId);
        const refusal = signupRefusal(current, ctx.now, current.membersOnly ? await orgReach(ctx, member) : member.orgIds, 'person');
        if (refusal) throw refusal;
        if (current.requiresApproval) return applyForApproval(ctx, member, current, input);
        event = await ctx.data.seatBook.takeNumber(input.eventId, { now: ctx.now, memberOrgIds: null, withinWindow: true, kind: 'person' });
        if (!event) throw new AppError('SIGNUP_CLOSED');
      }
      const arrival = event.arrivals;
      let answers: RegistrationDoc['answers'];
      try {
        answers = checkedAnswers(event, input.answers);
      } catch (error) {
        await ctx.data.seatBook.vacate(event._id, arrival, 'unused', ctx.now);
        throw error;
      }
      const doc = newEntry({ event, memberId: member._id, kind: 'person', state: 'active', arrival, contact: input.contact, answers, requestId: input.requestId, now: ctx.now });
      if (!(await placeEntry(ctx, doc))) {
        await ctx.data.seatBook.vacate(event._id, arrival, 'unused', ctx.now);
        return answerRepeat(ctx, event, member._id, input.requestId);
      }
      const position = isSeated(event, arrival) ? null : newestWaitlistPosition(event, arrival);
      return toMyRegistration({ event, own: doc, teamEntry: null, teammates: [], waitlistPosition: position, now: ctx.now });
    },
  },

  myRegistration: {
    access: 'member',
    async run(input, ctx) {
      const member = await ctx.member();
      if (!member) return null;
      const [event, own] = await Promise.all([ctx.data.events.findById(input.eventId), ctx.data.registrations.findById(personRegistrationId(input.eventId, member._id))]);
      if (!event || !own) return null;
      return describe(ctx, event, own);
    },
  },

  myRegistrations: {
    access: 'member',
    async run(input, ctx) {
      const member = await ctx.member();
      if (!member) return toPage([], input.page, input.pageSize, () => null as never);
      const rows = await ctx.data.registrations.listForMember(member._id, input.when, ctx.now, pageWindow(input.page, input.pageSize));
      const [events, teamEntries] = await Promise.all([
        ctx.data.events.findByIds([...new Set(rows.map((row) => row.eventId))]),
        ctx.data.registrations.findByIds([...new Set(rows.flatMap((row) => (row.teamId ? [row.teamId] : [])))]),
      ]);
      const eventById = new Map(events.map((event) => [event._id, event]));
      const teamById = new Map(teamEntries.map((entry) => [entry._id, entry]));
      const items = await Promise.all(
        rows.slice(0, input.pageSize).flatMap((own) => {
          const event = eventById.get(own.eventId);
          if (!event) return [];
          const teamEntry = own.teamId ? (teamById.get(own.teamId) ?? null) : null;
          const entry = own.kind === 'teammate' ? teamEntry : own;
          return [
            (async () => {
              const waiting = memberStatus(event, own, teamEntry) === 'waitlisted' && entry?.arrival != null;
              const position = waiting ? (await ctx.data.registrations.countWaitingBetween(event._id, event.admitThrough, entry!.arrival!)) + 1 : null;
              return toMyRegistrationItem({ event, own, teamEntry, teammates: [], waitlistPosition: position, now: ctx.now });
            })(),
          ];
        }),
      );
      return { items, page: input.page, pageSize: input.pageSize, hasMore: rows.length > input.pageSize };
    },
  },

  cancel: {
    access: 'member',
    async run(input, ctx) {
      const { ownId, event, own } = await callersRegistration(ctx, input.eventId);
      if (!own || (own.state !== 'active' && own.state !== 'pending')) throw new AppError('NOT_REGISTERED');
      if (own.kind === 'teammate') await leaveTeam(ctx, event, own);
      else {
        await endWithRetry(ctx, ownId, (entry) => {
          if (entry.state === 'active') assertMayCancel(event, entryStatus(event, entry) === 'waitlisted', ctx.now);
          else if (event.status === 'cancelled') throw new AppError('EVENT_CANCELLED');
        }, 'cancelled');
      }
      return describe(ctx, event, (await ctx.data.registrations.findById(ownId))!);
    },
  },

  claimOffer: {
    access: 'member',
    async run(input, ctx) {
      const { ownId, event, own } = await callersRegistration(ctx, input.eventId);
      if (!own) throw new AppError('NOT_REGISTERED');
      const entry = own.kind === 'teammate' && own.teamId ? await ctx.data.registrations.findById(own.teamId) : own;
      if (!entry || memberStatus(event, own, entry) !== 'offered' || !(await ctx.data.seatBook.claimOffer(entry, ctx.now))) throw new AppError('NO_OPEN_OFFER');
      return describe(ctx, event, (await ctx.data.registrations.findById(ownId))!);
    },
  },

  declineOffer: {
    access: 'member',
    async run(input, ctx) {
      const { ownId, event, own } = await callersRegistration(ctx, input.eventId);
      if (!own) throw new AppError('NOT_REGISTERED');
      const entryId = own.kind === 'teammate' && own.teamId ? own.teamId : ownId;
      await endWithRetry(ctx, entryId, (entry) => {
        if (entryStatus(event, entry) !== 'offered' || entry.offer!.expiresAt <= ctx.now) throw new AppError('NO_OPEN_OFFER');
      }, 'declined');
      return describe(ctx, event, (await ctx.data.registrations.findById(ownId))!);
    },
  },

  createTeam: {
    access: 'member',
    async run(input, ctx) {
      const member = await signupMember(ctx);
      const event = await requireEvent(ctx, input.eventId);
      const refusal = signupRefusal(event, ctx.now, event.membersOnly ? await orgReach(ctx, member) : member.orgIds, 'team');
      if (refusal) throw refusal;
      const answers = checkedAnswers(event, input.answers);
      const existing = await ctx.data.registrations.findById(personRegistrationId(event._id, member._id));
      if (existing && !restartableStates.includes(existing.state)) return answerRepeat(ctx, event, member._id, input.requestId);
      const inviteCode = inviteCodeFrom(randomBytes(6));
      const teamId = teamEntryId(event._id, inviteCode);
      const team = { name: input.teamName, inviteCode, size: 1, minSize: event.team!.minSize, maxSize: event.team!.maxSize, memberIds: [member._id] };
      const base = { event, memberId: member._id, state: 'active' as const, arrival: null, contact: input.contact, requestId: input.requestId, now: ctx.now, teamId };
      await ctx.data.registrations.insert(newEntry({ ...base, kind: 'team', answers: {}, team }));
      if (!(await placeEntry(ctx, newEntry({ ...base, kind: 'teammate', answers })))) {
        await ctx.data.registrations.remove(teamId);
        return answerRepeat(ctx, event, member._id, input.requestId);
      }
      return describe(ctx, event, (await ctx.data.registrations.findById(personRegistrationId(event._id, member._id)))!);
    },
  },

  teamByCode: {
    access: 'member',
    async run(input, ctx) {
      const teamEntry = await ctx.data.registrations.findTeamByCode(input.inviteCode);
      if (!teamEntry || teamEntry.state !== 'active') throw new AppError('TEAM_NOT_FOUND');
      const event = await requireEvent(ctx, teamEntry.eventId);
      const team = teamEntry.team!;
      return {
        eventId: event._id,
        eventTitle: event.title,
        eventKind: event.kind,
        eventStatus: event.status,
        eventStartAt: event.startAt.toISOString(),
        teamName: team.name,
        captainName: maskName(teamEntry.contact.name),
        size: team.size,
        minSize: team.minSize,
        maxSize: team.maxSize,
      };
    },
  },

  joinTeam: {
    access: 'member',
    async run(input, ctx) {
      const member = await signupMember(ctx);
      const teamEntry = await ctx.data.registrations.findTeamByCode(input.inviteCode);
      if (!teamEntry || teamEntry.state !== 'active') throw new AppError('TEAM_NOT_FOUND');
      const event = await requireEvent(ctx, teamEntry.eventId);
      const refusal = signupRefusal(event, ctx.now, event.membersOnly ? await orgReach(ctx, member) : member.orgIds, 'team');
      if (refusal) throw refusal;
      const answers = checkedAnswers(event, input.answers);
      const ownId = personRegistrationId(event._id, member._id);
      const own = newEntry({ event, memberId: member._id, kind: 'teammate', state: 'active', arrival: null, contact: input.contact, answers, requestId: null, now: ctx.now, teamId: teamEntry._id });
      // Counted first, then the row: a crash between leaves the team counting one member too many (a join is refused,
      // never overfilled), and the member's repeated join finds them counted and writes the row.
      if ((await ctx.data.registrations.countIntoTeam(teamEntry, member._id, ctx.now)) === 'full') throw new AppError('TEAM_FULL');
      if (!(await placeEntry(ctx, own))) {
        const existing = await ctx.data.registrations.findById(ownId);
        if (existing?.teamId === teamEntry._id && existing.state === 'active') return describe(ctx, event, existing);
        await ctx.data.registrations.dropFromTeam(teamEntry, member._id, ctx.now);
        throw new AppError('ALREADY_REGISTERED');
      }
      // A leave cut short by a crash counts its member out before ending their row; the rows decide the last place.
      if ((await ctx.data.registrations.countTeamRows(teamEntry._id)) > teamEntry.team!.maxSize) {
        await ctx.data.registrations.updateIf(ownId, { state: 'active' }, { state: 'cancelled', cancelledAt: ctx.now, updatedAt: ctx.now });
        await ctx.data.registrations.dropFromTeam(teamEntry, member._id, ctx.now);
        throw new AppError('TEAM_FULL');
      }
      const team = await ctx.data.registrations.findById(teamEntry._id);
      if (team && team.arrival === null && team.team!.size >= team.team!.minSize) {
        const numbered = await ctx.data.seatBook.takeNumber(event._id, { now: ctx.now, memberOrgIds: null, withinWindow: true, kind: 'team' });
        if (numbered) {
          const placed = await ctx.data.registrations.updateIf(team._id, { state: 'active', arrival: null }, { arrival: numbered.arrivals, updatedAt: ctx.now });
          if (!placed) await ctx.data.seatBook.vacate(event._id, numbered.arrivals, 'unused', ctx.now);
          else if (isSeated(numbered, numbered.arrivals)) await ctx.data.seatBook.tell({ ...team, arrival: numbered.arrivals }, 'teamConfirmed', event, ctx.now);
          return describe(ctx, numbered, (await ctx.data.registrations.findById(ownId))!);
        }
      }
      return describe(ctx, event, (await ctx.data.registrations.findById(ownId))!);
    },
  },

  disbandTeam: {
    access: 'member',
    async run(input, ctx) {
      const { member, ownId, event, own } = await callersRegistration(ctx, input.eventId);
      if (!own || own.state !== 'active' || own.kind !== 'teammate' || !own.teamId) throw new AppError('NOT_REGISTERED');
      const teamEntry = await ctx.data.registrations.findById(own.teamId);
      if (!teamEntry || teamEntry.memberId !== member._id) throw new AppError('FORBIDDEN');
      const before = await ctx.data.registrations.teammates(teamEntry._id);
      await endWithRetry(ctx, teamEntry._id, (entry) => assertMayCancel(event, entryStatus(event, entry) === 'waitlisted' || entry.arrival === null, ctx.now), 'disbanded');
      const others = before.filter((row) => row.state === 'active' && row.memberId !== member._id);
      for (const row of others) await ctx.data.seatBook.tell(row, 'teamDisbanded', event, ctx.now);
      return describe(ctx, event, (await ctx.data.registrations.findById(ownId))!);
    },
  },

  registrations: {
    access: 'member',
    async run(input, ctx) {
      const event = await organizedEvent(ctx, input.eventId);
      const window = pageWindow(input.page, input.pageSize);
      const filter = filterFor(input.status, event);
      const counters = eventSeatCounters(event);
      let rows: { own: RegistrationDoc; teamEntry: RegistrationDoc | null }[];
      let hasMore: boolean;
      if (event.team) {
        const teams = await ctx.data.registrations.listForEvent(event._id, filter, ['team'], window);
        hasMore = teams.length > input.pageSize;
        const shown = teams.slice(0, input.pageSize);
        const teammates = (await Promise.all(shown.map((team) => ctx.data.registrations.teammates(team._id)))).flat();
        const teamById = new Map(shown.map((team) => [team._id, team]));
        rows = teammates.map((own) => ({ own, teamEntry: teamById.get(own.teamId!) ?? null }));
      } else {
        const people = await ctx.data.registrations.listForEvent(event._id, filter, ['person'], window);
        hasMore = people.length > input.pageSize;
        rows = people.slice(0, input.pageSize).map((own) => ({ own, teamEntry: null }));
      }
      return { items: await organizerRows(ctx, event, rows), page: input.page, pageSize: input.pageSize, hasMore, counters, capacity: event.capacity };
    },
  },

  searchRegistrations: {
    access: 'member',
    async run(input, ctx) {
      const event = await organizedEvent(ctx, input.eventId);
      const found = await ctx.data.registrations.searchForEvent(event._id, input.query, [event.team ? 'teammate' : 'person'], registrationSearchLimit);
      const teamIds = [...new Set(found.flatMap((row) => (row.teamId ? [row.teamId] : [])))];
      const teamById = new Map((await ctx.data.registrations.findByIds(teamIds)).map((team) => [team._id, team]));
      return organizerRows(ctx, event, found.map((own) => ({ own, teamEntry: own.teamId ? (teamById.get(own.teamId) ?? null) : null })));
    },
  },

  decide: {
    access: 'member',
    async run(input, ctx) {
      const event = await organizedEvent(ctx, input.eventId);
      const ownId = personRegistrationId(event._id, input.memberId);
      const own = await ctx.data.registrations.findById(ownId);
      if (!own || own.state !== 'pending') throw new AppError('NOT_PENDING');
      let decided = event;
      if (input.approve) {
        const numbered = await ctx.data.seatBook.takeNumber(event._id, { now: ctx.now, memberOrgIds: null, withinWindow: false, kind: 'person' });
        if (!numbered) throw new AppError('EVENT_CANCELLED');
        const approved = await ctx.data.registrations.updateIf(ownId, { state: 'pending' }, { state: 'active', arrival: numbered.arrivals, decisionMessage: input.message || null, updatedAt: ctx.now });
        if (!approved) {
          await ctx.data.seatBook.vacate(event._id, numbered.arrivals, 'unused', ctx.now);
          throw new AppError('NOT_PENDING');
        }
        decided = numbered;
      } else {
        const rejected = await ctx.data.registrations.updateIf(ownId, { state: 'pending' }, { state: 'rejected', decisionMessage: input.message || null, updatedAt: ctx.now });
        if (!rejected) throw new AppError('NOT_PENDING');
      }
      await ctx.data.seatBook.countPending(event._id, -1);
      await ctx.data.seatBook.tell(own, input.approve ? 'approved' : 'rejected', event, ctx.now, undefined, input.message || undefined);
      ctx.audit({ collection: 'registrations', id: ownId });
      const after = (await ctx.data.registrations.findById(ownId))!;
      const member = await ctx.data.members.findById(input.memberId);
      const position = entryStatus(decided, after) === 'waitlisted' ? newestWaitlistPosition(decided, after.arrival!) : null;
      return toRegistrationRow(decided, after, null, member, position);
    },
  },

  findMembers: {
    access: 'member',
    async run(input, ctx) {
      const event = await organizedEvent(ctx, input.eventId);
      const members = await ctx.data.members.search(input.query, memberMatchLimit);
      const registrations = await ctx.data.registrations.findByIds(members.map((member) => personRegistrationId(event._id, member._id)));
      const teamEntries = await ctx.data.registrations.findByIds([...new Set(registrations.flatMap((row) => (row.teamId ? [row.teamId] : [])))]);
      const byMember = new Map(registrations.map((row) => [row.memberId, row]));
      const teamById = new Map(teamEntries.map((row) => [row._id, row]));
      return members.map((member) => {
        const own = byMember.get(member._id);
        return toMemberMatch(member, own ? { event, own, teamEntry: own.teamId ? (teamById.get(own.teamId) ?? null) : null } : null);
      });
    },
  },

  addMember: {
    access: 'member',
    async run(input, ctx) {
      const event = await organizedEvent(ctx, input.eventId);
      if (event.team) throw new AppError('TEAM_EVENT');
      if (event.status === 'cancelled') throw new AppError('EVENT_CANCELLED');
      const member = await ctx.data.members.findById(input.memberId);
      if (!member || member.deletedAt) throw new AppError('NOT_FOUND');
      if (!member.profile) throw new AppError('PROFILE_REQUIRED', '该会员尚未完善个人资料，无法代为报名');
      const current = await ctx.data.registrations.findById(personRegistrationId(event._id, member._id));
      if (current && !restartableStates.includes(current.state) && current.state !== 'rejected') throw new AppError('ALREADY_REGISTERED');
      const numbered = await ctx.data.seatBook.takeNumber(event._id, { now: ctx.now, memberOrgIds: null, withinWindow: false, kind: 'person' });
      if (!numbered) throw new AppError('EVENT_CANCELLED');
      const contact = { name: member.profile.name, mobile: member.profile.mobile };
      const doc = newEntry({ event: numbered, memberId: member._id, kind: 'person', state: 'active', arrival: numbered.arrivals, contact, answers: {}, requestId: null, now: ctx.now, addedBy: (await ctx.member())!._id });
      const placed = current?.state === 'rejected'
        ? await ctx.data.registrations.updateIf(doc._id, { state: 'rejected' }, { state: 'active', arrival: doc.arrival, addedBy: doc.addedBy, decisionMessage: null, updatedAt: ctx.now })
        : await placeEntry(ctx, doc);
      if (!placed) {
        await ctx.data.seatBook.vacate(event._id, numbered.arrivals, 'unused', ctx.now);
        throw new AppError('ALREADY_REGISTERED');
      }
      await ctx.data.seatBook.tell(doc, 'addedByOrganizer', event, ctx.now);
      ctx.audit({ collection: 'registrations', id: doc._id });
      const after = (await ctx.data.registrations.findById(doc._id))!;
      const position = entryStatus(numbered, after) === 'waitlisted' ? newestWaitlistPosition(numbered, after.arrival!) : null;
      return toRegistrationRow(numbered, after, null, member, position);
    },
  },

  setCapacity: {
    access: 'member',
    async run(input, ctx) {
      const event = await organizedEvent(ctx, input.eventId);
      if (event.status === 'cancelled') throw new AppError('EVENT_NOT_EDITABLE');
      const { event: after, seated } = await ctx.data.seatBook.setCapacity(event._id, input.capacity, ctx.now);
      ctx.audit({ collection: 'events', id: event._id });
      const fresh = (await ctx.data.events.findById(event._id)) ?? after;
      return { ...seatCounters(fresh), capacity: fresh.capacity, promoted: seated };
    },
  },

  checkCounters: {
    access: 'member',
    async run(input, ctx) {
      const event = await organizedEvent(ctx, input.eventId);
      const [rows, vacated] = await Promise.all([ctx.data.registrations.allForEvent(event._id), ctx.data.registrations.allVacated(event._id)]);
      const count = countLedgerRows(event, rows, vacated);
      for (const slot of count.missingSlots) await ctx.data.seatBook.vacate(event._id, slot, 'lost', ctx.now);
      for (const slot of count.unreleasedSeatedSlots) await ctx.data.seatBook.release(event._id, slot, ctx.now);
      const repaired = count.missingSlots.length + count.unreleasedSeatedSlots.length;
      if (!count.consistent) {
        const [now, nowRows, nowVacated] = await Promise.all([ctx.data.events.findById(event._id), ctx.data.registrations.allForEvent(event._id), ctx.data.registrations.allVacated(event._id)]);
        if (now) await ctx.data.seatBook.rebuild(now, countLedgerRows(now, nowRows, nowVacated).ledger);
      }
      const stranded = strandedTeamPlaces(rows);
      for (const { team, memberIds } of stranded) for (const memberId of memberIds) await ctx.data.registrations.dropFromTeam(team, memberId, ctx.now);
      ctx.audit({ collection: 'events', id: event._id });
      return {
        eventId: event._id,
        stored: count.stored,
        counted: count.counted,
        consistent: count.consistent,
        repairedSlots: repaired,
        repairedTeamPlaces: stranded.reduce((sum, { memberIds }) => sum + memberIds.length, 0),
      };
    },
  },

  expireOffers: {
    access: 'anyone',
    async run(_input, ctx) {
      return { expired: await ctx.data.seatBook.expireOffers(ctx.now, offersPerSweep) };
    },
  },
};
