import { z } from 'zod';
import { idSchema, type Instant } from './common';

/**
 * The `reports` function: files organizers take away. It stands apart from `events` so the spreadsheet library it
 * carries never slows the sign-up function's cold start.
 */
export const reportsInput = {
  /** Organizers of the event's host organisation (or one above it): every registration as an Excel file. */
  exportRegistrations: z.strictObject({ eventId: idSchema }),
  /** Run by the timer trigger (and harmless for anyone): deletes exported files past their deadline. */
  removeExpiredExports: z.strictObject({}),
};

/** A spreadsheet of an event's registrations, downloadable until `urlExpiresAt`. */
export interface RegistrationExport {
  url: string;
  fileName: string;
  /** People listed, one row each. */
  people: number;
  urlExpiresAt: Instant;
}

export interface ReportsOutput {
  exportRegistrations: RegistrationExport;
  removeExpiredExports: { removed: number };
}
