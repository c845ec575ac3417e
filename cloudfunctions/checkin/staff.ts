import { collections, type EventDoc, type EventStaffDoc, type MemberDoc } from '../shared/data/documents';
import { checkInWindow, type CheckInWindow } from '../shared/domain/checkin-rules';
import { AppError, type ActionContext } from '../shared/runtime';

export function staffId(eventId: string, memberId: string): string {
  return `${eventId}_${memberId}`;
}

export function staffWindow(staff: EventStaffDoc): CheckInWindow {
  return { opensAt: staff.checkInOpensAt, closesAt: staff.checkInClosesAt };
}

export function newStaffDoc(event: EventDoc, member: MemberDoc, role: EventStaffDoc['role'], assignedBy: string, now: Date): EventStaffDoc {
  const window = checkInWindow(event);
  return {
    _id: staffId(event._id, member._id),
    eventId: event._id,
    memberId: member._id,
    openId: member.openId ?? '',
    name: member.profile?.name ?? '',
    role,
    assignedBy,
    assignedAt: now,
    checkInOpensAt: window.opensAt,
    checkInClosesAt: window.closesAt,
  };
}

/**
 * The caller's staff document at the event, from what they hold now: organizers of the host (and admins) scan as
 * organizers, holders of a steward grant on the host as stewards, each getting a document of their own on first use;
 * a member an organizer assigned keeps the steward role the assignment gave. A document a lost grant made is removed.
 */
export async function enrolStaff(ctx: ActionContext, eventId: string): Promise<{ staff: EventStaffDoc; event: EventDoc }> {
  ctx.requireOpenId();
  const [event, member] = await Promise.all([ctx.data.events.findById(eventId), ctx.member()]);
  if (!event || event.status === 'draft') throw new AppError('NOT_FOUND');
  if (!member || member.deletedAt) throw new AppError('FORBIDDEN');
  const [host, existing] = await Promise.all([ctx.data.orgs.findById(event.orgId), ctx.data.checkin.findStaffById(staffId(eventId, member._id))]);
  if (!host) throw new AppError('NOT_FOUND');
  const role = (await ctx.hasRole(host, 'organizer')) ? 'organizer' : (await ctx.hasRole(host, 'steward')) ? 'steward' : null;
  const fields = { openId: member.openId ?? '', name: member.profile?.name ?? '' };
  if (role === null) {
    const assigned = existing !== null && existing.assignedBy !== member._id;
    if (existing && assigned && existing.role !== 'steward') await ctx.data.checkin.setStaffRole(existing._id, 'steward', fields);
    if (existing && assigned) return { staff: { ...existing, ...fields, role: 'steward' }, event };
    if (existing) await ctx.data.checkin.removeStaff(existing._id, existing.role);
    throw new AppError('FORBIDDEN');
  }
  if (existing && existing.role === role && existing.openId === fields.openId && existing.name === fields.name) return { staff: existing, event };
  await ctx.requireRole(host, role);
  const audited = { collection: collections.eventStaff, id: staffId(eventId, member._id) };
  if (existing) {
    await ctx.data.checkin.setStaffRole(existing._id, role, fields);
    ctx.audit(audited);
    return { staff: { ...existing, ...fields, role }, event };
  }
  const doc = newStaffDoc(event, member, role, member._id, ctx.now);
  if (await ctx.data.checkin.addStaff(doc)) {
    ctx.audit(audited);
    return { staff: doc, event };
  }
  // Another call (a second tab, a burst of first scans) wrote the same document at the same moment.
  return { staff: (await ctx.data.checkin.findStaffById(doc._id)) ?? doc, event };
}

/** The caller's staff document by OPENID (the scan's first round trip), enrolling them if they have none yet. */
export async function requireStaff(ctx: ActionContext, eventId: string): Promise<EventStaffDoc> {
  const staff = await ctx.data.checkin.findStaff(eventId, ctx.requireOpenId());
  return staff ?? (await enrolStaff(ctx, eventId)).staff;
}
