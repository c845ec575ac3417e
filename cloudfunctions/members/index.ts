import type { Notification } from '../shared/contract/registrations';
import { privacyNoticeVersion } from '../shared/contract/vocabulary';
import type { MemberDoc, NotificationDoc } from '../shared/data/documents';
import { planAccountErasure } from '../shared/domain/account-deletion';
import { hasProfile, toInstant, toMemberProfile } from '../shared/domain/mapping';
import { newMemberRecord, requireConsent } from '../shared/domain/membership';
import { pageWindow, toPage } from '../shared/domain/paging';
import { buildMyData } from '../shared/domain/personal-data';
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

async function eraseAccount(ctx: ActionContext, member: MemberDoc): Promise<void> {
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
      if (!member) return buildMyData({ members: [], audit: [] }, ctx.now);
      const audit = await ctx.data.audit.listByActor(member._id);
      return buildMyData({ members: [member], audit }, ctx.now);
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
