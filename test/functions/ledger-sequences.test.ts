import type { MyRegistration } from '../../cloudfunctions/shared/contract';
import { dataOf, harnessForThisFile, openIds, seedNow } from '../support/functions';
import { addEvent, addMembers, checkCounters, memberIdOf, signUp, statusOf } from './signup-support';

const harness = harnessForThisFile();

/** A small deterministic generator, so a failing sequence can be replayed from its seed. */
function generator(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % below;
  };
}

type Operation = 'signup' | 'cancel' | 'decide' | 'capacity' | 'claim' | 'decline' | 'expire';

describe('the seat counters after any sequence of operations', () => {
  it.each([
    ['auto', { waitlistMode: 'auto' as const }, 11],
    ['offer', { waitlistMode: 'offer' as const, offerHours: 1 }, 23],
    ['approval', { requiresApproval: true }, 37],
  ])('%s: a counter check finds nothing, and seats never exceed capacity', async (_name, settings, seed) => {
    const event = await addEvent(harness, { capacity: 4, ...settings });
    const members = await addMembers(harness, 14);
    const pick = generator(seed);
    const operations: Operation[] = ['signup', 'signup', 'signup', 'cancel', 'decide', 'capacity', 'claim', 'decline', 'expire'];
    let clock = seedNow.getTime();
    let capacity = 4;
    let previouslyHolding = 0;
    const seen = new Set<string>();
    for (let step = 0; step < 60; step++) {
      clock += 20 * 60 * 1000;
      const now = new Date(clock);
      const operation = operations[pick(operations.length)];
      const openId = members[pick(members.length)];
      // A few operations at once, so some of them race.
      const batch = Array.from({ length: 1 + pick(3) }, () => members[pick(members.length)]);
      switch (operation) {
        case 'signup':
          await Promise.all(batch.map((who) => signUp(harness, event._id, who, {}, now)));
          break;
        case 'cancel':
          await Promise.all(batch.map((who) => harness.call(who, 'events', 'cancel', { eventId: event._id }, { now })));
          break;
        case 'decide':
          await Promise.all(
            batch.map((who) =>
              harness.call(openIds.lujiazuiOrganizer, 'events', 'decide', { eventId: event._id, memberId: memberIdOf(who), approve: pick(3) > 0 }, { now }),
            ),
          );
          break;
        case 'capacity':
          capacity = 1 + pick(7);
          dataOf(await harness.call(openIds.lujiazuiOrganizer, 'events', 'setCapacity', { eventId: event._id, capacity }, { now }));
          break;
        case 'claim':
          await harness.call(openId, 'events', 'claimOffer', { eventId: event._id }, { now });
          break;
        case 'decline':
          await harness.call(openId, 'events', 'declineOffer', { eventId: event._id }, { now });
          break;
        case 'expire':
          await harness.call(null, 'events', 'expireOffers', {}, { now });
          break;
      }
      const check = await checkCounters(harness, event._id, now);
      if (!check.consistent) throw new Error(`step ${step} (${operation}): ${JSON.stringify(check)}`);
      expect(check.repairedSlots).toBe(0);
      const statuses = await Promise.all(members.map((who) => statusOf(harness, event._id, who, now)));
      const holding = statuses.filter((s): s is MyRegistration => s !== null && (s.status === 'confirmed' || s.status === 'offered')).length;
      expect(holding).toBe(check.counted.seatsTaken + check.counted.openOffers);
      // A capacity cut never unseats anyone, so seats held may stay above a lowered capacity; nothing adds to them then.
      if (holding > capacity) expect(holding).toBeLessThanOrEqual(previouslyHolding);
      previouslyHolding = holding;
      for (const status of statuses) if (status) seen.add(status.status);
      const waiting = statuses.filter((s) => s?.status === 'waitlisted').map((s) => s!.waitlistPosition).sort((a, b) => a! - b!);
      expect(waiting).toEqual(Array.from({ length: waiting.length }, (_, i) => i + 1));
      // Nobody waits while a seat is free (offers count as held).
      if (waiting.length > 0) expect(holding).toBeGreaterThanOrEqual(capacity);
    }
    // The sequence went through the standings that matter for this mode.
    expect([...seen]).toEqual(expect.arrayContaining(['confirmed', 'cancelled']));
    if (!('requiresApproval' in settings)) expect([...seen]).toContain('waitlisted');
    if ('waitlistMode' in settings && settings.waitlistMode === 'offer') expect([...seen]).toEqual(expect.arrayContaining(['offered', 'expired']));
    if ('requiresApproval' in settings) expect([...seen]).toEqual(expect.arrayContaining(['pending', 'rejected']));
  });
});
