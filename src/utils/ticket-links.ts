/** The member's check-in code for one event; kept import-free so entry buttons do not pull the code maker along. */
export function ticketPageUrl(eventId: string): string {
  return `/package-ticket/ticket/index?eventId=${encodeURIComponent(eventId)}`;
}

/** Scanning the venue's rotating code to check oneself in. */
export function selfCheckInPageUrl(eventId: string): string {
  return `/package-ticket/self-checkin/index?eventId=${encodeURIComponent(eventId)}`;
}
