import { deriveSecret } from '../shared/contract/ticket-code';
import { AppError } from '../shared/runtime';

export interface CodeSecrets {
  ticket(ticketId: string): string;
  venue(eventId: string): string;
}

/**
 * The secrets of tickets and venue codes, derived from the one server key (env XINLIAN_TICKET_KEY), so none is stored.
 * Without the key nothing can be issued or checked: the caller gets INTERNAL and the log says why.
 */
export function codeSecrets(): CodeSecrets {
  const serverKey = process.env.XINLIAN_TICKET_KEY;
  if (!serverKey) {
    console.error('[checkin] XINLIAN_TICKET_KEY is not set: tickets can be neither issued nor checked');
    throw new AppError('INTERNAL');
  }
  return {
    ticket: (ticketId) => deriveSecret(serverKey, 'ticket', ticketId),
    venue: (eventId) => deriveSecret(serverKey, 'venue', eventId),
  };
}
