import { z } from 'zod';
import { eventKinds, questionKinds, waitlistModes, type EventKind, type EventStatus, type WaitlistMode } from './vocabulary';
import type { QuestionKind } from './vocabulary';
import { eventLimits } from './event-limits';
import { base64ImagePattern, daySchema, idSchema, pageSchema, pageSizeSchema, requestIdSchema, type Instant, type Page } from './common';

export interface Venue {
  name: string;
  address: string;
}

export interface OrgRef {
  id: string;
  name: string;
}

export interface EventSummary {
  id: string;
  title: string;
  kind: EventKind;
  status: EventStatus;
  startAt: Instant;
  endAt: Instant;
  venue: Venue;
  /** The host first, then co-hosts. */
  hosts: OrgRef[];
  signupOpensAt: Instant;
  signupClosesAt: Instant;
  capacity: number;
  seatsTaken: number;
  waitlistCount: number;
  requiresApproval: boolean;
  membersOnly: boolean;
  /**
   * Set for team events (the orienteering race): the size limits of one team. A team takes one seat:
   * `capacity`, `seatsTaken` and `waitlistCount` count teams there.
   */
  team: { minSize: number; maxSize: number } | null;
  waitlistMode: WaitlistMode;
}

export interface ScheduleItem {
  time: string;
  title: string;
}

export interface EventQuestion {
  id: string;
  kind: QuestionKind;
  label: string;
  required: boolean;
  options: string[];
}

/** A speaker or guest listed on the event page (a salon's 嘉宾). */
export interface EventGuest {
  name: string;
  /** Job title and employer, as the guest wants to be introduced; may be empty. */
  title: string;
  /** What the guest speaks about; may be empty. */
  topic: string;
}

/** The summary an organizer posted after the event (活动回顾). */
export interface PostedSummary {
  text: string;
  /** Short-lived download URLs of the photos, in the order they were posted. */
  photoUrls: string[];
  postedAt: Instant;
}

export interface EventDetail extends EventSummary {
  description: string;
  schedule: ScheduleItem[];
  questions: EventQuestion[];
  /** Empty for events without guests. */
  guests: EventGuest[];
  /** null until an organizer posts one after the event has ended. */
  summary: PostedSummary | null;
  cancellationDeadline: Instant | null;
  /** Hours a waitlisted member has to claim an offered seat (waitlistMode 'offer'). */
  offerHours: number;
  /** Seats held for waitlisted members who have not claimed them yet. */
  openOffers: number;
  pendingCount: number;
  createdAt: Instant;
}

