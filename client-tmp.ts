import tcb from '@cloudbase/node-sdk';
process.env.TENCENTCLOUD = 'true'; process.env.SILENCE = 'true';
(async () => {
  const db = tcb.init({ env: 'e', secretId: 'i', secretKey: 'k', serviceUrl: 'http://127.0.0.1:47111/admin' }).database(); const _ = db.command;
  await db.createCollection('regs').catch(() => 0);
  await db.collection('events').doc('ev').set({ seatsTaken: 0, capacity: 1e9 });
  const run = async (label: string, n: number, f: (i: number) => Promise<unknown>) => {
    const t0 = performance.now(); let next = 0;
    await Promise.all(Array.from({ length: 8 }, async () => { while (next < n) await f(next++); }));
    console.log(label, Math.round(n / ((performance.now() - t0) / 1000)), '/s');
  };
  const tag = Date.now();
  await run('get', 3000, () => db.collection('events').doc('ev').get());
  await run('add', 3000, (i) => db.collection('regs').add({ _id: `r${tag}-${i}`, eventId: 'ev', at: new Date() }));
  await run('cond update', 3000, () => db.collection('events').where({ _id: 'ev', seatsTaken: _.lt(1e9) }).update({ seatsTaken: _.inc(1) }));
})();
