import type { Notification } from '../shared/contract/registrations';
import { privacyNoticeVersion } from '../shared/contract/vocabulary';
import type { MemberDoc, NotificationDoc, RegistrationDoc } from '../shared/data/documents';
import { erasedContact, isOpenRegistration, planAccountErasure, registrationsToEnd, teamExit } from '../shared/domain/account-deletion';
import { hasProfile, toInstant, toMemberProfile } from '../shared/domain/mapping';
import { newMemberRecord, requireConsent } from '../shared/domain/membership';
import { pageWindow, toPage } from '../shared/domain/paging';
import { buildMyData, ownRegistrationRecord } from '../shared/domain/personal-data';
import { AppError, defineFunction, type ActionContext } from '../shared/runtime';

/**
 * Records the acceptance on the caller's member record, creating it on first acceptance. Two first taps
 * race on the unique OPENID index: the loser finds the winner's record and updates that instead.
 */
async function acceptPrivacyNotice(ctx: ActionContext, version: string): Promise<void> {
  const openId = ctx.requireOpenId();
  const existing = await ctx.member();
  if (existing) return ctx.data.members.recordPrivacyAcceptance(existing._id, version, ctx.now);
  try {
    await ctx.data.members.insert(newMemberRecord(openId, version, ctx.now));
  } catch (insertError) {
    const winner = await ctx.data.members.findByOpenId(openId);
    if (!winner) throw insertError;
    await ctx.data.members.recordPrivacyAcceptance(winner._id, version, ctx.now);
  }
}

/**
 * Ends an open entry through the seat ledger, so its seat passes to the next in line. Re-reads and retries when a
 * concurrent claim, expiry or promotion changed it; answers the entry as this call ended it, or null when it was
 * no longer open (a second deletion, or someone else ended it first).
 */
async function endOpenEntry(ctx: ActionContext, entryId: string, reason: 'cancelled' | 'disbanded'): Promise<RegistrationDoc | null> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const entry = await ctx.data.registrations.findById(entryId);
    if (!entry || !isOpenRegistration(entry)) return null;
    if (await ctx.data.seatBook.endEntry(entry, 'cancelled', reason, ctx.now)) return entry;
  }
  throw new AppError('CONFLICT');
}

/** Ends the team and tells its other members; only the call that ended it tells them. */
async function disbandTeam(ctx: ActionContext, teamEntryId: string): Promise<void> {
  const before = await ctx.data.registrations.teammates(teamEntryId);
  const ended = await endOpenEntry(ctx, teamEntryId, 'disbanded');
  if (!ended) return;
  const event = { _id: ended.eventId, title: ended.event.title };
  for (const row of before) {
    if (row.state === 'active' && row.memberId !== ended.memberId) await ctx.data.seatBook.tell(row, 'teamDisbanded', event, ctx.now);
  }
}

/**
 * The team counts the member out first, then their row ends. The team entry lists whom it counts, so two deletions
 * running at once count them out once, and a deletion retried after a crash between the writes finds the row still
 * active and finishes.
 */
async function leaveTeamForGood(ctx: ActionContext, own: RegistrationDoc): Promise<void> {
  const teamEntry = own.teamId ? await ctx.data.registrations.findById(own.teamId) : null;
  const exit = teamExit(own, teamEntry);
  if (exit === 'disband') return disbandTeam(ctx, teamEntry!._id);
  if (exit === 'leave') await ctx.data.registrations.dropFromTeam(teamEntry!, own.memberId, ctx.now);
  await ctx.data.registrations.updateIf(own._id, { state: 'active' }, { state: 'cancelled', cancelledAt: ctx.now, updatedAt: ctx.now });
}

/**
 * Everything stored about the member besides their record: open registrations of events still to come end (seats
 * pass on), every row keeps only an anonymous contact, their notifications go, and they scan at no event and are
 * named in no scan record; they leave their reading clubs, with their notes and reports. Each step can run again, so a
 * deletion retried after a crash finishes the job; the member record is erased last, which is what makes a retry find it.
 */
