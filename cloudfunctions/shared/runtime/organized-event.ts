import type { EventDoc } from '../data/documents';
import { AppError } from '../domain/app-error';
import type { ActionContext } from './action-context';

/** The event, if the caller organizes its host organisation (or one above it); writes after it are audited. */
export async function organizedEvent(ctx: ActionContext, eventId: string): Promise<EventDoc> {
  const event = await ctx.data.events.findById(eventId);
  if (!event) throw new AppError('NOT_FOUND');
  await ctx.requireRole(event.orgId, 'organizer');
  return event;
}
