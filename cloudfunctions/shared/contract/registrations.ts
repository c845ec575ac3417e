import { z } from 'zod';
import { idSchema, pageSchema, pageSizeSchema, requestIdSchema, type Instant, type Page } from './common';
import type { EventKind, EventStatus, NotificationKind, RegistrationStatus, Sector } from './vocabulary';
import { registrationStatuses } from './vocabulary';
import { mobilePattern, profileLimits, profileMessages } from './profile-rules';
import type { EventSummary, Venue } from './events';
import { answerLimits, teamNameLimit } from './answer-rules';

/** Answers by question id: text for text and single choice, a list for multiple choice. */
export const answersSchema = z.record(
  z.string().regex(/^[a-z][a-z0-9-]{0,23}$/, '问题编号格式不正确'),
  z.union([
    z.string().trim().max(answerLimits.text, `回答不能超过 ${answerLimits.text} 个字`),
    z.array(z.string().max(answerLimits.choice)).max(answerLimits.choices),
  ]),
);
export type Answers = z.output<typeof answersSchema>;

/** Who comes: prefilled from the profile, editable for this event. */
export const contactSchema = z.strictObject({
  name: z.string().trim().min(1, profileMessages.nameRequired).max(profileLimits.name, profileMessages.nameTooLong),
  mobile: z.string().regex(mobilePattern, profileMessages.mobileInvalid),
});
export type Contact = z.output<typeof contactSchema>;

export const inviteCodeSchema = z
  .string()
  .trim()
  .transform((code) => code.toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9]{6}$/, '邀请码为 6 位字母或数字'));

const eventRef = z.strictObject({ eventId: idSchema });
const personQuerySchema = z.string().trim().min(1, '请输入姓名或手机号').max(20);

export const registrationsInput = {
  signup: z.strictObject({ eventId: idSchema, requestId: requestIdSchema, contact: contactSchema, answers: answersSchema.default({}) }),
  myRegistration: eventRef,
  myRegistrations: z.strictObject({ when: z.enum(['upcoming', 'past']), page: pageSchema, pageSize: pageSizeSchema }),
  cancel: eventRef,
  claimOffer: eventRef,
  declineOffer: eventRef,
  createTeam: z.strictObject({
    eventId: idSchema,
    requestId: requestIdSchema,
    teamName: z.string().trim().min(1, '请填写队名').max(teamNameLimit, `队名不能超过 ${teamNameLimit} 个字`),
    contact: contactSchema,
    answers: answersSchema.default({}),
  }),
  teamByCode: z.strictObject({ inviteCode: inviteCodeSchema }),
  joinTeam: z.strictObject({ inviteCode: inviteCodeSchema, contact: contactSchema, answers: answersSchema.default({}) }),
  disbandTeam: eventRef,
  /** Organizers of the event's host organisation. */
  registrations: z.strictObject({
    eventId: idSchema,
    status: z.enum(registrationStatuses).optional(),
    page: pageSchema,
    pageSize: pageSizeSchema,
  }),
  decide: z.strictObject({
    eventId: idSchema,
    memberId: idSchema,
    approve: z.boolean(),
    message: z.string().trim().max(200, '留言不能超过 200 个字').default(''),
  }),
  /** Organizers of the event's host organisation: people on its list by name, or by the last digits of their mobile. */
  searchRegistrations: z.strictObject({ eventId: idSchema, query: personQuerySchema }),
  findMembers: z.strictObject({ eventId: idSchema, query: personQuerySchema }),
  addMember: z.strictObject({ eventId: idSchema, memberId: idSchema }),
  setCapacity: z.strictObject({ eventId: idSchema, capacity: z.number().int().min(1, '名额至少为 1').max(5000, '名额不能超过 5000') }),
  checkCounters: eventRef,
  /** Run by the timer trigger (and harmless for anyone): passes offers whose claim deadline has gone. */
  expireOffers: z.strictObject({}),
};

