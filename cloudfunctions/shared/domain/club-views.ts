import type { BookView, ClubDetail, ClubSessionSummary, ClubSummary, MyReading, NoteView } from '../contract/clubs';
import type { ClubBookDoc, ClubDoc, ClubMemberDoc, ClubNoteDoc, EventDoc, MemberDoc } from '../data/documents';
import { awaitsDecision, currentStreak } from './club-rules';
import { scheduleText } from './club-schedule';
import { toEventSummary, toInstant } from './mapping';

/** The name a note or a figure shows for a member whose account is gone. */
export const erasedMemberName = '已注销会员';

export function memberName(member: Pick<MemberDoc, 'profile'> | undefined): string {
  return member?.profile?.name || erasedMemberName;
}

export function coverFileIds(clubs: Pick<ClubDoc, 'currentBook' | 'books'>[], withHistory: boolean): string[] {
  return clubs.flatMap((club) => [club.currentBook, ...(withHistory ? club.books : [])].flatMap((book) => (book?.coverFileId ? [book.coverFileId] : [])));
}

export function toBookView(book: ClubBookDoc, coverUrls: ReadonlyMap<string, string>): BookView {
  return {
    title: book.title,
    author: book.author,
    isbn: book.isbn,
    coverUrl: book.coverFileId ? (coverUrls.get(book.coverFileId) ?? null) : null,
    reason: book.reason,
    startedAt: toInstant(book.startedAt),
    finishedAt: book.finishedAt ? toInstant(book.finishedAt) : null,
  };
}

export function toClubSession(session: EventDoc): ClubSessionSummary {
  return { ...toEventSummary(session), topic: session.clubSession?.topic ?? '', occurrence: session.clubSession?.occurrence ?? '' };
}

/** The next session members can still go to: not cancelled and not over. */
export function nextSessionOf(sessions: EventDoc[], clubId: string, now: Date): EventDoc | null {
  return sessions.find((session) => session.clubSession?.clubId === clubId && session.status !== 'cancelled' && session.endAt > now) ?? null;
}

export interface ClubSummaryParts {
  nextSession: EventDoc | null;
  joined: boolean;
  coverUrls: ReadonlyMap<string, string>;
}

export function toClubSummary(club: ClubDoc, parts: ClubSummaryParts): ClubSummary {
  return {
    id: club._id,
    orgId: club.orgId,
    orgName: club.orgName,
    name: club.name,
    description: club.description,
    memberCount: club.memberCount,
    memberCap: club.memberCap,
    currentBook: club.currentBook ? toBookView(club.currentBook, parts.coverUrls) : null,
    nextSession: parts.nextSession ? toClubSession(parts.nextSession) : null,
    joined: parts.joined,
  };
}

export interface ClubDetailParts {
  upcoming: EventDoc[];
  membership: ClubMemberDoc | null;
  canManage: boolean;
  coverUrls: ReadonlyMap<string, string>;
  now: Date;
}

export function toClubDetail(club: ClubDoc, parts: ClubDetailParts): ClubDetail {
  const { membership, now } = parts;
  return {
    ...toClubSummary(club, { nextSession: nextSessionOf(parts.upcoming, club._id, now), joined: membership?.state === 'active', coverUrls: parts.coverUrls }),
    books: club.books.map((book) => toBookView(book, parts.coverUrls)),
    schedule: club.schedule,
    scheduleText: club.schedule ? scheduleText(club.schedule) : null,
    upcomingSessions: parts.upcoming.map(toClubSession),
    canManage: parts.canManage,
    myNotes: membership ? { count: membership.noteCount, streakDays: currentStreak(membership, now) } : null,
  };
}

export interface NoteViewer {
  memberId: string | null;
  isOrganizer: boolean;
}

export function toNoteView(note: ClubNoteDoc, viewer: NoteViewer, authorName: string, reportedByMe: boolean): NoteView {
  const isMine = viewer.memberId === note.memberId;
  return {
    id: note._id,
    clubId: note.clubId,
    authorName,
    isMine,
    bookTitle: note.bookTitle,
    text: note.text,
    quote: note.quote,
    page: note.page,
    createdAt: toInstant(note.createdAt),
    pinned: note.pinned,
    hidden: (viewer.isOrganizer || isMine) && !note.visible,
    awaitingDecision: viewer.isOrganizer && awaitsDecision(note),
    reportCount: viewer.isOrganizer ? note.reportCount : 0,
    reportedByMe,
  };
}

export function toMyReading(memberships: ClubMemberDoc[], clubs: Pick<ClubDoc, '_id' | 'name'>[], now: Date): MyReading {
  const nameOf = new Map(clubs.map((club) => [club._id, club.name]));
  const active = memberships.filter((membership) => membership.state === 'active' && nameOf.has(membership.clubId));
  return {
    clubs: active.map((membership) => ({
      clubId: membership.clubId,
      name: nameOf.get(membership.clubId)!,
      count: membership.noteCount,
      streakDays: currentStreak(membership, now),
    })),
    totalNotes: memberships.reduce((sum, membership) => sum + membership.noteCount, 0),
    longestStreakDays: memberships.reduce((longest, membership) => Math.max(longest, membership.bestStreakDays), 0),
  };
}
