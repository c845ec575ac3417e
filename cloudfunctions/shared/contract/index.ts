import type { z } from 'zod';
import { checkinInput, type CheckinOutput } from './checkin';
import { clubsInput, type ClubsOutput } from './clubs';
import { eventsInput, type EventsOutput } from './events';
import { membersInput, type MembersOutput } from './members';
import { orgsInput, type OrgsOutput } from './orgs';
import { pledgeInput, type PledgeOutput } from './pledge';
import { registrationsInput, type RegistrationsOutput } from './registrations';
import { reportsInput, type ReportsOutput } from './reports';

export * from './checkin';
export * from './clubs';
export * from './common';
export * from './errors';
export * from './events';
export * from './members';
export * from './orgs';
export * from './pledge';
export * from './registrations';
export * from './reports';
export * from './vocabulary';

/** Every function, its actions' input schemas, and their outputs: the one contract both sides import. */
export const contract = {
  members: membersInput,
  orgs: orgsInput,
  events: { ...eventsInput, ...registrationsInput },
  pledge: pledgeInput,
  checkin: checkinInput,
  clubs: clubsInput,
  reports: reportsInput,
};

interface Outputs {
  members: MembersOutput;
  orgs: OrgsOutput;
  events: EventsOutput & RegistrationsOutput;
  pledge: PledgeOutput;
  checkin: CheckinOutput;
  clubs: ClubsOutput;
  reports: ReportsOutput;
}

export type FunctionName = keyof typeof contract;
export type ActionName<F extends FunctionName> = keyof (typeof contract)[F] & keyof Outputs[F] & string;
/** What the caller sends (defaults may be left out). */
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = z.input<(typeof contract)[F][A] & z.ZodType>;
/** What the handler receives after validation (defaults filled in). */
export type ParsedInput<F extends FunctionName, A extends ActionName<F>> = z.output<(typeof contract)[F][A] & z.ZodType>;
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = Outputs[F][A];
