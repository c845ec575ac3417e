import type { EventKind, EventStatus, GrantableRole, NotificationKind, OrgKind, Sector, WaitlistMode } from '../contract/vocabulary';
import type { Answers, Contact } from '../contract/registrations';
import type { EventGuest, EventQuestion, ScheduleItem, Venue } from '../contract/events';
import type { PledgeArticle } from '../contract/pledge';
import type { ClubSchedule } from '../contract/clubs';

/**
 * The shapes stored in CloudBase collections. Instants are Date objects (UTC); the data layer turns
 * them into ISO strings for the contract.
 */

export interface MemberProfileFields {
  name: string;
  mobile: string;
  sector: Sector;
  employer: string;
  title: string;
}

/** `members`: one per person. The WeChat OPENID is a looked-up attribute, not the id, so an account can be erased. */
export interface MemberDoc {
  _id: string;
  openId: string | null;
  profile: MemberProfileFields | null;
  orgIds: string[];
  roles: { orgId: string; role: GrantableRole }[];
  privacyAcceptedVersion: string | null;
  privacyAcceptedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** Set when the member deleted their account: the profile and OPENID are gone, the id stays for what others still need. */
  deletedAt: Date | null;
}

/** `orgs`: the 1+6+N tree. `ancestorIds` runs root-first so "organizers reach descendants" is one array test. */
export interface OrgDoc {
  _id: string;
  name: string;
  kind: OrgKind;
  parentId: string | null;
  ancestorIds: string[];
  description: string;
  memberCount: number;
  order: number;
}

/** `events`. Host names are copied in so a list needs no second query. */
export interface EventDoc {
  _id: string;
  title: string;
  kind: EventKind;
  status: EventStatus;
  orgId: string;
  coHostOrgIds: string[];
  /** orgId followed by coHostOrgIds: what an organisation filter matches. */
  hostOrgIds: string[];
  hosts: { id: string; name: string }[];
  description: string;
  venue: Venue;
  startAt: Date;
  endAt: Date;
  signupOpensAt: Date;
  signupClosesAt: Date;
  cancellationDeadline: Date | null;
  capacity: number;
  requiresApproval: boolean;
  membersOnly: boolean;
  team: { minSize: number; maxSize: number } | null;
  waitlistMode: WaitlistMode;
  offerHours: number;
  /** The seat ledger; its fields and invariants are explained in domain/seat-ledger.ts. */
  arrivals: number;
  admitThrough: number;
  releasedSlots: number;
  seatDebt: number;
  deadWaiting: number;
  openOffers: number;
  pendingCount: number;
  questions: EventQuestion[];
  schedule: ScheduleItem[];
  /** Speakers and guests; absent on events stored before guests existed, which read as none. */
  guests?: EventGuest[];
  /** The summary posted after the event; absent or null until then. */
  summary?: PostedSummaryDoc | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  /** Set when the event is a session of a reading club (generated from its schedule, see domain/club-schedule.ts). */
  clubSession?: ClubSessionRef | null;
}

/**
 * An event's posted summary. `postId` is new for every post: the photos are stored under it, so a post never shares
 * a file with the one it replaces, and the replacing write is conditional on the `postId` it read.
 */
export interface PostedSummaryDoc {
  postId: string;
  text: string;
  /** File storage ids, in the order posted. */
  photoFileIds: string[];
  postedAt: Date;
  postedBy: string;
}

/** `audit`: every write made with an organizer's, steward's or admin's authority. */
export interface AuditDoc {
  _id: string;
  actorMemberId: string;
  actorRole: GrantableRole;
  function: string;
  action: string;
  orgId: string | null;
  target: { collection: string; id: string };
  at: Date;
}

/**
 * `pledgeVersions`: the pledge text, one document per version. Ids are `pledge-v<version>`, so the single
 * draft is the next version's id and two saves of a draft cannot make two drafts.
 */
