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
  /** Speakers and guests listed on the event page (a salon's 嘉宾). */
  guests: 10,
  guestName: 20,
  guestTitle: 40,
  guestTopic: 60,
  /**
   * The summary an organizer posts after the event (活动回顾): text, and photos checked as PNG or JPEG. The photos
   * travel inside one function call, so the page compresses each to this size first: six of them stay under the
   * request limits of a cloud function call and of the local host.
   */
  summaryText: 2000,
  summaryPhotos: 6,
  summaryPhotoBytes: 200 * 1024,
} as const;

/** The most people an organizer's search of an event's list answers: a search is for finding someone, not listing. */
export const registrationSearchLimit = 20;