async function eraseRegistrationsAndNotifications(ctx: ActionContext, memberId: string): Promise<void> {
  const rows = await ctx.data.registrations.allForMember(memberId);
  for (const row of registrationsToEnd(rows, ctx.now)) {
    if (row.kind === 'person') await endOpenEntry(ctx, row._id, 'cancelled');
    else if (row.kind === 'teammate') await leaveTeamForGood(ctx, row);
    else await disbandTeam(ctx, row._id);
  }
  await ctx.data.registrations.scrubContact(memberId, erasedContact, ctx.now);
  await ctx.data.notifications.removeAllFor(memberId);
  await ctx.data.checkin.eraseStaffMember(memberId, erasedContact.name);
  await ctx.data.clubs.eraseMember(memberId, ctx.now);
  await ctx.data.checkin.eraseAttendee(rows.map((row) => row._id), erasedContact.name);
}

async function eraseAccount(ctx: ActionContext, member: MemberDoc): Promise<void> {
  await eraseRegistrationsAndNotifications(ctx, member._id);
  const erasure = planAccountErasure(member, ctx.now);
  if (await ctx.data.members.erase(member._id, member.orgIds, erasure.fields)) {
    await ctx.data.orgs.changeMemberCount(erasure.leftOrgIds, -1);
    return;
  }
  const current = await ctx.data.members.findById(member._id);
  if (current?.deletedAt) return;
  throw new AppError('CONFLICT');
}

function toNotification(note: NotificationDoc): Notification {
  return {
    id: note._id,
    kind: note.kind,
    eventId: note.eventId,
    title: note.title,
    body: note.body,
    createdAt: toInstant(note.createdAt),
    readAt: note.readAt ? toInstant(note.readAt) : null,
  };
}

const fn = defineFunction('members', {
  me: {
    access: 'member',
    async run(_input, ctx) {
      const member = await ctx.member();
      return {
        profile: member && hasProfile(member) ? toMemberProfile(member) : null,
        roles: (member?.roles ?? []).map(({ orgId, role }) => ({ orgId, role })),
        privacyAcceptedVersion: member?.privacyAcceptedVersion ?? null,
        currentPrivacyVersion: privacyNoticeVersion,
      };
    },
  },
  acceptPrivacy: {
    access: 'member',
    async run(input, ctx) {
      await acceptPrivacyNotice(ctx, input.version);
      return { privacyAcceptedVersion: input.version };
    },
  },
  saveProfile: {
    access: 'member',
    async run(input, ctx) {
      const member = requireConsent(await ctx.member());
      const profile = { name: input.name, mobile: input.mobile, sector: input.sector, employer: input.employer, title: input.title };
      await ctx.data.members.saveProfile(member._id, profile, ctx.now);
      return toMemberProfile({ ...member, profile, updatedAt: ctx.now });
    },
  },
  myData: {
    access: 'member',
    async run(_input, ctx) {
      const member = await ctx.member();
      if (!member) return buildMyData({ members: [], audit: [], registrations: [], notifications: [], clubMembers: [], clubNotes: [], noteReports: [] }, ctx.now);
      const [audit, registrations, notifications, clubMembers, writings] = await Promise.all([
        ctx.data.audit.listByActor(member._id),
        ctx.data.registrations.allForMember(member._id),
        ctx.data.notifications.allFor(member._id),
        ctx.data.clubs.membershipsOf(member._id),
        ctx.data.clubs.writingsOf(member._id),
      ]);
      return buildMyData(
        { members: [member], audit, registrations: registrations.map(ownRegistrationRecord), notifications, clubMembers, clubNotes: writings.notes, noteReports: writings.reports },
        ctx.now,
      );
    },
  },
  deleteAccount: {
    access: 'member',
    async run(_input, ctx) {
      const member = await ctx.member();
      if (member) await eraseAccount(ctx, member);
      return { deleted: true as const };
    },
  },
  notifications: {
    access: 'member',
    async run(input, ctx) {
      const member = await ctx.member();
      if (!member) return { items: [], page: input.page, pageSize: input.pageSize, hasMore: false, unread: 0 };
      const [rows, unread] = await Promise.all([
        ctx.data.notifications.listFor(member._id, pageWindow(input.page, input.pageSize)),
        ctx.data.notifications.unreadCount(member._id),
      ]);
      return { ...toPage(rows, input.page, input.pageSize, toNotification), unread };
    },
  },
  markNotificationsRead: {
    access: 'member',
    async run(_input, ctx) {
      const member = await ctx.member();
      return { marked: member ? await ctx.data.notifications.markAllRead(member._id, ctx.now) : 0 };
    },
  },
});

export const main = fn.main;
export const invoke = fn.invoke;
