import type { EventDetail, ManagedEvent } from '../shared/contract/events';
import { requestedDocumentId } from '../shared/data/database';
import { collections, type EventDoc, type OrgDoc } from '../shared/data/documents';
import { checkInWindow } from '../shared/domain/checkin-rules';
import { isPublicEvent } from '../shared/domain/event-listing';
import {
  assertEditable,
  assertEventFields,
  assertLockedSettings,
  assertSummaryPostable,
  closedSignupWindow,
  decideTransition,
  eventHosts,
  hostFields,
  ledgerShowsRegistrations,
  managedOrgIds,
  needsOrgTree,
  newEventDoc,
  planEventEdit,
  transitionTargets,
  type EventEdit,
} from '../shared/domain/event-rules';
import { summaryPhotoIds, toEventDetail, toEventSummary } from '../shared/domain/mapping';
import { pageWindow, toPage } from '../shared/domain/paging';
import { newSummaryPostId, readSummaryPhotos, summaryPhotoPath } from '../shared/domain/summary-photos';
import { AppError, type ActionContext, type Actions } from '../shared/runtime';

type ManagementActionName = 'create' | 'update' | 'publish' | 'closeSignup' | 'cancelEvent' | 'managed' | 'postSummary';

/** The event as members see it, with download URLs for its summary's photos (a storage call only when it has any). */
export async function eventDetail(ctx: ActionContext, event: EventDoc): Promise<EventDetail> {
  const photoIds = summaryPhotoIds(event);
  return toEventDetail(event, photoIds.length === 0 ? new Map() : await ctx.data.eventPhotos.urls(photoIds));
}

/** The event and its host, once the caller is known to organize it; as in `get`, a draft does not exist for anyone else. */
async function organizedEvent(ctx: ActionContext, eventId: string): Promise<{ event: EventDoc; host: OrgDoc }> {
  const [event] = await Promise.all([ctx.data.events.findById(eventId), ctx.member()]);
  if (!event) throw new AppError('NOT_FOUND');
  const host = await ctx.data.orgs.findById(event.orgId);
  if (!host) throw new AppError('NOT_FOUND');
  if (!isPublicEvent(event) && !(await ctx.hasRole(host, 'organizer'))) throw new AppError('NOT_FOUND');
  await ctx.requireRole(host, 'organizer');
  return { event, host };
}

async function hostsOf(ctx: ActionContext, host: OrgDoc, coHostOrgIds: string[]) {
  return eventHosts(host, coHostOrgIds, await ctx.data.orgs.findByIds(coHostOrgIds));
}

/** The ledger counts numbered and pending sign-ups; a team still below its minimum has no number yet, so it is looked up. */
async function anyoneRegistered(ctx: ActionContext, event: EventDoc): Promise<boolean> {
  if (ledgerShowsRegistrations(event)) return true;
  if (event.team === null) return false;
  const forming = await ctx.data.registrations.listForEvent(event._id, { kind: 'forming' }, ['team'], { offset: 0, limit: 1 });
  return forming.length > 0;
}

/** Why an edit's conditional write matched nothing: the event was cancelled, ended or signed up for in between. */
async function explainLostEdit(ctx: ActionContext, eventId: string, edit: EventEdit): Promise<never> {
  const fresh = await ctx.data.events.findById(eventId);
  if (!fresh) throw new AppError('NOT_FOUND');
  assertEditable(fresh, ctx.now);
  assertLockedSettings(edit, ledgerShowsRegistrations(fresh));
  throw new AppError('CONFLICT');
}

/**
 * Moves the event to the status a transition leads to. Two taps racing: the loser's conditional write matches
 * nothing, and it answers the event as the winner left it.
 */
async function applyTransition(ctx: ActionContext, event: EventDoc, transition: 'publish' | 'closeSignup'): Promise<EventDoc> {
  if (decideTransition(event, transition, ctx.now) === 'repeat') return event;
  const status = transitionTargets[transition];
  const changes = transition === 'closeSignup' ? { status, ...closedSignupWindow(event, ctx.now) } : { status };
  const moved = await ctx.data.events.changeStatus(event._id, [event.status], changes, ctx.now);
  if (moved) {
    ctx.audit({ collection: collections.events, id: event._id });
    return moved;
  }
  const fresh = await ctx.data.events.findById(event._id);
  if (fresh && decideTransition(fresh, transition, ctx.now) === 'repeat') return fresh;
  throw new AppError('CONFLICT');
}

/** Photos no summary shows; the post stands whether or not storage deletes them, so a refusal is only logged. */
async function removePhotos(ctx: ActionContext, eventId: string, fileIds: string[]): Promise<void> {
  if (fileIds.length === 0) return;
  const refused = await ctx.data.eventPhotos.remove(fileIds).catch((error: unknown) => {
    console.error(`[events.postSummary] ${eventId}: deleting photos failed`, error);
    return [];
  });
  if (refused.length > 0) console.error(`[events.postSummary] ${eventId}: storage kept photos no summary shows`, refused);
}

function toManagedEvent(event: EventDoc): ManagedEvent {
  const { openOffers, pendingCount } = toEventDetail(event);
  return { ...toEventSummary(event), openOffers, pendingCount };
}

