import type { ClubDetail, ClubSessionSummary } from '../shared/contract/clubs';
import { clubLimits } from '../shared/contract/club-limits';
import type { ClubDoc, ClubMemberDoc, MemberDoc } from '../shared/data/documents';
import { membershipId } from '../shared/domain/club-rules';
import { occurrenceDays, sessionsToGenerate } from '../shared/domain/club-schedule';
import { coverFileIds, toClubDetail, toClubSession } from '../shared/domain/club-views';
import { requireConsent, requireProfile, type MemberWithProfile } from '../shared/domain/membership';
import { AppError, type ActionContext } from '../shared/runtime';

export async function requireClub(ctx: ActionContext, clubId: string): Promise<ClubDoc> {
  const club = await ctx.data.clubs.findById(clubId);
  if (!club) throw new AppError('NOT_FOUND');
  return club;
}

/** The club, once the caller is known to organize its organisation (or one above it). */
export async function organizedClub(ctx: ActionContext, clubId: string): Promise<{ club: ClubDoc; organizer: MemberDoc }> {
  const club = await requireClub(ctx, clubId);
  await ctx.requireRole(club.orgId, 'organizer');
  return { club, organizer: (await ctx.member())! };
}

/** Joining and posting show the member's name to others, so they need the privacy consent and a profile. */
export async function readingMember(ctx: ActionContext): Promise<MemberWithProfile> {
  ctx.requireOpenId();
  return requireProfile(requireConsent(await ctx.member()));
}

/**
 * The club page as the caller sees it: their membership (looked up unless the caller just wrote it), whether they
 * manage it, the sessions ahead.
 */
export async function describeClub(ctx: ActionContext, club: ClubDoc, knownMembership?: ClubMemberDoc | null): Promise<ClubDetail> {
  const [membership, canManage, upcoming, coverUrls] = await Promise.all([
    knownMembership !== undefined
      ? knownMembership
      : ctx.member().then((member) => (member ? ctx.data.clubs.findMembership(membershipId(club._id, member._id)) : null)),
    ctx.data.orgs.findById(club.orgId).then((org) => (org ? ctx.hasRole(org, 'organizer') : false)),
    ctx.data.clubs.sessions(club._id, 'upcoming', ctx.now, { offset: 0, limit: clubLimits.sessionsAhead }),
    ctx.data.clubs.coverUrls(coverFileIds([club], true)),
  ]);
  return toClubDetail(club, { upcoming, membership, canManage, coverUrls, now: ctx.now });
}

/** Inserts the sessions the club's schedule wants ahead that do not exist yet; answers how many this call created. */
export async function generateMissingSessions(ctx: ActionContext, club: ClubDoc, createdBy: string): Promise<number> {
  if (!club.schedule) return 0;
  const existing = await ctx.data.clubs.existingOccurrences(club._id, occurrenceDays(club.schedule, ctx.now, club.schedule.ahead));
  let created = 0;
  // A concurrent run inserting the same occurrence collides on the session's id, and only one counts it.
  for (const session of sessionsToGenerate(club, existing, createdBy, ctx.now)) {
    if (await ctx.data.clubs.insertSession(session)) created++;
  }
  return created;
}

export async function upcomingSessions(ctx: ActionContext, clubId: string): Promise<ClubSessionSummary[]> {
  const sessions = await ctx.data.clubs.sessions(clubId, 'upcoming', ctx.now, { offset: 0, limit: clubLimits.sessionsAhead });
  return sessions.map(toClubSession);
}
