import { clubLimits } from '../shared/contract/club-limits';
import { collections } from '../shared/data/documents';
import { normalizedSchedule, sessionsOutOfSchedule } from '../shared/domain/club-schedule';
import { clubStats } from '../shared/domain/club-stats';
import { memberName, toClubSession } from '../shared/domain/club-views';
import { assertEditable } from '../shared/domain/event-rules';
import { pageWindow, toPage } from '../shared/domain/paging';
import { AppError, type Actions } from '../shared/runtime';
import { describeClub, generateMissingSessions, organizedClub, requireClub, upcomingSessions } from './club-access';

type SessionActionName = 'setSchedule' | 'generateSessions' | 'generateDue' | 'sessions' | 'setSessionTopic' | 'stats';

/** Clubs the timer reads at once; it walks through all of them a page at a time. */
const scheduledClubsPerRead = 100;
/** Members' names are read by id in batches this size. */
const namesPerRead = 500;
/** Upcoming sessions a schedule change looks through: the most a schedule keeps ahead, with room for moved ones. */
const upcomingSessionsRead = clubLimits.sessionsAhead * 4;

export const sessionActions: Pick<Actions<'clubs'>, SessionActionName> = {
  setSchedule: {
    access: 'member',
    async run(input, ctx) {
      const { club, organizer } = await organizedClub(ctx, input.clubId);
      const schedule = input.schedule === null ? null : normalizedSchedule(input.schedule);
      const saved = await ctx.data.clubs.saveSchedule(club._id, schedule, organizer._id, ctx.now);
      if (!saved) throw new AppError('NOT_FOUND');
      ctx.audit({ collection: collections.clubs, id: club._id });
      const upcoming = await ctx.data.clubs.sessions(club._id, 'upcoming', ctx.now, { offset: 0, limit: upcomingSessionsRead });
      for (const session of sessionsOutOfSchedule(schedule, upcoming, ctx.now)) {
        if (await ctx.data.clubs.removeUntouchedSession(session)) ctx.audit({ collection: collections.events, id: session._id });
      }
      await generateMissingSessions(ctx, saved, organizer._id);
      return describeClub(ctx, saved);
    },
  },

  generateSessions: {
    access: 'member',
    async run(input, ctx) {
      const { club, organizer } = await organizedClub(ctx, input.clubId);
      if (!club.schedule) throw new AppError('NO_SCHEDULE');
      const created = await generateMissingSessions(ctx, club, organizer._id);
      if (created > 0) ctx.audit({ collection: collections.clubs, id: club._id });
      return { created, sessions: await upcomingSessions(ctx, club._id) };
    },
  },

  generateDue: {
    access: 'anyone',
    async run(_input, ctx) {
      let clubs = 0;
      let created = 0;
      let afterId: string | null = null;
      for (;;) {
        const page = await ctx.data.clubs.listScheduled(afterId, scheduledClubsPerRead);
        for (const club of page) created += await generateMissingSessions(ctx, club, club.scheduleSetBy ?? club.createdBy);
        clubs += page.length;
        if (page.length < scheduledClubsPerRead) return { clubs, created };
        afterId = page[page.length - 1]._id;
      }
    },
  },

  sessions: {
    access: 'anyone',
    async run(input, ctx) {
      const [, rows] = await Promise.all([
        requireClub(ctx, input.clubId),
        ctx.data.clubs.sessions(input.clubId, input.when, ctx.now, pageWindow(input.page, input.pageSize)),
      ]);
      return toPage(rows, input.page, input.pageSize, toClubSession);
    },
  },

  setSessionTopic: {
    access: 'member',
    async run(input, ctx) {
      const event = await ctx.data.events.findById(input.eventId);
      if (!event) throw new AppError('NOT_FOUND');
      if (!event.clubSession) throw new AppError('NOT_CLUB_SESSION');
      await ctx.requireRole(event.orgId, 'organizer');
      assertEditable(event, ctx.now);
      const saved = await ctx.data.clubs.setSessionTopic(event._id, input.topic, ctx.now);
      if (!saved) {
        // Cancelled or over in the meantime.
        assertEditable((await ctx.data.events.findById(event._id)) ?? event, ctx.now);
        throw new AppError('CONFLICT');
      }
      ctx.audit({ collection: collections.events, id: event._id });
      return toClubSession(saved);
    },
  },

  stats: {
    access: 'member',
    async run(input, ctx) {
      const { club } = await organizedClub(ctx, input.clubId);
      const [sessions, memberships] = await Promise.all([
        ctx.data.clubs.heldSessions(club._id, ctx.now, clubLimits.statsSessions),
        ctx.data.clubs.activeMemberships(club._id),
      ]);
      const memberIds = memberships.map((row) => row.memberId);
      const batches = Array.from({ length: Math.ceil(memberIds.length / namesPerRead) }, (_, i) => memberIds.slice(i * namesPerRead, (i + 1) * namesPerRead));
      const [registrations, members] = await Promise.all([
        ctx.data.clubs.sessionAttendance(sessions.map((session) => session._id)),
        Promise.all(batches.map((batch) => ctx.data.members.findByIds(batch))).then((found) => found.flat()),
      ]);
      const byId = new Map(members.map((member) => [member._id, member]));
      const names = new Map(memberIds.map((id) => [id, memberName(byId.get(id))]));
      return clubStats({ sessions, registrations, memberships, names, memberCount: club.memberCount, now: ctx.now });
    },
  },
};
