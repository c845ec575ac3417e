import { type ConformanceTarget, type Database, failureOf, openTarget } from './target';

/** The transaction object the SDK hands to runTransaction callbacks (typed `any` by @cloudbase/database). */
interface Transaction {
  collection(name: string): ReturnType<Database['collection']>;
  rollback(reason?: unknown): Promise<unknown>;
  commit(): Promise<unknown>;
}

let target: ConformanceTarget;
let accounts: string;

beforeAll(async () => {
  target = await openTarget();
  accounts = await target.collection('ledger');
});

afterAll(() => target.close());

const run = <T>(work: (transaction: Transaction) => Promise<T>, retries?: number): Promise<T> =>
  target.db.runTransaction(work, retries) as Promise<T>;
const start = () => target.db.startTransaction() as Promise<Transaction>;
const balance = async (id: string) => ((await target.db.collection(accounts).doc(id).get()).data as { balance?: number }[])[0]?.balance;

test('a transaction moves money between two documents atomically and answers the callback result', async () => {
  await target.db.collection(accounts).add([{ _id: 'alice', balance: 100 }, { _id: 'bob', balance: 0 }]);
  const result = await run(async (transaction) => {
    const from = (await transaction.collection(accounts).doc('alice').get()).data as unknown as { balance: number };
    await transaction.collection(accounts).doc('alice').update({ balance: from.balance - 30 });
    await transaction.collection(accounts).doc('bob').update({ balance: target.db.command.inc(30) });
    return 'moved';
  });
  expect(result).toBe('moved');
  expect([await balance('alice'), await balance('bob')]).toEqual([70, 30]);
});

test('reads inside a transaction see its own writes; others see them only after commit', async () => {
  await target.db.collection(accounts).add({ _id: 'carol', balance: 5 });
  const transaction = await start();
  await transaction.collection(accounts).doc('carol').update({ balance: 6 });
  const inside = (await transaction.collection(accounts).doc('carol').get()).data as unknown as { balance: number };
  expect(inside.balance).toBe(6);
  expect(await balance('carol')).toBe(5);
  await transaction.commit();
  expect(await balance('carol')).toBe(6);
});

test('a callback that throws rolls everything back and the error comes out', async () => {
  await target.db.collection(accounts).add({ _id: 'dave', balance: 10 });
  const failure = await failureOf(
    run(async (transaction) => {
      await transaction.collection(accounts).doc('dave').update({ balance: 0 });
      await transaction.collection(accounts).add({ _id: 'dave-audit' });
      throw Object.assign(new Error('insufficient funds'), { code: 'INSUFFICIENT' });
    }),
  );
  expect(failure.code).toBe('INSUFFICIENT');
  expect(await balance('dave')).toBe(10);
  expect((await target.db.collection(accounts).doc('dave-audit').get()).data).toEqual([]);
});

test('rollback() inside the callback aborts with the given reason', async () => {
  await target.db.collection(accounts).add({ _id: 'erin', balance: 1 });
  const failure = await failureOf(
    run(async (transaction) => {
      await transaction.collection(accounts).doc('erin').set({ balance: 99 });
      await transaction.rollback({ code: 'CHANGED_MIND' });
    }),
  );
  expect(failure.code).toBe('CHANGED_MIND');
  expect(await balance('erin')).toBe(1);
});

test('add, set and delete inside a transaction; a duplicate add inside fails', async () => {
  await target.db.collection(accounts).add({ _id: 'frank', balance: 3 });
  await run(async (transaction) => {
    await transaction.collection(accounts).add({ _id: 'grace', balance: 7 });
    await transaction.collection(accounts).doc('heidi').set({ balance: 8 });
    await transaction.collection(accounts).doc('frank').delete();
  });
  expect([await balance('grace'), await balance('heidi'), await balance('frank')]).toEqual([7, 8, undefined]);
  const duplicate = await failureOf(run(async (transaction) => void (await transaction.collection(accounts).add({ _id: 'grace', balance: 0 }))));
  expect(duplicate.code).toBe('DATABASE_DUPLICATE_WRITE');
  expect(await balance('grace')).toBe(7);
});

test('a write that lands between a transaction read and its commit makes the commit conflict', async () => {
  // CloudBase answers a write-write conflict with DATABASE_TRANSACTION_CONFLICT, the code runTransaction retries on.
  await target.db.collection(accounts).add({ _id: 'ivan', balance: 50 });
  const transaction = await start();
  const seen = (await transaction.collection(accounts).doc('ivan').get()).data as unknown as { balance: number };
  await target.db.collection(accounts).doc('ivan').update({ balance: 1000 });
  const failure = await failureOf(
    (async () => {
      await transaction.collection(accounts).doc('ivan').update({ balance: seen.balance + 1 });
      await transaction.commit();
    })(),
  );
  expect(failure.code).toBe('DATABASE_TRANSACTION_CONFLICT');
  expect(await balance('ivan')).toBe(1000);
});

test('two transactions that both create the same id from "absent": one wins, the other conflicts', async () => {
  const first = await start();
  const second = await start();
  for (const transaction of [first, second]) expect((await transaction.collection(accounts).doc('judy').get()).data).toBeNull();
  await first.collection(accounts).doc('judy').set({ balance: 1 });
  await second.collection(accounts).doc('judy').set({ balance: 2 });
  await first.commit();
  expect((await failureOf(second.commit())).code).toBe('DATABASE_TRANSACTION_CONFLICT');
  expect(await balance('judy')).toBe(1);
});

test('N concurrent read-increment-write transactions on one counter end at N through runTransaction retries', async () => {
  const n = 10;
  await target.db.collection(accounts).add({ _id: 'counter', balance: 0 });
  const increment = () =>
    run(async (transaction) => {
      const current = (await transaction.collection(accounts).doc('counter').get()).data as unknown as { balance: number };
      await transaction.collection(accounts).doc('counter').update({ balance: current.balance + 1 });
    }, n);
  const requestsBefore = target.emulator?.emulator.requestCount ?? 0;
  await Promise.all(Array.from({ length: n }, increment));
  expect(await balance('counter')).toBe(n);
  // Without a single conflict, each increment takes 4 round trips (start, get, update, commit).
  if (target.emulator) expect(target.emulator.emulator.requestCount - requestsBefore).toBeGreaterThan(4 * n + 1);
});

test('a finished transaction cannot be used again', async () => {
  const transaction = await start();
  await transaction.commit();
  expect((await failureOf(transaction.collection(accounts).doc('alice').get())).code).toBeTruthy();
  expect((await failureOf(transaction.commit())).code).toBeTruthy();
});
