import type { ClubDetail } from '../shared/contract/clubs';
import { requestedDocumentId } from '../shared/data/database';
import { collections, type ClubDoc } from '../shared/data/documents';
import {
  assertMemberCap,
  coverPath,
  hasRoom,
  membershipId,
  newClubDoc,
  newMembership,
  readCoverImage,
  requireActiveMembership,
  withBook,
} from '../shared/domain/club-rules';
import { coverFileIds, nextSessionOf, toClubSummary, toMyReading } from '../shared/domain/club-views';
import { pageWindow } from '../shared/domain/paging';
import { AppError, type ActionContext, type Actions } from '../shared/runtime';
import { describeClub, organizedClub, readingMember, requireClub } from './club-access';

type MembershipActionName = 'list' | 'get' | 'join' | 'leave' | 'create' | 'update' | 'setBook' | 'myReading';

/**
 * Counts the member in: a place first (the conditional write that keeps the cap), then their row. A cap changed
 * between the read and the write is read again once; a club without room answers CLUB_FULL.
 */
async function takePlace(ctx: ActionContext, club: ClubDoc): Promise<ClubDoc> {
  const counted = await ctx.data.clubs.takePlace(club);
  if (counted) return counted;
  const fresh = await requireClub(ctx, club._id);
  const retried = hasRoom(fresh) ? await ctx.data.clubs.takePlace(fresh) : null;
  if (!retried) throw new AppError('CLUB_FULL');
  return retried;
}

export const membershipActions: Pick<Actions<'clubs'>, MembershipActionName> = {
  list: {
    access: 'anyone',
    async run(input, ctx) {
      const rows = await ctx.data.clubs.list(pageWindow(input.page, input.pageSize));
      const clubs = rows.slice(0, input.pageSize);
      const ids = clubs.map((club) => club._id);
      const member = await ctx.member();
      const [memberships, sessions, coverUrls] = await Promise.all([
        member ? ctx.data.clubs.findMemberships(ids.map((id) => membershipId(id, member._id))) : [],
        ctx.data.clubs.nextSessions(ids, ctx.now),
        ctx.data.clubs.coverUrls(coverFileIds(clubs, false)),
      ]);
      const joined = new Set(memberships.filter((row) => row.state === 'active').map((row) => row.clubId));
      return {
        items: clubs.map((club) => toClubSummary(club, { nextSession: nextSessionOf(sessions, club._id, ctx.now), joined: joined.has(club._id), coverUrls })),
        page: input.page,
        pageSize: input.pageSize,
        hasMore: rows.length > input.pageSize,
      };
    },
  },

  get: {
    access: 'anyone',
    async run(input, ctx) {
      return describeClub(ctx, await requireClub(ctx, input.clubId));
    },
  },

  join: {
    access: 'member',
    async run(input, ctx): Promise<ClubDetail> {
      const member = await readingMember(ctx);
      const club = await requireClub(ctx, input.clubId);
      const id = membershipId(club._id, member._id);
      const existing = await ctx.data.clubs.findMembership(id);
      if (existing?.state === 'active') return describeClub(ctx, club, existing);
      const counted = await takePlace(ctx, club);
      const fresh = newMembership(club._id, member._id, ctx.now);
      if (await ctx.data.clubs.insertMembership(fresh)) return describeClub(ctx, counted, fresh);
      if (await ctx.data.clubs.rejoin(id, ctx.now)) return describeClub(ctx, counted);
      // A double tap: the other request made them a member, so this place goes back.
      return describeClub(ctx, (await ctx.data.clubs.givePlace(club._id)) ?? counted);
    },
  },

  leave: {
    access: 'member',
    async run(input, ctx) {
      const member = await ctx.member();
      if (!member) throw new AppError('NOT_CLUB_MEMBER');
      const club = await requireClub(ctx, input.clubId);
      const id = membershipId(club._id, member._id);
      const membership = requireActiveMembership(await ctx.data.clubs.findMembership(id));
      if (!(await ctx.data.clubs.leave(id, ctx.now))) throw new AppError('NOT_CLUB_MEMBER');
      const counted = (await ctx.data.clubs.givePlace(club._id)) ?? club;
      return describeClub(ctx, counted, { ...membership, state: 'left', leftAt: ctx.now, updatedAt: ctx.now });
    },
  },

  create: {
    access: 'member',
    async run(input, ctx) {
      const org = await ctx.data.orgs.findById(input.orgId);
      if (!org) throw new AppError('NOT_FOUND');
      await ctx.requireRole(org, 'organizer');
      const organizer = (await ctx.member())!;
      const id = requestedDocumentId('club', organizer._id, input.requestId);
      const { doc: club, created } = await ctx.data.clubs.insertRequested({ _id: id, ...newClubDoc(input, org, organizer._id, ctx.now) });
      if (created) ctx.audit({ collection: collections.clubs, id: club._id });
      return describeClub(ctx, club);
    },
  },

  update: {
    access: 'member',
    async run(input, ctx) {
      const { club } = await organizedClub(ctx, input.clubId);
      assertMemberCap(input.memberCap, club.memberCount);
      const saved = await ctx.data.clubs.saveFields(club._id, { name: input.name, description: input.description, memberCap: input.memberCap }, ctx.now);
      if (!saved) throw new AppError('NOT_FOUND');
      ctx.audit({ collection: collections.clubs, id: club._id });
      return describeClub(ctx, saved);
    },
  },

  setBook: {
    access: 'member',
    async run(input, ctx) {
      const { club } = await organizedClub(ctx, input.clubId);
      // Checked and stored before the club is written; a retry stores the same file again under the same path.
      const cover = input.book.cover === undefined ? null : readCoverImage(input.book.cover);
      const coverFileId = cover ? await ctx.data.clubs.uploadCover(coverPath(cover), cover.bytes) : null;
      const saved = await ctx.data.clubs.saveBooks(club, withBook(club, input.book, coverFileId, ctx.now), ctx.now);
      if (!saved) throw new AppError('CONFLICT');
      ctx.audit({ collection: collections.clubs, id: club._id });
      return describeClub(ctx, saved);
    },
  },

  myReading: {
    access: 'member',
    async run(_input, ctx) {
      const member = await ctx.member();
      if (!member) return toMyReading([], [], ctx.now);
      const memberships = await ctx.data.clubs.membershipsOf(member._id);
      const clubs = await ctx.data.clubs.findByIds([...new Set(memberships.map((row) => row.clubId))]);
      return toMyReading(memberships, clubs, ctx.now);
    },
  },
};
