import type { ScanResult, ScannerSession, StewardView, SyncOutcome } from '../shared/contract/checkin';
import { codeStepSeconds } from '../shared/contract/ticket-code';
import { collections, type EventDoc, type EventStaffDoc } from '../shared/data/documents';
import { personRegistrationId } from '../shared/data/registrations-repository';
import {
  checkInWindow,
  checkScannedCode,
  confirmedAttendees,
  mergeScanLog,
  nameAttendees,
  offlineScanTime,
  rejectedScan,
  teamNameOf,
  toAttendeeRow,
  toPreloadedTicket,
  toStewardView,
  toTicketView,
  unnamedRegistrationIds,
  windowRejection,
} from '../shared/domain/checkin-rules';
import { toInstant } from '../shared/domain/mapping';
import { pageWindow } from '../shared/domain/paging';
import { memberStatus } from '../shared/domain/registration-views';
import { AppError, defineFunction, organizedEvent, type ActionContext } from '../shared/runtime';
import { checkIn, countCheckins, logRefusal, type Scan } from './check-in';
import { enrolStaff, newStaffDoc, requireStaff, staffId, staffWindow } from './staff';
import { codeSecrets } from './ticket-key';

/** How many attendees a search answers: enough to pick one at a desk. */
const searchLimit = 20;
/** Offline scans recorded at once during a sync; each is one conditional write, more when refused. */
const syncParallelism = 10;
/** A member scanning the venue code with their own phone. */
const selfCheckInDevice = '本人手机';

/** The stewards organizers assigned; holders of an org-level steward grant enrol themselves and are not listed. */
async function stewardViews(ctx: ActionContext, eventId: string): Promise<StewardView[]> {
  const stewards = (await ctx.data.checkin.listStewards(eventId)).filter((staff) => staff.assignedBy !== staff.memberId);
  const members = await ctx.data.members.findByIds(stewards.map((staff) => staff.memberId));
  const mobileOf = new Map(members.map((member) => [member._id, member.profile?.mobile ?? '']));
  return stewards.map((staff) => toStewardView(staff, mobileOf.get(staff.memberId) ?? ''));
}

function eventSummary(event: EventDoc): ScannerSession['event'] {
  return { id: event._id, title: event.title, startAt: toInstant(event.startAt), endAt: toInstant(event.endAt), venue: event.venue };
}

function scanBy(staff: EventStaffDoc, input: { device: string; nonce: string }, source: Scan['source'], at: Date): Scan {
  return { eventId: staff.eventId, memberId: staff.memberId, name: staff.name, device: input.device, nonce: input.nonce, source, at };
}

async function requireEvent(ctx: ActionContext, eventId: string): Promise<EventDoc> {
  const event = await ctx.data.events.findById(eventId);
  if (!event) throw new AppError('NOT_FOUND');
  return event;
}

/** The organizer acting, as a scan records them. */
async function organizerScan(ctx: ActionContext, eventId: string, input: { device: string; nonce: string }): Promise<Scan> {
  const member = (await ctx.member())!;
  return { eventId, memberId: member._id, name: member.profile?.name ?? '', device: input.device, nonce: input.nonce, source: 'hand', at: ctx.now };
}

