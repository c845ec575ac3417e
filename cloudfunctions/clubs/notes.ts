import type { NoteView } from '../shared/contract/clubs';
import { collections, type ClubNoteDoc, type MemberDoc } from '../shared/data/documents';
import type { NoteAudience } from '../shared/data/clubs-repository';
import {
  afterDecision,
  afterReport,
  assertMayReport,
  membershipId,
  newNoteDoc,
  planNoteQuota,
  reportId,
  requireActiveMembership,
} from '../shared/domain/club-rules';
import { memberName, toNoteView, type NoteViewer } from '../shared/domain/club-views';
import { pageWindow } from '../shared/domain/paging';
import { AppError, type ActionContext, type Actions } from '../shared/runtime';
import { readingMember, requireClub } from './club-access';

type NoteActionName = 'notes' | 'postNote' | 'reportNote' | 'pinNote' | 'moderateNote';

/** Writes that race on one membership or one note re-read and try again this many times before answering CONFLICT. */
const attempts = 8;

async function requireNote(ctx: ActionContext, noteId: string): Promise<ClubNoteDoc> {
  const note = await ctx.data.clubs.findNote(noteId);
  if (!note) throw new AppError('NOT_FOUND');
  return note;
}

/** The note and the organizer acting on it: organizers of the club's organisation moderate its notes. */
async function moderatedNote(ctx: ActionContext, noteId: string): Promise<{ note: ClubNoteDoc; organizer: MemberDoc }> {
  const note = await requireNote(ctx, noteId);
  const club = await requireClub(ctx, note.clubId);
  await ctx.requireRole(club.orgId, 'organizer');
  return { note, organizer: (await ctx.member())! };
}

/** Notes as one viewer sees them, with their authors' names and whether the viewer reported each. */
async function viewNotes(ctx: ActionContext, notes: ClubNoteDoc[], viewer: NoteViewer): Promise<NoteView[]> {
  const [authors, reports] = await Promise.all([
    ctx.data.members.findByIds([...new Set(notes.map((note) => note.memberId))]),
    viewer.memberId === null ? [] : ctx.data.clubs.findReports(notes.map((note) => reportId(note._id, viewer.memberId!))),
  ]);
  const authorById = new Map(authors.map((author) => [author._id, author]));
  const reported = new Set(reports.map((report) => report.noteId));
  return notes.map((note) => toNoteView(note, viewer, memberName(authorById.get(note.memberId)), reported.has(note._id)));
}

async function viewNote(ctx: ActionContext, note: ClubNoteDoc, viewer: NoteViewer): Promise<NoteView> {
  return (await viewNotes(ctx, [note], viewer))[0];
}

/** Applies a revision-guarded change to a note, re-reading it when a concurrent report or decision got there first. */
async function changeNote(ctx: ActionContext, note: ClubNoteDoc, change: (current: ClubNoteDoc) => Partial<ClubNoteDoc> & { revision: number }): Promise<ClubNoteDoc> {
  let current = note;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const saved = await ctx.data.clubs.updateNote(current, change(current));
    if (saved) return saved;
    current = await requireNote(ctx, note._id);
  }
  throw new AppError('CONFLICT');
}

export const noteActions: Pick<Actions<'clubs'>, NoteActionName> = {
  notes: {
    access: 'anyone',
    async run(input, ctx) {
      const [club, member] = await Promise.all([requireClub(ctx, input.clubId), ctx.member()]);
      const org = member ? await ctx.data.orgs.findById(club.orgId) : null;
      const isOrganizer = org !== null && (await ctx.hasRole(org, 'organizer'));
      const audience: NoteAudience = isOrganizer ? { kind: 'all' } : { kind: 'members', authorId: member?._id ?? null };
      const rows = await ctx.data.clubs.listNotes(club._id, audience, pageWindow(input.page, input.pageSize));
      const items = await viewNotes(ctx, rows.slice(0, input.pageSize), { memberId: member?._id ?? null, isOrganizer });
      return { items, page: input.page, pageSize: input.pageSize, hasMore: rows.length > input.pageSize };
    },
  },

  postNote: {
    access: 'member',
    async run(input, ctx) {
      const member = await readingMember(ctx);
      const club = await requireClub(ctx, input.clubId);
      const id = membershipId(club._id, member._id);
      let membership = requireActiveMembership(await ctx.data.clubs.findMembership(id));
      if (!club.currentBook) throw new AppError('NO_CURRENT_BOOK');
      for (let attempt = 0; attempt < attempts; attempt++) {
        const quota = planNoteQuota(membership, ctx.now);
        if (quota.kind === 'limited') throw new AppError('NOTE_RATE_LIMITED');
        const counted = await ctx.data.clubs.takeNoteQuota(id, quota, ctx.now);
        if (counted) {
          // The note's id carries the count the write above reached, so no two notes of a member share one.
          const note = newNoteDoc(counted, club.currentBook.title, input, ctx.now);
          if (!(await ctx.data.clubs.insertNote(note))) throw new AppError('CONFLICT');
          return toNoteView(note, { memberId: member._id, isOrganizer: false }, member.profile.name, false);
        }
        membership = requireActiveMembership(await ctx.data.clubs.findMembership(id));
      }
      throw new AppError('CONFLICT');
    },
  },

  reportNote: {
    access: 'member',
    async run(input, ctx) {
      const member = await ctx.member();
      if (!member) throw new AppError('NOT_CLUB_MEMBER');
      const note = await requireNote(ctx, input.noteId);
      requireActiveMembership(await ctx.data.clubs.findMembership(membershipId(note.clubId, member._id)));
      const viewer = { memberId: member._id, isOrganizer: false };
      const id = reportId(note._id, member._id);
      // A repeat answers the note as it is, even if this member's report was the one that hid it.
      if ((await ctx.data.clubs.findReports([id])).length > 0) return viewNote(ctx, note, viewer);
      assertMayReport(note, member._id);
      if (!(await ctx.data.clubs.insertReport({ _id: id, noteId: note._id, clubId: note.clubId, memberId: member._id, at: ctx.now }))) {
        return viewNote(ctx, await requireNote(ctx, note._id), viewer);
      }
      return viewNote(ctx, await changeNote(ctx, note, afterReport), viewer);
    },
  },

  pinNote: {
    access: 'member',
    async run(input, ctx) {
      const { note, organizer } = await moderatedNote(ctx, input.noteId);
      const saved = await ctx.data.clubs.pinNote(note._id, input.pinned, ctx.now);
      if (!saved) throw new AppError('NOT_FOUND');
      ctx.audit({ collection: collections.clubNotes, id: note._id });
      return viewNote(ctx, saved, { memberId: organizer._id, isOrganizer: true });
    },
  },

  moderateNote: {
    access: 'member',
    async run(input, ctx) {
      const { note, organizer } = await moderatedNote(ctx, input.noteId);
      const saved = await changeNote(ctx, note, (current) => afterDecision(current, input.hidden, organizer._id, ctx.now));
      ctx.audit({ collection: collections.clubNotes, id: note._id });
      return viewNote(ctx, saved, { memberId: organizer._id, isOrganizer: true });
    },
  },
};