export interface PledgeVersionDoc {
  _id: string;
  version: number;
  title: string;
  preamble: string;
  articles: PledgeArticle[];
  changeNote: string;
  status: 'draft' | 'published' | 'retired';
  publishedAt: Date | null;
  /** Valid (not withdrawn) signatures of this version, moved in the transaction that adds or withdraws one. */
  signatureCount: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * `pledgeSignatures`: one per signing, never deleted. `_id` is `<versionId>_<memberId>` (a repeat collides),
 * with `_r<n>` added when a member signs a version again after withdrawing. Every field except `status` and
 * `withdrawnAt` is immutable and covered by `hash`; `seq`, `prevHash` and `hash` place it in the chain.
 * "superseded" is not stored: it is a valid signature of a version older than the published one.
 */
export interface PledgeSignatureDoc {
  _id: string;
  serial: string;
  seq: number;
  versionId: string;
  version: number;
  title: string;
  memberId: string;
  name: string;
  employer: string;
  sector: Sector;
  platform: string;
  account: string;
  /** The signer's organisations and all above them, as they were when signing: what organizers count and list by. */
  orgIds: string[];
  imageFileId: string;
  imageSha256: string;
  signedAt: Date;
  prevHash: string;
  hash: string;
  status: 'valid' | 'withdrawn';
  withdrawnAt: Date | null;
}

/** `pledgeWithdrawals`: a withdrawal is a chain entry of its own (id = the signature's id), so a status change is tamper-evident. */
export interface PledgeWithdrawalDoc {
  _id: string;
  seq: number;
  signatureId: string;
  serial: string;
  memberId: string;
  withdrawnAt: Date;
  prevHash: string;
  hash: string;
}

/** `pledgeChain`: the single document `head`, the last entry's position and hash, moved in every chain transaction. */
export interface PledgeChainHeadDoc {
  _id: string;
  seq: number;
  hash: string;
}

/**
 * `registrations`: one per member per event, id `<eventId>_<memberId>`, so a second sign-up collides. A team is an
 * entry of its own (`<eventId>_team_<code>`, kind 'team') holding the team's sign-up number; its members' rows
 * (kind 'teammate') point at it. `arrival` is the entry's sign-up number while it is active; whether that number is
 * seated or waiting follows from the event's ledger, so a sign-up never has to write the event twice.
 */
export interface RegistrationDoc {
  _id: string;
  eventId: string;
  kind: 'person' | 'team' | 'teammate';
  /** The member (for a team: its captain). */
  memberId: string;
  state: 'pending' | 'active' | 'cancelled' | 'rejected' | 'expired';
  arrival: number | null;
  /** The team entry's id, on teams and teammates. */
  teamId: string | null;
  /** On a team entry: `size` members, whose ids are `memberIds` (so that a repeated join or leave is not counted twice). */
  team: { name: string; inviteCode: string; size: number; minSize: number; maxSize: number; memberIds: string[] } | null;
  contact: Contact;
  answers: Answers;
  requestId: string | null;
  /** A freed seat held for this entry until `expiresAt` (waitlist mode 'offer'). */
  offer: { offeredAt: Date; expiresAt: Date; claimedAt: Date | null } | null;
  decisionMessage: string | null;
  addedBy: string | null;
  /** Copied from the event so "my registrations" lists and orders without a second query; kept in step by event edits. */
  event: { title: string; kind: EventKind; startAt: Date; endAt: Date; venue: Venue };
  createdAt: Date;
  updatedAt: Date;
  cancelledAt: Date | null;
  /**
   * Set when the member first opens the ticket of a confirmed registration. A seated entry only leaves its seat by
   * ending, so "ticket issued and still active" is "confirmed", and a scan can check it in one conditional write.
   */
  ticketIssuedAt?: Date | null;
  /** The check-in that counts; a scan redeems only while this is null. */
  checkin?: CheckinDoc | null;
  /** Check-ins undone by an organizer, kept as they were. */
  undoneCheckins?: (CheckinDoc & { undoneAt: Date; undoneBy: string; reason: string })[];
  /** The team's name, copied from the team entry when the ticket is issued, so a scan names the team in its one write. */
  teamName?: string | null;
}

/** Where a registration keeps the name and mobile given at sign-up, for searches by either. */
export const registrationContactFields = { name: 'contact.name', mobile: 'contact.mobile' };

/** One check-in: when (the scan's own time, for offline scans), by whom, on which device, and the scan's nonce. */
export interface CheckinDoc {
  at: Date;
  recordedAt: Date;
  byMemberId: string;
  byName: string;
  device: string;
  nonce: string;
  source: 'scan' | 'offline' | 'hand' | 'self';
}

/** `eventStaff`: who may scan at an event, id `<eventId>_<memberId>`; the OPENID is copied in so one query finds the caller's authority. */
export interface EventStaffDoc {
  _id: string;
  eventId: string;
  memberId: string;
  openId: string;
  name: string;
  role: 'steward' | 'organizer';
  assignedBy: string;
  assignedAt: Date;
  /** The event's check-in window, copied in (and moved by event edits) so a scan needs no read of the event. */
  checkInOpensAt: Date;
  checkInClosesAt: Date;
}

/** `scanLog`: scans that did not check anyone in (accepted ones are the registration's `checkin`), and offline conflicts. */
export interface ScanLogDoc {
  _id: string;
  eventId: string;
  registrationId: string | null;
  attendeeName: string | null;
  stewardMemberId: string;
  stewardName: string;
  device: string;
  nonce: string;
  source: 'scan' | 'offline' | 'hand' | 'self';
  rejection: string;
  scannedAt: Date;
  at: Date;
}

/**
 * `vacatedSlots`: a sign-up number that no longer holds anyone (cancelled, rejected, expired offer, a double tap's
 * spare number). Id `<eventId>_<slot>`. `released` turns true exactly once, by whoever moves the ledger for it.
 */
export interface VacatedSlotDoc {
  _id: string;
  eventId: string;
  slot: number;
  reason: 'cancelled' | 'declined' | 'expired' | 'unused' | 'lost' | 'disbanded';
  released: boolean;
  at: Date;
}

/** `notifications`: what a member is told; the reminders work delivers them as WeChat subscribe messages. */
export interface NotificationDoc {
  _id: string;
  memberId: string;
  kind: NotificationKind;
  eventId: string | null;
  title: string;
  body: string;
  createdAt: Date;
  readAt: Date | null;
  deliveredAt: Date | null;
}

/** What makes an event a reading club's session. Its id is `club-<clubId>-<occurrence>`, so generating twice is a no-op. */
export interface ClubSessionRef {
  clubId: string;
  /** The Shanghai day (YYYY-MM-DD) the schedule put the session on; kept when it is moved, so it is never generated again. */
  occurrence: string;
  /** The chapter or topic of the session. */
  topic: string;
}

export interface ClubBookDoc {
  title: string;
  author: string;
  isbn: string;
  coverFileId: string | null;
  reason: string;
  startedAt: Date;
  finishedAt: Date | null;
}

/** `clubs`: a reading club of an organisation. `memberCount` moves in the same conditional write that admits a member. */
export interface ClubDoc {
  _id: string;
  orgId: string;
  /** Copied in so a list needs no second query. */
  orgName: string;
  name: string;
  description: string;
  memberCap: number | null;
  memberCount: number;
  currentBook: ClubBookDoc | null;
  /** Books read before the current one, the latest first. */
  books: ClubBookDoc[];
  schedule: ClubSchedule | null;
  /** Who set the schedule: the creator of the sessions generated from it. */
  scheduleSetBy: string | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * `clubMembers`: one per member per club, id `<clubId>_<memberId>`, kept when they leave (their notes stay theirs).
 * The note counters move in the conditional write that lets a note through the daily limit.
 */
export interface ClubMemberDoc {
  _id: string;
  clubId: string;
  memberId: string;
  state: 'active' | 'left';
  joinedAt: Date;
  leftAt: Date | null;
  noteCount: number;
  /** The Shanghai day of the latest note, and how many notes were posted that day. */
  lastNoteDay: string | null;
  lastDayNotes: number;
  /** Consecutive Shanghai days with a note, ending on `lastNoteDay`. */
  streakDays: number;
  bestStreakDays: number;
  updatedAt: Date;
}

/** An organizer's decision on a note: hidden or shown, and how many reports it had then. */
export interface NoteDecisionDoc {
  hidden: boolean;
  decidedBy: string;
  decidedAt: Date;
  reportsAtDecision: number;
}

/**
 * `clubNotes`: the id is derived from the membership and the member's note number (see `noteId`), so it is never reused. `visible` (what members other
 * than the author see) follows from `reportCount` and `decision` and is written with them, guarded by `revision`.
 */
export interface ClubNoteDoc {
  _id: string;
  clubId: string;
  memberId: string;
  bookTitle: string;
  text: string;
  quote: string;
  page: number | null;
  createdAt: Date;
  pinned: boolean;
  pinnedAt: Date | null;
  reportCount: number;
  decision: NoteDecisionDoc | null;
  visible: boolean;
  revision: number;
}

/** `noteReports`: id `<noteId>_<memberId>`, so a member reports a note once. */
export interface NoteReportDoc {
  _id: string;
  noteId: string;
  clubId: string;
  memberId: string;
  at: Date;
}

/**
 * `exportFiles`: a spreadsheet of personal data an organizer exported, kept in file storage only until
 * `deleteAfter`, when the reports function's timer deletes the file and this record.
 */
export interface ExportFileDoc {
  _id: string;
  fileId: string;
  eventId: string;
  memberId: string;
  createdAt: Date;
  deleteAfter: Date;
}

export const collections = {
  members: 'members',
  orgs: 'orgs',
  events: 'events',
  audit: 'audit',
  pledgeVersions: 'pledgeVersions',
  pledgeSignatures: 'pledgeSignatures',
  pledgeWithdrawals: 'pledgeWithdrawals',
  pledgeChain: 'pledgeChain',
  registrations: 'registrations',
  vacatedSlots: 'vacatedSlots',
  notifications: 'notifications',
  eventStaff: 'eventStaff',
  scanLog: 'scanLog',
  clubs: 'clubs',
  clubMembers: 'clubMembers',
  clubNotes: 'clubNotes',
  noteReports: 'noteReports',
  exportFiles: 'exportFiles',
} as const;