/** Organizers' actions on events; the events function spreads them into its action table. */
export const managementActions: Pick<Actions<'events'>, ManagementActionName> = {
  create: {
    access: 'member',
    async run(input, ctx) {
      const [host, member] = await Promise.all([ctx.data.orgs.findById(input.orgId), ctx.member()]);
      if (!host) throw new AppError('NOT_FOUND');
      await ctx.requireRole(host, 'organizer');
      assertEventFields(input.fields, host._id, ctx.now);
      const hosts = await hostsOf(ctx, host, input.fields.coHostOrgIds);
      const id = requestedDocumentId('ev', member!._id, input.requestId);
      const { doc: event, created } = await ctx.data.events.insertRequested({ _id: id, ...newEventDoc(input.fields, hosts, member!._id, ctx.now) });
      if (created) ctx.audit({ collection: collections.events, id: event._id });
      return toEventDetail(event);
    },
  },

  update: {
    access: 'member',
    async run(input, ctx): Promise<EventDetail> {
      const { event, host } = await organizedEvent(ctx, input.id);
      const edit = planEventEdit(event, input.fields, ctx.now);
      const hosts = edit.coHostsChanged ? hostFields(await hostsOf(ctx, host, input.fields.coHostOrgIds)) : {};
      if (edit.lockedField !== null) assertLockedSettings(edit, await anyoneRegistered(ctx, event));
      let saved = await ctx.data.events.saveEdit(event._id, { ...edit.fields, ...hosts }, ctx.now, edit.lockedField !== null);
      if (!saved) return explainLostEdit(ctx, event._id, edit);
      ctx.audit({ collection: collections.events, id: event._id });
      // Capacity moves with the seat ledger: a raise seats the next in line, a cut never unseats anyone.
      if (edit.capacity !== null) saved = (await ctx.data.seatBook.setCapacity(event._id, edit.capacity, ctx.now)).event;
      // Drafts take no sign-ups, so only a listed event has registrations that copy it.
      if (edit.snapshot !== null && event.status !== 'draft') await ctx.data.registrations.updateEventSnapshot(event._id, edit.snapshot, ctx.now);
      // Stewards' documents carry the check-in window, so a scan needs no read of the event.
      if (saved.startAt.getTime() !== event.startAt.getTime() || saved.endAt.getTime() !== event.endAt.getTime()) {
        await ctx.data.checkin.moveWindow(event._id, checkInWindow(saved));
      }
      return toEventDetail(saved);
    },
  },

  publish: {
    access: 'member',
    async run(input, ctx) {
      const { event } = await organizedEvent(ctx, input.id);
      return eventDetail(ctx, await applyTransition(ctx, event, 'publish'));
    },
  },

  closeSignup: {
    access: 'member',
    async run(input, ctx) {
      const { event } = await organizedEvent(ctx, input.id);
      return eventDetail(ctx, await applyTransition(ctx, event, 'closeSignup'));
    },
  },

  cancelEvent: {
    access: 'member',
    async run(input, ctx) {
      const { event } = await organizedEvent(ctx, input.id);
      // Refuses an ended event; a repeat (already cancelled) goes on, to finish what an interrupted cancellation left
      // open. The seat book sets the status if not set yet, then ends each open registration and tells its member.
      decideTransition(event, 'cancel', ctx.now);
      const { statusSet, told: registrationsCancelled } = await ctx.data.seatBook.cancelEvent(event, input.message, ctx.now);
      if (statusSet || registrationsCancelled > 0) ctx.audit({ collection: collections.events, id: event._id });
      return { ...toEventDetail({ ...event, status: 'cancelled', updatedAt: ctx.now }), registrationsCancelled };
    },
  },

  managed: {
    access: 'member',
    async run(input, ctx) {
      const member = await ctx.member();
      if (!member) throw new AppError('FORBIDDEN');
      const tree = needsOrgTree(member) ? await ctx.data.orgs.listTree() : [];
      const rows = await ctx.data.events.listManaged(managedOrgIds(member, tree), pageWindow(input.page, input.pageSize));
      return toPage(rows, input.page, input.pageSize, toManagedEvent);
    },
  },

  postSummary: {
    access: 'member',
    async run(input, ctx) {
      const { event } = await organizedEvent(ctx, input.id);
      assertSummaryPostable(event, ctx.now);
      const photos = readSummaryPhotos(input.photos);
      const member = (await ctx.member())!;
      const postId = newSummaryPostId();
      // Uploaded before the write that shows them; the post's own id in their paths keeps them apart from any other post.
      const photoFileIds = await Promise.all(photos.map((photo, index) => ctx.data.eventPhotos.upload(summaryPhotoPath(event._id, postId, index, photo.format), photo.bytes)));
      const summary = { postId, text: input.text, photoFileIds, postedAt: ctx.now, postedBy: member._id };
      const saved = await ctx.data.events.saveSummary(event._id, summary, event.summary?.postId ?? null, ctx.now);
      if (!saved) {
        // Another organizer's post landed first: this one's photos are shown nowhere.
        await removePhotos(ctx, event._id, photoFileIds);
        throw new AppError('CONFLICT');
      }
      ctx.audit({ collection: collections.events, id: event._id });
      await removePhotos(ctx, event._id, summaryPhotoIds(event));
      return eventDetail(ctx, saved);
    },
  },
};
