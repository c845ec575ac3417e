/** What an event may hold, zod-free so the organizer's editor checks with the limits the server's schema enforces. */
export const eventLimits = {
  title: 60,
  description: 4000,
  venueName: 60,
  venueAddress: 120,
  questions: 10,
  questionLabel: 60,
  options: 12,
  optionText: 30,
  /** A choice question needs at least this many options. */
  minChoices: 2,
  schedule: 20,
  scheduleTime: 20,
  scheduleTitle: 60,
  capacity: 5000,
  coHosts: 5,
  offerHours: 168,
  defaultOfferHours: 24,
  teamSize: { min: 2, max: 20 },
  /** An event lasts at most this many days (which also bounds how far back "from now" lists must look). */
  maxDays: 14,
} as const;
