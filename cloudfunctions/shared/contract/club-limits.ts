/** Reading-club limits, zod-free so the club editors and the note editor count with the numbers the server enforces. */
export const clubLimits = {
  clubName: 30,
  description: 500,
  memberCap: { min: 2, max: 2000 },
  bookTitle: 60,
  author: 40,
  reason: 300,
  /** A cover photo's data URL: a 1 MB image in base64 plus its prefix. */
  coverDataUrl: 1_400_000,
  coverBytes: 1024 * 1024,
  /** Finished books a club keeps in its history. */
  booksKept: 50,
  noteText: 1000,
  quote: 200,
  /** Notes one member may post to one club in a Shanghai day. */
  notesPerDay: 5,
  /** Reports that hide a note until an organizer decides. */
  reportsToHide: 3,
  sessionsAhead: 12,
  topic: 60,
  venueName: 60,
  venueAddress: 120,
  seats: 500,
  /** Past sessions the organizers' figures cover, the latest first. */
  statsSessions: 20,
  /** A member who posted a note within this many days is an active reader. */
  activeReaderDays: 30,
} as const;