const instantSchema = z.iso.datetime({ offset: true, message: '时间格式不正确' });
const shortText = (max: number, label: string) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字`);

export { eventLimits };

const teamSizeSchema = z.number().int().min(eventLimits.teamSize.min).max(eventLimits.teamSize.max);

export const questionSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]{0,23}$/, '问题编号格式不正确'),
  kind: z.enum(questionKinds),
  label: shortText(eventLimits.questionLabel, '问题'),
  required: z.boolean(),
  options: z.array(shortText(eventLimits.optionText, '选项')).max(eventLimits.options, `选项不能超过 ${eventLimits.options} 个`).default([]),
});

/** What an organizer edits; times are instants (the editor turns Shanghai wall-clock input into them). */
export const eventFieldsSchema = z.strictObject({
  title: shortText(eventLimits.title, '活动名称'),
  kind: z.enum(eventKinds),
  description: z.string().trim().max(eventLimits.description, `活动介绍不能超过 ${eventLimits.description} 个字`).default(''),
  venue: z.strictObject({
    name: shortText(eventLimits.venueName, '场地名称'),
    address: z.string().trim().max(eventLimits.venueAddress, `地址不能超过 ${eventLimits.venueAddress} 个字`).default(''),
  }),
  startAt: instantSchema,
  endAt: instantSchema,
  signupOpensAt: instantSchema,
  signupClosesAt: instantSchema,
  cancellationDeadline: instantSchema.nullable().default(null),
  capacity: z.number().int().min(1, '名额至少为 1').max(eventLimits.capacity, `名额不能超过 ${eventLimits.capacity}`),
  requiresApproval: z.boolean().default(false),
  membersOnly: z.boolean().default(false),
  waitlistMode: z.enum(waitlistModes).default('auto'),
  offerHours: z.number().int().min(1).max(eventLimits.offerHours).default(eventLimits.defaultOfferHours),
  team: z
    .strictObject({ minSize: teamSizeSchema, maxSize: teamSizeSchema })
    .nullable()
    .default(null),
  questions: z.array(questionSchema).max(eventLimits.questions, `问题不能超过 ${eventLimits.questions} 个`).default([]),
  schedule: z
    .array(z.strictObject({ time: z.string().trim().min(1).max(eventLimits.scheduleTime), title: shortText(eventLimits.scheduleTitle, '日程内容') }))
    .max(eventLimits.schedule)
    .default([]),
  coHostOrgIds: z.array(idSchema).max(eventLimits.coHosts, `协办组织不能超过 ${eventLimits.coHosts} 个`).default([]),
  guests: z
    .array(
      z.strictObject({
        name: shortText(eventLimits.guestName, '嘉宾姓名'),
        title: z.string().trim().max(eventLimits.guestTitle, `嘉宾职务不能超过 ${eventLimits.guestTitle} 个字`).default(''),
        topic: z.string().trim().max(eventLimits.guestTopic, `分享主题不能超过 ${eventLimits.guestTopic} 个字`).default(''),
      }),
    )
    .max(eventLimits.guests, `嘉宾不能超过 ${eventLimits.guests} 位`)
    .default([]),
});
export type EventFieldsInput = z.input<typeof eventFieldsSchema>;
export type EventFields = z.output<typeof eventFieldsSchema>;

export const eventsInput = {
  list: z.strictObject({
    orgId: idSchema.optional(),
    kind: z.enum(eventKinds).optional(),
    /** First and last calendar day (Asia/Shanghai), inclusive; without `from` the list starts now. */
    from: daySchema.optional(),
    to: daySchema.optional(),
    page: pageSchema,
    pageSize: pageSizeSchema,
  }),
  get: z.strictObject({ id: idSchema }),
  /** Organizers: create a draft for an organisation they organize. */
  create: z.strictObject({ orgId: idSchema, requestId: requestIdSchema, fields: eventFieldsSchema }),
  update: z.strictObject({ id: idSchema, fields: eventFieldsSchema }),
  publish: z.strictObject({ id: idSchema }),
  closeSignup: z.strictObject({ id: idSchema }),
  cancelEvent: z.strictObject({ id: idSchema, message: z.string().trim().min(1, '请填写取消原因').max(200) }),
  /** Organizers: the events of the organisations they organize (drafts included), newest start first. */
  managed: z.strictObject({ page: pageSchema, pageSize: pageSizeSchema }),
  /**
   * Organizers of the host, once the event has ended: posts the summary, replacing any posted before. Photos are
   * PNG or JPEG, base64 (a data URL prefix is accepted), checked by their bytes in the function; the length cap
   * is twice the byte limit, so a photo just over it reaches the function and gets SUMMARY_PHOTO_TOO_LARGE.
   */
  postSummary: z.strictObject({
    id: idSchema,
    text: z.string().trim().min(1, '请填写活动回顾').max(eventLimits.summaryText, `活动回顾不能超过 ${eventLimits.summaryText} 个字`),
    photos: z
      .array(
        z
          .string()
          .min(1, '照片是空的')
          .max(Math.ceil((2 * eventLimits.summaryPhotoBytes * 4) / 3) + 64, `每张照片不能超过 ${eventLimits.summaryPhotoBytes / 1024} KB`)
          .regex(base64ImagePattern, '照片格式不正确，仅支持 PNG 或 JPEG'),
      )
      .max(eventLimits.summaryPhotos, `照片不能超过 ${eventLimits.summaryPhotos} 张`)
      .default([]),
  }),
};

export interface ManagedEvent extends EventSummary {
  pendingCount: number;
  openOffers: number;
}

export interface EventsOutput {
  list: Page<EventSummary>;
  get: EventDetail;
  create: EventDetail;
  update: EventDetail;
  publish: EventDetail;
  closeSignup: EventDetail;
  cancelEvent: EventDetail & { registrationsCancelled: number };
  managed: Page<ManagedEvent>;
  postSummary: EventDetail;
}