export interface TeamMemberView {
  /** Masked for everyone but the member themselves. */
  name: string;
  isCaptain: boolean;
  isMe: boolean;
}

export interface TeamView {
  id: string;
  name: string;
  /** Shown to the team's members only. */
  inviteCode: string | null;
  size: number;
  minSize: number;
  maxSize: number;
  members: TeamMemberView[];
}

export interface MyRegistration {
  eventId: string;
  status: RegistrationStatus;
  /** 1 for the first in line; null unless waitlisted. */
  waitlistPosition: number | null;
  offerExpiresAt: Instant | null;
  contact: Contact;
  answers: Answers;
  team: TeamView | null;
  registeredAt: Instant;
  /** The organizer's message with an approval or rejection. */
  decisionMessage: string | null;
  /** Until when the member may cancel (or leave the waiting list) themselves; null once that has passed. */
  cancelUntil: Instant | null;
}

export interface MyRegistrationItem extends MyRegistration {
  /** `hasSummary`: an organizer posted a summary (活动回顾), which the event's page shows. */
  event: Pick<EventSummary, 'id' | 'title' | 'kind' | 'status' | 'startAt' | 'endAt'> & { venue: Venue; hasSummary: boolean };
}

export interface TeamPreview {
  eventId: string;
  eventTitle: string;
  eventKind: EventKind;
  eventStatus: EventStatus;
  eventStartAt: Instant;
  teamName: string;
  captainName: string;
  size: number;
  minSize: number;
  maxSize: number;
}

/** What organizers see of a registration: the mobile unmasked, since they phone people about the event. */
export interface RegistrationRow {
  memberId: string;
  name: string;
  mobile: string;
  sector: Sector | null;
  employer: string;
  /** The member's job title from their profile, so an organizer deciding on an application sees who applies. */
  title: string;
  status: RegistrationStatus;
  waitlistPosition: number | null;
  answers: Answers;
  team: { name: string; size: number; isCaptain: boolean } | null;
  registeredAt: Instant;
  addedByOrganizer: boolean;
  decisionMessage: string | null;
}

export interface MemberMatch {
  memberId: string;
  name: string;
  mobile: string;
  employer: string;
  /** Set when the member already has a registration for this event. */
  registrationStatus: RegistrationStatus | null;
}

export interface SeatCounters {
  seatsTaken: number;
  waitlistCount: number;
  openOffers: number;
  pendingCount: number;
}

export interface CounterCheck {
  eventId: string;
  /** What the event document says. */
  stored: SeatCounters;
  /** What the registrations say. */
  counted: SeatCounters;
  consistent: boolean;
  /** Sign-up numbers handed out whose registration never got written (a crash mid sign-up), now given back. */
  repairedSlots: number;
  /** Team places held for members whose join never got its row written (a crash mid join), now freed. */
  repairedTeamPlaces: number;
}

export interface Notification {
  id: string;
  kind: NotificationKind;
  eventId: string | null;
  title: string;
  body: string;
  createdAt: Instant;
  readAt: Instant | null;
}

export interface RegistrationsOutput {
  signup: MyRegistration;
  myRegistration: MyRegistration | null;
  myRegistrations: Page<MyRegistrationItem>;
  cancel: MyRegistration;
  claimOffer: MyRegistration;
  declineOffer: MyRegistration;
  createTeam: MyRegistration;
  teamByCode: TeamPreview;
  joinTeam: MyRegistration;
  disbandTeam: MyRegistration;
  registrations: Page<RegistrationRow> & { counters: SeatCounters; capacity: number };
  decide: RegistrationRow;
  searchRegistrations: RegistrationRow[];
  findMembers: MemberMatch[];
  addMember: RegistrationRow;
  setCapacity: SeatCounters & { capacity: number; promoted: number };
  checkCounters: CounterCheck;
  expireOffers: { expired: number };
}