const fn = defineFunction('checkin', {
  ticket: {
    access: 'member',
    async run(input, ctx) {
      const secrets = codeSecrets();
      const member = await ctx.member();
      if (!member) throw new AppError('NOT_REGISTERED');
      const [event, own] = await Promise.all([ctx.data.events.findById(input.eventId), ctx.data.registrations.findById(personRegistrationId(input.eventId, member._id))]);
      if (!event || !own) throw new AppError('NOT_REGISTERED');
      const teamEntry = own.teamId ? await ctx.data.registrations.findById(own.teamId) : null;
      if (memberStatus(event, own, teamEntry) !== 'confirmed') throw new AppError('TICKET_NOT_READY');
      const teamName = teamNameOf(own, teamEntry);
      if (!own.ticketIssuedAt) await ctx.data.checkin.issueTicket(own._id, teamName, ctx.now);
      return toTicketView({ own, event, teamName, secret: secrets.ticket(own._id), now: ctx.now });
    },
  },

  stewards: {
    access: 'member',
    async run(input, ctx) {
      const event = await organizedEvent(ctx, input.eventId);
      return stewardViews(ctx, event._id);
    },
  },

  assignSteward: {
    access: 'member',
    async run(input, ctx) {
      const event = await organizedEvent(ctx, input.eventId);
      const [steward, organizer] = await Promise.all([ctx.data.members.findById(input.memberId), ctx.member()]);
      if (!steward || steward.deletedAt || !steward.openId || !steward.profile) throw new AppError('NOT_FOUND', '找不到该会员，或其尚未完善资料');
      // A member already on the event's staff (an organizer who opened the scanner) keeps the role they have.
      if (await ctx.data.checkin.addStaff(newStaffDoc(event, steward, 'steward', organizer!._id, ctx.now))) {
        ctx.audit({ collection: collections.eventStaff, id: staffId(event._id, steward._id) });
      }
      return stewardViews(ctx, event._id);
    },
  },

  removeSteward: {
    access: 'member',
    async run(input, ctx) {
      const event = await organizedEvent(ctx, input.eventId);
      if (await ctx.data.checkin.removeStaff(staffId(event._id, input.memberId), 'steward')) {
        ctx.audit({ collection: collections.eventStaff, id: staffId(event._id, input.memberId) });
      }
      return stewardViews(ctx, event._id);
    },
  },

  openScanner: {
    access: 'member',
    async run(input, ctx) {
      const { staff, event } = await enrolStaff(ctx, input.eventId);
      const window = checkInWindow(event);
      // Heals a window an edit moved while this document was being written.
      if (staff.checkInOpensAt.getTime() !== window.opensAt.getTime() || staff.checkInClosesAt.getTime() !== window.closesAt.getTime()) {
        await ctx.data.checkin.moveWindow(event._id, window);
      }
      return {
        event: eventSummary(event),
        role: staff.role,
        checkInOpensAt: toInstant(window.opensAt),
        checkInClosesAt: toInstant(window.closesAt),
        counter: await countCheckins(ctx, event),
      };
    },
  },

  redeem: {
    access: 'member',
    async run(input, ctx): Promise<ScanResult> {
      const secrets = codeSecrets();
      const staff = await requireStaff(ctx, input.eventId);
      const scan = scanBy(staff, input, 'scan', ctx.now);
      const decision = checkScannedCode(input.code, 'ticket', secrets.ticket, ctx.now, input.eventId);
      const refusal = decision.ok ? windowRejection(staffWindow(staff), ctx.now) : decision.rejection;
      if (refusal) {
        await logRefusal(ctx, scan, refusal, decision.id ?? null, null);
        return rejectedScan(refusal);
      }
      const outcome = await checkIn(ctx, decision.id!, scan, { issuedOnly: true });
      if (outcome.result.rejection) await logRefusal(ctx, scan, outcome.result.rejection, null, outcome.row);
      return outcome.result;
    },
  },

  counter: {
    access: 'member',
    async run(input, ctx) {
      const staff = await requireStaff(ctx, input.eventId);
      return countCheckins(ctx, await requireEvent(ctx, staff.eventId));
    },
  },

  search: {
    access: 'member',
    async run(input, ctx) {
      const event = await organizedEvent(ctx, input.eventId);
      const rows = await ctx.data.checkin.searchAttendees(event._id, input.query, searchLimit);
      const teamIds = [...new Set(rows.flatMap((row) => (row.teamId && !row.teamName ? [row.teamId] : [])))];
      const teams = new Map((await ctx.data.registrations.findByIds(teamIds)).map((team) => [team._id, team]));
      return rows.map((row) => toAttendeeRow(row, teamNameOf(row, row.teamId ? (teams.get(row.teamId) ?? null) : null)));
    },
  },

  checkInByHand: {
    access: 'member',
    async run(input, ctx) {
      const event = await organizedEvent(ctx, input.eventId);
      const scan = await organizerScan(ctx, event._id, input);
      const registrationId = personRegistrationId(event._id, input.memberId);
      const closed = windowRejection(checkInWindow(event), ctx.now);
      if (closed) {
        await logRefusal(ctx, scan, closed, registrationId, null);
        return rejectedScan(closed);
      }
      const outcome = await checkIn(ctx, registrationId, scan, { issuedOnly: false, event });
      if (!outcome.row) throw new AppError('NOT_REGISTERED', '该会员没有报名本场活动');
      if (outcome.result.rejection) await logRefusal(ctx, scan, outcome.result.rejection, null, outcome.row);
      else ctx.audit({ collection: collections.registrations, id: registrationId });
      return outcome.result;
    },
  },

  undoCheckIn: {
    access: 'member',
    async run(input, ctx) {
      const event = await organizedEvent(ctx, input.eventId);
      const row = await ctx.data.registrations.findById(personRegistrationId(event._id, input.memberId));
      if (!row || row.kind === 'team') throw new AppError('NOT_REGISTERED', '该会员没有报名本场活动');
      if (!row.checkin) throw new AppError('NOT_CHECKED_IN');
      const organizer = (await ctx.member())!;
      const undone = { ...row.checkin, undoneAt: ctx.now, undoneBy: organizer._id, reason: input.reason };
      // Conditional on the check-in read: a second tap, or a check-in made in between, is not undone blindly.
      if (!(await ctx.data.checkin.undoCheckin(row._id, undone))) throw new AppError('CONFLICT');
      ctx.audit({ collection: collections.registrations, id: row._id });
      return toAttendeeRow({ ...row, checkin: null }, teamNameOf(row, null));
    },
  },

  preload: {
    access: 'member',
    async run(input, ctx) {
      const secrets = codeSecrets();
      const staff = await requireStaff(ctx, input.eventId);
      const [event, rows] = await Promise.all([requireEvent(ctx, staff.eventId), ctx.data.checkin.allActive(staff.eventId)]);
      // Every confirmed attendee, ticket opened or not: a member may open it for the first time at the gate.
      const attendees = confirmedAttendees(rows, (own, teamEntry) => memberStatus(event, own, teamEntry));
      const window = checkInWindow(event);
      return {
        eventId: event._id,
        title: event.title,
        stepSeconds: codeStepSeconds,
        serverTime: toInstant(ctx.now),
        checkInOpensAt: toInstant(window.opensAt),
        checkInClosesAt: toInstant(window.closesAt),
        tickets: attendees.map(({ row, teamEntry }) => toPreloadedTicket(row, teamNameOf(row, teamEntry), secrets.ticket(row._id))),
      };
    },
  },

  sync: {
    access: 'member',
    async run(input, ctx) {
      const secrets = codeSecrets();
      const staff = await requireStaff(ctx, input.eventId);
      const record = async (entry: (typeof input.scans)[number]): Promise<SyncOutcome> => {
        const scannedAt = new Date(entry.scannedAt);
        const scan = scanBy(staff, { device: input.device, nonce: entry.nonce }, 'offline', offlineScanTime(scannedAt, ctx.now));
        // The code was good when the device scanned it, not now: its steps are checked against the scan's time.
        const decision = checkScannedCode(entry.code, 'ticket', secrets.ticket, scannedAt, staff.eventId);
        const refusal = decision.ok ? windowRejection(staffWindow(staff), scan.at) : decision.rejection;
        if (refusal) {
          await logRefusal(ctx, scan, refusal, decision.id ?? null, null);
          return { nonce: entry.nonce, accepted: false, rejection: refusal };
        }
        const outcome = await checkIn(ctx, decision.id!, scan, { issuedOnly: true });
        if (!outcome.result.rejection) return { nonce: entry.nonce, accepted: true, rejection: null };
        // The device let this person in; someone else had checked the ticket in first.
        const rejection = outcome.result.rejection === 'alreadyCheckedIn' ? 'conflict' : outcome.result.rejection;
        await logRefusal(ctx, scan, rejection, null, outcome.row);
        return { nonce: entry.nonce, accepted: false, rejection };
      };
      const outcomes: SyncOutcome[] = [];
      for (let start = 0; start < input.scans.length; start += syncParallelism) {
        outcomes.push(...(await Promise.all(input.scans.slice(start, start + syncParallelism).map(record))));
      }
      return { outcomes, counter: await countCheckins(ctx, await requireEvent(ctx, staff.eventId)) };
    },
  },

  scanLog: {
    access: 'member',
    async run(input, ctx) {
      const event = await organizedEvent(ctx, input.eventId);
      const { offset, limit } = pageWindow(input.page, input.pageSize);
      const [accepted, logged] = await Promise.all([
        input.only === 'all' ? ctx.data.checkin.latestCheckins(event._id, offset + limit) : Promise.resolve([]),
        ctx.data.checkin.latestLogged(event._id, input.only, offset + limit),
      ]);
      const entries = mergeScanLog(accepted, logged, offset, limit);
      const rows = await ctx.data.registrations.findByIds(unnamedRegistrationIds(entries, logged));
      const names = new Map(rows.filter((row) => row.eventId === event._id).map((row) => [row._id, row.contact.name]));
      const items = nameAttendees(entries, logged, names);
      return { items: items.slice(0, input.pageSize), page: input.page, pageSize: input.pageSize, hasMore: items.length > input.pageSize };
    },
  },

  venueCode: {
    access: 'member',
    async run(input, ctx) {
      const secrets = codeSecrets();
      const event = await organizedEvent(ctx, input.eventId);
      return { eventId: event._id, secret: secrets.venue(event._id), stepSeconds: codeStepSeconds, serverTime: toInstant(ctx.now) };
    },
  },

  selfCheckIn: {
    access: 'member',
    async run(input, ctx) {
      const secrets = codeSecrets();
      const member = await ctx.member();
      if (!member || member.deletedAt) throw new AppError('NOT_REGISTERED');
      const decision = checkScannedCode(input.code, 'venue', secrets.venue, ctx.now);
      // Only a genuine code names an event whose log may take the refusal.
      if (decision.id === undefined) return rejectedScan(decision.ok ? 'invalid' : decision.rejection);
      const event = await ctx.data.events.findById(decision.id);
      if (!event) return rejectedScan('invalid');
      const registrationId = personRegistrationId(event._id, member._id);
      const scan: Scan = { eventId: event._id, memberId: member._id, name: member.profile?.name ?? '', device: selfCheckInDevice, nonce: input.nonce, source: 'self', at: ctx.now };
      const refusal = decision.ok ? windowRejection(checkInWindow(event), ctx.now) : decision.rejection;
      if (refusal) {
        await logRefusal(ctx, scan, refusal, registrationId, null);
        return rejectedScan(refusal);
      }
      const outcome = await checkIn(ctx, registrationId, scan, { issuedOnly: false, event });
      if (!outcome.row) return rejectedScan('otherEvent', { message: '你没有报名这场活动，不能用它的签到码签到' });
      if (outcome.result.rejection) await logRefusal(ctx, scan, outcome.result.rejection, null, outcome.row);
      return outcome.result;
    },
  },
});

export const main = fn.main;
export const invoke = fn.invoke;
