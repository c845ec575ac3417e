import { cloudCredentials, openTarget } from './target';

/**
 * The conformance suites run against the emulator unless TCB_ENV, TCB_SECRET_ID and TCB_SECRET_KEY name a real
 * CloudBase environment; then they run there instead, on collections under a unique prefix. This says which.
 */
test('the conformance target is reported', async () => {
  if (!cloudCredentials()) {
    console.log('real CloudBase conformance skipped: set TCB_ENV, TCB_SECRET_ID and TCB_SECRET_KEY to run these suites against CloudBase');
    return;
  }
  const target = await openTarget();
  try {
    expect(target.kind).toBe('cloudbase');
    const name = await target.collection('reachability');
    const id = String((await target.db.collection(name).add({ probe: true })).id);
    expect((await target.db.collection(name).doc(id).get()).data).toEqual([{ _id: id, probe: true }]);
  } finally {
    await target.close();
  }
});
