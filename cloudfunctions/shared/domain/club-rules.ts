import { createHash } from 'node:crypto';
import { clubLimits, type BookInput } from '../contract/clubs';
import type { ClubBookDoc, ClubDoc, ClubMemberDoc, ClubNoteDoc, NoteDecisionDoc, OrgDoc } from '../data/documents';
import { AppError } from './app-error';
import { addDays, shanghaiDayOf } from './club-schedule';
import { decodeBase64Image, imageExtension, imageFormatOf, type ImageFormat } from './image-format';

export function membershipId(clubId: string, memberId: string): string {
  return `${clubId}_${memberId}`;
}

/** The member's n-th note in the club, hashed into an id short enough for requests (club and member ids are long). */
export function noteId(membership: Pick<ClubMemberDoc, '_id'>, noteNumber: number): string {
  return `note-${createHash('sha256').update(`${membership._id}#${noteNumber}`).digest('hex').slice(0, 32)}`;
}

export function reportId(noteIdValue: string, memberId: string): string {
  return `${noteIdValue}_${memberId}`;
}

export interface ClubFields {
  name: string;
  description: string;
  memberCap: number | null;
}

export function newClubDoc(fields: ClubFields, org: Pick<OrgDoc, '_id' | 'name'>, createdBy: string, now: Date): Omit<ClubDoc, '_id'> {
  return {
    orgId: org._id,
    orgName: org.name,
    name: fields.name,
    description: fields.description,
    memberCap: fields.memberCap,
    memberCount: 0,
    currentBook: null,
    books: [],
    schedule: null,
    scheduleSetBy: null,
    createdBy,
    createdAt: now,
    updatedAt: now,
  };
}

/** A cap below the members a club has would leave it over full: members are never put out, so it is refused. */
export function assertMemberCap(memberCap: number | null, memberCount: number): void {
  if (memberCap !== null && memberCap < memberCount) {
    throw new AppError('VALIDATION_FAILED', `人数上限不能少于现有成员数（${memberCount} 人）`, 'memberCap');
  }
}

export function hasRoom(club: Pick<ClubDoc, 'memberCap' | 'memberCount'>): boolean {
  return club.memberCap === null || club.memberCount < club.memberCap;
}

export interface CoverImage {
  bytes: Buffer;
  format: ImageFormat;
  sha256: string;
}

