import { type ConformanceTarget, openTarget } from './target';

let target: ConformanceTarget;
let registrations: string;
let events: string;

beforeAll(async () => {
  target = await openTarget();
  registrations = await target.collection('agg_registrations');
  events = await target.collection('agg_events');
  await target.db.collection(events).add([
    { _id: 'e1', title: 'Salon', kind: 'salon' },
    { _id: 'e2', title: 'Run', kind: 'sports' },
  ]);
  await target.db.collection(registrations).add([
    { _id: 'r1', eventId: 'e1', status: 'confirmed', sector: 'lawyer' },
    { _id: 'r2', eventId: 'e1', status: 'confirmed', sector: 'founder' },
    { _id: 'r3', eventId: 'e1', status: 'waitlisted', sector: 'lawyer' },
    { _id: 'r4', eventId: 'e2', status: 'confirmed', sector: 'lawyer' },
    { _id: 'r5', eventId: 'e2', status: 'cancelled', sector: 'media' },
  ]);
});

afterAll(() => target.close());

test('match, group, sort and project', async () => {
  const { data } = await target.db
    .collection(registrations)
    .aggregate()
    .match({ status: target.db.command.neq('cancelled') })
    .group({ _id: '$eventId', count: { $sum: 1 }, sectors: { $addToSet: '$sector' } })
    .sort({ count: -1 })
    .project({ _id: 0, eventId: '$_id', count: 1 })
    .end();
  expect(data).toEqual([
    { eventId: 'e1', count: 3 },
    { eventId: 'e2', count: 1 },
  ]);
});

test('count, sortByCount and lookup into another collection', async () => {
  const counted = await target.db.collection(registrations).aggregate().match({ status: 'confirmed' }).count('confirmed').end();
  expect(counted.data).toEqual([{ confirmed: 3 }]);
  const bySector = await target.db.collection(registrations).aggregate().sortByCount('$sector').limit(1).end();
  expect(bySector.data).toEqual([{ _id: 'lawyer', count: 3 }]);
  const joined = await target.db
    .collection(registrations)
    .aggregate()
    .match({ _id: 'r4' })
    .lookup({ from: events, localField: 'eventId', foreignField: '_id', as: 'event' })
    .end();
  expect((joined.data as { event: { title: string }[] }[])[0].event).toEqual([{ _id: 'e2', title: 'Run', kind: 'sports' }]);
});

test('without a limit stage an aggregation answers at most 20 documents', async () => {
  const many = await target.collection('agg_many');
  await target.db.collection(many).add(Array.from({ length: 30 }, (_, i) => ({ n: i })));
  expect((await target.db.collection(many).aggregate().match({}).end()).data).toHaveLength(20);
  expect((await target.db.collection(many).aggregate().match({}).limit(25).end()).data).toHaveLength(25);
});
