import { isPublicEvent, planEventList } from '../shared/domain/event-listing';
import { toEventSummary } from '../shared/domain/mapping';
import { toPage } from '../shared/domain/paging';
import { AppError, defineFunction } from '../shared/runtime';
import { eventDetail, managementActions } from './management';
import { registrationActions } from './registrations';

const fn = defineFunction('events', {
  list: {
    access: 'anyone',
    async run(input, ctx) {
      const rows = await ctx.data.events.list(planEventList(input, ctx.now));
      return toPage(rows, input.page, input.pageSize, toEventSummary);
    },
  },
  get: {
    access: 'anyone',
    async run(input, ctx) {
      const event = await ctx.data.events.findById(input.id);
      if (!event) throw new AppError('NOT_FOUND');
      if (!isPublicEvent(event)) {
        // A draft does not exist for anyone but its host's organizers.
        const host = ctx.openId === null ? null : await ctx.data.orgs.findById(event.orgId);
        if (!host || !(await ctx.hasRole(host, 'organizer'))) throw new AppError('NOT_FOUND');
      }
      return eventDetail(ctx, event);
    },
  },
  ...managementActions,
  ...registrationActions,
}, { timerAction: 'expireOffers' });

export const main = fn.main;
export const invoke = fn.invoke;
