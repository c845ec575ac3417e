import { z } from 'zod';
import { eventKinds, type EventKind, type EventStatus, type questionKinds } from './vocabulary';
import { daySchema, idSchema, pageSchema, pageSizeSchema, type Instant, type Page } from './common';

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
  /** Set for team events (the orienteering race): the size limits of one team. */
  team: { minSize: number; maxSize: number } | null;
}

export interface ScheduleItem {
  time: string;
  title: string;
}

export interface EventQuestion {
  id: string;
  kind: (typeof questionKinds)[number];
  label: string;
  required: boolean;
  options: string[];
}

export interface EventDetail extends EventSummary {
  description: string;
  schedule: ScheduleItem[];
  questions: EventQuestion[];
  cancellationDeadline: Instant | null;
  createdAt: Instant;
}

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
};

export interface EventsOutput {
  list: Page<EventSummary>;
  get: EventDetail;
}
