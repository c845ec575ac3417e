import { startTestEmulator, connect, declaredIndexes } from './test/support/emulator';
process.env.TENCENTCLOUD = 'true'; process.env.SILENCE = 'true';
(async () => {
  const t = await startTestEmulator({ indexes: { ...declaredIndexes, regs: [
    { name: 'eventId_createdAt', keys: [{ field: 'eventId', direction: 1 }, { field: 'createdAt', direction: -1 }] },
    { name: 'orgIds', keys: [{ field: 'orgIds', direction: 1 }] } ] } });
  const db = connect(t).database(); const _ = db.command;
  let t0 = Date.now();
  const base = Date.parse('2026-01-01T00:00:00Z');
  for (let b = 0; b < 100; b++) {
    const docs = Array.from({ length: 1000 }, (_, j) => { const i = b * 1000 + j; return { _id: `r${i}`, eventId: `e${i % 500}`, memberId: `m${i}`, status: i % 7 ? 'confirmed' : 'waitlisted', orgIds: [`o${i % 40}`, `o${(i + 1) % 40}`], createdAt: new Date(base + i * 1000), answers: { q1: 'some answer text here', q2: i } }; });
    await db.collection('regs').add(docs);
  }
  console.log('insert 100k ms', Date.now() - t0);
  const time = async (label: string, f: () => Promise<unknown>) => { const s = process.hrtime.bigint(); let r: any; for (let k = 0; k < 5; k++) r = await f(); console.log(label, Number(process.hrtime.bigint() - s) / 5e6, 'ms', Array.isArray(r.data) ? r.data.length : r.total); };
  await time('by event ordered', () => db.collection('regs').where({ eventId: 'e42' }).orderBy('createdAt', 'desc').limit(20).get());
  await time('by event + status', () => db.collection('regs').where({ eventId: 'e42', status: 'confirmed' }).orderBy('createdAt', 'desc').limit(20).get());
  await time('count by event', () => db.collection('regs').where({ eventId: 'e42' }).count());
  await time('orgIds contains', () => db.collection('regs').where({ orgIds: 'o7' }).limit(20).get());
  await time('unindexed', () => db.collection('regs').where({ memberId: 'm99999' }).get());
  await time('doc get', () => db.collection('regs').doc('r77777').get());
  await time('orgIds ordered', () => db.collection('regs').where({ orgIds: 'o7' }).orderBy('createdAt', 'desc').limit(20).get());
  await time('orgIds count', () => db.collection('regs').where({ orgIds: 'o7' }).count());
  await time('event range', () => db.collection('regs').where({ eventId: 'e42', createdAt: _.gte(new Date(base + 50000000)) }).orderBy('createdAt', 'desc').limit(20).get());
  await time('skip deep', () => db.collection('regs').where({ eventId: 'e42' }).orderBy('createdAt', 'desc').skip(150).limit(20).get());
  await t.close();
})();
