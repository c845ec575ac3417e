import { startTestEmulator, connect } from './test/support/emulator';
process.env.TENCENTCLOUD = 'true'; process.env.SILENCE = 'true';
(async () => {
  const t = await startTestEmulator();
  const db = connect(t).database(); const _ = db.command;
  await db.createCollection('regs');
  await db.collection('events').add({ _id: 'ev', seatsTaken: 0, capacity: 1e9 });
  const N = 4000;
  let t0 = performance.now();
  for (let i = 0; i < N; i += 50) await Promise.all(Array.from({ length: 50 }, () => db.collection('events').doc('ev').get()));
  console.log('get/s', Math.round(N / ((performance.now() - t0) / 1000)));
  t0 = performance.now();
  for (let i = 0; i < N; i += 50) await Promise.all(Array.from({ length: 50 }, (_x, j) => db.collection('regs').add({ _id: `r${i + j}`, eventId: 'ev', at: new Date() })));
  console.log('add/s', Math.round(N / ((performance.now() - t0) / 1000)));
  t0 = performance.now();
  for (let i = 0; i < N; i += 50) await Promise.all(Array.from({ length: 50 }, () => db.collection('events').where({ _id: 'ev', seatsTaken: _.lt(1e9) }).update({ seatsTaken: _.inc(1) })));
  console.log('cond update/s', Math.round(N / ((performance.now() - t0) / 1000)));
  const M = 1000; t0 = performance.now();
  for (let i = 0; i < M; i += 20) await Promise.all(Array.from({ length: 20 }, (_x, j) => db.runTransaction(async (tx: any) => {
    const e = (await tx.collection('events').doc('ev').get()).data;
    await tx.collection('events').doc('ev').update({ seatsTaken: e.seatsTaken + 1 });
    await tx.collection('regs').doc(`t${i + j}`).set({ eventId: 'ev' });
  }, 50)));
  console.log('txn/s', Math.round(M / ((performance.now() - t0) / 1000)), 'requests', t.emulator.requestCount);
  await t.close();
})();