/** Checks a cover photo: PNG or JPEG by its bytes, at most 1 MB. */
export function readCoverImage(encoded: string): CoverImage {
  const bytes = decodeBase64Image(encoded);
  if (bytes.length > clubLimits.coverBytes) throw new AppError('COVER_IMAGE_TOO_LARGE');
  const format = imageFormatOf(bytes);
  if (bytes.length === 0 || !format) throw new AppError('COVER_IMAGE_INVALID');
  return { bytes, format, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Content-addressed, so a retried upload of the same cover writes the same file. */
export function coverPath(cover: CoverImage): string {
  return `club-covers/${cover.sha256}.${imageExtension(cover.format)}`;
}

function sameBook(book: ClubBookDoc, input: BookInput): boolean {
  return book.title === input.title && book.author === input.author && book.isbn === input.isbn;
}

/**
 * The club's books after an organizer sets one. The same book again (a double tap, a corrected reason or cover) is
 * edited in place; another book becomes current and the one read until now moves to the history, finished now.
 */
export function withBook(club: Pick<ClubDoc, 'currentBook' | 'books'>, input: BookInput, coverFileId: string | null, now: Date): Pick<ClubDoc, 'currentBook' | 'books'> {
  const current = club.currentBook;
  if (current && sameBook(current, input)) {
    return { currentBook: { ...current, reason: input.reason, coverFileId: coverFileId ?? current.coverFileId }, books: club.books };
  }
  const book: ClubBookDoc = { title: input.title, author: input.author, isbn: input.isbn, coverFileId, reason: input.reason, startedAt: now, finishedAt: null };
  const books = current ? [{ ...current, finishedAt: now }, ...club.books] : club.books;
  return { currentBook: book, books: books.slice(0, clubLimits.booksKept) };
}

export function newMembership(clubId: string, memberId: string, now: Date): ClubMemberDoc {
  return {
    _id: membershipId(clubId, memberId),
    clubId,
    memberId,
    state: 'active',
    joinedAt: now,
    leftAt: null,
    noteCount: 0,
    lastNoteDay: null,
    lastDayNotes: 0,
    streakDays: 0,
    bestStreakDays: 0,
    updatedAt: now,
  };
}

export function requireActiveMembership(membership: ClubMemberDoc | null): ClubMemberDoc {
  if (!membership || membership.state !== 'active') throw new AppError('NOT_CLUB_MEMBER');
  return membership;
}

/**
 * How a note gets through the daily limit, as a conditional write on the membership read: another note the same
 * Shanghai day while under the limit, or the first note of a new day, which extends the streak when the last note
 * was yesterday and starts a new one otherwise.
 */
export type NoteQuota =
  | { kind: 'limited' }
  | { kind: 'sameDay'; day: string; limit: number }
  | { kind: 'newDay'; previousDay: string | null; changes: Pick<ClubMemberDoc, 'lastNoteDay' | 'lastDayNotes' | 'streakDays' | 'bestStreakDays'> };

export function planNoteQuota(membership: ClubMemberDoc, now: Date): NoteQuota {
  const today = shanghaiDayOf(now);
  if (membership.lastNoteDay === today) {
    return membership.lastDayNotes >= clubLimits.notesPerDay ? { kind: 'limited' } : { kind: 'sameDay', day: today, limit: clubLimits.notesPerDay };
  }
  const streakDays = membership.lastNoteDay === addDays(today, -1) ? membership.streakDays + 1 : 1;
  return {
    kind: 'newDay',
    previousDay: membership.lastNoteDay,
    changes: { lastNoteDay: today, lastDayNotes: 1, streakDays, bestStreakDays: Math.max(membership.bestStreakDays, streakDays) },
  };
}

/** The streak as of now: it lasts while the latest note was today or yesterday, and is over after a day without one. */
export function currentStreak(membership: Pick<ClubMemberDoc, 'lastNoteDay' | 'streakDays'>, now: Date): number {
  const today = shanghaiDayOf(now);
  return membership.lastNoteDay === today || membership.lastNoteDay === addDays(today, -1) ? membership.streakDays : 0;
}

export interface NewNote {
  text: string;
  quote: string;
  page: number | null;
}

export function newNoteDoc(membership: ClubMemberDoc, bookTitle: string, note: NewNote, now: Date): ClubNoteDoc {
  return {
    _id: noteId(membership, membership.noteCount),
    clubId: membership.clubId,
    memberId: membership.memberId,
    bookTitle,
    text: note.text,
    quote: note.quote,
    page: note.page,
    createdAt: now,
    pinned: false,
    pinnedAt: null,
    reportCount: 0,
    decision: null,
    visible: true,
    revision: 0,
  };
}

/** Reports since the organizers last decided (all of them, before any decision). */
function undecidedReports(note: Pick<ClubNoteDoc, 'reportCount' | 'decision'>): number {
  return note.reportCount - (note.decision?.reportsAtDecision ?? 0);
}

/**
 * Hidden by reports: enough reports since the last decision. A note shown again after a decision is hidden again
 * only by as many new reports.
 */
export function awaitsDecision(note: Pick<ClubNoteDoc, 'reportCount' | 'decision'>): boolean {
  return note.decision?.hidden !== true && undecidedReports(note) >= clubLimits.reportsToHide;
}

/** Whether members other than the author see the note. */
export function isVisibleToMembers(note: Pick<ClubNoteDoc, 'reportCount' | 'decision'>): boolean {
  return note.decision?.hidden !== true && !awaitsDecision(note);
}

/** What one more report writes, guarded by the revision read. */
export function afterReport(note: ClubNoteDoc): Pick<ClubNoteDoc, 'reportCount' | 'visible' | 'revision'> {
  const reportCount = note.reportCount + 1;
  return { reportCount, visible: isVisibleToMembers({ reportCount, decision: note.decision }), revision: note.revision + 1 };
}

/** What an organizer's decision writes: it settles every report made so far. */
export function afterDecision(note: ClubNoteDoc, hidden: boolean, decidedBy: string, now: Date): Pick<ClubNoteDoc, 'decision' | 'visible' | 'revision'> {
  const decision: NoteDecisionDoc = { hidden, decidedBy, decidedAt: now, reportsAtDecision: note.reportCount };
  return { decision, visible: !hidden, revision: note.revision + 1 };
}

/** A member reports other members' notes they can see, and not their own. */
export function assertMayReport(note: ClubNoteDoc, memberId: string): void {
  if (note.memberId === memberId) throw new AppError('FORBIDDEN', '不能举报自己的笔记');
  if (!note.visible) throw new AppError('NOT_FOUND');
}
